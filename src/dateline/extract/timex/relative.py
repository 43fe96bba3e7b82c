"""Normalising relative forms: "two days later", "last October", "yesterday", "on Thursday",
"the third quarter", durations ("24 years"), sets ("every week") and clock times."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateline.extract.records import Anchor, DateValue, TimexType
from dateline.extract.timex import absolute as A
from dateline.extract.timex import anchoring
from dateline.extract.timex import periods as P
from dateline.extract.timex.anchoring import Discourse
from dateline.extract.timex.candidates import Candidate
from dateline.extract.timex.daytime import time_at
from dateline.extract.timex.lexicon import lexicon, number
from dateline.extract.timex.normalise import Reading, dated
from dateline.extract.timex.periods import Period

_UNIT_KIND = {
    "day": P.DAY,
    "week": P.WEEK,
    "fortnight": P.WEEK,
    "month": P.MONTH,
    "quarter": P.QUARTER,
    "year": P.YEAR,
    "decade": P.DECADE,
    "century": P.CENTURY,
    "centurie": P.CENTURY,
    "hour": P.DAY,
    "minute": P.DAY,
    "second": P.DAY,
    "weekend": P.WEEKEND,
    "fiscal year": P.YEAR,
}
_FINENESS = [P.DAY, P.WEEK, P.WEEKEND, P.MONTH, P.SEASON, P.QUARTER, P.HALF, P.YEAR, P.DECADE, P.CENTURY]
_ANAPHORIC = frozenset({"previous", "following", "same", "prior", "preceding", "that", "that same"})
_BACK = frozenset({"last", "past", "previous", "prior", "preceding", "this past"})
_AHEAD = frozenset({"next", "coming", "following", "this coming"})
_PART = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def _unit(word: str) -> str:
    w = " ".join(word.lower().split())
    return w[:-1] if w.endswith("s") and w[:-1] in _UNIT_KIND else w


def _step(rel: str) -> int:
    return -1 if rel in _BACK else 1 if rel in _AHEAD else 0


def _move(base: Period, n: int, kind: str) -> Period:
    """`base` moved by n units of `kind`: a quarter or half keeps its precision ("a year earlier"
    than 1989-Q3 is 1988-Q3, as earnings reports compare them), a day, week, month or season takes
    the unit's when the unit is coarser than a week ("two years earlier" than July 1778 is 1776),
    and a period coarser than the unit stays as it is ("two days later" than 2015)."""
    fine_base, fine_unit = _FINENESS.index(base.kind), _FINENESS.index(kind)
    if fine_base > fine_unit:
        return base
    if base.kind not in (P.QUARTER, P.HALF) and fine_unit > _FINENESS.index(P.WEEKEND) and kind != base.kind:
        return P.shift(P.coarsen(P.first_day(base), kind), n)
    return P.shift(base, n, kind)


def read_ago(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    unit, direction = _unit(f["u"]), " ".join(f["dir"].lower().split())
    kind = _UNIT_KIND[unit]
    n = number(f["n"])
    sign = 1 if direction in ("later", "after", "hence", "from now") else -1
    if direction in ("ago", "from now", "hence", "back"):
        base_day, anchor = ctx.shifted_base(c.start)
        base = P.day(base_day) if base_day else None
    else:
        base, anchor = ctx.anaphoric_base(day_scale=unit in ("day", "week"))
    if base is not None and ctx.last_quarter is not None and unit == "year" and not ctx.narrative:
        base = ctx.last_quarter
    if n is None or n != int(n) or f["n"].lower() in ("several", "a few", "few", "a couple of"):
        return Reading(TimexType.DATE, "PAST_REF" if sign < 0 else "FUTURE_REF", anchor=anchor)
    if base is None:
        return dated(Period(kind if kind != P.DECADE else P.YEAR, None), Anchor.NONE)
    steps = int(n) * (2 if unit == "fortnight" else 1) * sign
    if unit in ("hour", "minute", "second"):
        return dated(P.day(P.first_day(base)), anchor)
    if kind == P.DECADE:
        r = dated(P.shift(P.coarsen(P.first_day(base), P.YEAR), 10 * steps), anchor)
    else:
        r = dated(_move(base, steps, kind), anchor)
    if r is not None:
        r.focus = False
    return r


def read_rel(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    rel, unit = " ".join(f["rel"].lower().split()), _unit(f["u"])
    mod = A.modifier(f.get("mod"))
    if rel == "next" and c.fields.get("rel") and ctx.text[c.start : c.start + 4].lower() == "the ":
        rel = "following"
    if rel in _ANAPHORIC:
        # "the same night", "that morning": a part of a day, so of the last day named, not of a month.
        base_p, anchor = ctx.anaphoric_base(day_scale=unit == "day" or unit in _PART, pos=c.start)
        base = P.first_day(base_p) if base_p is not None and base_p.year is not None else None
        if unit == "day" and base_p is not None and base_p.year is not None:
            return dated(_move(base_p, _step(rel), P.DAY), anchor)
        if unit in _PART and base_p is not None and base_p.year is not None and base_p.kind != P.DAY:
            return dated(base_p, anchor)  # "that night" after "in December": some night of December
    else:
        named = unit.rstrip(".") in lexicon().months
        base, anchor = ctx.shifted_base(c.start, named)
    if unit in lexicon().months or unit.rstrip(".") in lexicon().months:
        m = A.month(unit)
        if base is None:
            return dated(Period(P.MONTH, None, m), Anchor.NONE, modifier=mod)
        y = base.year
        if rel in _BACK and m >= base.month:
            y -= 1
        elif rel in _AHEAD and m <= base.month:
            y += 1
        return dated(Period(P.MONTH, y, m), anchor, modifier=mod)
    if unit in lexicon().weekdays:
        if base is None:
            return Reading(TimexType.DATE, "XXXX-WXX-" + str(lexicon().weekdays[unit] + 1), anchor=Anchor.NONE)
        return dated(anchoring.weekday(lexicon().weekdays[unit], base, rel, False), anchor, modifier=mod)
    if unit in _PART:
        if base is None:
            return Reading(TimexType.TIME, "XXXX-XX-XXT" + _PART[unit], anchor=Anchor.NONE)
        d = base - dt.timedelta(days=1) if rel in _BACK else base + dt.timedelta(days=1) if rel in _AHEAD else base
        return Reading(TimexType.TIME, f"{d.isoformat()}T{_PART[unit]}", P.day(d), anchor=anchor)
    kind = _UNIT_KIND.get(unit)
    if kind is None:
        return None
    if base is None:
        return dated(Period(kind, None), Anchor.NONE, modifier=mod)
    return dated(P.shift(P.coarsen(base, kind), _step(rel)), anchor, modifier=mod)


_DEICTIC_DAYS = {
    "today": 0,
    "tonight": 0,
    "yesterday": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "last night": -1,
}
_ANAPHORIC_DAYS = {
    "the next day": 1,
    "the day after": 1,
    "the following day": 1,
    "the day before": -1,
    "the previous day": -1,
    "the night before": -1,
    "the evening before": -1,
    "hours later": 0,
    "hours earlier": 0,
    "minutes later": 0,
}
_PRESENT = frozenset({"now", "currently", "nowadays", "right now", "at present", "presently"})


def read_dx(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    w = " ".join(f["w"].lower().split())
    mod = {"early": "START", "late": "END"}.get((f.get("mod") or "").lower())
    if w in _PRESENT:
        base, anchor = ctx.deictic_base(c.start)
        return Reading(TimexType.DATE, "PRESENT_REF", date=P.date_value(P.day(base)) if base else None, anchor=anchor)
    if w in ("the weekend", "this weekend"):
        base, anchor = ctx.deictic_base(c.start)
        if base is None:
            return dated(Period(P.WEEKEND, None), Anchor.NONE)
        future = ctx.future(c.start, c.end) or w == "this weekend"
        d = base + dt.timedelta(days=7) if future and base.weekday() < 5 else base
        if not future and base.weekday() < 5:
            d = base - dt.timedelta(days=7)
        return dated(P.week_of(d, P.WEEKEND), anchor)
    if w in _ANAPHORIC_DAYS:
        base_p, anchor = ctx.anaphoric_base(day_scale=True, pos=c.start)
        if base_p is None:
            return dated(Period(P.DAY, None), Anchor.NONE)
        return dated(_move(base_p, _ANAPHORIC_DAYS[w], P.DAY), anchor)
    base, anchor = ctx.deictic_base(c.start)
    if base is None:
        return dated(Period(P.DAY, None), Anchor.NONE, modifier=mod)
    d = base + dt.timedelta(days=_DEICTIC_DAYS[w])
    if w.startswith(("this ", "last night")):
        part = _PART[w.split()[-1]]
        return Reading(TimexType.TIME, f"{d.isoformat()}T{part}", P.day(d), anchor=anchor)
    return dated(P.day(d), anchor, modifier=mod)


_FUTURE_REFS = ("future", "coming", "ahead", "later")


def read_ref(c: Candidate, ctx: Discourse) -> Reading | None:
    w = " ".join(c.fields["w"].lower().split())
    base, anchor = ctx.deictic_base(c.start)
    value = "FUTURE_REF" if any(k in w for k in _FUTURE_REFS) else "PAST_REF"
    date: DateValue | None = None
    if base is not None and any(k in w for k in ("days", "weeks", "recently", "lately")):
        date = P.date_value(Period(P.MONTH, base.year, base.month))
    return Reading(TimexType.DATE, value, date=date, anchor=anchor if date else Anchor.NONE)


def read_wd(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    wd = lexicon().weekdays[f["w"].lower()]
    base, anchor = ctx.shifted_base(c.start)
    mod = {"early": "START", "late": "END"}.get((f.get("mod") or "").lower())
    part = _PART.get((f.get("part") or "").lower())
    if base is None:
        return Reading(TimexType.DATE, f"XXXX-WXX-{wd + 1}", modifier=mod, anchor=Anchor.NONE)
    # "called a meeting for Tuesday": a day something is set for is ahead.
    ahead = ctx.text[max(0, c.start - 4) : c.start].lower() == "for " and not ctx.text.startswith(("'", "’"), c.end)
    future = anchor is Anchor.DISCOURSE or ahead or ctx.future(c.start, c.end)
    day = anchoring.weekday(wd, base, "", future)
    if part:  # "Wednesday night": a time of that day, as TimeML reads it
        return Reading(TimexType.TIME, f"{P.timeml_value(day)}T{part}", day, modifier=mod, anchor=anchor)
    return dated(day, anchor, modifier=mod)


def read_qtr(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    n = int(f["q"][1]) if f.get("q") else A.ordinal(f["o"]) if f.get("o") else None
    if n is not None and not 1 <= n <= 4:
        return None
    explicit = f.get("y") or f.get("y2") or f.get("y3")
    if explicit:
        return dated(Period(P.QUARTER, A.year(explicit), index=n), explicit=True) if n else None
    rel = " ".join((f.get("rel") or "").lower().split())
    r = _quarter(c, ctx, n, rel)
    if (
        r is not None and f.get("o") and rel in ("", "that")
    ):  # "the [third-quarter] loss", "said that [third-quarter] ..."
        at = ctx.text.find(f["o"], c.start, c.end)
        if at > c.start and ctx.text.startswith("-", at + len(f["o"])):
            r.start = at
    return r


def _quarter(c: Candidate, ctx: Discourse, n: int | None, rel: str) -> Reading | None:
    f = c.fields
    base, anchor = ctx.shifted_base(c.start)
    if base is None:
        return dated(Period(P.QUARTER, None, index=n), Anchor.NONE)
    latest = P.shift(P.quarter_of(base), -1)
    recent = ctx.last_quarter
    if rel in ("year-ago", "year-earlier", "comparable"):
        q = recent or latest
        if n is not None:
            q = Period(P.QUARTER, q.year, index=n)
        r = dated(P.shift(q, -1, P.YEAR), anchor)
        if r is not None:
            r.focus = False
        return r
    if n is None:
        if rel in ("this", "current"):
            return dated(P.quarter_of(base), anchor)
        if rel in ("next", "coming"):
            return dated(P.shift(P.quarter_of(base), 1), anchor)
        if rel in ("last", "latest", "past", "previous", "prior"):
            return dated(latest, anchor)
        return dated(recent or latest, anchor)
    year = base.year
    rel2 = (f.get("rel2") or "").lower()
    if rel2 == "last" or rel.startswith("last year"):
        year -= 1
    elif rel2 == "next" or rel.startswith("next year"):
        year += 1
    elif not rel2 and not rel.startswith("this year"):
        start = dt.date(year, 3 * n - 2, 1)
        if start > base + dt.timedelta(days=90) and not ctx.future(c.start, c.end):
            year -= 1
    return dated(Period(P.QUARTER, year, index=n), anchor)


def read_fin(c: Candidate, ctx: Discourse) -> Reading | None:
    """Earnings-report periods: "the latest period" is the quarter in focus, "the year-ago
    period" and "year-earlier" results the same quarter a year before."""
    f = c.fields
    rel = (f.get("rel") or f.get("adj") or "").lower()
    base, anchor = ctx.shifted_base(c.start)
    if base is None:
        return dated(Period(P.QUARTER, None), Anchor.NONE)
    q = ctx.last_quarter or P.shift(P.quarter_of(base), -1)
    if f.get("y"):  # "the 1988 period": that year's quarter in focus
        return dated(Period(P.QUARTER, int(f["y"]), index=q.index), explicit=True)
    if rel in ("latest", "same"):
        return dated(q, anchor)
    r = dated(P.shift(q, -1, P.YEAR), anchor)
    if r is not None:
        r.focus = False
    return r


