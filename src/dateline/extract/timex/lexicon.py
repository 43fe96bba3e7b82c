"""The curated English word lists of the tagger, loaded once from `dateline/data/timex`."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Month, weekday, season, number and cue words, all lower-case."""

    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    numbers: dict[str, float]
    ordinals: dict[str, int]
    decade_words: dict[str, int]
    counted_nouns: frozenset[str]
    identifier_words: frozenset[str]
    month_blockers_after: frozenset[str]
    month_context_before: frozenset[str]
    future_cues: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """The lexicon shipped in `dateline/data/timex/lexicon.json`."""
    raw = json.loads(resources.files("dateline.data").joinpath("timex/lexicon.json").read_text("utf-8"))
    return Lexicon(
        months=raw["months"],
        ambiguous_months=frozenset(raw["ambiguous_months"]),
        weekdays=raw["weekdays"],
        seasons=raw["seasons"],
        numbers=raw["numbers"],
        ordinals=raw["ordinals"],
        decade_words=raw["decade_words"],
        counted_nouns=frozenset(raw["counted_nouns"]),
        identifier_words=frozenset(raw["identifier_words"]),
        month_blockers_after=frozenset(raw["month_blockers_after"]),
        month_context_before=frozenset(raw["month_context_before"]),
        future_cues=frozenset(raw["future_cues"]),
    )


def number(word: str) -> float | None:
    """The value of a cardinal written in digits or words ("24", "two", "twenty-four", "a few")."""
    w = " ".join(word.lower().replace("-", " ").split())
    if not w:
        return None
    if w[0].isdigit():
        try:
            return float(w.replace(",", ""))
        except ValueError:
            return None
    nums = lexicon().numbers
    if w in nums:
        return nums[w]
    parts = w.split()
    if len(parts) > 1 and parts[0] in ("a", "an"):
        parts = parts[1:]  # "a four-day visit", "a hundred days": the article counts for nothing
    total = 0.0
    for part in parts:
        if part not in nums:
            return None
        total += nums[part]
    return total
