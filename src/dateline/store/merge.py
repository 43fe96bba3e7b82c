"""One event per happening across articles: finding the stored event a new record reports again.

Two reports are one happening when they have the same type and status, dates that hold one
another with the narrower one at least as precise as a month, and the same parties: a person in
common, or the states and organisations of the smaller side all among the larger's (two at least
when both name two). A statement is its speaker's: it needs a person in common, or, when neither
names one, the same day and the same parties.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from dateline.extract.records import ActorKind, EventRecord, EventType, Precision
from dateline.store.models import Actor, Event, EventActor, EventSource

_PRECISE = frozenset({Precision.DAY.value, Precision.WEEK.value, Precision.MONTH.value})


def _record_sides(record: EventRecord) -> tuple[set[str], set[str]]:
    persons = {a.code for a in record.actors if a.kind is ActorKind.PERSON}
    return set(record.states), persons


def _event_sides(event: Event) -> tuple[set[str], set[str]]:
    codes, persons = set(), set()
    for ea in event.actors:
        (persons if ea.actor.kind == ActorKind.PERSON.value else codes).add(ea.actor.code)
    return codes, persons


def _same_parties(record: EventRecord, event: Event) -> bool:
    codes_r, persons_r = _record_sides(record)
    codes_e, persons_e = _event_sides(event)
    if record.type is EventType.STATEMENT:
        if persons_r or persons_e:
            return bool(persons_r & persons_e)
        return codes_r == codes_e and record.date is not None and record.date.precision is Precision.DAY
    if persons_r & persons_e:
        return True
    small, large = sorted((codes_r, codes_e), key=len)
    return bool(small) and small <= large and len(small) >= min(2, len(large))


def find_same_happening(session: Session, record: EventRecord, document_id: int) -> Event | None:
    """A stored event of another document that reports the happening `record` reports, if any."""
    date = record.date
    if date is None or not record.states:
        return None
    candidates = session.scalars(
        select(Event)
        .where(
            Event.type == record.type.value,
            Event.status == record.status.value,
            Event.date_earliest <= date.latest,
            Event.date_latest >= date.earliest,
            Event.id.in_(
                select(EventActor.event_id).join(Actor, Actor.id == EventActor.actor_id).where(
                    Actor.code.in_(list(record.states))
                )
            ),
            ~Event.id.in_(select(EventSource.event_id).where(EventSource.document_id == document_id)),
        )
        .options(selectinload(Event.actors).selectinload(EventActor.actor))
        .order_by(Event.id)
        .limit(50)
    )
    for event in candidates:
        assert event.date_earliest is not None and event.date_latest is not None
        holds = event.date_earliest <= date.earliest and date.latest <= event.date_latest
        held = date.earliest <= event.date_earliest and event.date_latest <= date.latest
        if not (holds or held):
            continue
        narrower = date.precision.value if holds else event.date_precision
        if narrower not in _PRECISE:
            continue
        if _same_parties(record, event):
            return event
    return None


def narrow_date(event: Event, record: EventRecord) -> None:
    """Give a stored event the date of a new report when that date is more precise."""
    date = record.date
    if date is None or event.date_earliest is None or event.date_latest is None:
        return
    if (date.latest - date.earliest) < (event.date_latest - event.date_earliest):
        event.date_edtf = date.edtf
        event.date_earliest = date.earliest
        event.date_latest = date.latest
        event.date_precision = date.precision.value
        event.date_text = record.date_text
