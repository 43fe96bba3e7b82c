"""Dates given on the command line: "2021", "2021-06" or "2021-06-10"."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateline.api.errors import UserError

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def date_bounds(value: str, option: str) -> tuple[dt.date, dt.date]:
    """The first and last day of "2021", "2021-06" or "2021-06-10"."""
    match = _DATE.fullmatch(value.strip())
    if not match:
        raise UserError(f"{option} {value!r} is not a date. Use YYYY, YYYY-MM or YYYY-MM-DD")
    year = int(match.group(1))
    month = int(match.group(2)) if match.group(2) else None
    day = int(match.group(3)) if match.group(3) else None
    try:
        if year < 1:
            raise ValueError("year 0 does not exist")
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
        day_date = dt.date(year, month, day)
        return day_date, day_date
    except ValueError as exc:
        raise UserError(f"{option} {value!r} is not a valid date ({exc}). Use YYYY, YYYY-MM or YYYY-MM-DD") from exc
