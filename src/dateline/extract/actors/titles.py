"""Titles and the closed word lists of the person rules, from titles.json.

A title announces a person and the office they hold: "Foreign Minister Luigi Di Maio",
"Antonio Tajani, Italy's deputy prime minister". Titles are matched case-insensitively; names are
not (a name is a run of capitalised words, see `names`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dateline.extract.actors.scanner import PhraseScanner
from dateline.extract.actors.states import load_json


@dataclass(frozen=True, slots=True)
class TitleTable:
    """Title phrases with their office, and the word lists around them."""

    scanner: PhraseScanner[str]
    modifiers: frozenset[str]
    past_modifiers: frozenset[str]
    honorifics: PhraseScanner[str]
    not_name_words: frozenset[str]
    speech_verbs: frozenset[str]
    particles: frozenset[str]
    plurals: PhraseScanner[str]

    def is_generic(self, office: str) -> bool:
        """Whether an office says nothing about which post it is ("Minister", "Leader")."""
        return office in {"other:Official", "other:Minister", "other:Military", "other:Speaker", "other:Relative"}


@cache
def title_table() -> TitleTable:
    """The title table, loaded once."""
    data = load_json("titles.json")
    scanner: PhraseScanner[str] = PhraseScanner(folded=True)
    for office, phrases in data["offices"].items():
        for phrase in phrases:
            if phrase.strip() not in scanner:
                scanner.add(phrase, office)
    plurals: PhraseScanner[str] = PhraseScanner(folded=True)
    for office, phrases in data["offices"].items():
        if office.startswith("other:"):
            continue  # "the leaders of", "the ministers of": no one office to look up
        for phrase in phrases:
            plural = _plural(phrase.strip())
            if plural is not None and plural not in plurals:
                plurals.add(plural, office)
    honorifics: PhraseScanner[str] = PhraseScanner()
    for phrase in data["honorifics"]:
        honorifics.add(phrase, phrase)
    return TitleTable(
        scanner=scanner,
        modifiers=frozenset(m.lower() for m in data["modifiers"]),
        past_modifiers=frozenset(m.lower() for m in data["modifiers_past"]),
        honorifics=honorifics,
        not_name_words=frozenset(data["not_name_words"]),
        speech_verbs=frozenset(data["speech_verbs"]),
        particles=frozenset(data["particles"]),
        plurals=plurals,
    )


def _plural(phrase: str) -> str | None:
    """ "Foreign Minister" -> "Foreign Ministers", "Secretary of State" -> "Secretaries of State"."""
    head, sep, rest = phrase.partition(" of ")
    if not head[-1:].isalpha() or head.isupper():
        return None  # "PM", "Gen."
    if head.endswith("y") and head[-2:-1] not in "aeiou":
        head = head[:-1] + "ies"
    elif head.endswith(("s", "x", "ch", "sh")):
        head += "es"
    else:
        head += "s"
    return head + sep + rest
