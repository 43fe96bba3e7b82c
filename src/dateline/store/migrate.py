"""Running the Alembic migrations in code: on first use, and for `dateline db`."""

from __future__ import annotations

import datetime as dt
import sqlite3
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError, OperationalError

import dateline.migrations
from dateline.store.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported inside the functions that use it: importing it takes longer than most
# commands take to run, and a database already at head needs none of it (see revision.py).


def migrations_dir() -> Path:
    """The folder of the Alembic environment shipped with the package."""
    return Path(dateline.migrations.__file__).parent


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic config pointing at the shipped migrations (and at `engine`, when given)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return config


@cache
def head_revision() -> str:
    """The newest revision of the shipped migrations."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships revisions
        raise StoreError("the package ships no migrations")
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (None for a new, empty database)."""
    from alembic.runtime.migration import MigrationContext

    try:
        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    except DatabaseError as exc:
        raise StoreError(f"{engine.url.database or engine.url} is not a usable database ({exc.orig})") from exc


def backup_sqlite(engine: Engine, revision: str) -> Path | None:
    """Copy a SQLite database file aside before migrating it; returns the copy's path."""
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    source = Path(engine.url.database)
    if not source.exists():
        return None
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S")
    target = source.with_name(f"{source.name}.{revision}.{stamp}.bak")
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)  # consistent even while other connections write in WAL mode
    return target


def upgrade(engine: Engine, revision: str = "head") -> Path | None:
    """Migrate to `revision`, backing an existing SQLite database up first; returns the backup."""
    before = current_revision(engine)
    backup = None
    if before is not None and before != head_revision():
        backup = backup_sqlite(engine, before)
    _run(engine, "upgrade", revision)
    return backup


def downgrade(engine: Engine, revision: str) -> None:
    """Migrate down to `revision` ("base" removes every table)."""
    _run(engine, "downgrade", revision)


def ensure_head(engine: Engine) -> None:
    """Upgrade the database to head when it is not there yet (first use, or a newer dateline)."""
    if current_revision(engine) != head_revision():
        upgrade(engine)


def _run(engine: Engine, verb: str, revision: str) -> None:
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.util import CommandError

    config = alembic_config(engine)
    try:
        # The write lock is taken before the revision is read again, so that two processes
        # opening a new database at once migrate it once.
        with engine.execution_options(dateline_write=True).begin() as conn:
            done = MigrationContext.configure(conn).get_current_revision() == head_revision()
            if verb == "upgrade" and revision == "head" and done:
                return
            config.attributes["connection"] = conn
            getattr(command, verb)(config, revision)
    except OperationalError as exc:
        raise StoreError(f"cannot migrate the database ({exc.orig})") from exc
    except CommandError as exc:
        raise StoreError(f"cannot migrate to {revision!r} ({exc})") from exc
