"""`dateline db check`: the database's integrity and dateline's own rules, without changing it."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from dateline.api.errors import UserError
from dateline.extract.actors import all_organisations
from dateline.extract.codes import is_state_code
from dateline.extract.records import ActorKind
from dateline.store import migrate
from dateline.store.check import Finding, check_database
from dateline.store.engine import create_db_engine, database_url


@cache
def _organisations() -> frozenset[str]:
    return frozenset(code for code, _, _ in all_organisations())


def known_actor(kind: str, code: str) -> bool:
    """Whether the reference data knows an actor: ISO states, the gazetteer's organisations.

    A person is known by name, from the gazetteer or from the articles that named them, so any
    non-empty name will do.
    """
    if kind == ActorKind.STATE.value:
        return is_state_code(code)
    if kind == ActorKind.ORGANISATION.value:
        return code in _organisations()
    if kind == ActorKind.PERSON.value:
        return bool(code.strip()) and code == code.strip()
    return False


def check(value: str) -> list[Finding]:
    """Run every check on the database at `value` (a path or URL); the database is not migrated."""
    url = database_url(value)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).is_file():
        raise UserError(f"there is no database at {value}. Check --db or DATELINE_DB")
    engine = create_db_engine(url)
    try:
        if migrate.current_revision(engine) is None:
            raise UserError(f"{value} holds no dateline schema. Check --db, or create it with `dateline db upgrade`")
        return check_database(engine, known_actor)
    finally:
        engine.dispose()
