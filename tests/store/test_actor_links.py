"""The actor links kept with each event (Event.actor_links): written with the links, read by queries."""

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


def test_kept_links_are_the_links_through_merges_and_replacements(db: Database) -> None:
    """After many articles whose reports merge into stored events (adding actors to them), and articles
    replaced by new versions, every event keeps the text of its event_actor rows in order of position."""
    rng = random.Random(11)
    cache = ActorIds()
    with db.session(write=True) as session, session.begin():
        for n in range(300):
            save_article(session, Article(identifier=f"a{n % 250}", text="t"), _with_offices(rng),
                         content_hash=str(n), extractor="x", cache=cache)  # fmt: skip
    cache.confirm()
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
