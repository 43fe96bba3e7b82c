"""What the writer copies for the queries: the actor links kept with each event (Event.actor_links),
and the event's type on each of its links (event_actor.type); both read by queries."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from sqlalchemy import text

from dateline.extract.records import ActorKind, ActorRole, Article, Evidence, Extraction
from dateline.store import migrate
from dateline.store.actor_ids import ActorIds
from dateline.store.engine import Database
from dateline.store.models import LINK_END, LINK_FIELD, link_entry
from dateline.store.queries import EventFilter, find_events
from dateline.store.writes import save_article
from tests.store.test_merge import _record


def _links_as_text(db: Database) -> tuple[dict[int, str | None], dict[int, str]]:
    """Each event's kept text, and the text its event_actor rows make in order of position."""
    with db.session() as session:
        kept = {i: t for i, t in session.execute(text("SELECT id, actor_links FROM event"))}
        rows = session.execute(
            text("SELECT event_id, actor_id, role, office FROM event_actor ORDER BY event_id, position")
        ).all()
    made = {event_id: "" for event_id in kept}
    for event_id, actor_id, role, office in rows:
        made[event_id] += link_entry(actor_id, role, office) or "?"
    return kept, made


def _with_offices(rng: random.Random) -> Extraction:
    records = []
    for i in range(rng.randint(1, 4)):
        record = _record(rng)
        actors = tuple(
            replace(a, role=rng.choice(list(ActorRole)), office=rng.choice([None, "foreign_minister", "president"]))
            if a.kind is ActorKind.PERSON
            else replace(a, role=rng.choice(list(ActorRole)))
            for a in record.actors
        )
        records.append(replace(record, actors=actors, evidence=(Evidence("s", i, i + 1),)))
    return Extraction(events=tuple(records))


def _store(db: Database, rng: random.Random, articles: int, distinct: int) -> None:
    """`articles` random articles through the writer, as `distinct` identifiers (the rest replace them)."""
    cache = ActorIds()
    with db.session(write=True) as session, session.begin():
        for n in range(articles):
            save_article(session, Article(identifier=f"a{n % distinct}", text="t"), _with_offices(rng),
                         content_hash=str(n), extractor="x", cache=cache)  # fmt: skip
    cache.confirm()


def test_kept_links_are_the_links_through_merges_and_replacements(db: Database) -> None:
    """After many articles whose reports merge into stored events (adding actors to them), and articles
    replaced by new versions, every event keeps the text of its event_actor rows in order of position."""
    _store(db, random.Random(11), 300, distinct=250)
    kept, made = _links_as_text(db)
    assert kept == made
    with db.session() as session:
        merged = session.execute(text("SELECT COUNT(*) FROM event_source GROUP BY event_id HAVING COUNT(*) > 1"))
        assert len(merged.all()) > 20  # merges happened
    assert any(value.count(LINK_END) >= 4 for value in made.values())


def test_a_link_holding_a_separator_is_not_kept_as_text() -> None:
    """An office holding a separator cannot be written faithfully: the event is then read from event_actor."""
    assert link_entry(7, "target", None) == f"7{LINK_FIELD}target{LINK_END}"
    assert link_entry(7, "target", "") == f"7{LINK_FIELD}target{LINK_FIELD}{LINK_END}"
    assert link_entry(7, "target", f"a{LINK_END}b") is None
    assert link_entry(7, "target", f"a{LINK_FIELD}b") is None


def test_migration_keeps_the_links_of_stored_events(db: Database) -> None:
    """Upgrading to 0007 writes each stored event's links, in order of position, on every backend; an
    event without actors keeps an empty text, one whose office holds a separator keeps NULL."""
    migrate.downgrade(db.engine, "0006")
    now = dt.datetime(2021, 1, 1)
    with db.engine.begin() as conn:
        for n, code in enumerate(("ITA", "UKR", "Anna Rossi")):
            kind = "person" if " " in code else "state"
            conn.execute(text("INSERT INTO actor (id, kind, code, name) VALUES (:id, :kind, :code, :code)"),
                         {"id": n + 1, "kind": kind, "code": code})  # fmt: skip
        for event_id in (1, 2, 3):
            conn.execute(
                text("INSERT INTO event (id, type, status, summary, confidence, created_at) "
                     "VALUES (:id, 'meeting', 'occurred', 's', 0.5, :now)"),
                {"id": event_id, "now": now},
            )  # fmt: skip
        links = [(1, 2, "target", 1, None), (1, 3, "participant", 2, "foreign_minister"), (1, 1, "initiator", 0, None),
                 (3, 3, "participant", 0, f"bad{LINK_END}office")]  # fmt: skip
        for event_id, actor_id, role, position, office in links:
            conn.execute(
                text("INSERT INTO event_actor (event_id, actor_id, role, position, office) "
                     "VALUES (:e, :a, :r, :p, :o)"),
                {"e": event_id, "a": actor_id, "r": role, "p": position, "o": office},
            )  # fmt: skip
    migrate.upgrade(db.engine)
    kept, _ = _links_as_text(db)
    first = [link_entry(1, "initiator", None), link_entry(2, "target", None),
             link_entry(3, "participant", "foreign_minister")]  # fmt: skip
    assert kept == {1: "".join(e for e in first if e), 2: "", 3: None}


def test_filters_on_actors_types_and_dates_find_what_they_ask_for(db: Database) -> None:
    """Events written by the writer (merges included) are found by actor, type and date filters read
    through event_actor's copies exactly as a check of every event says: long spans and events that
    started long before the window included."""
    rng = random.Random(3)
    _store(db, rng, 250, distinct=250)
    with db.session() as session:
        every = [(e.id, e.type, e.earliest, e.latest, {a.code for a in e.actors})
                 for e in find_events(session, EventFilter())]  # fmt: skip
        checked = 0
        for _ in range(60):
            codes = tuple(rng.sample(["ITA", "UKR", "FRA", "DEU"], rng.randint(1, 2)))
            types = tuple(rng.sample(["meeting", "statement"], rng.randint(1, 2)))
            lo = dt.date(2021, 1, 1) + dt.timedelta(days=rng.randrange(-200, 600)) if rng.random() < 0.8 else None
            hi = lo + dt.timedelta(days=rng.randrange(0, 200)) if lo and rng.random() < 0.7 else None
            flt = EventFilter(countries=codes, types=types, date_from=lo, date_to=hi)
            expected = {i for i, kind, start, end, actors in every
                        if kind in types and set(codes) <= actors
                        and (lo is None or (end is not None and end >= lo))
                        and (hi is None or (start is not None and start <= hi))}  # fmt: skip
            found = [e.id for e in find_events(session, flt)]
            assert sorted(found) == sorted(expected), flt
            assert len(found) == len(set(found))
            checked += len(found)
    assert checked > 100


def test_migration_copies_each_events_type_to_its_links(db: Database) -> None:
    """Upgrading to 0008 gives every stored link its event's type, on every backend."""
    migrate.downgrade(db.engine, "0007")
    now = dt.datetime(2021, 1, 1)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO actor (id, kind, code, name) VALUES (1, 'state', 'ITA', 'ITA'), "
                          "(2, 'state', 'UKR', 'UKR')"))  # fmt: skip
        for event_id, kind in ((1, "visit"), (2, "sanctions")):
            conn.execute(
                text("INSERT INTO event (id, type, status, summary, confidence, created_at) "
                     "VALUES (:id, :type, 'occurred', 's', 0.5, :now)"),
                {"id": event_id, "type": kind, "now": now},
            )  # fmt: skip
            for actor_id in (1, 2):
                conn.execute(text("INSERT INTO event_actor (event_id, actor_id, role, position) "
                                  "VALUES (:e, :a, 'participant', :a)"), {"e": event_id, "a": actor_id})  # fmt: skip
    migrate.upgrade(db.engine)
    with db.engine.connect() as conn:
        rows = conn.execute(text("SELECT event_id, actor_id, type FROM event_actor ORDER BY 1, 2")).all()
    assert [tuple(r) for r in rows] == [(1, 1, "visit"), (1, 2, "visit"), (2, 1, "sanctions"), (2, 2, "sanctions")]
