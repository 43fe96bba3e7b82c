"""The cross-article merge: the indexed candidate lookup finds what the merge rule says; migrations
0006 and 0009 add and drop the span class an earlier lookup relied on."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest
from sqlalchemy import inspect, text

from dateline.extract.records import (
    ActorKind,
    ActorRef,
    Article,
    DateValue,
    EventRecord,
    EventStatus,
    EventType,
    Evidence,
    Extraction,
    Precision,
)
from dateline.store import migrate
from dateline.store.actor_ids import ActorIds, actor_ids
from dateline.store.engine import Database
from dateline.store.merge import find_same_happenings
from dateline.store.writes import _links, save_article

_STATES = ["ITA", "UKR", "FRA", "DEU"]
_PERSONS = [("Anna Rossi", "ITA"), ("Pavel Novak", "UKR")]
_PRECISE = {Precision.DAY, Precision.WEEK, Precision.MONTH}
# Widths in days, with their precision: a day, a week, a month, a season, a half, a year, and ranges
# wider than a year (the bounds of the width classes `_width_class` tells apart).
_WIDTH_BOUNDS = (0, 7, 31, 92, 183, 366)
_WIDTHS = [(0, Precision.DAY), (6, Precision.WEEK), (29, Precision.MONTH), (30, Precision.MONTH),
           (90, Precision.SEASON), (181, Precision.HALF), (364, Precision.YEAR), (365, Precision.YEAR),
           (400, Precision.RANGE), (800, Precision.RANGE)]  # fmt: skip


def _width_class(earliest: dt.date, latest: dt.date) -> int:
    """The first of `_WIDTH_BOUNDS` the date's width in days does not pass (one more when it is wider)."""
    days = (latest - earliest).days
    return next((i for i, most in enumerate(_WIDTH_BOUNDS) if days <= most), len(_WIDTH_BOUNDS))


def _record(rng: random.Random, widths: list[tuple[int, Precision]] = _WIDTHS) -> EventRecord:
    width, precision = rng.choice(widths)
    start = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(500))
    date = None if rng.random() < 0.05 else DateValue("x", start, start + dt.timedelta(days=width), precision)
    actors = [ActorRef(ActorKind.STATE, code, code) for code in rng.sample(_STATES, rng.randint(1, 3))]
    if rng.random() < 0.4:
        name, state = rng.choice(_PERSONS)
        actors.append(ActorRef(ActorKind.PERSON, name, name, state=state))
    return EventRecord(
        type=rng.choice([EventType.MEETING, EventType.STATEMENT]),
        status=rng.choice([EventStatus.OCCURRED, EventStatus.OCCURRED, EventStatus.PLANNED]),
        date=date,
        summary="s",
        evidence=(Evidence("s", 0, 1),),
        actors=tuple(actors),
    )


def _store(db: Database, rng: random.Random, articles: int, most: int = 4) -> None:
    cache = ActorIds()
    with db.session(write=True) as session, session.begin():
        for n in range(articles):
            records = tuple(
                replace(_record(rng), evidence=(Evidence("s", i, i + 1),)) for i in range(rng.randint(1, most))
            )
            save_article(session, Article(identifier=f"a{n}", text="t"), Extraction(events=records),
                         content_hash=str(n), extractor="x", cache=cache)  # fmt: skip
    cache.confirm()


def _day(value: dt.date | str | None) -> dt.date | None:
    """A date as read by a text() query: a string on SQLite, a date on PostgreSQL."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _same_parties(record: EventRecord, codes: set[str], persons: set[str]) -> bool:
    mine = set(record.states)
    people = set(record.persons)
    if record.type is EventType.STATEMENT:
        if people or persons:
            return bool(people & persons)
        return mine == codes and record.date is not None and record.date.precision is Precision.DAY
    if people & persons:
        return True
    small, large = sorted((mine, codes), key=len)
    return bool(small) and small <= large and len(small) >= min(2, len(large))


def _by_the_rule(db: Database, record: EventRecord, ids: list[int]) -> int | None:
    """The first stored event (by id) the rule makes the record's happening, found by reading every event."""
    date = record.date
    if date is None:
        return None
    with db.session() as session:
        events = session.execute(
            text("SELECT id, type, status, date_earliest, date_latest, date_precision FROM event ORDER BY id")
        ).all()
        links: dict[int, list[tuple[int, str, str]]] = {}
        for event_id, actor_id, kind, code in session.execute(
            text(
                "SELECT ea.event_id, ea.actor_id, a.kind, a.code FROM event_actor ea JOIN actor a ON a.id = ea.actor_id"
            )
        ):
            links.setdefault(event_id, []).append((actor_id, kind, code))
    for event_id, kind, status, earliest, latest, precision in events:
        if kind != record.type.value or status != record.status.value or earliest is None:
            continue
        earliest, latest = _day(earliest), _day(latest)
        mine = links.get(event_id, [])
        if not {actor_id for actor_id, _, _ in mine} & set(ids):
            continue
        holds = earliest <= date.earliest and date.latest <= latest and date.earliest - earliest <= dt.timedelta(366)
        held = date.earliest <= earliest and latest <= date.latest
        if not ((holds and date.precision in _PRECISE) or (held and precision in {p.value for p in _PRECISE})):
            continue
        codes = {code for _, k, code in mine if k != ActorKind.PERSON.value}
        persons = {code for _, k, code in mine if k == ActorKind.PERSON.value}
        if _same_parties(record, codes, persons):
            return event_id
    return None


@pytest.mark.parametrize("kept", [True, False], ids=["links-on-the-row", "some-links-not-kept"])
def test_candidate_lookup_merges_as_the_rule_says(db: Database, kept: bool) -> None:
    """For random reports against a few hundred stored events of every width, the indexed lookup
    picks the same event as reading every stored event and applying the merge rule: the first by
    id of the same type and status, sharing an actor, whose date holds (starting at most a year
    before) or is held by the report's at month precision or finer, with the same parties. The
    parties come from the links each event row keeps, or from event_actor where it keeps none."""
    rng = random.Random(11)
    _store(db, rng, 150)
    if not kept:
        with db.engine.begin() as conn:
            conn.execute(text("UPDATE event SET actor_links = NULL WHERE id % 2 = 0"))
    probes = [_record(rng, _WIDTHS[:4] if n % 3 else _WIDTHS) for n in range(600)]
    cache = ActorIds()
    with db.session() as session:
        ids = actor_ids(session, [ref for r in probes for ref in _links(r)], None, cache)
        wanted = [(r, sorted({ids[(ref.kind.value, ref.code)] for ref in _links(r)})) for r in probes]
        found = find_same_happenings(session, wanted)
        session.rollback()
    expected = [_by_the_rule(db, record, record_ids) for record, record_ids in wanted]
    assert [m.id if m else None for m in found] == expected
    assert sum(e is not None for e in expected) > 30  # the probes do merge, and not only with day-wide events
    assert {_width_class(m.earliest, m.latest) for m in found if m} == set(range(len(_WIDTH_BOUNDS) + 1))  # all


def test_migration_gives_stored_events_their_span_class(db: Database) -> None:
    """Upgrading to 0006 fills the span class of the events stored before, on every backend."""
    migrate.downgrade(db.engine, "0005")
    day = dt.date(2021, 6, 10)
    widths = [0, 7, 8, 31, 92, 183, 366, 367, None]
    now = dt.datetime(2021, 1, 1)
    insert = text(
        "INSERT INTO event (id, type, status, date_earliest, date_latest, summary, confidence, created_at) "
        "VALUES (:id, 'meeting', 'occurred', :earliest, :latest, 's', 0.5, :now)"
    )
    with db.engine.begin() as conn:
        for n, width in enumerate(widths):
            latest = None if width is None else day + dt.timedelta(days=width)
            values = {"id": n + 1, "earliest": None if width is None else day, "latest": latest, "now": now}
            conn.execute(insert, values)
    migrate.upgrade(db.engine, "0006")
    with db.engine.connect() as conn:
        spans = conn.execute(text("SELECT date_span FROM event ORDER BY id")).scalars().all()
    assert spans == [0, 1, 2, 2, 3, 4, 5, 6, None]
    migrate.upgrade(db.engine)  # 0009 drops the class and its index again, and keeps the events
    with db.engine.connect() as conn:
        columns = [c["name"] for c in inspect(conn).get_columns("event")]
        indexes = [i["name"] for i in inspect(conn).get_indexes("event")]
        kept = conn.execute(text("SELECT count(*) FROM event")).scalar()
    assert "date_span" not in columns and "ix_event_type_status_date_span_date_earliest" not in indexes
    assert kept == len(widths)


