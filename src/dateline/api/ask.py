"""Plain questions read into event filters: "what happened between Italy and Ukraine in 2021".

A small hand-written reader, not a language model: it finds dates ("in 2021", "in June 2021",
"since 2014", "between 2014 and 2016", "last year", "the 1990s"), kinds of event ("visits",
"sanctions votes"), planned events ("upcoming", "planned"), and names of states, organisations
and people (capitalised, or a country's name in lower case), and says how it read them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from dateline.api.errors import UserError
from dateline.api.timeline import describe
from dateline.extract.actors import UnknownActorError, resolve_country, resolve_person
from dateline.store.queries import EventFilter

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTH = r"(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DATE = rf"(?:(?:\d{{1,2}} )?{_MONTH} (?:\d{{1,2}}, )?{_YEAR}|{_YEAR})"

# Words that name kinds of event, and the type each means.
TYPE_WORDS = {
    "visit": "visit", "visits": "visit", "visited": "visit", "trip": "visit", "trips": "visit",
    "meeting": "meeting", "meetings": "meeting", "met": "meeting", "meet": "meeting", "talks": "meeting",
    "agreement": "agreement", "agreements": "agreement", "deal": "agreement", "deals": "agreement",
    "treaty": "agreement", "treaties": "agreement", "accord": "agreement", "accords": "agreement",
    "signed": "agreement", "pact": "agreement",
    "statement": "statement", "statements": "statement", "said": "statement", "say": "statement",
    "remarks": "statement", "declaration": "statement", "declarations": "statement",
    "arrest": "arrest", "arrests": "arrest", "arrested": "arrest", "detained": "arrest",
    "court": "legal", "courts": "legal", "verdict": "legal", "verdicts": "legal", "trial": "legal",
    "trials": "legal", "ruling": "legal", "rulings": "legal", "legal": "legal", "sentenced": "legal",
    "sanction": "sanctions", "sanctions": "sanctions", "sanctioned": "sanctions", "embargo": "sanctions",
    "vote": "vote", "votes": "vote", "voted": "vote", "voting": "vote", "resolution": "vote",
    "resolutions": "vote",
    "expulsion": "expulsion", "expulsions": "expulsion", "expelled": "expulsion", "expel": "expulsion",
    "aid": "aid", "assistance": "aid",
    "summit": "conference", "summits": "conference", "conference": "conference", "conferences": "conference",
}  # fmt: skip
PLANNED_WORDS = {"planned", "upcoming", "scheduled", "future", "will", "plans", "planning", "forthcoming"}
# Capitalised words that start questions, and short words that happen to be codes or surnames.
_STOP = {
    "what", "when", "which", "who", "whom", "why", "how", "did", "does", "do", "has", "have", "had", "show", "list",
    "tell", "give", "find", "any", "all", "was", "were", "is", "are", "will", "the", "a", "an", "and", "or", "of",
    "in", "on", "at", "to", "by", "for", "from", "with", "between", "since", "before", "after", "until", "during",
    "about", "me", "us", "it", "i", "we", "events", "event", "happened", "happen", "chronology", "timeline",
    "last", "this", "year", "years", "month", "months", "please", "there", "their", "them", "that", "those",
}  # fmt: skip
_PARTICLES = {"di", "de", "da", "del", "della", "van", "von", "der", "den", "al", "bin", "la", "le", "of", "the"}

FORMS = (
    'Ask about states, organisations, people, dates and kinds of event, e.g. "what happened between Italy '
    'and Ukraine in 2021", "visits by Di Maio since 2019", "sanctions votes involving Russia in June 2016", '
    '"upcoming conferences this year". Dates: in 2021, in June 2021, since 2014, between 2014 and 2016, '
    "before 2020, last year, this year, the 1990s. Kinds: visits, meetings, agreements, statements, arrests, "
    "court rulings, sanctions, votes, expulsions, aid, summits/conferences; planned or upcoming"
)


@dataclass(frozen=True, slots=True)
class Reading:
    """How a question was read: filter options for `filter_from_options`, and the reading in words."""

    question: str
    date_from: str | None = None
    date_to: str | None = None
    countries: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def between(self) -> tuple[str, str] | None:
        """Two countries are read as "between A and B"."""
        return (self.countries[0], self.countries[1]) if len(self.countries) == 2 else None

    def options(self) -> dict[str, Any]:
        """Keyword arguments for `dateline.api.queries.filter_from_options`."""
        return {
            "date_from": self.date_from,
            "date_to": self.date_to,
            "countries": [] if self.between else list(self.countries),
            "between": self.between,
            "persons": list(self.persons),
            "types": list(self.types),
            "statuses": list(self.statuses),
        }

    def event_filter(self) -> EventFilter:
        """The filter the reading stands for (names already resolved against the gazetteers)."""
        lo = dt.date.fromisoformat(self.date_from) if self.date_from else None
        hi = dt.date.fromisoformat(self.date_to) if self.date_to else None
        return EventFilter(
            date_from=lo, date_to=hi, countries=() if self.between else self.countries, between=self.between,
            persons=self.persons, types=self.types, statuses=self.statuses,
        )  # fmt: skip

    @property
    def description(self) -> str:
        """ "events between Italy and Ukraine, in 2021", with any words left out."""
        text = describe(self.event_filter())
        for note in self.notes:
            text += f"; {note}"
        if self.ignored:
            text += "; ignored: " + ", ".join(self.ignored)
        return text


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _bounds(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day of "2021", "June 2021", "10 June 2021" or "June 10, 2021"."""
    words = re.findall(r"[a-z]+|\d+", text.lower())
    year = int(next(w for w in words if len(w) == 4 and w.isdigit()))
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    day = next((int(w) for w in words if w.isdigit() and len(w) <= 2), None)
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        return dt.date(year, month, 1), _month_end(year, month)
    try:
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError as exc:
        raise UserError(f"{text!r} is not a date ({exc}). {FORMS}") from exc


