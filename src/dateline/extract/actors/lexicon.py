"""The lexicon: every surface form of every known actor in one phrase scanner, built once.

States (names, short and former names, demonyms, capitals, seats of power, places), organisations
(names, acronyms, bodies), the gazetteer's persons (full spellings, and surnames alone), and
blockers: phrases such as "New Mexico" or "Gulf of Guinea" that contain a name but are not the
actor, matched so that they win over the shorter name inside them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from dateline.extract.actors.organisations import Organisation, organisations
from dateline.extract.actors.persons import Gazetteer, surname_of
from dateline.extract.actors.scanner import PhraseScanner
from dateline.extract.actors.states import StateTable, state_table
from dateline.extract.records import ActorKind

# Forms that would be common English words or other things written in capitals on their own.
_UPPER_VARIANT_VIAS = frozenset({"name", "short_name", "demonym"})
# Surnames that alone are more often a word or someone else's name than the office holder's.
_COMMON_SURNAMES = frozenset({"May", "Rice", "Brown", "Young", "King", "Hill", "Long", "Power", "Story", "Bird",
                              "Ahmed", "Ahmad", "Mohamed", "Mohammed", "Muhammad", "Ali", "Hassan", "Hussein",
                              "Ibrahim", "Abdullah", "Khan", "Jonathan"})  # fmt: skip


@dataclass(frozen=True, slots=True)
class Entry:
    """What a lexicon phrase stands for. `kind` None marks a blocker.

    For a person entry `code` is the canonical name; `short` marks a surname alone. For an
    ambiguous state name `candidates` lists the codes it may stand for.
    """

    kind: ActorKind | None
    code: str
    via: str
    short: bool = False
    candidates: tuple[str, ...] = ()


BLOCKER = Entry(None, "", "name")


class Lexicon:
    """The data of the actor layer, loaded on first use."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gazetteer = gazetteer

    @cached_property
    def gazetteer(self) -> Gazetteer:
        """The office-holder gazetteer (the packaged one unless another was given)."""
        return self._gazetteer if self._gazetteer is not None else Gazetteer.load()

    @cached_property
    def states(self) -> StateTable:
        """The state table."""
        return state_table()

    @cached_property
    def organisations(self) -> dict[str, Organisation]:
        """The organisations by code."""
        return organisations()

    @cached_property
    def spellings(self) -> dict[str, set[str]]:
        """Every full spelling of a gazetteer person -> the canonical names it may mean."""
        out: dict[str, set[str]] = {}
        for person in self.gazetteer.persons.values():
            for spelling in person.spellings():
                out.setdefault(spelling, set()).add(person.name)
        return out

    @cached_property
    def surnames(self) -> dict[str, set[str]]:
        """Surname alone -> the canonical names of gazetteer persons who bear it."""
        out: dict[str, set[str]] = {}
        for person in self.gazetteer.persons.values():
            for spelling in person.spellings():
                surname = spelling if " " not in spelling else person.short_name(spelling)
                short_ok = len(surname or "") > 2 or surname != surname_of(spelling)  # "Xi", "Li" of Chinese names
                if surname and short_ok and surname not in _COMMON_SURNAMES:
                    out.setdefault(surname, set()).add(person.name)
        return out

    @cached_property
    def scanner(self) -> PhraseScanner[Entry]:
        """One scanner over every surface form."""
        scanner: PhraseScanner[Entry] = PhraseScanner()
        states = self.states
        for phrase in states.blockers:
            scanner.add(phrase, BLOCKER)
        for phrase, codes in states.ambiguous.items():
            scanner.add(phrase, Entry(ActorKind.STATE, "", "short_name", candidates=codes))
        for code, by_via in states.forms.items():
            for via, forms in by_via.items():
                for form in forms:
                    if form in scanner:
                        continue
                    scanner.add(form, Entry(ActorKind.STATE, code, via))
                    upper = form.upper()
                    if via in _UPPER_VARIANT_VIAS and len(form) > 4 and upper != form and upper not in scanner:
                        scanner.add(upper, Entry(ActorKind.STATE, code, via))
        for org in self.organisations.values():
            for name in org.names:
                if name not in scanner:
                    scanner.add(name, Entry(ActorKind.ORGANISATION, org.code, "name"))
            for acronym in org.acronyms:
                if acronym not in scanner:
                    scanner.add(acronym, Entry(ActorKind.ORGANISATION, org.code, "acronym"))
        for spelling, names in self.spellings.items():
            if spelling not in scanner:
                for name in sorted(names):
                    scanner.add(spelling, Entry(ActorKind.PERSON, name, "gazetteer"))
        for surname, names in self.surnames.items():
            if surname not in scanner:
                for name in sorted(names):
                    scanner.add(surname, Entry(ActorKind.PERSON, name, "gazetteer", short=True))
        return scanner

    def is_known_word(self, word: str) -> bool:
        """Whether a single word is a state or organisation form (so not part of a person's name)."""
        entries = self.scanner.get(word)
        return any(e.kind in (ActorKind.STATE, ActorKind.ORGANISATION) for e in entries) and (
            word not in self.states.given_names
        )
