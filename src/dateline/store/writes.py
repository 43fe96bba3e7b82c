"""Writing articles and their events: one transaction per article, done by the caller."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

from sqlalchemy import case, delete, exists, insert, select, update
from sqlalchemy.orm import Session

from dateline.extract.codes import is_state_code
from dateline.extract.records import ActorKind, ActorRef, Article, EventRecord, Extraction
from dateline.store.actor_ids import ActorDirectory, ActorIds, actor_ids
from dateline.store.merge import StoredMatch, find_same_happenings
from dateline.store.models import Document, Event, EventActor, EventSource, utcnow


class Outcome(StrEnum):
    """What storing an article did."""

    NEW = "new"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"


def _links(record: EventRecord) -> list[ActorRef]:
    """The record's actors, each person's state joining as an actor too (a person counts for it)."""
    refs = list(record.actors)
    present = {a.code for a in refs if a.kind is not ActorKind.PERSON}
    for ref in record.actors:
        if ref.kind is ActorKind.PERSON and ref.state and ref.state not in present:
            kind = ActorKind.STATE if is_state_code(ref.state) else ActorKind.ORGANISATION
            refs.append(ActorRef(kind=kind, code=ref.state, name=ref.state, role=ref.role))
            present.add(ref.state)
    return refs


def _event_values(record: EventRecord) -> dict[str, object]:
    date = record.date
    return {
        "type": record.type.value,
        "status": record.status.value,
        "date_edtf": date.edtf if date else None,
        "date_earliest": date.earliest if date else None,
        "date_latest": date.latest if date else None,
        "date_precision": date.precision.value if date else None,
        "date_text": record.date_text,
        "summary": record.summary,
        "trigger": record.trigger,
        "cameo": record.cameo,
        "location": record.location,
        "confidence": record.confidence,
        "created_at": utcnow(),
    }


def _drop_document_events(session: Session, document: Document) -> None:
    """Remove a document's sources, and the events no other document reports."""
    session.execute(delete(EventSource).where(EventSource.document_id == document.id))
    orphans = select(Event.id).where(~exists().where(EventSource.event_id == Event.id))
    session.execute(delete(Event).where(Event.id.in_(orphans)))


def save_article(
    session: Session,
    article: Article,
    extraction: Extraction,
    *,
    content_hash: str,
    extractor: str,
    path: str | None = None,
    directory: ActorDirectory | None = None,
    cache: ActorIds | None = None,
) -> Outcome:
    """Store an article and its events, replacing what an earlier version of it left.

    An article whose identifier, content hash and extractor version are already stored is left
    as it is. The caller commits (or rolls back) the session: one transaction per article.
    """
    document = session.scalar(select(Document).where(Document.identifier == article.identifier))
    if document is not None:
        if document.content_hash == content_hash and document.extractor_version == extractor:
            return Outcome.UNCHANGED
        _drop_document_events(session, document)
        outcome = Outcome.REPLACED
    else:
        document = Document(identifier=article.identifier)
        session.add(document)
        outcome = Outcome.NEW
    document.title = article.title
    document.source = article.source
    document.url = article.url
    document.published = article.published
    document.published_precision = article.published_precision
    document.language = article.language
    document.content_hash = content_hash
    document.extractor_version = extractor
    document.path = path
    document.text = article.text
    document.ingested_at = utcnow()
    session.flush()
    _store_events(session, extraction.events, document.id, directory, cache or ActorIds())
    return outcome


def _store_events(session: Session, records: Iterable[EventRecord], document_id: int,
                  directory: ActorDirectory | None, cache: ActorIds) -> None:  # fmt: skip
    """Write an article's events in a few batched statements; a happening another article
    reported already gets this article as one more source instead of a new event."""
    records = list(records)
    ids = actor_ids(session, [ref for r in records for ref in _links(r)], directory, cache)
    merged: list[tuple[EventRecord, StoredMatch]] = []
    new: list[EventRecord] = []
    wanted = [(record, sorted({ids[(ref.kind.value, ref.code)] for ref in _links(record)})) for record in records]
    for record, match in zip(records, find_same_happenings(session, wanted), strict=True):
        if match is None:
            new.append(record)
        else:
            merged.append((record, match))
    # Core inserts on the session's connection: the ORM's bulk path costs more than the database.
    connection = session.connection()
    event_ids: list[int] = []
    if new:
        event_table = Event.__table__
        event_ids = list(
            connection.execute(
                insert(event_table).returning(event_table.c.id, sort_by_parameter_order=True),
                [_event_values(r) for r in new],
            ).scalars()
        )
    links: list[dict[str, object]] = []
    sources: list[dict[str, object]] = []
    targets = [
        (r, event_id, set(), (r.date.earliest, r.date.latest) if r.date else (None, None))
        for r, event_id in zip(new, event_ids, strict=True)
    ]
    targets += [(r, m.id, m.links, _merged_dates(m, r)) for r, m in merged]
    for record, event_id, existing, (start, end) in targets:
        position = len(existing)
        for ref in _links(record):
            key = (ids[(ref.kind.value, ref.code)], ref.role.value)
            if key in existing:
                continue
            existing.add(key)
            links.append({"event_id": event_id, "actor_id": key[0], "role": key[1], "position": position,
                          "office": ref.office, "date_earliest": start, "date_latest": end})  # fmt: skip
            position += 1
        for ev in record.evidence:
            sources.append({"event_id": event_id, "document_id": document_id, "sentence": ev.sentence,
                            "start": ev.start, "end": ev.end, "date_text": record.date_text})  # fmt: skip
    if links:
        connection.execute(insert(EventActor.__table__), links)
    if sources:
        connection.execute(insert(EventSource.__table__), sources)
    for record, match in merged:
        _narrow(session, match, record)


def _merged_dates(match: StoredMatch, record: EventRecord) -> tuple[dt.date, dt.date]:
    """The start and end an event will have once a new report is merged into it (the narrower date's)."""
    date = record.date
    if date is not None and (date.latest - date.earliest) < (match.latest - match.earliest):
        return date.earliest, date.latest
    return match.earliest, match.latest


def _narrow(session: Session, match: StoredMatch, record: EventRecord) -> None:
    """Give a stored event the date of a new report when it is more precise, and the higher confidence."""
    # CASE rather than max(a, b): the two-argument max is SQLite's, PostgreSQL calls it greatest.
    values: dict[str, object] = {
        "confidence": case((Event.confidence < record.confidence, record.confidence), else_=Event.confidence)
    }
    date = record.date
    if date is not None and (date.latest - date.earliest) < (match.latest - match.earliest):
        values.update(date_edtf=date.edtf, date_earliest=date.earliest, date_latest=date.latest,
                      date_precision=date.precision.value, date_text=record.date_text)  # fmt: skip
        session.execute(
            update(EventActor)
            .where(EventActor.event_id == match.id)
            .values(date_earliest=date.earliest, date_latest=date.latest)
        )
    session.execute(update(Event).where(Event.id == match.id).values(**values))