def test_downgrade_from_0009_gives_the_span_classes_back(db: Database) -> None:
    """Downgrading below 0009 restores each stored event's span class and its index, on every backend."""
    day = dt.date(2021, 6, 10)
    insert = text(
        "INSERT INTO event (id, type, status, date_earliest, date_latest, summary, confidence, created_at) "
        "VALUES (:id, 'meeting', 'occurred', :earliest, :latest, 's', 0.5, :now)"
    )
    with db.engine.begin() as conn:
        for n, width in enumerate([0, 8, 400]):
            values = {"id": n + 1, "earliest": day, "latest": day + dt.timedelta(days=width),
                      "now": dt.datetime(2021, 1, 1)}  # fmt: skip
            conn.execute(insert, values)
    migrate.downgrade(db.engine, "0008")
    with db.engine.connect() as conn:
        spans = conn.execute(text("SELECT date_span FROM event ORDER BY id")).scalars().all()
        indexes = [i["name"] for i in inspect(conn).get_indexes("event")]
    assert spans == [0, 2, 6]
    assert "ix_event_type_status_date_span_date_earliest" in indexes


def test_lookup_finds_holding_events_of_every_width_up_to_a_year_back(db: Database) -> None:
    """A day is merged into a stored event of any width that holds it and starts at most 366 days
    before it (the first by id when several do), and into none that starts earlier; as the rule says."""
    start = dt.date(2021, 1, 1)
    parties = (ActorRef(ActorKind.STATE, "ITA", "ITA"), ActorRef(ActorKind.STATE, "UKR", "UKR"))
    stored = [
        EventRecord(
            EventType.VISIT,
            EventStatus.OCCURRED,
            DateValue("x", start, start + dt.timedelta(days=width), precision),
            "s",
            (Evidence("s", n, n + 1),),
            parties,
        )
        for n, (width, precision) in enumerate(reversed(_WIDTHS))
    ]  # fmt: skip  (the widest first: it has the lowest id)
    cache = ActorIds()
    with db.session(write=True) as session, session.begin():  # one article: its events do not merge
        save_article(session, Article(identifier="widths", text="t"), Extraction(events=tuple(stored)),
                     content_hash="h", extractor="x", cache=cache)  # fmt: skip
    cache.confirm()
    offsets = sorted({0, 1, 6, 7, 30, 31, 90, 180, 364, 365, 366, 367, 399, 400, 401, 800})
    probes = [
        EventRecord(EventType.VISIT, EventStatus.OCCURRED, DateValue("x", day, day, Precision.DAY), "s",
                    (Evidence("s", 0, 1),), parties)
        for day in (start + dt.timedelta(days=offset) for offset in offsets)
    ]  # fmt: skip
    with db.session() as session:
        ids = actor_ids(session, list(parties), None, cache)
        wanted = [(r, sorted(ids.values())) for r in probes]
        found = [m.id if m else None for m in find_same_happenings(session, wanted)]
    expected = [_by_the_rule(db, record, record_ids) for record, record_ids in wanted]
    assert found == expected
    assert found[offsets.index(366)] == 1  # the 800-day event, which starts 366 days before
    assert found[offsets.index(367)] is None  # it starts too early; nothing else is that wide


def test_two_reports_of_one_article_merging_into_one_stored_event_store_the_article(db: Database) -> None:
    """An article whose two reports (one sentence each, or the same sentence) are both the happening
    another article stored is stored, not refused: the event gets each sentence once and each link once."""
    day = DateValue("2021-06-10", dt.date(2021, 6, 10), dt.date(2021, 6, 10), Precision.DAY)
    actors = (ActorRef(ActorKind.STATE, "ITA", "ITA"), ActorRef(ActorKind.STATE, "UKR", "UKR"))
    meeting = EventRecord(type=EventType.MEETING, status=EventStatus.OCCURRED, date=day, summary="s",
                          evidence=(Evidence("s", 0, 1),), actors=actors)  # fmt: skip
    cache = ActorIds()
    with db.session(write=True) as session, session.begin():
        save_article(session, Article(identifier="first", text="t"), Extraction(events=(meeting,)),
                     content_hash="1", extractor="x", cache=cache)  # fmt: skip
        second = (meeting, replace(meeting, evidence=(Evidence("s", 5, 9),)), meeting)
        save_article(session, Article(identifier="second", text="t"), Extraction(events=second),
                     content_hash="2", extractor="x", cache=cache)  # fmt: skip
    with db.session() as session:
        events = session.execute(text("SELECT COUNT(*) FROM event")).scalar_one()
        links = session.execute(text("SELECT COUNT(*) FROM event_actor")).scalar_one()
        sources = session.execute(
            text("SELECT d.identifier, s.start FROM event_source s JOIN document d ON d.id = s.document_id "
                 "ORDER BY d.identifier, s.start")
        ).all()  # fmt: skip
    assert (events, links) == (1, 2)
    assert [tuple(r) for r in sources] == [("first", 0), ("second", 0), ("second", 5)]
