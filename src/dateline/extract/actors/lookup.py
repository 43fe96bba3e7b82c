"""Lookups for queries: any spelling, demonym or code of an actor to its code, with suggestions.

`--country Italian`, `--country ITA`, `--country "the Kremlin"` and `--person zelenskyy`,
`--person "Di Maio"` all resolve here; an unknown name raises `UnknownActorError` carrying the
three closest known names (by rapidfuzz's WRatio).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property

from rapidfuzz import fuzz, process

from dateline.extract.actors.lexicon import Lexicon
from dateline.extract.actors.model import Role, UnknownActorError
from dateline.extract.actors.persons import ascii_fold
from dateline.extract.records import ActorKind

_SUGGESTIONS = 3


def _key(text: str) -> str:
    """The form queries are compared in: case-folded, without diacritics, "the" and stray spaces."""
    key = " ".join(ascii_fold(text).casefold().split())
    return key[4:] if key.startswith("the ") else key


class Lookup:
    """Case-insensitive indexes over the lexicon for resolving query names."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon

    @cached_property
    def _countries(self) -> dict[str, str]:
        """Every state and organisation form, code and display name -> code."""
        index: dict[str, str] = {}
        states = self.lexicon.states
        for code, by_via in states.forms.items():
            for via in ("name", "short_name", "former_name", "demonym", "capital", "metonym"):
                for form in by_via.get(via, []):
                    index.setdefault(_key(form), code)
        for code, name in states.display.items():
            index[_key(code)] = code
            index.setdefault(_key(name), code)
        for alpha2, code in states.alpha2.items():
            index.setdefault(_key(alpha2), code)
        for org in self.lexicon.organisations.values():
            index[_key(org.code)] = org.code
            for form in (org.display, *org.names, *org.acronyms):
                index.setdefault(_key(form), org.code)
        return index

    @cached_property
    def _persons(self) -> dict[str, set[str]]:
        """Every spelling of a gazetteer person, and every surname -> canonical names."""
        index: dict[str, set[str]] = {}
        spellings = [(person, person.spellings()) for person in self.lexicon.gazetteer.persons.values()]
        for person, forms in spellings:
            for spelling in forms:
                index.setdefault(_key(spelling), set()).add(person.name)
        for person, forms in spellings:
            for spelling in forms:
                surname = person.short_name(spelling)
                if surname and _key(surname) not in index:
                    index.setdefault("surname:" + _key(surname), set()).add(person.name)
        return index

    def resolve_country(self, query: str) -> str:
        """The code of a state or organisation named in any known way; raises UnknownActorError."""
        code = self._countries.get(_key(query))
        if code is not None:
            return code
        raise UnknownActorError(query, self._suggest(query, self._country_names()), "country")

    def _country_names(self) -> list[str]:
        names = list(self.lexicon.states.display.values())
        names += [org.display for org in self.lexicon.organisations.values()]
        names += [form for by_via in self.lexicon.states.forms.values() for form in by_via.get("demonym", [])]
        names += [org.code for org in self.lexicon.organisations.values()]
        return names

    def resolve_person(self, query: str) -> str:
        """The canonical name of a gazetteer person, by any spelling or an unambiguous surname."""
        key = _key(query)
        names = self._persons.get(key) or self._persons.get("surname:" + key)
        if names and len(names) == 1:
            return next(iter(names))
        if names:
            raise UnknownActorError(query, sorted(names)[:_SUGGESTIONS], "person (ambiguous)")
        raise UnknownActorError(query, self._suggest(query, list(self.lexicon.gazetteer.persons)), "person")

    @staticmethod
    def _suggest(query: str, choices: list[str]) -> list[str]:
        unique = list(dict.fromkeys(choices))
        found = process.extract(query, unique, scorer=fuzz.WRatio, limit=_SUGGESTIONS, processor=_key)
        return [choice for choice, _, _ in found]

    def country_name(self, code: str) -> str:
        """The display name of a state or organisation code (the code itself when unknown)."""
        if code in self.lexicon.states.display:
            return self.lexicon.states.display[code]
        org = self.lexicon.organisations.get(code)
        return org.display if org else code

    def all_states(self) -> Iterator[tuple[str, str, tuple[str, ...]]]:
        """(code, display name, other names) of every state, by code."""
        states = self.lexicon.states
        for code in sorted(states.display):
            name = states.display[code]
            yield code, name, tuple(f for f in states.all_forms(code) if f != name)

    def all_organisations(self) -> Iterator[tuple[str, str, tuple[str, ...]]]:
        """(code, display name, names and acronyms) of every organisation, by code."""
        for code in sorted(self.lexicon.organisations):
            org = self.lexicon.organisations[code]
            yield code, org.display, tuple(dict.fromkeys(f for f in (*org.names, *org.acronyms) if f != org.display))

    def person_roles(self, name: str) -> list[Role]:
        """Every term of office of a person (any spelling), earliest first."""
        canonical = self.resolve_person(name)
        return list(self.lexicon.gazetteer.persons[canonical].roles)

    def kind_of(self, code: str) -> ActorKind:
        """Whether a resolved code is a state's or an organisation's."""
        return ActorKind.STATE if code in self.lexicon.states.display else ActorKind.ORGANISATION
