"""Actor rows for the actors of new events, found or created in bulk, with a cache of their ids."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from sqlalchemy.orm import Session

from dateline.extract.records import ActorKind, ActorRef
from dateline.store.raw import Cursor, marks
from dateline.store.text import fold

if TYPE_CHECKING:  # the actor package loads the gazetteer's code: a query needs none of it
    from dateline.extract.actors.model import Role

Key = tuple[str, str]  # (kind, code)


class ActorDirectory(Protocol):
    """What the store asks of the reference data when it meets an actor for the first time."""

    def display_name(self, kind: ActorKind, code: str) -> str:
        """The name to show for a state or organisation code, or a person's canonical name."""
        ...

    def aliases(self, kind: ActorKind, code: str) -> Iterable[str]:
        """Other names of the actor, for lookups by name."""
        ...

    def roles(self, name: str) -> Iterable[Role]:
        """A person's terms of office, from the gazetteer."""
        ...


class ActorIds:
    """Ids of actor rows by (kind, code), kept across articles.

    Ids created in a transaction are kept apart until the caller says it committed, so that a
    rolled-back article leaves no id of a row that does not exist.
    """

    def __init__(self) -> None:
        self.known: dict[Key, int] = {}
        self.pending: dict[Key, int] = {}

    def confirm(self) -> None:
        """The transaction committed: its new ids are real."""
        self.known.update(self.pending)
        self.pending.clear()

    def discard(self) -> None:
        """The transaction rolled back: forget its new ids."""
        self.pending.clear()

    def mark(self) -> frozenset[Key]:
        """Where a savepoint begins: the keys pending so far."""
        return frozenset(self.pending)

    def rollback_to(self, mark: frozenset[Key]) -> None:
        """The savepoint rolled back: forget the ids made since `mark`, keep the ones before."""
        for key in [key for key in self.pending if key not in mark]:
            del self.pending[key]

    def get(self, key: Key) -> int | None:
        """The id of an actor, when known."""
        return self.known.get(key) or self.pending.get(key)


def _insert(session: Session, table: str, rows: list[tuple[object, ...]], columns: tuple[str, ...]) -> None:
    """INSERT ... ON CONFLICT DO NOTHING (the same on SQLite and PostgreSQL): another writer may
    have added the same row meanwhile. On the DBAPI cursor, as the other statements of every article."""
    if rows:
        names = ", ".join(f'"{column}"' for column in columns)
        sql = f"INSERT INTO {table} ({names}) VALUES ({marks(len(columns))}) ON CONFLICT DO NOTHING"
        Cursor(session).executemany(sql, rows)


def _stored_ids(session: Session, keys: list[Key]) -> dict[Key, int]:
    """The ids of the stored actors among `keys`, looked up by code (indexed) on the DBAPI cursor."""
    wanted = set(keys)
    codes = sorted({code for _, code in wanted})
    rows = Cursor(session).execute(f"SELECT id, kind, code FROM actor WHERE code IN ({marks(len(codes))})", codes)
    return {(kind, code): actor_id for actor_id, kind, code in rows.fetchall() if (kind, code) in wanted}


def actor_ids(session: Session, refs: Iterable[ActorRef], directory: ActorDirectory | None,
              cache: ActorIds) -> dict[Key, int]:  # fmt: skip
    """The ids of the actors of `refs`, creating (with names, aliases and terms of office) the new ones."""
    wanted = {(r.kind.value, r.code): r for r in refs}
    ids = {key: cached for key in wanted if (cached := cache.get(key)) is not None}
    missing = [key for key in wanted if key not in ids]
    if not missing:
        return ids
    found = _stored_ids(session, missing)
    cache.known.update(found)
    ids.update(found)
    new = [key for key in missing if key not in found]
    if not new:
        return ids
    names = {key: _display(wanted[key], directory) for key in new}
    _insert(session, "actor", [(k, c, names[(k, c)]) for k, c in new], ("kind", "code", "name"))
    created = _stored_ids(session, new)
    cache.pending.update(created)
    ids.update(created)
    cursor = Cursor(session)
    aliases: list[tuple[object, ...]] = []
    roles: list[tuple[object, ...]] = []
    for key in new:
        ref, actor_id = wanted[key], created[key]
        extra = list(directory.aliases(ref.kind, ref.code)) if directory else []
        for name in dict.fromkeys([ref.code, names[key], ref.name, *extra]):
            if name:
                aliases.append((actor_id, name, fold(name)))
        if ref.kind is ActorKind.PERSON and directory is not None:
            for r in {(r.office, r.state, r.start): r for r in directory.roles(ref.code)}.values():
                roles.append((actor_id, r.office, r.state, cursor.day(r.start), cursor.day(r.end), "gazetteer"))
    _insert(session, "actor_alias", aliases, ("actor_id", "alias", "folded"))
    _insert(session, "person_role", roles, ("actor_id", "office", "state", "start", "end", "origin"))
    return ids


def _display(ref: ActorRef, directory: ActorDirectory | None) -> str:
    return directory.display_name(ref.kind, ref.code) if directory else ref.name