_DURATION_UNIT = {
    "second": "TS",
    "minute": "TM",
    "hour": "TH",
    "day": "D",
    "week": "W",
    "fortnight": "W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "DE",
    "century": "CE",
    "centurie": "CE",
}


def read_dur(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    unit = _unit(f["u"])
    n = number(f["n"])
    code = _DURATION_UNIT[unit]
    article = _ARTICLE.match(f["n"])
    counted = f["n"][article.end() :] if article and f["n"][article.end() :].strip() else f["n"]
    if n is None or counted.lower() in ("several", "a few", "few", "a couple of", "many"):
        amount = "X"
    else:
        n *= 2 if unit == "fortnight" else 1
        n *= {"DE": 10, "CE": 100, "Q": 3}.get(code, 1)
        amount = str(int(n)) if n == int(n) else str(n)
    code = {"DE": "Y", "CE": "Y", "Q": "M"}.get(code, code)
    value = f"PT{amount}{code[1]}" if code.startswith("T") else f"P{amount}{code}"
    # "a [five-hour] visit", "a [two year] low": a duration that modifies a noun leaves the article out.
    start = c.start + article.end() if article and counted is not f["n"] and not f.get("q") and unit == f["u"] else None
    if f["n"].lower() in ("a", "an") and not f.get("q") and _AMOUNT.search(ctx.text, max(0, c.start - 20), c.start):
        return Reading(TimexType.SET, value, anchor=Anchor.NONE)  # "$1 billion a year", "30 a day"
    return Reading(TimexType.DURATION, value, anchor=Anchor.NONE, start=start)


_AMOUNT = re.compile(r"(?:\d%?|\b(?:million|billion|thousand|hundred|times|percent|cents|dollars))\s+\Z")


_ARTICLE = re.compile(r"an?\s+", re.IGNORECASE)


_SET_VALUES = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "quarterly": "P3M",
    "hourly": "PT1H",
    "nightly": "P1D",
    "day": "P1D",
    "week": "P1W",
    "month": "P1M",
    "year": "P1Y",
    "morning": "XXXX-XX-XXTMO",
    "night": "XXXX-XX-XXTNI",
    "evening": "XXXX-XX-XXTEV",
    "summer": "XXXX-SU",
    "winter": "XXXX-WI",
}


def read_set(c: Candidate, ctx: Discourse) -> Reading | None:
    last = c.fields["w"].split()[-1].lower()
    if last in lexicon().weekdays:
        return Reading(TimexType.SET, f"XXXX-WXX-{lexicon().weekdays[last] + 1}", anchor=Anchor.NONE)
    return Reading(TimexType.SET, _SET_VALUES[last], anchor=Anchor.NONE)


def read_time(c: Candidate, ctx: Discourse) -> Reading | None:
    f = c.fields
    ap = f["ap"].lower()
    hour = int(f["h"]) % 12 + (12 if ap.startswith("p") or ap.endswith(("afternoon", "evening")) else 0)
    clock = f"T{hour:02d}:{f.get('mi') or '00'}"
    return time_at(clock, c, ctx, (f.get("w") or "").lower(), _DEICTIC_DAYS)


READERS: dict[str, Callable[[Candidate, Discourse], Reading | None]] = {
    "ago": read_ago,
    "rel": read_rel,
    "dx": read_dx,
    "ref": read_ref,
    "wd": read_wd,
    "qtr": read_qtr,
    "dur": read_dur,
    "set": read_set,
    "time": read_time,
    "fin": read_fin,
}
