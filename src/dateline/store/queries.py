"""Reading events back: filters, one event, and a streamed export of everything."""

from __future__ import annotations

import datetime as dt
import gc
import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Row,
    Select,
    and_,
    column,
    or_,
    select,
    table,
    true,
    union,
)
from sqlalchemy.orm import Session

from dateline.store.models import LINK_END, LINK_FIELD, Actor, Document, Event, EventActor, EventSource
from dateline.store.raw import Cursor, marks
from dateline.views import StoredActor, StoredEvent, StoredSource, builder


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


# Dates of these precisions span a year at most; the others (decades, centuries, ranges) are few.
_SHORT = ("day", "week", "month", "season", "quarter", "half", "year")
_LONG = ("decade", "century", "range")
_LONGEST_SHORT = dt.timedelta(days=366)
_CHUNK = 900  # ids a statement, where they are bound one by one
_ID_ARRAYS = ("sqlite", "postgresql")  # where _among binds any number of ids as one value


Named = tuple[bool, str]  # an actor a filter names: (is a person, code)
Resolved = Mapping[Named, Sequence[int]]  # the ids of the actor rows each named actor stands for


def _actor_ids(kind_is_person: bool, code: str) -> Select[tuple[int]]:
    ids = select(Actor.id).where(Actor.code == code)
    return ids.where(Actor.kind == "person") if kind_is_person else ids.where(Actor.kind != "person")


def _named(flt: EventFilter) -> list[Named]:
    """The actors `flt` names, in order: countries, the pair of --between, persons."""
    return [(False, c) for c in (*flt.countries, *(flt.between or ()))] + [(True, p) for p in flt.persons]


def _resolve_actors(session: Session, flt: EventFilter) -> dict[Named, list[int]]:
    """The ids of the actor rows that each actor `flt` names stands for (a code may be a state's and
    an organisation's), in one statement: the query can then bind them as values."""
    named = _named(flt)
    if not named:
        return {}
    codes = sorted({code for _, code in named})
    rows = Cursor(session).execute(f"SELECT id, kind, code FROM actor WHERE code IN ({marks(len(codes))})", codes)
    found = rows.fetchall()
    return {(person, code): sorted(i for i, k, c in found if c == code and (k == "person") == person)
            for person, code in named}  # fmt: skip


def _is_actor(actor_id: ColumnElement[int], actor: Named, resolved: Resolved | None) -> ColumnElement[bool]:
    """`actor_id` is one of `actor`'s ids: bound as values when resolved, else read in a subquery.

    One id bound as a value lets SQLite read the (actor, dates) index in order, so that the first
    events of a limit are found without sorting every candidate (an IN subquery may yield several).
    """
    if resolved is None:
        return actor_id.in_(_actor_ids(*actor))
    ids = resolved[actor]
    return actor_id == ids[0] if len(ids) == 1 else actor_id.in_(ids)


# event_actor with the two columns a probe reads: aliasing the mapped class (or its full table)
# copies every column and key, a millisecond or two a filter to build.
_LINKS = table("event_actor", column("event_id", Integer), column("actor_id", Integer))


def _also(event_id: ColumnElement[int], actor: Named, resolved: Resolved | None) -> ColumnElement[bool]:
    """The event `event_id` also involves `actor`: one probe of event_actor's (actor_id, event_id) index."""
    other = _LINKS.alias()
    # The probe selects an indexed column, not SQLAlchemy's `*`, so that SQLite answers from the index.
    probe = select(other.c.event_id).where(_is_actor(other.c.actor_id, actor, resolved), other.c.event_id == event_id)
    return probe.exists()


