"""Shared fixtures: a fresh migrated SQLite database per test, and a scripted extractor."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

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
from dateline.store.engine import Database, open_database

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database migrated to head once per run; tests get copies of it."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    open_database(str(path)).dispose()
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """The path of a fresh, migrated SQLite database for this test."""
    path = tmp_path / "test.db"
    shutil.copyfile(template_db, path)
    return path


# Storage and query tests run against SQLite, and against PostgreSQL too when a server is given
# (.ci/run starts one): DATELINE_TEST_POSTGRES=postgresql+psycopg://user@host:port/postgres
PG_URL = os.environ.get("DATELINE_TEST_POSTGRES")
BACKENDS = ["sqlite", "postgresql"] if PG_URL else ["sqlite"]


@pytest.fixture(scope="session")
def pg_template() -> Iterator[str]:
    """A PostgreSQL database migrated to head, copied for each test."""
    assert PG_URL is not None
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    name = f"dateline_template_{os.getpid()}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    template = open_database(str(make_url(PG_URL).set(database=name)))
    template.dispose()
    yield name
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, db_path: Path) -> Iterator[Database]:
    """A fresh, migrated database for this test: SQLite, and PostgreSQL when one is configured."""
    if request.param == "sqlite":
        database = open_database(str(db_path))
        yield database
        database.dispose()
        return
    assert PG_URL is not None
    template = request.getfixturevalue("pg_template")
    name = f"dateline_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    database = open_database(str(make_url(PG_URL).set(database=name)))
    yield database
    database.dispose()
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _date(value: str) -> DateValue:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        day = dt.date(*parts)
        return DateValue(value, day, day, Precision.DAY)
    if len(parts) == 2:
        first = dt.date(parts[0], parts[1], 1)
        nxt = dt.date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return DateValue(value, first, nxt - dt.timedelta(days=1), Precision.MONTH)
    return DateValue(value, dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31), Precision.YEAR)


def scripted_extract(article: Article) -> Extraction:
    """A stand-in extractor: each line `@event TYPE DATE CODES [PERSON=CODE] summary` is one event.

    DATE is YYYY, YYYY-MM, YYYY-MM-DD or `-` (undated); CODES a comma-separated list; a
    `PERSON=ITA` word adds a person (underscores for spaces) serving that state.
    """
    events = []
    offset = 0
    for line in article.text.splitlines(keepends=True):
        if line.startswith("@event "):
            words = line.split()
            kind, date, codes = words[1], words[2], words[3].split(",")
            rest = words[4:]
            actors = [ActorRef(ActorKind.ORGANISATION if len(c) != 3 else ActorKind.STATE, c, c) for c in codes]
            while rest and "=" in rest[0]:
                name, state = rest.pop(0).split("=")
                actors.append(ActorRef(ActorKind.PERSON, name.replace("_", " "), name.replace("_", " "), state=state))
            events.append(
                EventRecord(
                    type=EventType(kind),
                    status=EventStatus.PLANNED if "planned" in rest else EventStatus.OCCURRED,
                    date=None if date == "-" else _date(date),
                    summary=" ".join(rest) or kind,
                    evidence=(Evidence(line.strip(), offset, offset + len(line.rstrip())),),
                    actors=tuple(actors),
                )
            )
        offset += len(line)
    return Extraction(events=tuple(events))


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ingest use the scripted extractor instead of the real one."""
    monkeypatch.setattr("dateline.api.ingest.extract", scripted_extract)


def pytest_addoption(parser: pytest.Parser) -> None:
    """--update-goldens rewrites golden files instead of comparing with them."""
    parser.addoption("--update-goldens", action="store_true", default=False, help="rewrite golden files")


@pytest.fixture
def update_goldens(request: pytest.FixtureRequest) -> bool:
    """Whether this run rewrites golden files (pytest --update-goldens)."""
    return bool(request.config.getoption("--update-goldens"))
