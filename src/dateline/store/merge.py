"""One event per happening across articles: finding the stored event a new record reports again.

Two reports are one happening when they have the same type and status, dates that hold one
another with the narrower one at least as precise as a month, and the same parties: a person in
common, or the states and organisations of the smaller side all among the larger's (two at least
when both name two). A statement is its speaker's: it needs a person in common, or, when neither
names one, the same day and the same parties.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import Date, Integer, String, bindparam, text
from sqlalchemy.orm import Session

from dateline.extract.records import ActorKind, EventRecord, EventType, Precision

_YEAR = dt.timedelta(days=366)
_PRECISE = frozenset({Precision.DAY.value, Precision.WEEK.value, Precision.MONTH.value})
_LIMIT = 200


@dataclass
class StoredMatch:
    """A stored event that may be the same happening, with what merging needs of it."""

    id: int
    earliest: dt.date
    latest: dt.date
    precision: str | None
    codes: set[str] = field(default_factory=set)
    persons: set[str] = field(default_factory=set)
    links: set[tuple[int, str]] = field(default_factory=set)  # (actor id, role)


def _same_parties(record: EventRecord, event: StoredMatch) -> bool:
    codes_r = set(record.states)
    persons_r = {a.code for a in record.actors if a.kind is ActorKind.PERSON}
    if record.type is EventType.STATEMENT:
        if persons_r or event.persons:
            return bool(persons_r & event.persons)
        return codes_r == event.codes and record.date is not None and record.date.precision is Precision.DAY
    if persons_r & event.persons:
        return True
    small, large = sorted((codes_r, event.codes), key=len)
    return bool(small) and small <= large and len(small) >= min(2, len(large))


# Built once: statements made anew for every event cost more in SQLAlchemy than in the database.
_CANDIDATES = (
    text(
        "SELECT DISTINCT e.id, e.date_earliest, e.date_latest, e.date_precision FROM event e "
        "JOIN event_actor ea ON ea.event_id = e.id "
        "WHERE ea.actor_id IN :actor_ids AND e.type = :type AND e.status = :status "
        "AND e.date_earliest >= :lowest AND e.date_earliest <= :latest AND e.date_latest >= :earliest "
        "LIMIT :limit"
    )
    .bindparams(bindparam("actor_ids", expanding=True))
    .columns(id=Integer, date_earliest=Date, date_latest=Date, date_precision=String)
)
_ACTORS = text(
    "SELECT ea.event_id, a.kind, a.code, ea.actor_id, ea.role FROM event_actor ea "
    "JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id IN :event_ids"
).bindparams(bindparam("event_ids", expanding=True))


def find_same_happening(session: Session, record: EventRecord, actor_ids: list[int]) -> StoredMatch | None:
    """A stored event that reports the happening `record` reports, if any.

    A first indexed query finds the events of the type and status that share one of the record's
    actors (`actor_ids`) and whose dates could hold or be held by the record's (a holding date is
    at most a year wide); a second loads the actors of the few whose dates do. The caller has
    removed the article's own earlier events, so none of them can match.
    """
    date = record.date
    if date is None or not actor_ids:
        return None
    params = {
        "actor_ids": actor_ids, "type": record.type.value, "status": record.status.value,
        "lowest": date.earliest - _YEAR, "latest": date.latest, "earliest": date.earliest, "limit": _LIMIT,
    }  # fmt: skip
    matches: dict[int, StoredMatch] = {}
    for event_id, earliest, latest, precision in session.execute(_CANDIDATES, params):
        holds = earliest <= date.earliest and date.latest <= latest
        held = date.earliest <= earliest and latest <= date.latest
        narrower = date.precision.value if holds else precision
        if (holds or held) and narrower in _PRECISE:
            matches[event_id] = StoredMatch(event_id, earliest, latest, precision)
    if not matches:
        return None
    for event_id, kind, code, actor_id, role in session.execute(_ACTORS, {"event_ids": list(matches)}):
        match = matches[event_id]
        (match.persons if kind == ActorKind.PERSON.value else match.codes).add(code)
        match.links.add((actor_id, role))
    for event_id in sorted(matches):
        if _same_parties(record, matches[event_id]):
            return matches[event_id]
    return None
