"""`dateline events`, `show` and `export`: reading events back."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from dateline.api import queries
from dateline.api.errors import UserError
from dateline.cli.common import DbOption, open_db, stdout, user_errors, write_events
from dateline.render.formats import jsonl_lines, to_csv, to_json, to_markdown
from dateline.render.records import event_record
from dateline.render.table import event_panel
from dateline.store.engine import DEFAULT_DB, Database
from dateline.store.queries import EventFilter


class Format(StrEnum):
    """Output formats of `dateline events`."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"
    markdown = "markdown"


class ExportFormat(StrEnum):
    """Output formats of `dateline export`."""

    jsonl = "jsonl"
    json = "json"
    csv = "csv"


FromOption = Annotated[
    str | None, typer.Option("--from", help="Events on or after this date: 2021, 2021-06 or 2021-06-10.")
]
ToOption = Annotated[
    str | None, typer.Option("--to", help="Events on or before this date: 2021, 2021-06 or 2021-06-10.")
]
YearOption = Annotated[str | None, typer.Option("--year", help="Events in this year (overlapping it).")]
CountryOption = Annotated[
    list[str] | None,
    typer.Option("--country", "-c", help="Involving this state or organisation: name, demonym or code (repeatable)."),
]
BetweenOption = Annotated[
    tuple[str, str] | None,
    typer.Option("--between", help="Involving both A and B, e.g. --between Italy Ukraine.", show_default=False),
]
PersonOption = Annotated[list[str] | None, typer.Option("--person", "-p", help="Involving this person (repeatable).")]
TypeOption = Annotated[
    list[str] | None, typer.Option("--type", "-t", help="Event type (repeatable): visit, meeting, ...")
]
StatusOption = Annotated[list[str] | None, typer.Option("--status", help="occurred or planned (repeatable).")]
DocumentOption = Annotated[str | None, typer.Option("--document", help="Reported by this document (its identifier).")]
LimitOption = Annotated[int | None, typer.Option("--limit", help="At most this many events.")]


def event_filter(
    database: Database,
    date_from: str | None,
    date_to: str | None,
    year: str | None,
    country: list[str] | None,
    between: tuple[str, str] | None,
    person: list[str] | None,
    type_: list[str] | None,
    status: list[str] | None,
    document: str | None,
    limit: int | None,
) -> EventFilter:
    """The query filter of the options that `events`, `timeline` and others share."""
    return queries.filter_from_options(
        database,
        date_from=date_from,
        date_to=date_to,
        year=year,
        countries=country,
        between=between,
        persons=person,
        types=type_,
        statuses=status,
        document=document,
        limit=limit,
    )


def events(
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
    format_: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List stored events, in date order, filtered.

    A date filter matches an event whose date interval overlaps the range asked for:
    --year 2021 matches an event dated 2021-06-10, 2021-06 and 2021, and one dated
    2020-12/2021-01.
    """
    with user_errors():
        database = open_db(db)
        flt = event_filter(database, date_from, date_to, year, country, between, person, type_, status, document, limit)
        found = queries.events(database, flt)
    if format_ is Format.table:
        if found:
            write_events(found)
        typer.echo(f"{len(found)} events", err=True)
    elif format_ is Format.json:
        sys.stdout.write(to_json(found))
    elif format_ is Format.jsonl:
        sys.stdout.writelines(jsonl_lines(found))
    elif format_ is Format.csv:
        sys.stdout.write(to_csv(found))
    else:
        sys.stdout.write(to_markdown(found))


def show(
    event_id: Annotated[int, typer.Argument(help="The event's id, as `dateline events` lists it.")],
    format_: Annotated[Format, typer.Option("--format", "-f", help="table (readable) or json.")] = Format.table,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Show one event with its actors, sources and evidence sentences."""
    with user_errors():
        found = queries.event(open_db(db), event_id)
    if format_ is Format.table:
        stdout.print(event_panel(found))
    elif format_ is Format.json:
        sys.stdout.write(json.dumps(event_record(found), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.writelines(jsonl_lines([found]))


def export(
    format_: Annotated[ExportFormat, typer.Option("--format", "-f", help="Export format.")] = ExportFormat.jsonl,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Export every event: JSON Lines in the format of the evaluation's EXPORT.md, JSON or CSV.

    Each record has id, type, status, date (EDTF), date_start, date_end, actors (codes),
    persons, summary and sources (document identifier and sentence), plus CAMEO code,
    precision, date phrase and actor roles.
    """
    with user_errors():
        database = open_db(db)
        events_iter = queries.all_events(database)
        try:
            out = output.open("w", encoding="utf-8") if output else sys.stdout
        except OSError as exc:
            raise UserError(f"cannot write {output} ({exc.strerror})") from exc
        try:
            if format_ is ExportFormat.jsonl:
                out.writelines(jsonl_lines(events_iter))
            elif format_ is ExportFormat.json:
                out.write(to_json(events_iter))
            else:
                out.write(to_csv(events_iter))
        finally:
            if output:
                out.close()
