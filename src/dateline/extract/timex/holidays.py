"""Holidays: "Christmas", "Christmas Eve 1914", "last Thanksgiving", "Easter Sunday", "the new
year". Fixed days are read like a month and day; Easter and the holidays counted by weekday are
computed for the year found."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateline.extract.records import Anchor, TimexType
from dateline.extract.timex import absolute as A
from dateline.extract.timex import periods as P
from dateline.extract.timex.anchoring import Discourse
from dateline.extract.timex.candidates import Candidate
from dateline.extract.timex.normalise import Reading, dated

_FIXED = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "boxing day": (12, 26),
    "bastille day": (7, 14),
    "armistice day": (11, 11),
    "remembrance day": (11, 11),
    "veterans day": (11, 11),
    "veterans' day": (11, 11),
    "may day": (5, 1),
}
_PART = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_HORIZON_DAYS = 90  # as for a month and day: this far ahead, this year's is the one meant


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lw) // 451
    month, day = divmod(h + lw - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (from 1; -1 for the last) weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


_COUNTED: dict[str, Callable[[int], dt.date]] = {
    "easter": _easter,
    "easter sunday": _easter,
    "easter monday": lambda y: _easter(y) + dt.timedelta(days=1),
    "good friday": lambda y: _easter(y) - dt.timedelta(days=2),
    "thanksgiving": lambda y: _nth_weekday(y, 11, 3, 4),
    "thanksgiving day": lambda y: _nth_weekday(y, 11, 3, 4),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
}


def _on(name: str, year: int) -> dt.date:
    if name in _FIXED:
        return dt.date(year, *_FIXED[name])
    return _COUNTED[name](year)


def read_holiday(c: Candidate, ctx: Discourse) -> Reading | None:
    """The day of the holiday: in the year written, else in the story's year (a history, a date
    earlier in the sentence), else the last one before publication (the next one when the clause
    speaks of the future or says "next")."""
    f = c.fields
    name = " ".join(f["h"].lower().replace("’", "'").split())
    name = "the new year" if name == "new year" else name
    if f.get("y"):
        day, anchor = _on(name, A.year(f["y"])), Anchor.ABSOLUTE
    else:
        year, base, anchor = ctx.year_for(c.start)
        if year is None and base is None:
            return Reading(TimexType.DATE, "XXXX-XX-XX", anchor=Anchor.NONE)
        if name == "the new year":  # the nearest first of January; the next one in a story
            day = dt.date(base.year + (base.month > 6), 1, 1) if base is not None else dt.date((year or 0) + 1, 1, 1)
        elif year is not None:
            day = _on(name, year)
        else:
            assert base is not None
            rel = _REL.search(ctx.text, max(0, c.start - 6), c.start)
            future = (rel is not None and rel.group(1).lower() == "next") or (
                rel is None and ctx.future(c.start, c.end)
            )
            this = _on(name, base.year)
            if future:
                day = this if this >= base else _on(name, base.year + 1)
            else:  # the last one, unless this year's is at most 90 days ahead
                day = this if (this - base).days <= _HORIZON_DAYS else _on(name, base.year - 1)
    r = _read(name, day, anchor, f)
    if r is not None and name == "the new year":
        r.start = c.start - 4  # the filter kept it for the "the " before it
    elif r is not None and not f.get("y"):
        rel = _REL.search(ctx.text, max(0, c.start - 6), c.start)
        r.start = rel.start() if rel else None  # "last Thanksgiving"
    return r


_REL = re.compile(r"\b(last|next|this|Last|Next|This)\s+$")


def _read(name: str, day: dt.date, anchor: Anchor, f: dict[str, str]) -> Reading | None:
    if (f.get("part") or "").lower() == "week":  # "Easter week"
        return dated(P.week_of(day), anchor)
    part = _PART.get((f.get("part") or "").lower())
    if part:  # "Christmas night"
        return Reading(TimexType.TIME, f"{day.isoformat()}T{part}", P.day(day), anchor=anchor)
    return dated(P.day(day), anchor, explicit=bool(f.get("y")))


READERS: dict[str, Callable[[Candidate, Discourse], Reading | None]] = {"hol": read_holiday}
