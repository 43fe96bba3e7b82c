"""Stored events as plain dictionaries: the JSON Lines export of EXPORT.md and its relatives."""

from __future__ import annotations

from typing import Any

from dateline.views import StoredEvent


def _iso(value: object) -> str | None:
    return value.isoformat() if value is not None else None  # type: ignore[attr-defined]


def event_record(event: StoredEvent) -> dict[str, Any]:
    """One event in the export format that ../shared/eval/score.py reads, with extra keys."""
    return {
        "id": event.id,
        "type": event.type,
        "status": event.status,
        "date": event.date,
        "date_start": _iso(event.earliest),
        "date_end": _iso(event.latest),
        "precision": event.precision,
        "date_text": event.date_text,
        "actors": list(event.codes),
        "persons": list(event.persons),
        "actor_roles": [
            {
                "kind": a.kind,
                "code": a.code,
                "name": a.name,
                "role": a.role,
                **({"office": a.office} if a.office else {}),
            }
            for a in event.actors
        ],
        "summary": event.summary,
        "cameo": event.cameo,
        "location": event.location,
        "confidence": round(event.confidence, 3),
        "sources": [
            {
                "document": s.document,
                "sentence": s.sentence,
                "start": s.start,
                "end": s.end,
                "title": s.title,
                "url": s.url,
                "published": _iso(s.published),
            }
            for s in event.sources
        ],
    }


CSV_FIELDS = (
    "id", "date", "date_start", "date_end", "type", "status", "actors", "persons", "summary",
    "cameo", "documents", "sentence",
)  # fmt: skip


def flat_record(event: StoredEvent) -> dict[str, Any]:
    """One event as a flat row for CSV: lists joined with "; "."""
    return {
        "id": event.id,
        "date": event.date or "",
        "date_start": _iso(event.earliest) or "",
        "date_end": _iso(event.latest) or "",
        "type": event.type,
        "status": event.status,
        "actors": "; ".join(event.codes),
        "persons": "; ".join(event.persons),
        "summary": event.summary,
        "cameo": event.cameo or "",
        "documents": "; ".join(dict.fromkeys(s.document for s in event.sources)),
        "sentence": event.sources[0].sentence if event.sources else "",
    }
