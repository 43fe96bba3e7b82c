"""Dates as a briefing writes them: "10 June 2021", "June 2021", "the 1960s", "late 2020".

The label follows the precision the event's date was stored at; where the date phrase of the
article qualified it ("late 2020", "early June"), the label keeps that wording, and the sort key
places it within the period it qualifies.
"""

from __future__ import annotations

import datetime as dt
import re

from dateline.views import StoredEvent

_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_SEASONS = {3: "spring", 6: "summer", 9: "autumn", 12: "winter"}
_MODIFIER = re.compile(r"\b(early|mid|late)\b[- ]?", re.IGNORECASE)
# How a qualified period sorts: the part of its interval it points at, as fractions.
_MODIFIER_SPAN = {"early": (0.0, 1 / 3), "mid": (1 / 3, 2 / 3), "late": (2 / 3, 1.0)}
_MODIFIED_PRECISIONS = {"month", "season", "quarter", "half", "year", "decade", "century"}

UNDATED = "Date unknown"


def day_label(day: dt.date) -> str:
    """ "10 June 2021"."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def month_label(day: dt.date) -> str:
    """ "June 2021"."""
    return f"{_MONTHS[day.month - 1]} {day.year}"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _end_kind(part: str) -> str:
    """Whether one end of an EDTF interval is a day, a month or a year."""
    if re.fullmatch(r"-?\d{4}-\d{2}-\d{2}", part):
        return "day"
    if re.fullmatch(r"-?\d{4}-\d{2}", part):
        return "month"
    return "year"


def _range_label(edtf: str | None, first: dt.date, last: dt.date) -> str:
    parts = edtf.split("/") if edtf and "/" in edtf else []
    kinds = {_end_kind(p) for p in parts} if len(parts) == 2 else {"day"}
    if "year" in kinds:
        return f"{first.year}-{last.year}" if first.year != last.year else str(first.year)
    if "month" in kinds:
        if first.year == last.year:
            if first.month == last.month:
                return month_label(first)
            return f"{_MONTHS[first.month - 1]}-{_MONTHS[last.month - 1]} {first.year}"
        return f"{month_label(first)}-{month_label(last)}"
    if first == last:
        return day_label(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}-{last.day} {month_label(first)}"
    if first.year == last.year:
        return f"{first.day} {_MONTHS[first.month - 1]}-{day_label(last)}"
    return f"{day_label(first)}-{day_label(last)}"


def _period_label(event: StoredEvent, first: dt.date, last: dt.date) -> str:
    precision = event.precision or "range"
    if precision == "day":
        return day_label(first)
    if precision == "week":
        return f"the week of {day_label(first)}"
    if precision == "month":
        return month_label(first)
    if precision == "season" and first.month in _SEASONS:
        season = _SEASONS[first.month]
        return f"{season} {first.year}" if first.year == last.year else f"{season} {first.year}-{last.year % 100:02d}"
    if precision == "quarter":
        return f"Q{(first.month - 1) // 3 + 1} {first.year}"
    if precision == "half":
        return f"{'first' if first.month <= 6 else 'second'} half of {first.year}"
    if precision == "year":
        return str(first.year)
    if precision == "decade":
        return f"the {first.year // 10 * 10}s"
    if precision == "century":
        return f"the {_ordinal(first.year // 100 + 1)} century"
    return _range_label(event.date, first, last)


def modifier(event: StoredEvent) -> str | None:
    """ "early", "mid" or "late" when the date phrase qualified a period ("late 2020"), else None."""
    if not event.date_text or event.precision not in _MODIFIED_PRECISIONS:
        return None
    match = _MODIFIER.search(event.date_text)
    return match.group(1).lower() if match else None


def date_label(event: StoredEvent) -> str:
    """The event's date at its precision, in words; "Date unknown" for an undated event."""
    if event.earliest is None or event.latest is None:
        return UNDATED
    label = _period_label(event, event.earliest, event.latest)
    qualifier = modifier(event)
    if qualifier is None:
        return label
    if label.startswith("the "):
        label = label[4:]
        return f"the {qualifier}-{label}" if qualifier == "mid" else f"the {qualifier} {label}"
    return f"mid-{label}" if qualifier == "mid" else f"{qualifier} {label}"


def sort_key(event: StoredEvent) -> tuple[int, int, int, int]:
    """Chronological order: by start, a longer period before the days it holds, undated last.

    A qualified period ("late 2020") counts as the part of the period it points at.
    """
    if event.earliest is None or event.latest is None:
        return (1, 0, 0, event.id)
    first, last = event.earliest.toordinal(), event.latest.toordinal()
    qualifier = modifier(event)
    if qualifier is not None:
        lo, hi = _MODIFIER_SPAN[qualifier]
        span = last - first
        first, last = first + round(span * lo), first + round(span * hi)
    return (0, first, -last, event.id)
