"""Citations: a date inside parentheses after a source's name, "(Ansa, November 3, 2020)",
"(see EDM, October 16, 2015)", "(Ukrinform, May 7)". Found, but never an event's date."""

from __future__ import annotations

import re

_BEFORE = re.compile(r"\(\s*(?:(?:see|cf\.?|via|source:?)\s+)?[A-Z0-9\"'“‘][^()\n]{0,80}?[,;:]\s*$", re.I)
_AFTER = re.compile(r"\s*(?:[,;]\s*[^()\n]{0,60})?\)")


def is_citation(text: str, start: int, end: int) -> bool:
    """Whether the expression at [start, end) dates a source reference in parentheses."""
    limit = min(len(text), end + 64)
    return (
        text.find(")", end, limit) >= 0  # a cheap test first: no closing parenthesis, no citation
        and _AFTER.match(text, end, limit) is not None
        and _BEFORE.search(text, max(0, start - 90), start) is not None
    )
