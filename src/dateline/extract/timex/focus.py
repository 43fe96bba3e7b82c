"""The year or month in focus, named without a number: "the end of the year", "earlier in the
month", "the rest of the year", "year-end", "at month's end"."""

from __future__ import annotations

from collections.abc import Callable

from dateline.extract.records import Anchor
from dateline.extract.timex import periods as P
from dateline.extract.timex.anchoring import Discourse
from dateline.extract.timex.candidates import Candidate
from dateline.extract.timex.normalise import Reading, dated
from dateline.extract.timex.periods import Period

_MODIFIERS = {
    "the beginning of": "START",
    "the start of": "START",
    "the dawn of": "START",
    "early in": "START",
    "early-in": "START",
    "the middle of": "MID",
    "mid in": "MID",
    "the end of": "END",
    "the close of": "END",
    "the turn of": "END",
    "late in": "END",
    "later in": "END",
    "the latter part of": "END",
    "the later part of": "END",
    "the last part of": "END",
    "the final part of": "END",
    "the early part of": "START",
    "the first part of": "START",
}


def read_focus(c: Candidate, ctx: Discourse) -> Reading | None:
    """The year (or month) the story is in: the one a date earlier in the sentence names, else in a
    narrative the last one named, else the publication's."""
    f = c.fields
    unit = (f.get("u") or f.get("u2") or "").lower()
    mod = "END" if f.get("u2") else _MODIFIERS.get(" ".join((f.get("mod") or "").lower().split()))
    year, base, anchor = ctx.year_for(c.start)
    if year is None and base is not None:
        year = base.year
    if year is None:
        return dated(Period(P.YEAR if unit == "year" else P.MONTH, None), Anchor.NONE, modifier=mod)
    if unit == "year":
        return dated(Period(P.YEAR, year), anchor, modifier=mod)
    nearby = ctx.last_pos >= ctx.sentence_start(c.start) or ctx.narrative or ctx.reference is None
    last = ctx.last if nearby else None
    if last is not None and last.kind in (P.DAY, P.MONTH) and last.year == year:
        return dated(Period(P.MONTH, year, last.month), Anchor.DISCOURSE, modifier=mod)
    if base is not None and base.year == year:
        return dated(Period(P.MONTH, year, base.month), anchor, modifier=mod)
    return dated(Period(P.MONTH, year, None), anchor, modifier=mod)


READERS: dict[str, Callable[[Candidate, Discourse], Reading | None]] = {"foc": read_focus}
