"""Reading events back: filters, one event, and a streamed export of everything."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.orm import Session, selectinload

from dateline.store.models import Actor, Document, Event, EventActor, EventSource
from dateline.views import StoredActor, StoredEvent, StoredSource


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What `dateline events` asks for. Empty fields do not filter.

    Dates select events whose interval overlaps [date_from, date_to]; `countries` are codes of
    states or organisations (an event must involve each); `between` is a pair of codes that
    must both be involved; `persons` are canonical person names (each must be involved).
    """

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    countries: tuple[str, ...] = ()
    between: tuple[str, str] | None = None
    persons: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    document: str | None = None
    limit: int | None = None


def _involves(kind_is_person: bool, code: str) -> ColumnElement[bool]:
    actor_ids = select(Actor.id).where(Actor.code == code)
    actor_ids = actor_ids.where(Actor.kind == "person") if kind_is_person else actor_ids.where(Actor.kind != "person")
    return exists().where(EventActor.event_id == Event.id, EventActor.actor_id.in_(actor_ids))


def _conditions(flt: EventFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if flt.date_from is not None:
        conditions.append(Event.date_latest >= flt.date_from)
    if flt.date_to is not None:
        conditions.append(Event.date_earliest <= flt.date_to)
    for code in flt.countries:
        conditions.append(_involves(False, code))
    if flt.between is not None:
        conditions.extend(_involves(False, code) for code in flt.between)
    for name in flt.persons:
        conditions.append(_involves(True, name))
    if flt.types:
        conditions.append(Event.type.in_(flt.types))
    if flt.statuses:
        conditions.append(Event.status.in_(flt.statuses))
    if flt.document is not None:
        docs = select(Document.id).where(Document.identifier == flt.document)
        conditions.append(exists().where(EventSource.event_id == Event.id, EventSource.document_id.in_(docs)))
    return conditions


def _ordered(stmt: Select[tuple[Event]]) -> Select[tuple[Event]]:
    # Undated events last; a less precise date (earlier start, later end) before the days it holds.
    return stmt.order_by(Event.date_earliest.is_(None), Event.date_earliest, Event.date_latest.desc(), Event.id)


def event_query(flt: EventFilter) -> Select[tuple[Event]]:
    """The SELECT of the events `flt` asks for, in chronological order."""
    stmt = select(Event)
    conditions = _conditions(flt)
    if conditions:
        stmt = stmt.where(and_(*conditions))
    stmt = _ordered(stmt)
    if flt.limit is not None:
        stmt = stmt.limit(flt.limit)
    return stmt


def _loaded(stmt: Select[tuple[Event]]) -> Select[tuple[Event]]:
    return stmt.options(
        selectinload(Event.actors).selectinload(EventActor.actor),
        selectinload(Event.sources).selectinload(EventSource.document),
    )


def to_view(event: Event) -> StoredEvent:
    """A stored event as a plain record."""
    actors = tuple(
        StoredActor(kind=ea.actor.kind, code=ea.actor.code, name=ea.actor.name, role=ea.role, office=ea.office)
        for ea in event.actors
    )
    sources = tuple(
        StoredSource(
            document=s.document.identifier,
            sentence=s.sentence,
            start=s.start,
            end=s.end,
            title=s.document.title,
            url=s.document.url,
            source=s.document.source,
            published=s.document.published,
        )
        for s in event.sources
    )
    return StoredEvent(
        id=event.id,
        type=event.type,
        status=event.status,
        date=event.date_edtf,
        earliest=event.date_earliest,
        latest=event.date_latest,
        precision=event.date_precision,
        summary=event.summary,
        actors=actors,
        sources=sources,
        date_text=event.date_text,
        trigger=event.trigger,
        cameo=event.cameo,
        location=event.location,
        confidence=event.confidence,
    )


def find_events(session: Session, flt: EventFilter) -> list[StoredEvent]:
    """The events `flt` asks for, with their actors and sources, in chronological order."""
    return [to_view(e) for e in session.scalars(_loaded(event_query(flt)))]


def get_event(session: Session, event_id: int) -> StoredEvent | None:
    """One event by its id, or None."""
    event = session.scalar(_loaded(select(Event).where(Event.id == event_id)))
    return to_view(event) if event is not None else None


def iter_events(session: Session, flt: EventFilter | None = None, batch: int = 1000) -> Iterator[StoredEvent]:
    """Every event `flt` asks for, read in batches of `batch` so memory stays flat."""
    if flt is not None and flt.limit is not None:
        yield from find_events(session, flt)
        return
    base = event_query(flt or EventFilter())
    offset = 0
    while True:
        rows = list(session.scalars(_loaded(base.limit(batch).offset(offset))))
        yield from (to_view(e) for e in rows)
        if len(rows) < batch:
            return
        offset += batch
        session.expunge_all()


def count_events(session: Session) -> int:
    """How many events are stored."""
    return session.scalar(select(func.count(Event.id))) or 0


def known_codes(session: Session, codes: Sequence[str]) -> set[str]:
    """Which of `codes` name an actor that is stored."""
    if not codes:
        return set()
    return set(session.scalars(select(Actor.code).where(or_(*(Actor.code == c for c in codes)))))
