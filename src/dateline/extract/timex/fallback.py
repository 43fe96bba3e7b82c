"""Numeric dates in either order ("10/06/2021", "2021/6/10", "10.06.21").

The day-month order is chosen from the text. A date with a four-digit year is then plain
arithmetic, read here directly (a dateparser call costs about a millisecond, and a corpus of
numeric dates repeats few strings). The rest (two-digit years) go to dateparser: one
`DateDataParser(languages=['en'])` per order, created on first use and reused (English only: no
language guessing, so no false hits and forty times the speed), with parses cached. Its
precision comes from `DateData.parts`, never from the datetime. tests/extract/test_timex.py
checks that both readings agree wherever both apply.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from dateline.extract.timex import periods as P
from dateline.extract.timex.periods import Period

_NUMERIC = re.compile(r"(\d{1,4})[/.](\d{1,2})[/.](\d{1,4})")
_FIELDS = {"MDY": (2, 0, 1), "DMY": (2, 1, 0), "YMD": (0, 1, 2)}  # positions of year, month, day


class NumericDates:
    """Reads numeric dates, choosing the day-month order from the text (dateparser for two-digit years)."""

    def __init__(self, day_first: bool | None = None) -> None:
        self._day_first = day_first
        self._parsers: dict[str, object] = {}
        self._dateparser = lru_cache(maxsize=4096)(self._with_dateparser)

    def parse(self, s: str) -> Period | None:
        """The day `s` names, or None when it names none."""
        m = _NUMERIC.fullmatch(s)
        order = self._order_of(m)
        if m is None:
            return self._dateparser(s, order)
        y, mo, d = (m.group(i + 1) for i in _FIELDS[order])
        if len(y) != 4:
            return self._dateparser(s, order)
        if order == "YMD" and int(mo) > 12 >= int(d):
            mo, d = d, mo  # year first, then the day when the month cannot come second (as dateparser reads it)
        try:
            return P.day(dt.date(int(y), int(mo), int(d)))
        except ValueError:
            return None

    def _order(self, s: str) -> str:
        return self._order_of(_NUMERIC.fullmatch(s))

    def _order_of(self, m: re.Match[str] | None) -> str:
        if m is None:
            return "MDY"
        a, b = int(m.group(1)), int(m.group(2))
        if len(m.group(1)) == 4:
            return "YMD"
        if a > 12 >= b:
            return "DMY"
        if b > 12 >= a:
            return "MDY"
        if self._day_first is not None:
            return "DMY" if self._day_first else "MDY"
        return "DMY" if "." in m.group() else "MDY"

    def _with_dateparser(self, s: str, order: str) -> Period | None:
        parser = self._parsers.get(order)
        if parser is None:
            from dateparser.date import DateDataParser

            settings = {"PREFER_DAY_OF_MONTH": "first", "STRICT_PARSING": True, "DATE_ORDER": order}
            parser = self._parsers[order] = DateDataParser(languages=["en"], settings=settings)
        data = parser.get_date_data(s)  # type: ignore[attr-defined]
        if data is None or data.date_obj is None:
            return None
        parts = set(data.parts)
        d = data.date_obj.date()
        if {"year", "month", "day"} <= parts:
            return P.day(d)
        if {"year", "month"} <= parts:
            return Period(P.MONTH, d.year, d.month)
        return None