def _drives(actors: list[Named], lo: dt.date | None, hi: dt.date | None, top: int | None = None,
            resolved: Resolved | None = None, types: tuple[str, ...] = ()) -> ColumnElement[bool]:  # fmt: skip
    """The event involves every actor (and is of one of `types`, when given), read from the first
    actor's index (bounded by the types and dates asked when there are any: short dates by their
    start, long spans by their precision), the others checked in event_actor before any event row
    is read.

    With dates, the index range finds exactly the events asked for (long spans aside), so when only
    the first `top` are wanted, its first `top` (in order of the dates beside them) are the only
    candidates there are among its events: the others' rows need not be read.
    """
    first = _is_actor(EventActor.actor_id, actors[0], resolved)
    others = [_also(EventActor.event_id, actor, resolved) for actor in actors[1:]]
    typed = [EventActor.type.in_(types)] if types else []
    if lo is None and hi is None:
        return Event.id.in_(select(EventActor.event_id).where(first, *typed, *others))
    window = [first, *typed, *others]
    if lo is not None:
        # The start bounds the index range; the end, beside it in the index, passes over what ended before.
        window += [EventActor.date_earliest >= lo - _LONGEST_SHORT, EventActor.date_latest >= lo]
    if hi is not None:
        window.append(EventActor.date_earliest <= hi)
    starting = select(EventActor.event_id).where(*window)
    spanning: Select[tuple[int]]
    if types and lo is not None:
        # What started earlier and lasts until `lo`: the rest of the same index range (the actor's
        # events of these types), which is short.
        spanning = select(EventActor.event_id).where(
            first, *typed, EventActor.date_earliest < lo - _LONGEST_SHORT, EventActor.date_latest >= lo, *others
        )
    else:
        # Long spans are few: found by their precision, then checked for the actors.
        spanning = select(Event.id).where(
            Event.date_precision.in_(_LONG),
            Event.type.in_(types) if types else true(),
            Event.date_earliest <= hi if hi is not None else true(),
            Event.date_latest >= lo if lo is not None else true(),
            *(_also(Event.id, actor, resolved) for actor in actors),
        )
    if top is not None:
        # DISTINCT: an actor may take two parts in one event (or two actors share a code).
        dated = starting.add_columns(EventActor.date_earliest, EventActor.date_latest).distinct()
        ordered = dated.order_by(EventActor.date_earliest, EventActor.date_latest.desc(), EventActor.event_id)
        starting = select(ordered.limit(top).subquery().c.event_id)
    return Event.id.in_(union(starting, spanning))


def _typed(types: tuple[str, ...], lo: dt.date | None, hi: dt.date | None) -> ColumnElement[bool]:
    """The event is of one of `types` and may overlap [lo, hi]: read from the (type, start) index
    bounded on both sides (a short date starts at most a year before `lo`), long spans by their
    precision. In one OR, SQLite would bound the type's range by the end alone."""
    short = select(Event.id).where(
        Event.type.in_(types),
        Event.date_earliest >= lo - _LONGEST_SHORT if lo is not None else true(),
        Event.date_earliest <= hi if hi is not None else true(),
        Event.date_precision.in_(_SHORT),
    )
    long = select(Event.id).where(
        Event.date_precision.in_(_LONG),
        Event.date_earliest <= hi if hi is not None else true(),
        Event.date_latest >= lo if lo is not None else true(),
        Event.type.in_(types),
    )
    return Event.id.in_(union(short, long))


def _overlaps(lo: dt.date | None, hi: dt.date | None) -> ColumnElement[bool]:
    """The event's dates overlap [lo, hi].

    Tested as two indexed ranges: a short date (a year at most) starts no earlier than a year
    before `lo`, so its start bounds the scan; long spans are reached through their precision.
    """
    short: list[ColumnElement[bool]] = [Event.date_precision.in_(_SHORT)]
    long: list[ColumnElement[bool]] = [Event.date_precision.in_(_LONG)]
    if lo is not None:
        short += [Event.date_earliest >= lo - _LONGEST_SHORT, Event.date_latest >= lo]
        long.append(Event.date_latest >= lo)
    if hi is not None:
        short.append(Event.date_earliest <= hi)
        long.append(Event.date_earliest <= hi)
    return or_(and_(*short), and_(*long))


def _conditions(flt: EventFilter, resolved: Resolved | None) -> list[ColumnElement[bool]]:
    """The WHERE of a filter. The first actor named drives the search through its index (bounded by
    the types and dates when given; event_actor holds its event's type and dates), the other actors
    checked beside it; the dates are then checked event by event."""
    conditions: list[ColumnElement[bool]] = []
    lo, hi = flt.date_from, flt.date_to
    actors = _named(flt)
    if actors:
        # The first `limit` events can be picked in event_actor's index when nothing but actors, types
        # and dates is asked for (anything else is checked on the event rows, which come after).
        alone = not (flt.statuses or flt.document is not None)
        conditions.append(_drives(actors, lo, hi, flt.limit if alone else None, resolved, flt.types))
    dated = lo is not None or hi is not None
    if dated and (actors or flt.types):
        if not actors:
            conditions.append(_typed(flt.types, lo, hi))
        # What the indexes found may have ended before `lo` (or be of a precision that was not sought).
        conditions.append(
            and_(
                Event.date_latest >= lo if lo is not None else true(),
                Event.date_earliest <= hi if hi is not None else true(),
            )
        )
    elif dated:
        conditions.append(_overlaps(lo, hi))
    elif flt.types and not actors:
        conditions.append(Event.type.in_(flt.types))
    if flt.statuses:
        conditions.append(Event.status.in_(flt.statuses))
    if flt.document is not None:
        docs = select(Document.id).where(Document.identifier == flt.document)
        conditions.append(Event.id.in_(select(EventSource.event_id).where(EventSource.document_id.in_(docs))))
    return conditions


def _ordered(stmt: Select[tuple[Event]]) -> Select[tuple[Event]]:
    # Undated events last; a less precise date (earlier start, later end) before the days it holds.
    return stmt.order_by(Event.date_earliest.is_(None), Event.date_earliest, Event.date_latest.desc(), Event.id)


def event_query(flt: EventFilter, resolved: Resolved | None = None) -> Select[tuple[Event]]:
    """The SELECT of the events `flt` asks for, in chronological order; the actors it names found by
    code in subqueries, or by the ids `resolved` gives (see _resolve_actors)."""
    stmt = select(Event)
    conditions = _conditions(flt, resolved)
    if conditions:
        stmt = stmt.where(and_(*conditions))
    stmt = _ordered(stmt)
    if flt.limit is not None:
        stmt = stmt.limit(flt.limit)
    return stmt


# In StoredEvent's order, its actors and sources going between the summary and the date's text; then
# the actor links kept with the event (read by _actors, not a field of StoredEvent).
_EVENT_COLUMNS = (
    Event.id, Event.type, Event.status, Event.date_edtf, Event.date_earliest, Event.date_latest, Event.date_precision,
    Event.summary, Event.date_text, Event.trigger, Event.cameo, Event.location, Event.confidence, Event.actor_links,
)  # fmt: skip


def _among(column: str, ids: list[int], dialect: str) -> tuple[str, list[Any]]:
    """`column IN ids` in SQL with `?` placeholders, and its parameters: the ids bound as one value
    where the database can take a list so (a JSON array that SQLite's json_each reads, an array on
    PostgreSQL), one placeholder each elsewhere."""
    if dialect == "sqlite":
        return f"{column} IN (SELECT value FROM json_each(?))", [json.dumps(ids)]
    if dialect == "postgresql":
        return f"{column} = ANY(?)", [ids]
    return f"{column} IN ({marks(len(ids))})", list(ids)


