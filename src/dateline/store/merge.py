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
from dateline.store.raw import Cursor, marks

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


# The candidates of all the records of an article at once: one query an article, not one an event.
# Run on the DBAPI cursor (see store/raw.py): these two queries run for every article.
_ALL_CANDIDATES_SQL = (
    "SELECT DISTINCT e.id, e.type, e.status, e.date_earliest, e.date_latest, e.date_precision, ea.actor_id "
    "FROM event e JOIN event_actor ea ON ea.event_id = e.id "
    "WHERE ea.actor_id IN ({actor_ids}) AND e.type IN ({types}) AND e.status IN ({statuses}) "
    "AND e.date_earliest >= ? AND e.date_earliest <= ? AND e.date_latest >= ?"
)
_ACTORS_SQL = (
    "SELECT ea.event_id, a.kind, a.code, ea.actor_id, ea.role FROM event_actor ea "
    "JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id IN ({})"
)


def find_same_happenings(session: Session, wanted: list[tuple[EventRecord, list[int]]]) -> list[StoredMatch | None]:
    """`find_same_happening` for each (record, its actor ids) of one article, in two queries.

    Each record gets what `find_same_happening` would give it: its candidates are read from the
    rows of one query over all the records' actors, types and dates, with the same conditions;
    a record with more candidates than that query's limit asks on its own.
    """
    out: list[StoredMatch | None] = [None] * len(wanted)
    asking = [(i, r, ids) for i, (r, ids) in enumerate(wanted) if r.date is not None and ids]
    if not asking:
        return out
    dates = [r.date for _, r, _ in asking if r.date is not None]
    actor_ids = sorted({a for _, _, ids in asking for a in ids})
    types = sorted({r.type.value for _, r, _ in asking})
    statuses = sorted({r.status.value for _, r, _ in asking})
    cursor = Cursor(session)
    query = _ALL_CANDIDATES_SQL.format(actor_ids=marks(len(actor_ids)), types=marks(len(types)),
                                       statuses=marks(len(statuses)))  # fmt: skip
    bounds = (min(d.earliest for d in dates) - _YEAR, max(d.latest for d in dates), min(d.earliest for d in dates))
    read = cursor.read_date
    rows = [(event_id, e_type, e_status, read(earliest), read(latest), precision, actor_id)
            for event_id, e_type, e_status, earliest, latest, precision, actor_id
            in cursor.execute(query, [*actor_ids, *types, *statuses, *map(cursor.day, bounds)]).fetchall()]  # fmt: skip
    found: dict[int, dict[int, tuple[dt.date, dt.date, str | None]]] = {}
    for i, record, ids in asking:
        date = record.date
        assert date is not None
        mine, kind, status = set(ids), record.type.value, record.status.value
        lowest = date.earliest - _YEAR
        candidates = {
            event_id: (earliest, latest, precision)
            for event_id, e_type, e_status, earliest, latest, precision, actor_id in rows
            if actor_id in mine and e_type == kind and e_status == status
            and lowest <= earliest <= date.latest and latest >= date.earliest
        }  # fmt: skip
        if len(candidates) > _LIMIT:  # the query of one record stops at its limit: let it choose
            out[i] = find_same_happening(session, record, ids)
            continue
        found[i] = candidates
    links: dict[int, list[tuple[str, str, int, str]]] = {}
    needed = {event_id for candidates in found.values() for event_id in candidates}
    if needed:
        event_ids = sorted(needed)
        for event_id, kind, code, actor_id, role in cursor.execute(
            _ACTORS_SQL.format(marks(len(event_ids))), event_ids
        ):
            links.setdefault(event_id, []).append((kind, code, actor_id, role))
    for i, candidates in found.items():
        out[i] = _best(wanted[i][0], candidates, links)
    return out


def _best(record: EventRecord, candidates: dict[int, tuple[dt.date, dt.date, str | None]],
          links: dict[int, list[tuple[str, str, int, str]]]) -> StoredMatch | None:  # fmt: skip
    """The first stored event (by id) among the candidates that is the record's happening."""
    return _pick(record, _date_matches(record, candidates), links)


def _date_matches(record: EventRecord,
                  candidates: dict[int, tuple[dt.date, dt.date, str | None]]) -> dict[int, StoredMatch]:  # fmt: skip
    """The candidates whose dates hold or are held by the record's, at a precise enough precision."""
    date = record.date
    assert date is not None
    matches: dict[int, StoredMatch] = {}
    for event_id, (earliest, latest, precision) in candidates.items():
        holds = earliest <= date.earliest and date.latest <= latest
        held = date.earliest <= earliest and latest <= date.latest
        narrower = date.precision.value if holds else precision
        if (holds or held) and narrower in _PRECISE:
            matches[event_id] = StoredMatch(event_id, earliest, latest, precision)
    return matches


def _pick(record: EventRecord, matches: dict[int, StoredMatch],
          links: dict[int, list[tuple[str, str, int, str]]]) -> StoredMatch | None:  # fmt: skip
    """The first match (by id) whose parties are the record's, once their actors are known."""
    for event_id, match in matches.items():
        for kind, code, actor_id, role in links.get(event_id, ()):
            (match.persons if kind == ActorKind.PERSON.value else match.codes).add(code)
            match.links.add((actor_id, role))
    for event_id in sorted(matches):
        if _same_parties(record, matches[event_id]):
            return matches[event_id]
    return None


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
    rows = session.execute(_CANDIDATES, params)
    matches = _date_matches(record, {event_id: (earliest, latest, precision)
                                     for event_id, earliest, latest, precision in rows})  # fmt: skip
    if not matches:
        return None
    links: dict[int, list[tuple[str, str, int, str]]] = {}
    for event_id, kind, code, actor_id, role in session.execute(_ACTORS, {"event_ids": list(matches)}):
        links.setdefault(event_id, []).append((kind, code, actor_id, role))
    return _pick(record, matches, links)
