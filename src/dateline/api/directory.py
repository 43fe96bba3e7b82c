"""The packaged gazetteers as the store's actor directory: display names, aliases, roles."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from dateline.extract.actors import (
    Role,
    UnknownActorError,
    all_organisations,
    all_states,
    country_name,
    default_finder,
)
from dateline.extract.records import ActorKind


@cache
def _aliases() -> dict[str, tuple[str, ...]]:
    return {code: aliases for code, _, aliases in (*all_states(), *all_organisations())}


class GazetteerDirectory:
    """Names, aliases and terms of office from the data shipped with dateline."""

    def display_name(self, kind: ActorKind, code: str) -> str:
        """A state's or organisation's name; a person's canonical name as it is."""
        if kind is ActorKind.PERSON:
            return code
        try:
            return country_name(code)
        except (UnknownActorError, KeyError):
            return code

    def aliases(self, kind: ActorKind, code: str) -> Iterable[str]:
        """The other names of a state or organisation (persons: their gazetteer spellings come via roles)."""
        return () if kind is ActorKind.PERSON else _aliases().get(code, ())

    def roles(self, name: str) -> Iterable[Role]:
        """A gazetteer person's terms of office; none for a person known only from context."""
        person = default_finder().gazetteer.persons.get(name)
        return sorted(person.roles, key=lambda r: r.start) if person is not None else ()
