"""Normalising explicit forms: days, months, ranges, seasons, quarters, decades, numeric dates.

Each reader takes a candidate's fields and the discourse and returns a `Reading`; the relative
forms are read in `relative.py`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateline.extract.records import Anchor, DateValue, TimexType
from dateline.extract.timex import absolute as A
from dateline.extract.timex import anchoring
from dateline.extract.timex import periods as P
from dateline.extract.timex.anchoring import Discourse
from dateline.extract.timex.candidates import Candidate
from dateline.extract.timex.fallback import NumericDates
from dateline.extract.timex.grammar import MONTH, SEASON, YEAR
from dateline.extract.timex.periods import Period


@dataclass(slots=True)
class Reading:
    """What a candidate means: its TimeML type and value, and its calendar reading."""

    type: TimexType
    value: str
    period: Period | None = None
    until: Period | None = None
    date: DateValue | None = None
    modifier: str | None = None
    anchor: Anchor = Anchor.ABSOLUTE
    start: int | None = None
    explicit: bool = False
    focus: bool = True  # whether it sets the discourse's focus (a derived "a year ago" does not)
    ends: tuple[str, str] | None = None  # the values of a range's ends off the calendar ("499-493 BC")

    def date_value(self) -> DateValue | None:
        """The calendar reading: the override, the range, or the period."""
        if self.date is not None:
            return self.date
        if self.period is None:
            return None
        if self.until is not None:
            return P.range_value(self.period, self.until)
        return P.date_value(self.period)


def dated(
    p: Period | None,
    anchor: Anchor = Anchor.ABSOLUTE,
    *,
    modifier: str | None = None,
    explicit: bool = False,
    kind: TimexType = TimexType.DATE,
) -> Reading | None:
    """The reading of a DATE expression naming one period."""
    if p is None:
        return None
    return Reading(kind, P.timeml_value(p), p, modifier=modifier, anchor=anchor, explicit=explicit)


def complete(y: int | None, m: int, d: int | None, c: Candidate, ctx: Discourse) -> Reading | None:
    """A month (and day) with or without its year; without, the year comes from the anchor."""
    if y is not None:
        p = A.day_period(y, m, d) if d is not None else Period(P.MONTH, y, m)
        return dated(p, explicit=True)
    year, base, anchor = ctx.year_for(c.start)
    if year is not None:
        year = _onward(year, m, d, c, ctx)
        if _past_the_reference(year, m, d, c, ctx):
            year -= 1
        p = A.day_period(year, m, d) if d is not None else Period(P.MONTH, year, m)
        return dated(p, anchor)
    if base is None:
        return dated(A.day_period(None, m, d) if d is not None else Period(P.MONTH, None, m), Anchor.NONE)
    future = ctx.future(c.start, c.end)
    p = anchoring.month_day(m, d, base, future) if d is not None else anchoring.month_only(m, base, future)
    return dated(p, anchor)


_ONWARD = re.compile(r"\b(?:and|then|later|until|before)\b", re.IGNORECASE)


def _onward(year: int, m: int, d: int | None, c: Candidate, ctx: Discourse) -> int:
    """The year of a month taken from a date earlier in its sentence, read onward when the sentence
    moves on from that date: "signed on 16 September 2023, ... and in January [2024] announced"."""
    frame = ctx.frame(c.start)
    if frame is None or frame.year != year or frame.kind not in (P.DAY, P.MONTH) or ctx.reference is None:
        return year
    fm, fd = frame.month, frame.day if frame.kind == P.DAY else None
    if (m, d or 0) >= (fm, fd or 0) or (d is None and m == fm):
        return year
    if dt.date(year + 1, m, d or 1) > ctx.reference:
        return year
    return year + 1 if _ONWARD.search(ctx.text, ctx.explicit_pos, c.start) else year


def _past_the_reference(year: int, m: int, d: int | None, c: Candidate, ctx: Discourse) -> bool:
    """Whether a month taken from the story's year, that year itself inferred ("in January" [2024]),
    falls after publication where nothing speaks of the future: "signed on 12 September 2023; in
    January they announced ...; gave the ambassador 48 hours to leave in late August" is 2023."""
    if ctx.reference is None or ctx.frame(c.start) is not None or ctx.explicit_pos >= ctx.last_pos:
        return False  # no publication date, or the year is one the text states
    return dt.date(year, m, d or 1) > ctx.reference and not ctx.future(c.start, c.end)


