"""The Python API for notebooks: the queries of the command line, returning records.

    from dateline.api.notebook import Dateline

    dl = Dateline("dateline.db")
    dl.events(between=("Italy", "Ukraine"), year=2021)      # list of StoredEvent
    dl.records(between=("Italy", "Ukraine"), year=2021)     # list of dicts, one per event
    dl.dataframe(country="Russia", type=["sanctions", "vote"])  # pandas DataFrame
    dl.timeline(between=("Italy", "Ukraine"))               # a Chronology (Markdown in Jupyter)
    dl.ask("what happened between Italy and Ukraine in 2021")
    dl.save(dl.timeline(year=2021), "chronology.docx")       # any format by extension

Filters are those of `dateline events`: date_from, date_to, year, country, between, person,
type, status, document, limit; a single value or a list where the command repeats an option.
Mistakes raise `dateline.api.errors.UserError` with the same one-line message the CLI prints.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dateline.api import queries
from dateline.api.ask import Reading, read_question
from dateline.api.errors import UserError
from dateline.api.timeline import describe
from dateline.api.timeline import timeline as build_timeline
from dateline.render.chronology import Chronology
from dateline.render.chronology_data import chronology_records
from dateline.render.markdown_doc import to_markdown_document
from dateline.render.timeline_formats import FormatError, format_for_path, render_chronology
from dateline.store.engine import DEFAULT_DB, Database, open_database
from dateline.store.queries import EventFilter
from dateline.views import StoredEvent

if TYPE_CHECKING:
    import pandas

_Many = str | Sequence[str] | None


def _many(value: _Many) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else list(value)


class Dateline:
    """A dateline database opened for queries from Python."""

    def __init__(self, db: str | Path | Database = DEFAULT_DB) -> None:
        """Open (and migrate) the database: a SQLite path, a SQLAlchemy URL or an open Database."""
        self.db = db if isinstance(db, Database) else open_database(str(db))

    def filter(
        self,
        *,
        date_from: str | int | None = None,
        date_to: str | int | None = None,
        year: str | int | None = None,
        country: _Many = None,
        between: tuple[str, str] | None = None,
        person: _Many = None,
        type: _Many = None,
        status: _Many = None,
        document: str | None = None,
        limit: int | None = None,
    ) -> EventFilter:
        """The EventFilter of these options, names resolved as on the command line."""
        return queries.filter_from_options(
            self.db,
            date_from=str(date_from) if date_from is not None else None,
            date_to=str(date_to) if date_to is not None else None,
            year=str(year) if year is not None else None,
            countries=_many(country),
            between=tuple(between) if between else None,
            persons=_many(person),
            types=_many(type),
            statuses=_many(status),
            document=document,
            limit=limit,
        )

    def events(self, **filters: Any) -> list[StoredEvent]:
        """The events the filters ask for, in chronological order, as frozen records."""
        return queries.events(self.db, self.filter(**filters))

    def timeline(self, **filters: Any) -> Chronology:
        """The chronology the filters ask for: date groups, sentences and numbered notes."""
        return build_timeline(self.db, self.filter(**filters))

    def records(self, **filters: Any) -> list[dict[str, Any]]:
        """One dict per event (its export record plus date label, sentence and notes)."""
        return chronology_records(self.timeline(**filters))

    def dataframe(self, **filters: Any) -> pandas.DataFrame:
        """The records as a pandas DataFrame (needs pandas: pip install 'dateline[pandas]')."""
        try:
            import pandas as pd
        except ImportError as exc:  # pragma: no cover - pandas is in the test extras
            raise UserError("pandas is not installed. Install it with pip install 'dateline[pandas]'") from exc
        rows = self.records(**filters)
        frame = pd.DataFrame(rows)
        for column in ("date_start", "date_end"):
            if column in frame:
                frame[column] = pd.to_datetime(frame[column])
        return frame

    def read(self, question: str, today: dt.date | None = None) -> Reading:
        """How `dateline ask` reads a question (its filters and description)."""
        return read_question(question, today=today)

    def ask(self, question: str, today: dt.date | None = None) -> Chronology:
        """The chronology that answers a plain question, as `dateline ask` prints it."""
        reading = read_question(question, today=today)
        flt = queries.filter_from_options(self.db, **reading.options())
        return build_timeline(self.db, flt, description=describe(flt))

    def save(self, chronology: Chronology, path: str | Path, lanes: str = "type") -> Path:
        """Write a chronology to `path`, in the format its extension names (.md .html .docx .png ...)."""
        target = Path(path)
        try:
            fmt = format_for_path(target)
        except FormatError as exc:
            raise UserError(str(exc)) from exc
        target.write_bytes(render_chronology(chronology, fmt, lanes=lanes))
        return target

    @staticmethod
    def markdown(chronology: Chronology) -> str:
        """The chronology as Markdown (what a notebook displays)."""
        return to_markdown_document(chronology)

    def close(self) -> None:
        """Release the database's connections."""
        self.db.dispose()
