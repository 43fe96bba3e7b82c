"""Chronologies: the events a filter asks for, grouped by date, described in words."""

from __future__ import annotations

import calendar
import datetime as dt

from dateline.api.queries import events
from dateline.render.chronology import Chronology, actor_name, build_chronology
from dateline.render.dates import day_label, month_label
from dateline.store.engine import Database
from dateline.store.queries import EventFilter

_PLURALS = {
    "visit": "visits", "meeting": "meetings", "agreement": "agreements", "statement": "statements",
    "arrest": "arrests", "legal": "court cases", "sanctions": "sanctions", "vote": "votes",
    "expulsion": "expulsions", "aid": "aid", "conference": "conferences", "other": "other events",
}  # fmt: skip


def _join(words: list[str], last: str = "and") -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + f" {last} " + words[-1]


def _start_words(day: dt.date) -> str:
    if (day.month, day.day) == (1, 1):
        return str(day.year)
    return month_label(day) if day.day == 1 else day_label(day)


def _end_words(day: dt.date) -> str:
    if (day.month, day.day) == (12, 31):
        return str(day.year)
    return month_label(day) if day.day == calendar.monthrange(day.year, day.month)[1] else day_label(day)


def describe_dates(lo: dt.date | None, hi: dt.date | None) -> str | None:
    """ "in 2021", "in June 2021", "on 10 June 2021", "since 2014", "until 2016", "from 2014 to 2016"."""
    if lo and hi:
        first, last = _start_words(lo), _end_words(hi)
        if first.isdigit() and last.isdigit() and int(first) % 10 == 0 and int(last) == int(first) + 9:
            return f"in the {first}s"
        if lo == hi:
            return f"on {day_label(lo)}"
        if first == last:
            return f"in {first}"
        return f"from {first} to {last}"
    if lo:
        return f"since {_start_words(lo)}"
    if hi:
        return f"until {_end_words(hi)}"
    return None


def _name(code: str) -> str:
    return actor_name(code)


def describe(flt: EventFilter) -> str:
    """The filter in words: "events between Italy and Ukraine, in 2021"."""
    noun = _join([_PLURALS.get(t, t) for t in flt.types], "or") if flt.types else "events"
    if flt.statuses == ("planned",):
        noun = f"planned {noun}"
    elif flt.statuses == ("occurred",):
        noun = f"{noun} that took place"
    words = [noun]
    if flt.between:
        words.append(f"between {_name(flt.between[0])} and {_name(flt.between[1])}")
    if flt.countries:
        words.append(f"involving {_join([_name(c) for c in flt.countries])}")
    if flt.persons:
        words.append(("with " if flt.between or flt.countries else "involving ") + _join(list(flt.persons)))
    text = " ".join(words)
    dates = describe_dates(flt.date_from, flt.date_to)
    if dates:
        text += f", {dates}"
    if flt.document:
        text += f", reported by {flt.document}"
    if flt.limit:
        text += f" (first {flt.limit})"
    return text


def timeline(db: Database, flt: EventFilter, description: str | None = None) -> Chronology:
    """The chronology of the events `flt` asks for, titled with `description` (or the filter in words)."""
    return build_chronology(events(db, flt), description or describe(flt))
