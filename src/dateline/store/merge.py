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
from functools import cache

from sqlalchemy.orm import Session

from dateline.extract.records import ActorKind, EventRecord, EventType, Precision
from dateline.store.models import LINK_END, LINK_FIELD
from dateline.store.raw import Cursor, marks

_YEAR = dt.timedelta(days=366)
_PERSON = ActorKind.PERSON.value
_PRECISE = frozenset({Precision.DAY.value, Precision.WEEK.value, Precision.MONTH.value})


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
    kept: str | None = field(default=None, repr=False)  # its actor links as the event row keeps them


def _same_parties(record: EventRecord, codes_r: set[str], persons_r: set[str], event: StoredMatch) -> bool:
    """Whether the stored event has the record's parties; `codes_r` and `persons_r` are the record's
    states and organisations (persons' states included) and its persons."""
    if record.type is EventType.STATEMENT:
        if persons_r or event.persons:
            return bool(persons_r & event.persons)
        return codes_r == event.codes and record.date is not None and record.date.precision is Precision.DAY
    if persons_r & event.persons:
        return True
    small, large = sorted((codes_r, event.codes), key=len)
    return bool(small) and small <= large and len(small) >= min(2, len(large))


# The stored events whose dates may match a record's (see `_date_matches`), of its type and status
# and with one of its actors: those the record's date holds (they start inside it and end by its
# end) and those that hold it (they start at most a year before it and end after it). Both arms read
# the actors' typed index (actor, type, start, end) first, so a lookup reads the events of the
# record's own actors and type around its date: a range over every event of the type (whatever its
# actors) would grow with the archive's density. Run on the DBAPI cursor (see store/raw.py): these
# queries run for every event of every article.
_LINKED = (
    "SELECT e.id, e.date_earliest, e.date_latest, e.date_precision, e.actor_links FROM event_actor ea "
    "JOIN event e ON e.id = ea.event_id WHERE ea.type = ? AND e.status = ? AND ea.actor_id IN ({actor_ids}) "
)
_HELD = _LINKED + (
    "AND ea.date_earliest >= ? AND ea.date_earliest <= ? AND ea.date_latest <= ? "
    f"AND e.date_precision IN ({', '.join(repr(p) for p in sorted(_PRECISE))})"
)
_HOLDING = _LINKED + "AND ea.date_earliest >= ? AND ea.date_earliest <= ? AND ea.date_latest >= ?"
# The actors of the matches whose links the event row does not keep (NULL), and the kind and code of
# the actors the kept links name.
_ACTORS_SQL = (
    "SELECT ea.event_id, a.kind, a.code, ea.actor_id, ea.role FROM event_actor ea "
    "JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id IN ({})"
)
_NAMES_SQL = "SELECT id, kind, code FROM actor WHERE id IN ({})"
Candidates = dict[int, tuple[dt.date, dt.date, str | None, str | None]]


@cache
def _candidates_sql(holding: bool, actors: int) -> str:
    """The held arm, and the holding arm when `holding`, for `actors` actor ids."""
    return (f"{_HELD} UNION ALL {_HOLDING}" if holding else _HELD).format(actor_ids=marks(actors))


def _candidates(cursor: Cursor, record: EventRecord, actor_ids: list[int]) -> Candidates:
    """The stored events of the record's type and status, sharing one of `actor_ids`, whose dates
    hold or are held by the record's: a superset of the ones `_date_matches` keeps, by event id.
    Only a date at month precision or finer looks for events that hold it."""
    date = record.date
    assert date is not None
    head = [record.type.value, record.status.value, *actor_ids]
    day = cursor.day
    first, last = day(date.earliest), day(date.latest)
    params: list[object] = [*head, first, last, last]
    holding = date.precision.value in _PRECISE
    if holding:
        params += [*head, day(date.earliest - _YEAR), first, last]
    read = cursor.read_date
    return {event_id: (read(earliest), read(latest), precision, kept)
            for event_id, earliest, latest, precision, kept in
            cursor.execute(_candidates_sql(holding, len(actor_ids)), params).fetchall()}  # fmt: skip


def find_same_happenings(session: Session, wanted: list[tuple[EventRecord, list[int]]]) -> list[StoredMatch | None]:
    """For each (record, its actor ids) of one article, the stored event that reports the same
    happening, if any: the first by id of those with the record's type and status, one of its
    actors, a date that holds or is held by the record's (a holding date starting at most a year
    before it) and the same parties.

    One indexed query a dated record finds the candidates (see `_candidates`), with the actor links
    their rows keep; one for the article names the actors of those whose dates match. The caller has
    not stored the article's own events yet, so none of them can match.
    """
    out: list[StoredMatch | None] = [None] * len(wanted)
    cursor: Cursor | None = None
    found: dict[int, dict[int, StoredMatch]] = {}
    for i, (record, ids) in enumerate(wanted):
        if record.date is None or not ids:
            continue
        cursor = cursor or Cursor(session)
        matches = _date_matches(record, _candidates(cursor, record, ids))
        if matches:
            found[i] = matches
    if not found:
        return out
    assert cursor is not None
    links = _match_links(cursor, {m.id: m.kept for matches in found.values() for m in matches.values()})
    for i, matches in found.items():
        out[i] = _pick(wanted[i][0], matches, links)
    return out


def _match_links(cursor: Cursor, kept: dict[int, str | None]) -> dict[int, list[tuple[str, str, int, str]]]:
    """The (kind, code, actor id, role) of each event's actors, from the links its row keeps (the
    actors named in one query), or, where it keeps none (NULL), from event_actor."""
    links: dict[int, list[tuple[str, str, int, str]]] = {}
    parsed: dict[int, list[tuple[int, str]]] = {}
    for event_id, text in kept.items():
        if text is not None:
            parsed[event_id] = [(int(fields[0]), fields[1]) for entry in text.split(LINK_END) if entry
                                for fields in [entry.split(LINK_FIELD)]]  # fmt: skip
    named = sorted({actor_id for pairs in parsed.values() for actor_id, _ in pairs})
    rows = cursor.execute(_NAMES_SQL.format(marks(len(named))), named).fetchall() if named else []
    names = {actor_id: (kind, code) for actor_id, kind, code in rows}
    for event_id, pairs in parsed.items():
        links[event_id] = [(*names[actor_id], actor_id, role) for actor_id, role in pairs]
    rest = sorted(event_id for event_id, text in kept.items() if text is None)
    if rest:
        for event_id, kind, code, actor_id, role in cursor.execute(_ACTORS_SQL.format(marks(len(rest))), rest):
            links.setdefault(event_id, []).append((kind, code, actor_id, role))
    return links


def _date_matches(record: EventRecord, candidates: Candidates) -> dict[int, StoredMatch]:
    """The candidates whose dates hold or are held by the record's, at a precise enough precision."""
    date = record.date
    assert date is not None
    matches: dict[int, StoredMatch] = {}
    for event_id, (earliest, latest, precision, kept) in candidates.items():
        holds = earliest <= date.earliest and date.latest <= latest
        held = date.earliest <= earliest and latest <= date.latest
        narrower = date.precision.value if holds else precision
        if (holds or held) and narrower in _PRECISE:
            matches[event_id] = StoredMatch(event_id, earliest, latest, precision, kept=kept)
    return matches


def _pick(record: EventRecord, matches: dict[int, StoredMatch],
          links: dict[int, list[tuple[str, str, int, str]]]) -> StoredMatch | None:  # fmt: skip
    """The first match (by id) whose parties are the record's; each match's actors are filled in
    from `links` as it comes up, so that those after the first that agrees are left as they are."""
    codes = set(record.states)
    persons = {a.code for a in record.actors if a.kind is ActorKind.PERSON}
    for event_id in sorted(matches):
        match = matches[event_id]
        for kind, code, actor_id, role in links.get(event_id, ()):
            (match.persons if kind == _PERSON else match.codes).add(code)
            match.links.add((actor_id, role))
        if _same_parties(record, codes, persons, match):
            return match
    return None
