"""Which characters a match of a regular expression can start with, read from its parsed form.

The tagger tries the rules of its grammar at a position in order, and the first that matches
wins; a rule whose match cannot start with the character found there need not be tried at all.
The reading is conservative: what it cannot follow (a flag, a back-reference) counts as able to
start with any character, and a rule that can match the empty string is always tried.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

Test = Callable[[str], bool]
_REPEATS = (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_CATEGORIES = {
    C.CATEGORY_DIGIT: re.compile(r"\d"),
    C.CATEGORY_NOT_DIGIT: re.compile(r"\D"),
    C.CATEGORY_SPACE: re.compile(r"\s"),
    C.CATEGORY_NOT_SPACE: re.compile(r"\S"),
    C.CATEGORY_WORD: re.compile(r"\w"),
    C.CATEGORY_NOT_WORD: re.compile(r"\W"),
}


def _anything(_: str) -> bool:
    return True


def can_start(pattern: str) -> Test:
    """A test of whether a match of `pattern` (no flags) may start with a character."""
    parsed = P.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.LOCALE):
        return _anything
    tests, empty = _first(list(parsed))
    if empty:
        return _anything
    return lambda ch: any(test(ch) for test in tests)


def _first(items: list[tuple[Any, Any]]) -> tuple[list[Test], bool]:
    """Tests for the first character of a sequence, and whether it can match the empty string."""
    tests: list[Test] = []
    for op, av in items:
        found, empty = _first_of(op, av)
        tests += found
        if not empty:
            return tests, False
    return tests, True


def _first_of(op: Any, av: Any) -> tuple[list[Test], bool]:
    if op is C.LITERAL:
        return [lambda ch, code=av: ord(ch) == code], False
    if op is C.IN:
        return [lambda ch, items=av: _in(ch, items)], False
    if op in _ZERO_WIDTH:
        return [], True  # an assertion only narrows what may follow; passing it over is safe
    if op is C.SUBPATTERN:
        _, add_flags, _, body = av
        if add_flags & (re.IGNORECASE | re.LOCALE):
            return [_anything], True
        return _first(list(body))
    if op is C.BRANCH:
        tests: list[Test] = []
        empty = False
        for branch in av[1]:
            found, branch_empty = _first(list(branch))
            tests += found
            empty = empty or branch_empty
        return tests, empty
    if op in _REPEATS:
        low, _, body = av
        found, empty = _first(list(body))
        return found, empty or low == 0
    if op is C.ATOMIC_GROUP:
        return _first(list(av))
    return [_anything], True


def _in(ch: str, items: list[tuple[Any, Any]]) -> bool:
    """Whether a character is in a parsed character class."""
    negate, hit = False, False
    for op, av in items:
        if op is C.NEGATE:
            negate = True
        elif op is C.LITERAL:
            hit = hit or ord(ch) == av
        elif op is C.RANGE:
            hit = hit or av[0] <= ord(ch) <= av[1]
        elif op is C.CATEGORY and av in _CATEGORIES:
            hit = hit or _CATEGORIES[av].match(ch) is not None
        else:
            return True
    return hit != negate