def read_mdy(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    y = A.year(f["y"]) if f.get("y") else None
    return complete(y, A.month(f["m"]), A.day_number(f["d"]), c, ctx)


def read_wdd(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    y = A.year(f["y"]) if f.get("y") else None
    return complete(y, A.month(f.get("m") or f["m2"]), A.day_number(f.get("d") or f["d2"]), c, ctx)


def read_iso(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    return dated(A.day_period(int(f["y"]), int(f["m"]), int(f["d"])), explicit=True)


def read_my(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    return dated(Period(P.MONTH, A.year(f["y"]), A.month(f["m"])), modifier=A.modifier(f.get("mod")), explicit=True)


# A month or season joined to a later one that carries the year: "[August] and September 1914",
# "[the spring] and early summer of 1943", "[April]/June 1955".
_JOINED = re.compile(
    rf"\s*(?:,?\s+(?:and|or|to|through|until)\s+|[-–/]\s*)(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?"
    rf"(?:(?P<m>{MONTH})|(?P<s>{SEASON})),?\s+(?:of\s+)?(?P<y>{YEAR})"
)


def _joined_year(ctx: Discourse, end: int, month: int | None = None, season: str | None = None) -> int | None:
    """The year of the month or season that the expression ending at `end` is joined to, a year
    earlier when the first comes later in the year ("December and January 1950")."""
    m = _JOINED.match(ctx.text, end, end + 60)
    if m is None:
        return None
    y = int(m.group("y"))
    if month is not None and m.group("m"):
        return y - (month > A.month(m.group("m")))
    if season is not None and m.group("s"):
        order = ("SP", "SU", "FA", "WI")
        return y - (order.index(season) > order.index(_season_code(m.group("s"))))
    return y


def read_mon(c: Candidate, ctx: Discourse) -> Reading | None:
    m = A.month(c.fields["m"])
    r = complete(_joined_year(ctx, c.end, month=m), m, None, c, ctx)
    if r is not None:
        r.modifier = A.modifier(c.fields.get("mod"))
    return r


def read_myr(c: Candidate, ctx: Discourse) -> Reading | None:
    """ "January this year", "June 5 last year", "5 June last year": a month (and day) of a year
    counted from the publication date; "October of that year", "January 24 of the following year"
    count from the discourse's year."""
    f = c.fields
    rel = " ".join(f["rel"].lower().split())
    if rel in ("this", "last", "next"):
        base, anchor = ctx.deictic_base(c.start)
    else:  # "October of that year", "January 24 of the following year": the year of the discourse
        base_p, anchor = ctx.anaphoric_base()
        base = P.first_day(base_p) if base_p is not None and base_p.year is not None else None
    day = f.get("d") or f.get("d2")
    m, d = A.month(f["m"]), A.day_number(day) if day else None
    if base is None:
        return dated(A.day_period(None, m, d) if d else Period(P.MONTH, None, m), Anchor.NONE)
    y = base.year + {"last": -1, "next": 1, "the previous": -1, "the following": 1}.get(rel, 0)
    p = A.day_period(y, m, d) if d else Period(P.MONTH, y, m)
    return dated(p, anchor, modifier=A.modifier(f.get("mod")))


def read_year(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    return dated(Period(P.YEAR, A.year(f["y"])), modifier=A.modifier(f.get("mod")), explicit=True)


def _range(a: Reading | None, b: Reading | None, c: Candidate) -> Reading | None:
    if a is None or b is None or a.period is None or b.period is None:
        return None
    if a.period.year is not None and b.period.year is not None and P.first_day(a.period) > P.last_day(b.period):
        return None
    prep = c.fields.get("p")
    a.until = b.period
    a.start = c.start + len(prep) if prep else None
    a.anchor = b.anchor if a.anchor is Anchor.ABSOLUTE else a.anchor
    return a


def read_rmd(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    y = A.year(f["y"]) if f.get("y") else None
    am = A.month(f["am"])
    bm = A.month(f["bm"]) if f.get("bm") else am
    # The year written once, at the end, is the second day's: "November 15 to February 15, 1989" starts in 1988.
    ay = A.year(f["ay"]) if f.get("ay") else (None if y is None else y - (am > bm))
    a = complete(ay, am, A.day_number(f["ad"]), c, ctx)
    b_year = y if y is not None else (a.period.year if a and a.period else None)
    if y is None and b_year is not None and bm < am:
        b_year += 1
    b = complete(b_year, bm, A.day_number(f["bd"]), c, ctx)
    return _range(a, b, c)


def read_rdm(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    y = A.year(f["y"]) if f.get("y") else None
    bm = A.month(f["bm"])
    am = A.month(f["am"]) if f.get("am") else bm
    b = complete(y, bm, A.day_number(f["bd"]), c, ctx)
    a_year = b.period.year if b and b.period else None
    if a_year is not None and am > bm:
        a_year -= 1
    a = complete(a_year, am, A.day_number(f["ad"]), c, ctx)
    return _range(a, b, c)


def read_rmy(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    y = A.year(f["y"]) if f.get("y") else None
    am, bm = A.month(f["am"]), A.month(f["bm"])
    ay = A.year(f["ay"]) if f.get("ay") else (None if y is None else y - (am > bm))
    return _range(complete(ay, am, None, c, ctx), complete(y, bm, None, c, ctx), c)


def read_ry(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    a = A.year(f["a"])
    b = int(f["b"]) + (a - a % 100) if len(f["b"]) == 2 else int(f["b"])
    if b <= a:
        return None
    r = dated(Period(P.YEAR, a), explicit=True)
    return _range(r, dated(Period(P.YEAR, b), explicit=True), c)


def read_num(c: Candidate, ctx: Discourse, numeric: NumericDates) -> Reading | None:
    p = numeric.parse(c.fields["s"])
    return dated(p, explicit=True)


def read_bc(c: Candidate, ctx: Discourse) -> Reading | None:
    """Years before Christ, in TimeML's notation ("BC0499", "BC0480-04", "BC047" for the 470s BC,
    "BC03" for the fourth century BC); off the calendar, so without a date."""
    f = c.fields
    mod = A.modifier(f.get("mod"))
    if f.get("cen"):
        n = A.ordinal(f["cen"])
        return Reading(TimexType.DATE, f"BC{n - 1:02d}", modifier=mod) if n else None
    if f.get("dec"):
        return Reading(TimexType.DATE, f"BC{int(f['dec']) // 10:03d}", modifier=mod)
    tail = f"-{A.month(f['m']):02d}" if f.get("m") else f"-{_season_code(f['s'])}" if f.get("s") else ""
    a = f"BC{int(f['a']):04d}"
    if not f.get("b"):
        return Reading(TimexType.DATE, a + tail, modifier=mod)
    if int(f["b"]) >= int(f["a"]):
        return None
    return Reading(TimexType.DATE, a, modifier=mod, ends=(a, f"BC{int(f['b']):04d}"))


def read_sea(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    code = _season_code(f["s"])
    mod = A.modifier(f.get("mod"))
    if f.get("y"):
        return dated(Period(P.SEASON, A.year(f["y"]), index=code), modifier=mod, explicit=True)
    rel = (f.get("rel") or "").lower().split()
    joined = None if rel else _joined_year(ctx, c.end, season=code)
    if joined is not None:
        return dated(Period(P.SEASON, joined, index=code), modifier=mod, explicit=True)
    if not rel:
        year, _, anchor = ctx.year_for(c.start)
        if year is not None:  # "during the summer" of the year the story is in
            return dated(Period(P.SEASON, year, index=code), anchor, modifier=mod)
    base, anchor = ctx.shifted_base(c.start, named=True)
    if base is None:
        return dated(Period(P.SEASON, None, index=code), Anchor.NONE, modifier=mod)
    now = P.season_of(base)
    this = Period(P.SEASON, now.year, index=code)
    if rel and rel[-1] in ("last", "past", "previous"):
        p = this if P.last_day(this) < base else P.shift(this, -1, P.YEAR)
    elif rel and rel[-1] in ("next", "coming", "following"):
        p = this if P.first_day(this) > base else P.shift(this, 1, P.YEAR)
    elif ctx.future(c.start, c.end):
        p = this if P.last_day(this) >= base else P.shift(this, 1, P.YEAR)
    else:
        p = this if P.first_day(this) <= base + dt.timedelta(days=90) else P.shift(this, -1, P.YEAR)
    return dated(p, anchor, modifier=mod)


def _season_code(word: str) -> str:
    return {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}[word.lower()]


def read_half(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    h = 1 if f["o"].lower() == "first" else 2
    if f.get("y"):
        return dated(Period(P.HALF, A.year(f["y"]), index=h), explicit=True)
    base, anchor = ctx.shifted_base(c.start)
    if base is None:
        return dated(Period(P.HALF, None, index=h), Anchor.NONE)
    shift = {"last": -1, "next": 1}.get((f.get("rel") or "").lower(), 0)
    return dated(Period(P.HALF, base.year + shift, index=h), anchor)


def read_dec(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    return dated(A.decade(f, ctx.reference), modifier=A.modifier(f.get("mod")), explicit=False)


def read_cen(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    return dated(A.century(f["n"]), modifier=A.modifier(f.get("mod")))


READERS: dict[str, Callable[[Candidate, Discourse], Reading | None]] = {
    "bc": read_bc,
    "rmd": read_rmd,
    "rdm": read_rdm,
    "rmy": read_rmy,
    "ry": read_ry,
    "wdd": read_wdd,
    "iso": read_iso,
    "mdy": read_mdy,
    "dmy": read_mdy,
    "my": read_my,
    "sea": read_sea,
    "half": read_half,
    "dec": read_dec,
    "cen": read_cen,
    "mon": read_mon,
    "year": read_year,
    "myr": read_myr,
}
