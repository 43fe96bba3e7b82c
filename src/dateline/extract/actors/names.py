"""Person names in running text: runs of capitalised words, read forwards or backwards from a point.

A name is one to five tokens, each capitalised ("Luigi", "Di", "Maio", "Jean-Yves", "D'Alema") or
an initial ("J."), with lower-case particles inside ("Ursula von der Leyen"). A word of the closed
`not_name_words` list ("Ministry", "The", "Monday") or one the caller rejects (a state's name)
ends the name; a possessive ("Zelensky's") ends it after that word.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

TOKEN_RE = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")
_POSSESSIVE = ("'s", "’s")
MAX_TOKENS = 5


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A name found in a text: offsets (possessive excluded) and its tokens."""

    start: int
    end: int
    tokens: tuple[str, ...]

    @property
    def text(self) -> str:
        """The name as one string of its tokens."""
        return " ".join(self.tokens)


def _token_at(text: str, pos: int) -> tuple[str, int, bool] | None:
    """The token at `pos`: (word, end, possessive); an initial keeps its full stop."""
    match = TOKEN_RE.match(text, pos)
    if match is None:
        return None
    word, end = match.group(), match.end()
    if word.endswith(_POSSESSIVE) and len(word) > 2:
        return word[:-2], end - 2, True
    if len(word) == 1 and word.isupper() and text[end : end + 1] == ".":
        return word + ".", end + 1, False
    return word, end, False


_ARABIC_ARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-")


def is_name_word(word: str) -> bool:
    """Capitalised ("Bashar", "al-Assad") and not an acronym ("NATO") or a lone letter."""
    if word.startswith(_ARABIC_ARTICLES) and word[word.index("-") + 1 :][:1].isupper():
        return True
    if not word[0].isupper():
        return False
    if len(word) > 1 and word.isupper() and not word.endswith("."):
        return False
    return len(word) > 1


def name_after(
    text: str, pos: int, stop: frozenset[str], particles: frozenset[str], reject: Callable[[str], bool]
) -> NameSpan | None:
    """The name starting at `pos` (after spaces), or None."""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    tokens: list[tuple[str, int, int]] = []
    while len(tokens) < MAX_TOKENS:
        token = _token_at(text, pos)
        if token is None:
            break
        word, end, possessive = token
        if (is_name_word(word) and word not in stop and not reject(word)) or (word in particles and tokens):
            tokens.append((word, pos, end))
        else:
            break
        if possessive:
            break
        gap = 1 if word.endswith(".") and text[end : end + 1].isalpha() else 0
        if not gap and not (text[end : end + 1] == " " and text[end + 1 : end + 2].isalpha()):
            break
        pos = end + (0 if gap else 1)
    while tokens and tokens[-1][0] in particles:
        tokens.pop()
    if not tokens:
        return None
    return NameSpan(tokens[0][1], tokens[-1][2], tuple(t[0] for t in tokens))


def _may_end_name(text: str, start: int, end: int) -> bool:
    """Whether the last word of text[start:end], as TOKEN_RE reads it, ends at `end` and may be a
    name's: a cheap test first. That word runs from the first letter to the end of the last run of
    word characters, apostrophes and hyphens, when the run ends on a letter or digit."""
    if end <= start or not text[end - 1].isalnum():
        return False
    i = end
    while i > start and (text[i - 1].isalnum() or text[i - 1] in "_'’-"):
        i -= 1
    while i < end and not (text[i].isalnum() and not text[i].isdecimal()):  # TOKEN_RE's [^\W\d_]
        i += 1
    return i < end and (text[i].isupper() or text.startswith(_ARABIC_ARTICLES, i))


def name_before(
    text: str, end: int, stop: frozenset[str], particles: frozenset[str], reject: Callable[[str], bool]
) -> NameSpan | None:
    """The name ending at `end` (before any spaces), or None."""
    while end > 0 and text[end - 1] == " ":
        end -= 1
    window_start = max(0, end - 90)
    if not _may_end_name(text, window_start, end):
        return None  # most speech verbs follow a common noun ("officials said"): no need to read the words
    found = [
        (m.group(), m.start() + window_start, m.end() + window_start) for m in TOKEN_RE.finditer(text[window_start:end])
    ]
    tokens: list[tuple[str, int, int]] = []
    expected_end = end
    for word, start, stop_at in reversed(found):
        between = text[stop_at:expected_end]
        if stop_at != expected_end and not (tokens and (between == " " or (len(word) == 1 and between in (". ", ".")))):
            break  # a full stop joins an initial to a name ("George W. Bush"), not two sentences
        if text[stop_at : stop_at + 1] == "." and len(word) == 1:
            word += "."
        if (is_name_word(word) and word not in stop and not reject(word)) or (word in particles and tokens):
            tokens.append((word, start, stop_at))
        else:
            break
        if len(tokens) == MAX_TOKENS:
            break
        expected_end = start - 1
        if start == 0 or text[start - 1] != " ":
            break
    while tokens and tokens[-1][0] in particles:
        tokens.pop()
    if not tokens:
        return None
    tokens.reverse()
    return NameSpan(tokens[0][1], tokens[-1][2], tuple(t[0] for t in tokens))
