"""Events as text: JSON, JSON Lines, CSV and Markdown (the terminal table is in table.py)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator

from dateline.render.records import CSV_FIELDS, event_record, flat_record
from dateline.views import StoredEvent

FORMATS = ("table", "json", "jsonl", "csv", "markdown")


def jsonl_lines(events: Iterable[StoredEvent]) -> Iterator[str]:
    """One JSON object a line, each line ending in a newline."""
    for event in events:
        yield json.dumps(event_record(event), ensure_ascii=False) + "\n"


def to_json(events: Iterable[StoredEvent]) -> str:
    """A JSON array of event records."""
    return json.dumps([event_record(e) for e in events], ensure_ascii=False, indent=2) + "\n"


def to_csv(events: Iterable[StoredEvent]) -> str:
    """CSV with a header row, one event a row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(CSV_FIELDS), lineterminator="\n")
    writer.writeheader()
    for event in events:
        writer.writerow(flat_record(event))
    return out.getvalue()


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(events: Iterable[StoredEvent]) -> str:
    """A Markdown table: date, type, status, actors, summary, sources."""
    lines = ["| date | type | status | actors | summary | sources |", "| --- | --- | --- | --- | --- | --- |"]
    for e in events:
        actors = ", ".join([*e.codes, *e.persons])
        sources = ", ".join(dict.fromkeys(s.document for s in e.sources))
        cells = [e.date or "undated", e.type, e.status, actors, e.summary, sources]
        lines.append("| " + " | ".join(_md_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"
