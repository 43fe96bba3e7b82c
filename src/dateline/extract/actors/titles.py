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
    )
