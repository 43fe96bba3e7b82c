"""The Python API for notebooks: the same queries as the CLI, as records and DataFrames."""

from __future__ import annotations

from pathlib import Path

import pytest

from dateline.api.errors import UserError
from dateline.api.ingest import ingest
from dateline.api.notebook import Dateline
from dateline.store.engine import Database

pytestmark = pytest.mark.usefixtures("scripted")

CORPUS = (
    "Report\n"
    "@event visit 2021-06-10 ITA,UKR Luigi_Di_Maio=ITA Di Maio in Kyiv\n"
    "@event agreement 2021-06 ITA,UKR police deal\n"
    "@event sanctions 2014 EU,RUS sanctions\n"
    "@event meeting - ITA,UKR undated talks\n"
)


@pytest.fixture
def dl(db: Database, tmp_path: Path) -> Dateline:
    (tmp_path / "a.txt").write_text(CORPUS, encoding="utf-8")
    ingest(db, [tmp_path])
    return Dateline(db)


def test_events_with_cli_filters(dl: Dateline) -> None:
    """Names, demonyms and plain-int years work as on the command line."""
    found = dl.events(between=("Italy", "Ukrainian"), year=2021)
    assert [e.summary for e in found] == ["police deal", "Di Maio in Kyiv"]
    assert [e.summary for e in dl.events(country="EU", type=["sanctions"])] == ["sanctions"]


def test_records_and_dataframe(dl: Dateline) -> None:
    """Records carry the date label and sentence; the DataFrame has one row per event with real dates."""
    records = dl.records(country="Italy")
    assert [r["date_label"] for r in records] == ["June 2021", "10 June 2021", "Date unknown"]
    frame = dl.dataframe(country="Italy")
    assert list(frame["date_label"]) == ["June 2021", "10 June 2021", "Date unknown"]
    assert str(frame["date_start"].dtype).startswith("datetime64")


def test_timeline_ask_and_save(dl: Dateline, tmp_path: Path) -> None:
    """A chronology from filters or a question; saved by extension; Markdown for Jupyter."""
    chronology = dl.ask("what happened between Italy and Ukraine in 2021")
    assert chronology.title == "Chronology: events between Italy and Ukraine, in 2021"
    assert chronology._repr_markdown_().startswith("# Chronology: events between Italy and Ukraine, in 2021")
    assert [e.text for e in dl.timeline(year=2014).entries] == ["Sanctions involving the EU and Russia."]
    path = dl.save(chronology, tmp_path / "c.html")
    assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_mistakes_raise_user_error(dl: Dateline, tmp_path: Path) -> None:
    """Bad values raise UserError with the CLI's message."""
    with pytest.raises(UserError, match="unknown event type 'visits'"):
        dl.events(type="visits")
    with pytest.raises(UserError, match=r"cannot tell the format of 'c\.pdf'"):
        dl.save(dl.timeline(), tmp_path / "c.pdf")
