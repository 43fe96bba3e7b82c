"""Known actors: the gazetteers and the persons the database met, for `actors` and `actor`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from dateline.api.errors import UserError
from dateline.extract.actors import (
    UnknownActorError,
    all_organisations,
    all_persons,
    all_states,
    resolve_country,
    resolve_person,
)
from dateline.store.actors import stored_persons
from dateline.store.engine import Database
from dateline.store.models import Actor
from dateline.store.queries import EventFilter, find_events
from dateline.store.text import fold
from dateline.views import StoredEvent


@dataclass(frozen=True, slots=True)
class Office:
    """A term of office: held for `state` from `start` to `end` (None: still held)."""

    office: str
    state: str
    start: dt.date | None
    end: dt.date | None
    origin: str = "gazetteer"


@dataclass(frozen=True, slots=True)
class ActorInfo:
    """A known actor with its other names and, for a person, offices."""

    kind: str
    code: str
    name: str
    aliases: tuple[str, ...] = ()
    offices: tuple[Office, ...] = ()


def _known(db: Database | None) -> list[ActorInfo]:
    out = [ActorInfo("state", code, name, aliases) for code, name, aliases in all_states()]
    out += [ActorInfo("organisation", code, name, aliases) for code, name, aliases in all_organisations()]
    gazetteer = set()
    for name, aliases, roles in all_persons():
        gazetteer.add(name)
        offices = tuple(Office(r.office, r.state, r.start, r.end) for r in roles)
        out.append(ActorInfo("person", name, name, aliases, offices))
    if db is not None:
        with db.session() as session:
            rows = session.scalars(
                select(Actor)
                .where(Actor.kind == "person")
                .options(selectinload(Actor.aliases), selectinload(Actor.roles))
            )
            for row in rows:
                if row.code not in gazetteer:
                    aliases = tuple(a.alias for a in row.aliases if a.alias != row.code)
                    offices = tuple(Office(r.office, r.state, r.start, r.end, r.origin) for r in row.roles)
                    out.append(ActorInfo("person", row.code, row.name, aliases, offices))
    return out


def list_actors(query: str | None = None, kinds: tuple[str, ...] = (), db: Database | None = None) -> list[ActorInfo]:
    """Known actors whose code, name or an alias contains `query` (case and accents ignored)."""
    needle = fold(query) if query else ""
    found = []
    for info in _known(db):
        if kinds and info.kind not in kinds:
            continue
        if needle and not any(needle in fold(n) for n in (info.code, info.name, *info.aliases)):
            continue
        found.append(info)
    return found


def _resolve(db: Database, name: str) -> tuple[str | None, str]:
    """(kind, code) of a state, organisation or person named any way; kind None for states and organisations."""
    try:
        return None, resolve_country(name)
    except UnknownActorError as exc:
        country_error = exc
    try:
        return "person", resolve_person(name)
    except UnknownActorError as exc:
        person_error = exc
    with db.session() as session:
        stored = stored_persons(session, name)
    if len(stored) == 1:
        return "person", stored[0]
    if stored:
        raise UserError(f"{name!r} could be {', '.join(stored[:5])}. Give the full name")
    suggestions = list(dict.fromkeys([*country_error.suggestions[:2], *person_error.suggestions[:2]]))
    hint = f" Did you mean {', '.join(suggestions)}?" if suggestions else ""
    raise UserError(f"unknown actor {name!r}.{hint}")


def actor_detail(db: Database, name: str, limit: int | None = None) -> tuple[ActorInfo, list[StoredEvent]]:
    """One actor by any of its names, with the stored events it takes part in."""
    kind, code = _resolve(db, name)
    persons, countries = ((code,), ()) if kind == "person" else ((), (code,))
    flt = EventFilter(persons=persons, countries=countries, limit=limit)
    infos = [i for i in _known(db) if i.code == code and (kind is None or i.kind == kind)]
    info = infos[0] if infos else ActorInfo(kind or "state", code, code)
    with db.session() as session:
        events = find_events(session, flt)
    return info, events
