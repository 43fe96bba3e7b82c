"""A chronology as data: flat rows for CSV, records for JSON (and for notebooks)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from dateline.render.chronology import Chronology, Entry, SourceNote
from dateline.render.records import event_record

ROW_FIELDS = (
    "date_label", "date", "date_start", "date_end", "precision", "status", "type", "entry", "summary",
    "actors", "persons", "location", "documents", "notes", "id",
)  # fmt: skip


def chronology_row(entry: Entry) -> dict[str, Any]:
    """One entry as a flat row: lists joined with "; "."""
    e = entry.event
    return {
        "date_label": entry.date,
        "date": e.date or "",
        "date_start": e.earliest.isoformat() if e.earliest else "",
        "date_end": e.latest.isoformat() if e.latest else "",
        "precision": e.precision or "",
        "status": e.status,
        "type": e.type,
        "entry": entry.text,
        "summary": e.summary,
        "actors": "; ".join(e.codes),
        "persons": "; ".join(e.persons),
        "location": e.location or "",
        "documents": "; ".join(dict.fromkeys(s.document for s in e.sources)),
        "notes": " ".join(f"[{n}]" for n in entry.notes),
        "id": e.id,
    }


def chronology_record(entry: Entry, notes: dict[int, SourceNote]) -> dict[str, Any]:
    """One entry as a record: the event's export record with its date label, sentence and notes."""
    record = {"date_label": entry.date, "entry": entry.text, **event_record(entry.event)}
    record["notes"] = [{"number": n, "citation": notes[n].citation(), "document": notes[n].source.document}
                       for n in entry.notes]  # fmt: skip
    return record


def to_chronology_csv(chronology: Chronology) -> str:
    """CSV with a header row, one entry a row, in chronological order."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(ROW_FIELDS), lineterminator="\n")
    writer.writeheader()
    for entry in chronology.entries:
        writer.writerow(chronology_row(entry))
    return out.getvalue()


def chronology_records(chronology: Chronology) -> list[dict[str, Any]]:
    """The entries as records, in chronological order."""
    notes = {n.number: n for n in chronology.notes}
    return [chronology_record(entry, notes) for entry in chronology.entries]


def to_chronology_json(chronology: Chronology) -> str:
    """A JSON array of entry records."""
    return json.dumps(chronology_records(chronology), ensure_ascii=False, indent=2) + "\n"
