"""Writing articles and their events with Core statements built once; the caller owns the transaction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from enum import StrEnum

from sqlalchemy import bindparam, case, delete, exists, select, update
from sqlalchemy.orm import Session

from dateline.extract.codes import is_state_code
from dateline.extract.records import ActorKind, ActorRef, Article, EventRecord, Extraction
from dateline.store.actor_ids import ActorDirectory, ActorIds, actor_ids
from dateline.store.merge import StoredMatch, find_same_happenings
from dateline.store.models import Document, Event, EventActor, EventSource, link_entry, utcnow
from dateline.store.raw import Cursor, marks


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
        "actor_links": "",  # its links are added as they are written (see _store_events)
        "summary": record.summary,
        "trigger": record.trigger,
        "cameo": record.cameo,
        "location": record.location,
        "confidence": record.confidence,
        "created_at": utcnow(),
    }


# Statements built once: building and hashing a statement anew costs more than running it.
_DOCUMENT = Document.__table__
_EVENT = Event.__table__
_EVENT_ACTOR = EventActor.__table__
_EVENT_SOURCE = EventSource.__table__
_STORED = select(_DOCUMENT.c.identifier, _DOCUMENT.c.id, _DOCUMENT.c.content_hash, _DOCUMENT.c.extractor_version).where(
    _DOCUMENT.c.identifier.in_(bindparam("identifiers", expanding=True))
)
_DOCUMENT_COLUMNS = ("identifier", "title", "source", "url", "published", "published_precision", "language",
                     "content_hash", "extractor_version", "path", "text", "ingested_at")  # fmt: skip
_EVENT_COLUMNS = ("type", "status", "date_edtf", "date_earliest", "date_latest", "date_precision", "date_text",
                  "actor_links", "summary", "trigger", "cameo", "location", "confidence", "created_at")  # fmt: skip


def _inserting(table: str, columns: Sequence[str], returning: bool = False) -> str:
    names = ", ".join(f'"{column}"' for column in columns)
    return f"INSERT INTO {table} ({names}) VALUES ({marks(len(columns))})" + (" RETURNING id" if returning else "")


# The statements run for every article: SQL for the DBAPI cursor (see store/raw.py).
_INSERT_DOCUMENT = _inserting("document", _DOCUMENT_COLUMNS, returning=True)
_INSERT_EVENT = _inserting("event", _EVENT_COLUMNS, returning=True)
_INSERT_LINK = _inserting(
    "event_actor", ("event_id", "actor_id", "role", "position", "office", "date_earliest", "date_latest", "type")
)
_INSERT_SOURCE = _inserting("event_source", ("event_id", "document_id", "sentence", "start", "end", "date_text"))
# NULL stays NULL: an event whose links cannot be kept as text, or were not, is read from event_actor.
_APPEND_LINKS = "UPDATE event SET actor_links = actor_links || ? WHERE id = ?"
_UPDATE_DOCUMENT = update(_DOCUMENT).where(_DOCUMENT.c.id == bindparam("document_id"))
_DROP_SOURCES = delete(_EVENT_SOURCE).where(_EVENT_SOURCE.c.document_id == bindparam("document_id"))
_DROP_ORPHANS = delete(_EVENT).where(
    _EVENT.c.id.in_(select(_EVENT.c.id).where(~exists().where(_EVENT_SOURCE.c.event_id == _EVENT.c.id)))
)
# CASE rather than max(a, b): the two-argument max is SQLite's, PostgreSQL calls it greatest.
_HIGHER = case((_EVENT.c.confidence < bindparam("new_confidence"), bindparam("new_confidence")),
               else_=_EVENT.c.confidence)  # fmt: skip
_RAISE = update(_EVENT).where(_EVENT.c.id == bindparam("target_id")).values(confidence=_HIGHER)
_NARROW = (
    update(_EVENT)
    .where(_EVENT.c.id == bindparam("target_id"))
    .values(
        confidence=_HIGHER,
        date_edtf=bindparam("new_edtf"),
        date_earliest=bindparam("new_earliest"),
        date_latest=bindparam("new_latest"),
        date_precision=bindparam("new_precision"),
        date_text=bindparam("new_text"),
    )
)
_NARROW_LINKS = (
    update(_EVENT_ACTOR)
    .where(_EVENT_ACTOR.c.event_id == bindparam("target_id"))
    .values(date_earliest=bindparam("new_earliest"), date_latest=bindparam("new_latest"))
)

StoredDocument = tuple[int, str, str]  # id, content hash, extractor version


def stored_documents(session: Session, identifiers: Iterable[str]) -> dict[str, StoredDocument]:
    """The stored documents among `identifiers`, in one query: identifier -> (id, hash, extractor)."""
    wanted = sorted(set(identifiers))
    if not wanted:
        return {}
    rows = session.connection().execute(_STORED, {"identifiers": wanted})
    return {identifier: (document_id, content_hash, version) for identifier, document_id, content_hash, version in rows}


def _event_row(cursor: Cursor, record: EventRecord) -> list[object]:
    values = _event_values(record)
    row = [values[column] for column in _EVENT_COLUMNS]
    row[3], row[4], row[-1] = cursor.day(row[3]), cursor.day(row[4]), cursor.time(row[-1])
    return row


def _drop_document_events(session: Session, document_id: int) -> None:
    """Remove a document's sources, and the events no other document reports."""
    connection = session.connection()
    connection.execute(_DROP_SOURCES, {"document_id": document_id})
    connection.execute(_DROP_ORPHANS)


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
    stored: dict[str, StoredDocument] | None = None,
) -> Outcome:
    """Store an article and its events, replacing what an earlier version of it left.

    An article whose identifier, content hash and extractor version are already stored is left
    as it is. `stored` is what `stored_documents` found for a batch of articles this one is part of
    (asked here when not given); the article's own entry is brought up to date in it. The caller
    commits (or rolls back) the session.
    """
    if stored is None:
        stored = stored_documents(session, [article.identifier])
    found = stored.get(article.identifier)
    values: dict[str, object] = {
        "identifier": article.identifier,
        "title": article.title,
        "source": article.source,
        "url": article.url,
        "published": article.published,
        "published_precision": article.published_precision,
        "language": article.language,
        "content_hash": content_hash,
        "extractor_version": extractor,
        "path": path,
        "text": article.text,
        "ingested_at": utcnow(),
    }
    connection = session.connection()
    if found is not None:
        document_id, stored_hash, stored_version = found
        if stored_hash == content_hash and stored_version == extractor:
            return Outcome.UNCHANGED
        _drop_document_events(session, document_id)
        connection.execute(_UPDATE_DOCUMENT, {"document_id": document_id, **values})
        outcome = Outcome.REPLACED
    else:
        cursor = Cursor(session)
        row = [values[column] for column in _DOCUMENT_COLUMNS]
        row[4], row[-1] = cursor.day(article.published), cursor.time(values["ingested_at"])
        document_id = cursor.insert_returning_id(_INSERT_DOCUMENT, row)
        outcome = Outcome.NEW
    _store_events(session, extraction.events, document_id, directory, cache or ActorIds())
    stored[article.identifier] = (document_id, content_hash, extractor)
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
    cursor = Cursor(session)
    event_ids = [cursor.insert_returning_id(_INSERT_EVENT, _event_row(cursor, r)) for r in new]
    links: list[tuple[object, ...]] = []
    sources: list[tuple[object, ...]] = []
    targets = [
        (r, event_id, set(), (r.date.earliest, r.date.latest) if r.date else (None, None))
        for r, event_id in zip(new, event_ids, strict=True)
    ]
    # Two reports of one article may merge into the same stored event: they share its links, and a
    # sentence is its source once, or the second insert would break a key and lose the article.
    shared: dict[int, set[tuple[int, str]]] = {}
    targets += [(r, m.id, shared.setdefault(m.id, m.links), _merged_dates(m, r)) for r, m in merged]
    cited: set[tuple[int, int]] = set()
    added: dict[int, list[str | None]] = {}  # event id -> its new links, as Event.actor_links holds them
    for record, event_id, existing, (start, end) in targets:
        position = len(existing)
        for ref in _links(record):
            key = (ids[(ref.kind.value, ref.code)], ref.role.value)
            if key in existing:
                continue
            existing.add(key)
            links.append(
                (event_id, key[0], key[1], position, ref.office, cursor.day(start), cursor.day(end), record.type.value)
            )  # fmt: skip  (a merged report's type is its event's)
            added.setdefault(event_id, []).append(link_entry(key[0], key[1], ref.office))
            position += 1
        for ev in record.evidence:
            if (event_id, ev.start) not in cited:
                cited.add((event_id, ev.start))
                sources.append((event_id, document_id, ev.sentence, ev.start, ev.end, record.date_text))
    if links:
        cursor.executemany(_INSERT_LINK, links)
        cursor.executemany(_APPEND_LINKS, [(None if None in entries else "".join(entries), event_id)  # type: ignore[arg-type]
                                           for event_id, entries in added.items()])  # fmt: skip
    if sources:
        cursor.executemany(_INSERT_SOURCE, sources)
    _narrow(session, merged)


