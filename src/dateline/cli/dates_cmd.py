"""`dateline dates`: the temporal expressions of articles, as the tagger reads them."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from dateline.api.dates import date_bounds
from dateline.cli.common import stdout, user_errors
from dateline.extract.records import Timex
from dateline.ingest.errors import ReadError


class DatesFormat(StrEnum):
    """Output formats of `dateline dates`."""

    table = "table"
    jsonl = "jsonl"


def _record(document: str, t: Timex, whole: Timex) -> dict[str, Any]:
    return {
        "document": document,
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type.value,
        "value": t.value,
        "date": t.date.edtf if t.date else None,
        "earliest": t.date.earliest.isoformat() if t.date else None,
        "latest": t.date.latest.isoformat() if t.date else None,
        "precision": t.date.precision.value if t.date else None,
        "modifier": t.modifier,
        "anchor": t.anchor.value,
        "citation": t.citation,
        "range": whole.date.edtf if whole is not t and whole.date else None,
    }


def dates(
    paths: Annotated[list[Path], typer.Argument(help="Article files or folders, read as ingest reads them.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for articles whose metadata gives none.")
    ] = None,
    format_: Annotated[DatesFormat, typer.Option("--format", "-f", help="Output format.")] = DatesFormat.table,
) -> None:
    """Print the temporal expressions found in articles, resolved against their publication date.

    JSON Lines output has one object a line: document, start, end (Python string offsets into
    the article text), text, type (DATE, TIME, DURATION, SET), value (TimeML), date (EDTF),
    earliest, latest, precision, modifier, anchor (absolute, publication, discourse) and
    citation (true for a source citation in parentheses, never used to date an event). A range
    such as "June 11-12" is written as its two ends, as TimeML annotates it, each with the
    whole range in "range".
    """
    from dateline.api.reading import read_articles  # the file readers: only the commands that read need them
    from dateline.extract.timex import TimexTagger  # loads dateparser: only this command needs it

    with user_errors():
        reference = date_bounds(published, "--published")[0] if published else None
    tagger = TimexTagger()
    failed = 0
    table = Table("document", "text", "type", "value", "date", "precision", "anchor", "citation")
    out = sys.stdout
    for item in read_articles(paths, reference):
        if isinstance(item, ReadError):
            typer.echo(f"Error: {item.location}: {item.reason}", err=True)
            failed += 1
            continue
        article = item.article
        for whole in tagger.tag(article.text, article.published):
            for t in whole.parts or (whole,):
                record = _record(article.identifier, t, whole)
                if format_ is DatesFormat.jsonl:
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                else:
                    cells = (record["date"], record["precision"], t.anchor.value, "yes" if t.citation else "")
                    table.add_row(article.identifier, t.text, t.type.value, t.value, *(c or "" for c in cells))
    if format_ is DatesFormat.table:
        stdout.print(table)
    if failed:
        raise typer.Exit(1)
