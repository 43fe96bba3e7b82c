"""The year or month in focus, named without a number: "the end of the year", "earlier in the
month", "the rest of the year", "year-end", "at month's end"."""

from __future__ import annotations

from collections.abc import Callable

from dateline.extract.records import Anchor
from dateline.extract.timex import periods as P
from dateline.extract.timex.anchoring import Discourse
from dateline.extract.timex.candidates import Candidate, focus_before
from dateline.extract.timex.normalise import Reading, dated
from dateline.extract.timex.periods import Period


def read_focus(c: Candidate, ctx: Discourse) -> Reading | None:
    """The year (or month) the story is in: the one a date earlier in the sentence names, else in a
    narrative the last one named, else the publication's."""
    f = c.fields
    unit = f["u"].lower()
    if f.get("end"):  # "year-end", "the year's end"
        mod, the = "END", ctx.text[max(0, c.start - 4) : c.start].lower() == "the "
        start = c.start - 4 if the else None
    else:
        before = focus_before(ctx.text, c.start)
        assert before is not None
        start, mod = before
    r = _read(unit, mod, c, ctx)
    if r is not None:
        r.start = start
    return r


def _read(unit: str, mod: str | None, c: Candidate, ctx: Discourse) -> Reading | None:
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