_DATE_RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"\b(?:between|from) ({_DATE}) (?:and|to|until|till) ({_DATE})\b"), "range"),
    (re.compile(rf"\b({_YEAR}) ?[-–] ?({_YEAR})\b"), "range"),
    (re.compile(rf"\b(?:since|from|after) ({_DATE})\b"), "since"),
    (re.compile(rf"\b(?:before) ({_DATE})\b"), "before"),
    (re.compile(rf"\b(?:until|till|up to|through) ({_DATE})\b"), "until"),
    (re.compile(r"\b(?:in |during )?the (1[5-9]\d0|20[0-9]0)s\b"), "decade"),
    (re.compile(r"\b(last|this|next) (year|month)\b"), "relative"),
    (re.compile(rf"\b(?:in |during |on )?({_DATE})\b"), "at"),
]


def _read_dates(text: str, today: dt.date) -> tuple[dt.date | None, dt.date | None, str]:
    """The date range a question asks about, and the question with its dates blanked out."""
    los: list[dt.date] = []
    his: list[dt.date] = []
    lo_open = hi_open = False
    for pattern, kind in _DATE_RULES:
        for match in pattern.finditer(text):
            if kind == "range":
                los.append(_bounds(match.group(1))[0])
                his.append(_bounds(match.group(2))[1])
            elif kind == "since":
                first, last = _bounds(match.group(1))
                los.append(first if not match.group(0).startswith("after") else last + dt.timedelta(days=1))
                hi_open = True
            elif kind == "before":
                his.append(_bounds(match.group(1))[0] - dt.timedelta(days=1))
                lo_open = True
            elif kind == "until":
                his.append(_bounds(match.group(1))[1])
                lo_open = True
            elif kind == "decade":
                start = int(match.group(1))
                los.append(dt.date(start, 1, 1))
                his.append(dt.date(start + 9, 12, 31))
            elif kind == "relative":
                shift = {"last": -1, "this": 0, "next": 1}[match.group(1)]
                if match.group(2) == "year":
                    los.append(dt.date(today.year + shift, 1, 1))
                    his.append(dt.date(today.year + shift, 12, 31))
                else:
                    index = today.year * 12 + today.month - 1 + shift
                    los.append(dt.date(index // 12, index % 12 + 1, 1))
                    his.append(_month_end(index // 12, index % 12 + 1))
            else:
                first, last = _bounds(match.group(1))
                los.append(first)
                his.append(last)
            text = text[: match.start()] + " " * (match.end() - match.start()) + text[match.end() :]
    lo = None if lo_open and not los else (min(los) if los else None)
    hi = None if hi_open and not his else (max(his) if his else None)
    if lo and hi and lo > hi:
        raise UserError(f"the dates of the question make an empty range ({lo} is after {hi}). {FORMS}")
    return lo, hi, text


_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Z]\d+|[A-Za-z]")


def _tokens(text: str) -> list[str]:
    return [re.sub(r"['’]s$", "", t) for t in _TOKEN.findall(text)]


def _resolve(phrase: str, capitalised: bool) -> tuple[str, str] | None:
    """("country", code) or ("person", name) for a phrase, or None."""
    short = len(phrase) <= 3
    if short and not phrase.isupper():
        return None  # "In", "It", "Who" are words here, not India, Italy or the WHO
    try:
        return ("country", resolve_country(phrase))
    except UnknownActorError:
        pass
    if not capitalised or short:
        return None
    try:
        return ("person", resolve_person(phrase))
    except UnknownActorError:
        return None


def _read_names(text: str) -> tuple[list[str], list[str], list[str]]:
    """Countries (codes), persons (names) and unrecognised capitalised words, in order of mention."""
    tokens = _tokens(text)
    countries: list[str] = []
    persons: list[str] = []
    ignored: list[str] = []
    i = 0
    while i < len(tokens):
        first = tokens[i]
        capitalised = first[0].isupper()
        found = None
        for n in (4, 3, 2, 1):
            words = tokens[i : i + n]
            if len(words) < n or words[-1].lower() in _PARTICLES or words[-1].lower() in _STOP:
                continue
            if any(w.lower() in _STOP and w.lower() not in _PARTICLES for w in words):
                continue
            if capitalised and any(not (w[0].isupper() or w.lower() in _PARTICLES) for w in words[1:]):
                continue
            if not capitalised and ((n == 1 and len(first) < 4) or first.lower() in TYPE_WORDS):
                continue
            found = _resolve(" ".join(words), capitalised)
            if found:
                i += n
                break
        if found:
            target = countries if found[0] == "country" else persons
            if found[1] not in target:
                target.append(found[1])
            continue
        if capitalised and first.lower() not in _STOP and first.lower() not in TYPE_WORDS:
            ignored.append(first)
        i += 1
    return countries, persons, ignored


def read_question(question: str, today: dt.date | None = None) -> Reading:
    """Read a plain question into filters; `today` anchors "last year" and "this year".

    Raises UserError, listing the forms it understands, when nothing in the question is a
    name, a date or a kind of event it knows.
    """
    today = today or dt.date.today()
    text = " ".join(question.split())
    lo, hi, rest = _read_dates(text.lower(), today)
    # Names need their capitals back: blank the same spans in the original text.
    rest = "".join(c if r != " " or c == " " else " " for c, r in zip(text, rest, strict=True))
    words = [w.lower() for w in _tokens(rest)]
    types = list(dict.fromkeys(TYPE_WORDS[w] for w in words if w in TYPE_WORDS))
    statuses = ["planned"] if any(w in PLANNED_WORDS for w in words) else []
    countries, persons, ignored = _read_names(rest)
    if not (lo or hi or types or statuses or countries or persons):
        raise UserError(f"could not read {question.strip()!r} as a question about events. {FORMS}")
    notes = []
    if {"sanctions", "vote"} <= set(types):
        notes.append("sanctions and votes both count (a vote on sanctions is stored as a vote)")
    return Reading(
        question=question,
        date_from=lo.isoformat() if lo else None,
        date_to=hi.isoformat() if hi else None,
        countries=tuple(countries),
        persons=tuple(persons),
        types=tuple(types),
        statuses=tuple(statuses),
        ignored=tuple(ignored),
        notes=tuple(notes),
    )
