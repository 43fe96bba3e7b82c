"""Calendar periods: the stretches of time a temporal expression can name, and their notations.

A `Period` is a day, week, weekend, month, season, quarter, half, year, decade or century whose
year may be unknown. It turns into a TimeML value ("2021-06-10", "2021-W23", "2020-SU", "196")
and, when its year is known, into the project's `DateValue` (EDTF plus inclusive days).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace

from dateline.extract.records import DateValue, Precision

DAY, WEEK, WEEKEND, MONTH, SEASON, QUARTER, HALF, YEAR, DECADE, CENTURY = (
    "day",
    "week",
    "weekend",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
)
SEASONS = ("SP", "SU", "FA", "WI")
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_PRECISION = {
    DAY: Precision.DAY,
    WEEK: Precision.WEEK,
    WEEKEND: Precision.WEEK,
    MONTH: Precision.MONTH,
    SEASON: Precision.SEASON,
    QUARTER: Precision.QUARTER,
    HALF: Precision.HALF,
    YEAR: Precision.YEAR,
    DECADE: Precision.DECADE,
    CENTURY: Precision.CENTURY,
}
MIN_YEAR, MAX_YEAR = 1, 9999


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar period. `year` is the ISO week-year for weeks, the first year of a decade or
    century; `index` is the week, season ("SU"), quarter or half number."""

    kind: str
    year: int | None
    month: int | None = None
    day: int | None = None
    index: int | str | None = None

    @property
    def known(self) -> bool:
        """Whether the period's year is known, so that it maps onto the calendar."""
        return self.year is not None


def day(d: dt.date) -> Period:
    """The period of one calendar day."""
    return Period(DAY, d.year, d.month, d.day)


def week_of(d: dt.date, kind: str = WEEK) -> Period:
    """The ISO week (or its weekend) holding a day."""
    y, w, _ = d.isocalendar()
    return Period(kind, y, index=w)


