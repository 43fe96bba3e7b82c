"""Rules that decide whether a state's name in a text stands for the state.

Each rule looks only at the words next to the name: a given name beside a surname ("Chad Smith"),
a geographic feature ("Jordan River", "Gulf of Oman"), a capital inside a bigger proper name
("Washington Post", "Paris Agreement"), a homonym's tell-tale words ("Atlanta, Georgia"), a generic
body that belongs to a state ("Russia's Security Council"), and whether a capital is a place
("in Kyiv") or stands for its state ("Kyiv welcomed").
"""

from __future__ import annotations

import re
from functools import cache

import pycountry

from dateline.extract.actors.states import Homonym, StateTable

_WORD_AFTER = re.compile(r"^[ \t]*([^\W\d_][\w'’-]*)")
_SENTENCE_END = re.compile(r"(^|[.!?:;\n\"“”]\s*)$")

#: Capitalised words that open sentences or name days and months: never part of a proper name.
FUNCTION_WORDS = frozenset(
    "The A An In On At To From For By With Of And Or But As After Before During Since Until Under Over "
    "This That These Those It He She They We His Her Their Its When While Where If Then Also Both Each "
    "Meanwhile However Moreover Thus Yet Still Now Later Earlier Today Yesterday Tomorrow Monday Tuesday "
    "Wednesday Thursday Friday Saturday Sunday January February March April May June July August "
    "September October November December Last Next Between Against Without Within Among Amid".split()
)

#: Words before a capital that make it a place ("in Kyiv", "visited Rome", "a visit to Moscow").
LOCATIVE_WORDS = frozenset(
    "in at near outside inside into across around toward towards to via visited visiting reached "
    "throughout within".split()
)


def word_before(text: str, start: int) -> tuple[str, int] | None:
    """The word just before `start` on the same line (spaces allowed): (word, its start).

    A word may hold apostrophes, hyphens and inner full stops ("U.S"), not a final full stop.
    """
    end = start
    while end > 0 and text[end - 1] in " \t":
        end -= 1
    i = end
    while i > 0:
        ch = text[i - 1]
        if ch.isalnum() or ch in "_'’-" or (ch == "." and i < end and text[i].isalnum()):
            i -= 1
        else:
            break
    while i < end and not text[i].isalpha():
        i += 1
    if i >= end:
        return None
    return text[i:end], i


def word_after(text: str, end: int) -> str | None:
    """The word just after `end` on the same line, or None (also when punctuation comes first)."""
    match = _WORD_AFTER.match(text[end : end + 40])
    return match.group(1) if match else None


def sentence_initial(text: str, start: int) -> bool:
    """Whether `start` opens a sentence, a line or a quotation."""
    return _SENTENCE_END.search(text[max(0, start - 4) : start]) is not None


def _capitalised_other(word: str | None, known: frozenset[str] | set[str]) -> bool:
    """A capitalised word that is neither a function word nor a known actor's name."""
    return bool(word) and word[0].isupper() and word not in FUNCTION_WORDS and word not in known  # type: ignore[index]


def inside_feature(text: str, start: int, end: int, table: StateTable) -> bool:
    """Whether the name is part of a geographic feature ("Niger River", "Gulf of Oman")."""
    after = word_after(text, end)
    if after in table.feature_words:
        return True
    stop = start
    while stop > 0 and text[stop - 1] in " \t":
        stop -= 1
    if not text.endswith(("of", "the"), max(0, stop - 3), stop):
        return False  # a cheap test first: the word before is neither "of" nor "the"
    before = word_before(text, start)
    if before is None or before[0] not in ("of", "the"):
        return False
    head = text[max(0, start - 20) : start]
    return any(head.endswith(prefix + " ") for prefix in table.feature_prefixes)


def part_of_person_name(text: str, start: int, end: int, known: frozenset[str] | set[str]) -> bool:
    """Whether a word that is also a given name is used as one ("Chad Smith", "Michael Jordan")."""
    after = word_after(text, end)
    if after and text[end : end + 1] == " " and _capitalised_other(after, known) and not after.isupper():
        return True
    before = word_before(text, start)
    if before is None or not _capitalised_other(before[0], known):
        return False
    return not sentence_initial(text, before[1])


def after_arabic_article(text: str, start: int) -> bool:
    """Whether a word is joined to an Arabic article, as in a family name ("al-Sabah", "El-Sisi")."""
    return text[max(0, start - 3) : start].lower() in ("al-", "el-")


def part_of_proper_name(text: str, start: int, end: int, known: frozenset[str] | set[str]) -> bool:
    """Whether a capital or place is inside a bigger name ("Washington Post", "George Washington")."""
    after = word_after(text, end)
    if after and text[end : end + 1] == " " and _capitalised_other(after, known):
        return True
    before = word_before(text, start)
    return before is not None and _capitalised_other(before[0], known) and not sentence_initial(text, before[1])


def is_locative(text: str, start: int) -> bool:
    """Whether a capital is named as a place: after "in", "to", "visited"..."""
    before = word_before(text, start)
    return before is not None and before[0].lower() in LOCATIVE_WORDS


@cache
def _us_subdivisions() -> tuple[str, ...]:
    return tuple(s.name for s in pycountry.subdivisions.get(country_code="US") or ())


def homonym_elsewhere(text: str, start: int, end: int, surface: str, homonym: Homonym) -> bool:
    """Whether a homonym ("Georgia") means the other thing: its tell-tale words are near, the state's not."""
    window = text[max(0, start - homonym.window) : end + homonym.window]
    local = window.replace(surface, " ", 1)
    if any(cue in local for cue in homonym.keep_near):
        return False
    if any(cue in local for cue in homonym.drop_near):
        return True
    return any(name != surface and re.search(rf"\b{re.escape(name)}\b", local) for name in _us_subdivisions())


def generic_body_qualified(text: str, start: int, end: int) -> bool:
    """Whether a generic body name belongs to someone else ("Russia's Security Council")."""
    if re.match(r"\s+of\s", text[end : end + 5]):
        return True
    before = text[max(0, start - 3) : start]
    if before.endswith(("'s ", "’s ")):
        return True
    word = word_before(text, start)
    return (
        word is not None
        and word[0][0].isupper()
        and word[0] not in FUNCTION_WORDS
        and word[0] not in ("UN", "U.N.", "United")
    )


def preceded_by_given_name(text: str, start: int, known: frozenset[str] | set[str]) -> bool:
    """Whether a surname follows another capitalised word, as in "Hunter Biden" (not "Italy's Tajani")."""
    if _INITIAL_BEFORE.search(text, max(0, start - 4), start):
        return True  # "Brian E. Nelson": a middle initial
    before = word_before(text, start)
    if before is None or before[0].endswith(("'s", "’s")):
        return False
    return _capitalised_other(before[0], known)


_INITIAL_BEFORE = re.compile(r"(?:^|[\s(])[A-Z]\.\s$")