def _merged_dates(match: StoredMatch, record: EventRecord) -> tuple[dt.date, dt.date]:
    """The start and end an event will have once a new report is merged into it (the narrower date's)."""
    date = record.date
    if date is not None and (date.latest - date.earliest) < (match.latest - match.earliest):
        return date.earliest, date.latest
    return match.earliest, match.latest


def _narrow(session: Session, merged: list[tuple[EventRecord, StoredMatch]]) -> None:
    """Give stored events the date of a new report when it is more precise, and the higher confidence.

    Two statements for all the merged reports of an article, each run with many parameter sets in
    the reports' order: a higher confidence does not depend on the order, and a narrower date is
    set by the reports that have one, in order, as one update a report would.
    """
    raise_only: list[dict[str, object]] = []
    narrow: list[dict[str, object]] = []
    for record, match in merged:
        date = record.date
        if date is not None and (date.latest - date.earliest) < (match.latest - match.earliest):
            narrow.append({"target_id": match.id, "new_confidence": record.confidence, "new_edtf": date.edtf,
                           "new_earliest": date.earliest, "new_latest": date.latest,
                           "new_precision": date.precision.value, "new_text": record.date_text})  # fmt: skip
        else:
            raise_only.append({"target_id": match.id, "new_confidence": record.confidence})
    connection = session.connection()
    if narrow:
        links = [{"target_id": v["target_id"], "new_earliest": v["new_earliest"], "new_latest": v["new_latest"]}
                 for v in narrow]  # fmt: skip
        connection.execute(_NARROW_LINKS, links)
        connection.execute(_NARROW, narrow)
    if raise_only:
        connection.execute(_RAISE, raise_only)
