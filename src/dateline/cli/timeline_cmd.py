"""`dateline timeline`: a chronology of the stored events, for a briefing, in many formats."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dateline.api.errors import UserError
from dateline.api.timeline import timeline as build_timeline
from dateline.cli.common import DbOption, colours, open_db, stdout, user_errors, write_out
from dateline.cli.query_cmd import (
    BetweenOption,
    CountryOption,
    DocumentOption,
    FromOption,
    LimitOption,
    PersonOption,
    StatusOption,
    ToOption,
    TypeOption,
    YearOption,
    event_filter,
)
from dateline.render.chronology import Chronology
from dateline.render.timeline_formats import BINARY, FormatError, format_for_path, render_chronology
from dateline.render.timeline_text import to_plain_text
from dateline.store.engine import DEFAULT_DB


class TimelineFormat(StrEnum):
    """Output formats of `dateline timeline`."""

    terminal = "terminal"
    text = "text"
    markdown = "markdown"
    html = "html"
    docx = "docx"
    csv = "csv"
    json = "json"
    ics = "ics"
    png = "png"
    svg = "svg"


class Lanes(StrEnum):
    """What the chart's lanes are."""

    type = "type"
    country = "country"


TimelineFormatOption = Annotated[
    TimelineFormat | None,
    typer.Option(
        "--format", "-f", help="Output format (default: terminal, or what --output's extension says).",
        show_default=False,
    ),
]  # fmt: skip
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o",
        help="Write to this file; the extension picks the format: .md .html .docx .csv .json .ics .txt, "
        ".png or .svg (the chart).",
    ),
]  # fmt: skip
LanesOption = Annotated[Lanes, typer.Option("--lanes", help="Chart lanes: one per event type or per country.")]


def _chosen_format(format_: TimelineFormat | None, output: Path | None) -> str:
    if output is None:
        fmt = str(format_ or TimelineFormat.terminal)
        if fmt in BINARY:
            raise UserError(f"{fmt} is a binary format and cannot go to the terminal. Write it to a file: "
                            f"--output timeline.{fmt}")  # fmt: skip
        return fmt
    try:
        fmt = format_for_path(output)
    except FormatError as exc:
        raise UserError(str(exc)) from exc
    if format_ is not None and str(format_) != fmt and not (fmt == "text" and format_ is TimelineFormat.terminal):
        raise UserError(f"--format {format_} does not match {output.name!r}. Give one of them, or a matching file name")
    return fmt


def emit(chronology: Chronology, format_: TimelineFormat | None, output: Path | None, lanes: Lanes) -> None:
    """Write the chronology where and how the options say, and its size on stderr."""
    fmt = _chosen_format(format_, output)
    count = len(chronology.entries)
    summary = f"{count} event{'s' if count != 1 else ''}"
    if output is None and fmt == "terminal" and sys.stdout.isatty():
        write_out(to_plain_text(chronology, width=min(stdout.width, 120), color=colours()))
        typer.echo(summary, err=True)
        return
    # Piped, the terminal format is the same layout as plain text: no colours, no padding.
    data = render_chronology(chronology, fmt, lanes=str(lanes))
    if output is None:
        sys.stdout.write(data.decode("utf-8"))
        typer.echo(summary, err=True)
        return
    try:
        output.write_bytes(data)
    except OSError as exc:
        raise UserError(f"cannot write {output} ({exc.strerror}). Check the folder exists and is writable") from exc
    typer.echo(f"{summary}; wrote {output} ({fmt})", err=True)


def timeline(
    date_from: FromOption = None,
    date_to: ToOption = None,
    year: YearOption = None,
    country: CountryOption = None,
    between: BetweenOption = None,
    person: PersonOption = None,
    type_: TypeOption = None,
    status: StatusOption = None,
    document: DocumentOption = None,
    limit: LimitOption = None,
    format_: TimelineFormatOption = None,
    output: OutputOption = None,
    lanes: LanesOption = Lanes.type,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Print a chronology of stored events, grouped by date, each with its sources.

    Takes the filters of `dateline events`. Each date shows at its precision ("10 June 2021",
    "June 2021", "the 1960s", "late 2020"); planned events are marked; undated events come
    last. Formats: the terminal, text, Markdown with numbered source notes, a self-contained
    HTML page, DOCX, CSV, JSON, iCalendar, and a chart (PNG or SVG): --output FILE picks the
    format from its extension.
    """
    with user_errors():
        database = open_db(db)
        flt = event_filter(database, date_from, date_to, year, country, between, person, type_, status, document, limit)
        _chosen_format(format_, output)
        chronology = build_timeline(database, flt)
        emit(chronology, format_, output, lanes)
