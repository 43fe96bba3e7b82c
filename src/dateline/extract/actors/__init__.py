"""The actor layer of extraction: states, organisations and persons in text and in queries.

`ActorFinder.find(text, on)` returns every mention in an article; the module-level functions
resolve query names (`--country`, `--person`) with the packaged data, built once on first use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache

from dateline.extract.actors.finder import ActorFinder
from dateline.extract.actors.lookup import Lookup
from dateline.extract.actors.model import ActorMention, Role, UnknownActorError
from dateline.extract.actors.persons import Gazetteer

__all__ = [
    "ActorFinder",
    "ActorMention",
    "Gazetteer",
    "Lookup",
    "Role",
    "UnknownActorError",
    "all_organisations",
    "all_persons",
    "all_states",
    "country_name",
    "default_finder",
    "gazetteer_reviewed",
    "person_roles",
    "person_state",
    "resolve_country",
    "resolve_person",
]


@cache
def default_finder() -> ActorFinder:
    """The shared finder over the packaged data."""
    return ActorFinder()


@cache
def _lookup() -> Lookup:
    return Lookup(default_finder().lexicon)


def person_state(name: str, on: dt.date | None) -> tuple[str, str] | None:
    """The (state, office) a gazetteer person held on `on`; None when no role covers it."""
    return default_finder().person_state(name, on)


def resolve_country(query: str) -> str:
    """A state's or organisation's code from any name, demonym, capital or code; case-insensitive."""
    return _lookup().resolve_country(query)


def resolve_person(query: str) -> str:
    """A person's canonical name from any spelling or an unambiguous surname; case-insensitive."""
    return _lookup().resolve_person(query)


def country_name(code: str) -> str:
    """The display name of a state or organisation code."""
    return _lookup().country_name(code)


def all_states() -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(code, name, aliases) of every state, by code."""
    return _lookup().all_states()


def all_organisations() -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(code, name, aliases) of every organisation, by code."""
    return _lookup().all_organisations()


def person_roles(name: str) -> list[Role]:
    """Every term of office of a person, earliest first; raises UnknownActorError."""
    return _lookup().person_roles(name)


def all_persons() -> Iterator[tuple[str, tuple[str, ...], list[Role]]]:
    """(canonical name, other spellings, terms of office) of every gazetteer person, by name."""
    persons = default_finder().gazetteer.persons
    for name in sorted(persons):
        person = persons[name]
        yield name, tuple(person.aliases), sorted(person.roles, key=lambda r: r.start)


def gazetteer_reviewed() -> dt.date | None:
    """The date up to which the office-holder gazetteer was reviewed (open terms end there)."""
    return default_finder().gazetteer.reviewed
