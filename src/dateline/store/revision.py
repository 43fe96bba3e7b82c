"""Whether a database is at the newest schema revision, told without Alembic.

Importing Alembic takes longer than a query over a million events takes to run, and nearly
every command opens a database that is already at head. The revisions are numbered in their
file names (``migrations/versions/0005_....py`` is revision "0005", one line of history), so the
head is the highest number there; tests/store/test_migrations.py checks that against Alembic's
own reading of the scripts. Anything this module cannot tell sends the caller to Alembic.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

import dateline.migrations

_SCRIPT = re.compile(r"(\d{4})_\w+\.py")


@cache
def head() -> str | None:
    """The highest revision number among the shipped migration scripts (None if there are none)."""
    folder = Path(dateline.migrations.__file__).parent / "versions"
    numbers = [m.group(1) for name in _names(folder) if (m := _SCRIPT.fullmatch(name))]
    return max(numbers, default=None)


def _names(folder: Path) -> list[str]:
    try:
        return [path.name for path in folder.iterdir()]
    except OSError:
        return []


def at_head(engine: Engine) -> bool:
    """True when the database's recorded revision is the head; False when it is not, or cannot be read."""
    expected = head()
    if expected is None:
        return False
    try:
        with engine.connect() as conn:
            found = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except SQLAlchemyError:  # no table yet, not a database, no server: Alembic's path reports it properly
        return False
    return found == [expected]
