"""Opening the database: the URL from a path or URL, SQLite pragmas, migrations on first use."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.orm import Session, sessionmaker

from dateline.store import revision
from dateline.store.actor_ids import ActorIds
from dateline.store.errors import StoreError

DEFAULT_DB = "dateline.db"
SQLITE_BUSY_TIMEOUT_MS = 60_000
# Reads map the file rather than copy each page in (a query over a large database touches thousands
# of pages, one system call each otherwise), and keep more pages between queries. Both are upper
# bounds, used as the file and the queries need them; writes still go through the journal.
SQLITE_MMAP_BYTES = 1 << 30
SQLITE_CACHE_KIB = 64 * 1024
# A lean connection (the writer's, and the reads of a long ingest) maps nothing and keeps a small
# cache: an ingest reads a few index pages an article, and its memory must not grow with the file.
SQLITE_LEAN_CACHE_KIB = 8 * 1024


def database_url(value: str) -> str:
    """A SQLAlchemy URL from what the user gave: a full URL, or a path to a SQLite file."""
    if "://" in value:
        try:
            make_url(value)
        except ArgumentError as exc:
            raise StoreError(f"{value!r} is not a database URL or path") from exc
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL so that readers and one writer run at once; wait rather than fail on a lock; read through mmap."""
    dbapi_connection.isolation_level = None  # let SQLAlchemy's BEGIN below govern transactions
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.execute(f"PRAGMA mmap_size = {SQLITE_MMAP_BYTES}")
    cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KIB}")
    cursor.close()


def _sqlite_memory(conn: Any, lean: bool) -> None:
    """Give the connection the lean settings (no mmap, a small page cache) or the reader's ones,
    when it has the other: a pooled connection serves both kinds of session."""
    info = conn.connection.info
    if info.get("dateline_lean", False) == lean:
        return
    cursor = conn.connection.dbapi_connection.cursor()
    cursor.execute(f"PRAGMA mmap_size = {0 if lean else SQLITE_MMAP_BYTES}")
    cursor.execute(f"PRAGMA cache_size = -{SQLITE_LEAN_CACHE_KIB if lean else SQLITE_CACHE_KIB}")
    cursor.close()
    info["dateline_lean"] = lean


def _sqlite_begin(conn: Any) -> None:
    # BEGIN IMMEDIATE takes the write lock up front, so two writers queue on busy_timeout
    # instead of failing with "database is locked" when both try to upgrade a read lock.
    options = conn.get_execution_options()
    write = options.get("dateline_write", False)
    _sqlite_memory(conn, write or options.get("dateline_lean", False))
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


@dataclass
class Database:
    """An engine and its session factory, migrated to the head revision, and the actor ids seen."""

    url: str
    engine: Engine
    sessions: sessionmaker[Session]
    actor_ids: ActorIds = field(default_factory=ActorIds)

    def session(self, *, write: bool = False, lean: bool = False) -> Session:
        """A new session; `write=True` takes SQLite's write lock when its transaction begins. A
        writing session, and a reading one with `lean=True` (the reads of a long ingest), runs on
        a SQLite connection without mmap and with a small page cache (`SQLITE_LEAN_CACHE_KIB`)."""
        if write:
            return self.sessions(bind=self.engine.execution_options(dateline_write=True))
        if lean:
            return self.sessions(bind=self.engine.execution_options(dateline_lean=True))
        return self.sessions()

    @property
    def is_sqlite(self) -> bool:
        """Whether this database is a SQLite file."""
        return self.engine.dialect.name == "sqlite"

    def dispose(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()


def create_db_engine(url: str) -> Engine:
    """An engine for `url`, with the SQLite settings dateline relies on."""
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def open_database(value: str, *, upgrade: bool = True) -> Database:
    """Open the database at `value` (path or URL), migrating it to head unless told not to."""
    url = database_url(value)
    if url.startswith("sqlite:///"):
        parent = Path(url.removeprefix("sqlite:///")).parent
        if not parent.is_dir():
            raise StoreError(f"the folder {parent} of the database does not exist")
    engine = create_db_engine(url)
    try:
        if upgrade and not revision.at_head(engine):
            from dateline.store import migrate  # Alembic: loaded only when there is something to do

            migrate.ensure_head(engine)
    except sqlite3.DatabaseError as exc:  # pragma: no cover - wrapped by SQLAlchemy below
        raise StoreError(f"{value} is not a usable database ({exc})") from exc
    return Database(url=url, engine=engine, sessions=sessionmaker(engine, expire_on_commit=False))