def _parts(ids: list[int], dialect: str) -> list[list[int]]:
    """`ids` in as many parts as the database needs: one where it binds a list as one value."""
    return [ids] if dialect in _ID_ARRAYS else [ids[i : i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


# StoredEvent(...) and StoredSource(...), built at an unfrozen dataclass's cost (see views.builder).
_new_event, _new_source = builder(StoredEvent), builder(StoredSource)


Link = tuple[int, str, str | None]  # an actor's part in an event: (actor id, role, office)


def _linked(cursor: Cursor, ids: list[int]) -> dict[int, list[Link]]:
    """The links of each event of `ids` in order of position, read from event_actor."""
    dialect = cursor.dialect.name
    linked: dict[int, list[Link]] = {i: [] for i in ids}
    for part in _parts(ids, dialect):
        among, params = _among("event_id", part, dialect)
        sql = f"SELECT event_id, actor_id, role, office FROM event_actor WHERE {among} ORDER BY event_id, position"
        for event_id, actor_id, role, office in cursor.execute(sql, params):
            linked[event_id].append((actor_id, role, office))
    return linked


def _actors(cursor: Cursor, rows: Sequence[Row[Any]]) -> dict[int, list[StoredActor]]:
    """The actors of each event of `rows` (whose last column is `Event.actor_links`), in order of position.

    The links come from the text kept with each event, or from event_actor where it is NULL; the
    few actors they name are then read in one more statement (joining the actor row to each link
    would read and build its kind, code and name once per link). Events share their actors'
    records (they are frozen), built once for each distinct link.
    """
    kept: dict[int, list[str]] = {}  # event id -> its links as text
    distinct: set[str] = set()
    unkept: list[int] = []
    for row in rows:
        if row[-1] is None:
            unkept.append(row[0])
            continue
        entries = kept[row[0]] = row[-1].split(LINK_END)
        entries.pop()  # each entry ends with the separator: nothing follows the last
        distinct.update(entries)
    parsed: dict[str, Link] = {}
    for entry in distinct:
        fields = entry.split(LINK_FIELD)
        parsed[entry] = (int(fields[0]), fields[1], fields[2] if len(fields) > 2 else None)
    linked = _linked(cursor, unkept) if unkept else {}
    dialect = cursor.dialect.name
    wanted = {link[0] for link in parsed.values()} | {link[0] for links in linked.values() for link in links}
    names: dict[int, tuple[str, str, str]] = {}
    for part in _parts(list(wanted), dialect):
        among, params = _among("id", part, dialect)
        names.update(
            (row[0], row[1:]) for row in cursor.execute(f"SELECT id, kind, code, name FROM actor WHERE {among}", params)
        )
    known: dict[Link, StoredActor] = {}

    def actor(link: Link) -> StoredActor:
        found = known.get(link)
        if found is None:
            found = known[link] = StoredActor(*names[link[0]], link[1], link[2])
        return found

    built = {entry: actor(link) for entry, link in parsed.items()}
    actors = {event_id: [built[entry] for entry in entries] for event_id, entries in kept.items()}
    actors.update((event_id, [actor(link) for link in links]) for event_id, links in linked.items())
    return actors


def _sources(cursor: Cursor, ids: list[int]) -> dict[int, list[StoredSource]]:
    """The sources of each event of `ids`, in the order they were stored, with their documents."""
    dialect = cursor.dialect.name
    read_date = cursor.read_date
    sources: dict[int, list[StoredSource]] = {i: [] for i in ids}
    for part in _parts(ids, dialect):
        among, params = _among("s.event_id", part, dialect)
        for row in cursor.execute(
            'SELECT s.event_id, d.identifier, s.sentence, s.start, s."end", d.title, d.url, d.source, d.published '
            f"FROM event_source s JOIN document d ON d.id = s.document_id WHERE {among} ORDER BY s.event_id, s.id",
            params,
        ):
            sources[row[0]].append(_new_source(*row[1:8], read_date(row[8])))  # the columns in StoredSource's order
    return sources


def _views(session: Session, rows: Sequence[Row[Any]]) -> list[StoredEvent]:
    """Stored events, with their actors and sources read in a few more statements (not row by row).

    Those are run on the DBAPI cursor of the session's connection: SQLAlchemy's execution and
    row machinery costs about as much as the database there, for thousands of short rows.
    """
    ids = [row[0] for row in rows]
    if not ids:
        return []
    cursor = Cursor(session)
    actors, sources = _actors(cursor, rows), _sources(cursor, ids)
    # Positional: a dataclass matches 15 keyword arguments by name at twice the cost of the call.
    return [_new_event(*r[:8], tuple(actors[r[0]]), tuple(sources[r[0]]), *r[8:-1]) for r in rows]


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off while a result is built, as before otherwise.

    The records hold no reference cycles, yet every 700 new ones set off a collection, and now and
    then a full one over every object the process holds: a fifth of the time of a large query.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def find_events(session: Session, flt: EventFilter) -> list[StoredEvent]:
    """The events `flt` asks for, with their actors and sources, in chronological order."""
    stmt = event_query(flt, _resolve_actors(session, flt)).with_only_columns(*_EVENT_COLUMNS)
    with _collector_paused():
        return _views(session, session.connection().execute(stmt).all())


def get_event(session: Session, event_id: int) -> StoredEvent | None:
    """One event by its id, or None."""
    rows = session.connection().execute(select(*_EVENT_COLUMNS).where(Event.id == event_id)).all()
    found = _views(session, rows)
    return found[0] if found else None


def iter_events(session: Session, flt: EventFilter | None = None, batch: int = 1000) -> Iterator[StoredEvent]:
    """Every event `flt` asks for, read in batches of `batch` so memory stays flat."""
    if flt is not None and flt.limit is not None:
        yield from find_events(session, flt)
        return
    flt = flt or EventFilter()
    base = event_query(flt, _resolve_actors(session, flt)).with_only_columns(*_EVENT_COLUMNS)
    # One ordered query read in slices (a server-side cursor on PostgreSQL), not a LIMIT/OFFSET page
    # each: those run the ordered query again for every page, quadratic over a large database.
    result = session.connection().execution_options(stream_results=True, max_row_buffer=batch).execute(base)
    for rows in result.partitions(batch):
        yield from _views(session, list(rows))