def quarter_of(d: dt.date) -> Period:
    """The calendar quarter holding a day."""
    return Period(QUARTER, d.year, index=(d.month - 1) // 3 + 1)


def season_of(d: dt.date) -> Period:
    """The (northern) season holding a day; the winter of a year runs from its December into
    the next February."""
    if d.month <= 2:
        return Period(SEASON, d.year - 1, index="WI")
    return Period(SEASON, d.year, index=SEASONS[d.month // 3 - 1] if d.month < 12 else "WI")


def first_day(p: Period) -> dt.date:
    """The first day of a known period."""
    assert p.year is not None
    if p.kind == DAY:
        return dt.date(p.year, p.month or 1, p.day or 1)
    if p.kind in (WEEK, WEEKEND):
        return dt.date.fromisocalendar(p.year, int(p.index or 1), 6 if p.kind == WEEKEND else 1)
    if p.kind == MONTH:
        return dt.date(p.year, p.month or 1, 1)
    if p.kind == SEASON:
        return dt.date(p.year, _SEASON_MONTHS[str(p.index)][0], 1)
    if p.kind == QUARTER:
        return dt.date(p.year, 3 * int(p.index or 1) - 2, 1)
    if p.kind == HALF:
        return dt.date(p.year, 6 * int(p.index or 1) - 5, 1)
    return dt.date(max(p.year, 1), 1, 1)


def last_day(p: Period) -> dt.date:
    """The last day of a known period."""
    assert p.year is not None
    if p.kind == DAY:
        return first_day(p)
    if p.kind in (WEEK, WEEKEND):
        return dt.date.fromisocalendar(p.year, int(p.index or 1), 7)
    if p.kind == MONTH:
        return _month_end(p.year, p.month or 12)
    if p.kind == SEASON:
        end = _SEASON_MONTHS[str(p.index)][1]
        return _month_end(p.year + 1 if p.index == "WI" else p.year, end)
    if p.kind == QUARTER:
        return _month_end(p.year, 3 * int(p.index or 4))
    if p.kind == HALF:
        return _month_end(p.year, 6 * int(p.index or 2))
    span = {YEAR: 1, DECADE: 10, CENTURY: 100}[p.kind]
    return dt.date(min(p.year + span - 1, MAX_YEAR), 12, 31)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def timeml_value(p: Period) -> str:
    """The TimeML value of a period, with X for the unknown year."""
    y = "XXXX" if p.year is None else f"{p.year:04d}"
    if p.kind == DAY:
        return f"{y}-{p.month:02d}-{p.day:02d}" if p.month else f"{y}-XX-XX"
    if p.kind == MONTH:
        return f"{y}-{p.month:02d}" if p.month else f"{y}-XX"
    if p.kind in (WEEK, WEEKEND):
        w = f"W{int(p.index):02d}" if p.index else "WXX"
        return f"{y}-{w}-WE" if p.kind == WEEKEND else f"{y}-{w}"
    if p.kind == SEASON:
        return f"{y}-{p.index}"
    if p.kind == QUARTER:
        return f"{y}-Q{p.index or 'X'}"
    if p.kind == HALF:
        return f"{y}-H{p.index or 'X'}"
    if p.kind == YEAR:
        return y
    if p.kind == DECADE:
        return "XXX" if p.year is None else f"{p.year // 10:03d}"
    return "XX" if p.year is None else f"{p.year // 100:02d}"


def edtf(p: Period) -> str:
    """The EDTF notation of a known period (covering day intervals for weeks, month intervals
    for seasons, quarters and halves)."""
    if p.kind in (DAY, MONTH, YEAR):
        return timeml_value(p)
    if p.kind in (WEEK, WEEKEND):
        return f"{first_day(p).isoformat()}/{last_day(p).isoformat()}"
    if p.kind in (SEASON, QUARTER, HALF):
        a, b = first_day(p), last_day(p)
        return f"{a.year:04d}-{a.month:02d}/{b.year:04d}-{b.month:02d}"
    assert p.year is not None
    return f"{p.year // 10:03d}X" if p.kind == DECADE else f"{p.year // 100:02d}XX"


def date_value(p: Period) -> DateValue | None:
    """The project's DateValue of a period, or None when its year is unknown."""
    if p.year is None:
        return None
    return DateValue(edtf(p), first_day(p), last_day(p), _PRECISION[p.kind])


def range_value(a: Period, b: Period) -> DateValue | None:
    """The DateValue of the inclusive interval from period `a` to period `b`."""
    if a.year is None or b.year is None:
        return None
    start, end = first_day(a), last_day(b)
    if start > end:
        return None
    return DateValue(f"{edtf(a)}/{edtf(b)}", start, end, Precision.RANGE)


def shift(p: Period, n: int, unit: str | None = None) -> Period:
    """Move a known period by `n` units (its own kind unless `unit` says otherwise), keeping its
    kind; a move in a coarser unit keeps the finer fields ("a year before 2019-Q3" is 2018-Q3)."""
    if p.year is None:
        return p
    unit = unit or p.kind
    if unit == YEAR:
        if p.kind == DAY:
            assert p.month and p.day
            dd = min(p.day, calendar.monthrange(p.year + n, p.month)[1])
            return replace(p, year=p.year + n, day=dd)
        if p.kind in (WEEK, WEEKEND):
            return week_of(first_day(p).replace(year=p.year + n), p.kind)
        return replace(p, year=p.year + n)
    if unit in (DECADE, CENTURY):
        return replace(p, year=p.year + n * (10 if unit == DECADE else 100))
    if unit == DAY:
        return day(first_day(p) + dt.timedelta(days=n)) if p.kind == DAY else p
    if unit in (WEEK, WEEKEND):
        d = first_day(p) + dt.timedelta(weeks=n)
        return day(d) if p.kind == DAY else week_of(d, p.kind)
    if unit == MONTH:
        m0 = (p.month or 1) - 1 + n
        y, m = p.year + m0 // 12, m0 % 12 + 1
        if p.kind == DAY:
            assert p.day
            return Period(DAY, y, m, min(p.day, calendar.monthrange(y, m)[1]))
        return replace(p, year=y, month=m)
    if unit == QUARTER:
        q0 = int(p.index or 1) - 1 + n
        return replace(p, year=p.year + q0 // 4, index=q0 % 4 + 1)
    if unit == HALF:
        h0 = int(p.index or 1) - 1 + n
        return replace(p, year=p.year + h0 // 2, index=h0 % 2 + 1)
    if unit == SEASON:
        s0 = SEASONS.index(str(p.index)) + n
        return replace(p, year=p.year + s0 // 4, index=SEASONS[s0 % 4])
    return p


def coarsen(d: dt.date, kind: str) -> Period:
    """The period of the given kind that holds a day."""
    if kind == DAY:
        return day(d)
    if kind in (WEEK, WEEKEND):
        return week_of(d, kind)
    if kind == MONTH:
        return Period(MONTH, d.year, d.month)
    if kind == QUARTER:
        return quarter_of(d)
    if kind == HALF:
        return Period(HALF, d.year, index=1 if d.month <= 6 else 2)
    if kind == SEASON:
        return season_of(d)
    if kind == DECADE:
        return Period(DECADE, d.year - d.year % 10)
    if kind == CENTURY:
        return Period(CENTURY, d.year - d.year % 100)
    return Period(YEAR, d.year)
