"""Extraction results as JSON: one line an article, with its text, metadata and events.

The format of `dateline extract` (no database) and `dateline load` (into a database): extraction
can run anywhere (a process pool, a Dask or Spark cluster) and one process loads the results.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateline.extract.records import (
    ActorKind,
    ActorRef,
    ActorRole,
    Article,
    DateValue,
    EventRecord,
    EventStatus,
    EventType,
    Evidence,
    Extraction,
    Precision,
)

FORMAT = "dateline-extraction/1"


def _date(value: DateValue | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {"edtf": value.edtf, "earliest": value.earliest.isoformat(), "latest": value.latest.isoformat(),
            "precision": value.precision.value}  # fmt: skip


def _event(e: EventRecord) -> dict[str, Any]:
    return {
        "type": e.type.value,
        "status": e.status.value,
        "date": _date(e.date),
        "date_text": e.date_text,
        "summary": e.summary,
        "trigger": e.trigger,
        "cameo": e.cameo,
        "confidence": e.confidence,
        "location": e.location,
        "actors": [
            {
                "kind": a.kind.value,
                "code": a.code,
                "name": a.name,
                "role": a.role.value,
                "state": a.state,
                "office": a.office,
            }
            for a in e.actors
        ],
        "evidence": [{"sentence": v.sentence, "start": v.start, "end": v.end} for v in e.evidence],
    }


def to_record(article: Article, extraction: Extraction, content_hash: str, extractor: str) -> dict[str, Any]:
    """One JSON-ready line: the article (text and metadata), its content hash and its events."""
    return {
        "format": FORMAT,
        "extractor": extractor,
        "content_hash": content_hash,
        "article": {
            "id": article.identifier,
            "title": article.title,
            "text": article.text,
            "published": article.published.isoformat() if article.published else None,
            "published_precision": article.published_precision,
            "url": article.url,
            "source": article.source,
            "language": article.language,
        },
        "events": [_event(e) for e in extraction.events],
    }


def _read_date(value: dict[str, Any] | None) -> DateValue | None:
    if value is None:
        return None
    return DateValue(value["edtf"], dt.date.fromisoformat(value["earliest"]), dt.date.fromisoformat(value["latest"]),
                     Precision(value["precision"]))  # fmt: skip


def _read_event(value: dict[str, Any]) -> EventRecord:
    return EventRecord(
        type=EventType(value["type"]),
        status=EventStatus(value["status"]),
        date=_read_date(value.get("date")),
        summary=value["summary"],
        evidence=tuple(Evidence(v["sentence"], int(v["start"]), int(v["end"])) for v in value["evidence"]),
        actors=tuple(
            ActorRef(ActorKind(a["kind"]), a["code"], a["name"], ActorRole(a["role"]), a.get("state"), a.get("office"))
            for a in value["actors"]
        ),
        date_text=value.get("date_text"),
        trigger=value.get("trigger"),
        cameo=value.get("cameo"),
        confidence=float(value.get("confidence", 0.5)),
        location=value.get("location"),
    )


def from_record(record: dict[str, Any]) -> tuple[Article, Extraction, str, str]:
    """The article, extraction, content hash and extractor version of one line.

    Raises KeyError or ValueError on a line that is not in the format.
    """
    if record.get("format") != FORMAT:
        raise ValueError(f"not a {FORMAT} record")
    a = record["article"]
    article = Article(
        identifier=a["id"],
        text=a["text"],
        title=a.get("title"),
        published=dt.date.fromisoformat(a["published"]) if a.get("published") else None,
        published_precision=a.get("published_precision"),
        url=a.get("url"),
        source=a.get("source"),
        language=a.get("language"),
    )
    events = tuple(_read_event(e) for e in record["events"])
    return article, Extraction(events=events), record["content_hash"], record["extractor"]
