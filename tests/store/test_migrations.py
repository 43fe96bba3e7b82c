"""Migrations: one head, reversible, and in agreement with the ORM models."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, select

from dateline.extract.records import ActorKind, ActorRole, EventStatus, EventType, Precision
from dateline.store import migrate
from dateline.store import revision as quick_revision
from dateline.store.engine import create_db_engine, database_url, open_database
from dateline.store.models import Actor, Base, Event, EventActor


def test_migrations_have_one_head() -> None:
    """The revision graph has exactly one head, so `upgrade head` is unambiguous."""
    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert len(script.get_heads()) == 1


def test_head_read_from_file_names_is_alembics_head() -> None:
    """The head told from the migration scripts' numbers (no Alembic) is the head Alembic reads."""
    assert quick_revision.head() == migrate.head_revision()


def test_at_head_only_for_a_database_at_head(tmp_path: Path) -> None:
    """The quick check says "at head" for a migrated database only: not for an empty file, an older
    revision, or a file that is not a database, each of which then takes Alembic's path."""
    engine = create_db_engine(database_url(str(tmp_path / "r.db")))
    assert not quick_revision.at_head(engine)
    migrate.upgrade(engine, "0001")
    assert not quick_revision.at_head(engine)
    migrate.upgrade(engine)
    assert quick_revision.at_head(engine)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    assert not quick_revision.at_head(create_db_engine(database_url(str(junk))))


def test_opening_an_older_database_migrates_it(tmp_path: Path) -> None:
    """A database at an older revision is brought to head when opened, as before the quick check."""
    path = tmp_path / "old.db"
    migrate.upgrade(create_db_engine(database_url(str(path))), "0001")
    database = open_database(str(path))
    assert migrate.current_revision(database.engine) == migrate.head_revision()


def test_upgrade_downgrade_upgrade_every_revision(tmp_path: Path) -> None:
    """Every revision upgrades, downgrades to base and upgrades again on an empty database."""
    engine = create_db_engine(database_url(str(tmp_path / "m.db")))
    script = ScriptDirectory.from_config(migrate.alembic_config())
    revisions = [r.revision for r in reversed(list(script.walk_revisions()))]
    for revision in revisions:
        migrate.upgrade(engine, revision)
        assert migrate.current_revision(engine) == revision
    migrate.downgrade(engine, "base")
    assert migrate.current_revision(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(engine)
    assert migrate.current_revision(engine) == migrate.head_revision()


def test_models_agree_with_migrations(db_path: Path) -> None:
    """Autogenerate finds nothing to change between the migrated schema and the models."""
    engine = create_db_engine(database_url(str(db_path)))
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []


def test_first_use_creates_schema(tmp_path: Path) -> None:
    """Opening a database that does not exist yet creates it at the head revision."""
    path = tmp_path / "new.db"
    database = open_database(str(path))
    assert path.exists()
    assert migrate.current_revision(database.engine) == migrate.head_revision()
    assert {"document", "event", "actor", "actor_alias", "person_role", "event_actor", "event_source"} <= set(
        inspect(database.engine).get_table_names()
    )


def test_every_enum_member_round_trips(db) -> None:  # type: ignore[no-untyped-def]
    """Each event type, status, precision, actor kind and role is stored and read back unchanged."""
    with db.session(write=True) as session, session.begin():
        for i, (etype, status) in enumerate(zip(EventType, list(EventStatus) * 6, strict=False)):
            precision = list(Precision)[i % len(Precision)]
            event = Event(
                type=etype.value,
                status=status.value,
                summary=str(i),
                date_precision=precision.value,
                date_earliest=dt.date(2020, 1, 1),
                date_latest=dt.date(2020, 1, 1),
            )
            kind = list(ActorKind)[i % len(ActorKind)]
            role = list(ActorRole)[i % len(ActorRole)]
            event.actors.append(EventActor(actor=Actor(kind=kind.value, code=f"X{i}", name="x"), role=role.value))
            session.add(event)
    with db.session() as session:
        rows = session.execute(select(Event.type, Event.status, Event.date_precision)).all()
        kinds = set(session.scalars(select(Actor.kind)))
        roles = set(session.scalars(select(EventActor.role)))
    assert {r.type for r in rows} == {t.value for t in EventType}
    assert {r.status for r in rows} == {s.value for s in EventStatus}
    assert {EventType(r.type) for r in rows} == set(EventType)
    assert kinds == {k.value for k in ActorKind}
    assert roles == {r.value for r in ActorRole}


def test_migrations_round_trip_on_every_backend(db) -> None:  # type: ignore[no-untyped-def]
    """On SQLite and PostgreSQL alike: down to base, up to head, and the models agree with the schema."""
    migrate.downgrade(db.engine, "base")
    assert migrate.current_revision(db.engine) is None
    migrate.upgrade(db.engine)
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []
