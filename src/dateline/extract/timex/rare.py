"""Rules for rare forms, tried only in texts that hold their cue: a text without "BC" or a year in
words does not pay for trying those rules at every number, month and "the". A cue is worth it only
when one scan of the text costs less than the rule's failed tries (callgrind: a substring scan of
every text costs more than trying a holiday or clock rule where it may start)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from dateline.extract.timex.grammar import Grammar, grammar

_BC = re.compile(r"B(?<![\w.]B)\.?\s?C(?:\.?\s?E)?(?!\w)")  # a literal first: a fast scan


CUES: dict[str, Callable[[str], bool]] = {
    "bc": lambda text: _BC.search(text) is not None,
    "wy": lambda text: "ineteen" in text or "wo thousand" in text or "INETEEN" in text or "WO THOUSAND" in text,
}


def grammar_for(text: str) -> Grammar:
    """The grammar without the rare rules whose cue the text does not hold."""
    return _variant(frozenset(name for name, cue in CUES.items() if cue(text)))


@cache
def _variant(enabled: frozenset[str]) -> Grammar:
    full = grammar()
    order = tuple(name for name in full.order if name not in CUES or name in enabled)
    return Grammar(full.trigger, full.combined, full.rules, order, full.starts)
