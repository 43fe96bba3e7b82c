"""A phrase scanner: finds many literal phrases in a text in one pass over its words.

Python's `re` tries the alternatives of a big alternation one by one at every position, which is
far too slow for thousands of names. Here phrases are indexed by their first word; the text's words
are visited once and, at each, only the phrases starting with that word are compared, longest
first. Matches are whole words: a phrase never starts or ends inside a word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Generic, TypeVar

T = TypeVar("T")

WORD_RE = re.compile(r"\w+")


def fold(text: str) -> str:
    """Lower-case `text` without changing its length, so offsets stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(ch.lower()[0] for ch in text)


@dataclass(slots=True)
class PhraseScanner(Generic[T]):
    """Literal phrases with payloads, matched case-sensitively, or case-insensitively if `folded`."""

    folded: bool = False
    _index: dict[str, list[tuple[str, list[T]]]] = field(default_factory=dict)
    _phrases: dict[str, list[T]] = field(default_factory=dict)
    _token_re: re.Pattern[str] | None = None
    _token_keys: int = 0

    def add(self, phrase: str, payload: T) -> None:
        """Add one phrase (several payloads may share a phrase)."""
        phrase = phrase.strip()
        if self.folded:
            phrase = fold(phrase)
        first = WORD_RE.match(phrase)
        if first is None or first.start() != 0:
            raise ValueError(f"a phrase must start with a word character: {phrase!r}")
        payloads = self._phrases.get(phrase)
        if payloads is None:
            payloads = self._phrases[phrase] = []
            bucket = self._index.setdefault(first.group(), [])
            bucket.append((phrase, payloads))
            bucket.sort(key=lambda item: -len(item[0]))
        if payload not in payloads:
            payloads.append(payload)

    def __contains__(self, phrase: str) -> bool:
        return (fold(phrase) if self.folded else phrase) in self._phrases

    def get(self, phrase: str) -> list[T]:
        """The payloads of exactly this phrase (empty if unknown)."""
        return self._phrases.get(fold(phrase) if self.folded else phrase, [])

    def phrases(self) -> Iterator[str]:
        """Every phrase, as stored."""
        return iter(self._phrases)

    def longest_at(self, text: str, start: int, word: str) -> tuple[int, list[T]] | None:
        """The longest phrase starting at `start` (where the word `word` begins): (end, payloads)."""
        bucket = self._index.get(word)
        if not bucket:
            return None
        for phrase, payloads in bucket:
            end = start + len(phrase)
            if text.startswith(phrase, start) and (
                end == len(text) or not (text[end].isalnum() or text[end] == "_") or not phrase[-1].isalnum()
            ):
                return end, payloads
        return None

    def scan(self, text: str) -> list[tuple[int, int, list[T]]]:
        """Non-overlapping longest matches, left to right: (start, end, payloads)."""
        haystack = fold(text) if self.folded else text
        found: list[tuple[int, int, list[T]]] = []
        pos = 0
        for start, word in self._words(haystack):
            if start < pos:
                continue
            hit = self.longest_at(haystack, start, word)
            if hit is not None:
                found.append((start, hit[0], hit[1]))
                pos = hit[0]
        return found

    def _words(self, haystack: str) -> list[tuple[int, str]]:
        """The words of `haystack` that may start a phrase, with their offsets, in order.

        With few first words, each is looked up with `str.find`, far faster than visiting every
        word of the text in Python. Otherwise one regular expression reads the words that can be
        first words: for a case-sensitive scanner whose phrases start with capitals, only the
        capitalised words (and the few lower-case first words it has); for a folded one, every
        word, where a word is a run of letters and digits (`str.isalnum`, as the look-ups test).
        """
        index = self._index
        if self._token_keys != len(index):
            self._token_re = None if len(index) <= _FEW_KEYS else self._token_pattern()
            self._token_keys = len(index)
        if self._token_re is None:
            return self._found(haystack)
        return [(m.start(), w) for m in self._token_re.finditer(haystack) if (w := m.group()) in index]

    def _token_pattern(self) -> re.Pattern[str] | None:
        if self.folded:
            # A first word that is not all letters and digits can hold a word boundary: look it up.
            return _ALNUM_RUN if all(k.isalnum() for k in self._index) else None
        lower = sorted((k for k in self._index if not k[0].isupper() and not k[0].isdigit()), key=len, reverse=True)
        alternatives = [r"[^\W\d_a-z]\w*"]
        if any(k[0].isdigit() for k in self._index):
            alternatives.append(r"\d\w*")
        if lower:
            alternatives.append("(?:" + "|".join(re.escape(k) for k in lower) + r")\b")
        return re.compile(r"\b(?:" + "|".join(alternatives) + ")")

    def _found(self, haystack: str) -> list[tuple[int, str]]:
        """The first words' places, found with `str.find`, where no word character (a letter or
        digit, and for a case-sensitive scanner the underscore too) touches either end."""
        word_char = str.isalnum if self.folded else _is_word_char
        hits = []
        for key in self._index:
            at = haystack.find(key)
            while at >= 0:
                end = at + len(key)
                if (at == 0 or not word_char(haystack[at - 1])) and (
                    end == len(haystack) or not word_char(haystack[end])
                ):
                    hits.append((at, key))
                at = haystack.find(key, end)
        hits.sort()
        return hits


# Up to this many first words, one `str.find` each costs less than a pass over the words of the text.
_FEW_KEYS = 16
_ALNUM_RUN = re.compile(r"[^\W_]+")  # a run of the characters for which str.isalnum() holds


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches
