"""Times of day beyond "10 a.m.": a 24-hour clock ("at 19:15", "05:30hrs"), noon and midnight
("noon Thursday"), and a part of a named day ("the night of 10 August 1792")."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateline.extract.records import Anchor, TimexType
from dateline.extract.timex import absolute as A
from dateline.extract.timex import anchoring
from dateline.extract.timex import periods as P
from dateline.extract.timex.anchoring import Discourse
from dateline.extract.timex.candidates import Candidate
from dateline.extract.timex.lexicon import lexicon
from dateline.extract.timex.normalise import Reading, complete

_PART = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_DAY_WORDS = {"today": 0, "yesterday": -1, "tomorrow": 1}


def time_at(clock: str, c: Candidate, ctx: Discourse, day_word: str = "", days: dict[str, int] = _DAY_WORDS) -> Reading:
    """A time of day on the day the text is at: the weekday or deictic word given (`days` counts
    the deictic ones from the base day), else the day of the discourse (a history) or of publication."""
    base, anchor = ctx.shifted_base(c.start)
    if base is None:
        return Reading(TimexType.TIME, "XXXX-XX-XX" + clock, anchor=Anchor.NONE)
    if day_word in lexicon().weekdays:
        d = P.first_day(anchoring.weekday(lexicon().weekdays[day_word], base, "", ctx.future(c.start, c.end)))
    else:
        d = base + dt.timedelta(days=days.get(day_word, 0))
    return Reading(TimexType.TIME, d.isoformat() + clock, P.day(d), anchor=anchor)


def read_clock(c: Candidate, ctx: Discourse) -> Reading | None:
    """ "at 19:15", "05:30hrs"."""
    return time_at(f"T{int(c.fields['h']):02d}:{c.fields['mi']}", c, ctx)


def read_noon(c: Candidate, ctx: Discourse) -> Reading | None:
    """ "noon Thursday", "at midday", "midnight Friday" (the end of Friday, T24:00)."""
    clock = "T24:00" if c.fields["w"].lower() == "midnight" else "T12:00"
    return time_at(clock, c, ctx, (c.fields.get("d") or "").lower())


def read_part_of_day(c: Candidate, ctx: Discourse) -> Reading | None:
    """ "the night of 10 August 1792", "early in the morning of 29 April": a time of that day."""
    f = c.fields
    y = A.year(f["y"]) if f.get("y") else None
    day = complete(y, A.month(f.get("m") or f["m2"]), A.day_number(f.get("d") or f["d2"]), c, ctx)
    if day is None or day.period is None:
        return None
    day.type = TimexType.TIME
    day.value = f"{day.value}T{_PART[f['part'].lower()]}"
    before = _BEFORE_PART.search(ctx.text, max(0, c.start - 25), c.start)
    day.start = before.start() if before else None
    return day


_BEFORE_PART = re.compile(r"(?:(?:[Ee]arly\s+(?:in\s+)?)?(?:[Tt]he|[Tt]hat)\s+(?:early\s+)?|[Ee]arly\s+)$")


READERS: dict[str, Callable[[Candidate, Discourse], Reading | None]] = {
    "clk": read_clock,
    "noon": read_noon,
    "pod": read_part_of_day,
}
