"""Reading the parts of explicit dates: months, days, years, ordinals, decades, modifiers.

These are the deterministic pieces the normaliser assembles; dateparser is only asked about
numeric dates (`fallback.py`).
"""

from __future__ import annotations

import datetime as dt

from dateline.extract.timex import periods as P
from dateline.extract.timex.lexicon import lexicon
from dateline.extract.timex.periods import Period

_MODIFIERS = {
    "early": "START",
    "the beginning of": "START",
    "the start of": "START",
    "the dawn of": "START",
    "mid": "MID",
    "the middle of": "MID",
    "late": "END",
    "the end of": "END",
    "the close of": "END",
    "the turn of": "END",
}


def month(word: str) -> int:
    """The number of a month name or abbreviation ("Sept." is 9)."""
    return lexicon().months[word.lower().rstrip(".")]


def day_number(word: str) -> int:
    """The number of a day of the month ("3rd" is 3)."""
    return int(word.rstrip("stndrh"))


def year(word: str, reference: dt.date | None = None) -> int:
    """A year written with four digits, or two ("'98", "-99") read as the nearest past century."""
    y = int(word.lstrip("'"))
    if len(word.lstrip("'")) == 2:
        now = (reference or dt.date.today()).year
        y += now - now % 100
        if y > now + 10:
            y -= 100
    return y


def modifier(text: str | None) -> str | None:
    """The TimeML modifier of "early", "mid-", "the end of" and kin."""
    if not text:
        return None
    key = " ".join(text.lower().replace("-", " ").split())
    return _MODIFIERS.get(key)


def ordinal(word: str) -> int | None:
    """The number of an ordinal ("third", "3rd")."""
    w = word.lower().strip()
    ords = lexicon().ordinals
    if w in ords:
        return ords[w]
    digits = w.rstrip("stndrh")
    return int(digits) if digits.isdigit() else None


def day_period(y: int | None, m: int, d: int) -> Period | None:
    """A day, or None when the day does not exist (a year of None is allowed)."""
    try:
        dt.date(y if y is not None else 2000, m, d)
    except ValueError:
        return None
    return Period(P.DAY, y, m, d)


def decade(fields: dict[str, str], reference: dt.date | None) -> Period:
    """The decade of "the 1960s", "the '90s", "the sixties" (twentieth century unless the
    reference says the two digits are nearer in this one)."""
    if fields.get("y"):
        return Period(P.DECADE, int(fields["y"]))
    tens = int(fields["yy"]) // 10 if fields.get("yy") else lexicon().decade_words[fields["w"].lower()]
    now = (reference or dt.date.today()).year
    start = now - now % 100 + tens * 10
    if start > now:
        start -= 100
    return Period(P.DECADE, start)


def century(word: str) -> Period | None:
    """The century of "the 20th century", "the nineteenth century"."""
    n = ordinal(word.replace(" ", "-"))
    if n is None:
        w = word.lower()
        n = {"twentieth": 20, "nineteenth": 19, "eighteenth": 18, "twenty-first": 21}.get(w)
    if n is None or not 1 <= n <= 21:
        return None
    return Period(P.CENTURY, (n - 1) * 100)
