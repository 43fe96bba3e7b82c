"""Turning command-line filters (dates, countries, people) into a query filter."""

from __future__ import annotations

import re

from rapidfuzz import process
from sqlalchemy.orm import Session

from dateline.api.dates import date_bounds
from dateline.api.errors import UserError
from dateline.extract.actors import UnknownActorError, resolve_country, resolve_person
from dateline.store.actors import stored_person_names, stored_persons
from dateline.store.queries import EventFilter

EVENT_TYPES = (
    "visit", "meeting", "agreement", "statement", "arrest", "legal",
    "sanctions", "vote", "expulsion", "aid", "conference", "other",
)  # fmt: skip
STATUSES = ("occurred", "planned")
MAX_LIMIT = 10**9


def _suggest(kind: str, exc: UnknownActorError) -> UserError:
    hint = f" Did you mean {', '.join(exc.suggestions)}?" if exc.suggestions else ""
    return UserError(f"unknown {kind} {exc.query!r}.{hint}")


def country_code(name: str) -> str:
    """The code of a state or organisation from any known name, demonym or code."""
    try:
        return resolve_country(name)
    except UnknownActorError as exc:
        raise _suggest("country or organisation", exc) from exc


def person_name(name: str, session: Session | None = None) -> str:
    """The canonical name of a person from any known spelling, in the gazetteer or the database."""
    try:
        return resolve_person(name)
    except UnknownActorError as exc:
        if session is not None:
            stored = stored_persons(session, name)
            if len(stored) == 1:
                return stored[0]
            if len(stored) > 1:
                raise UserError(f"{name!r} could be {', '.join(stored[:5])}. Give the full name") from exc
            known = stored_person_names(session)
            extra = [m[0] for m in process.extract(name, known, limit=3, score_cutoff=60)]
            exc = UnknownActorError(exc.query, list(dict.fromkeys([*exc.suggestions, *extra]))[:3])
        raise _suggest("person", exc) from exc


def build_filter(
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    year: str | None = None,
    countries: list[str] | None = None,
    between: tuple[str, str] | None = None,
    persons: list[str] | None = None,
    types: list[str] | None = None,
    statuses: list[str] | None = None,
    document: str | None = None,
    limit: int | None = None,
    session: Session | None = None,
) -> EventFilter:
    """An EventFilter from command-line values, with one clear error for each bad value."""
    lo = date_bounds(date_from, "--from")[0] if date_from is not None else None
    hi = date_bounds(date_to, "--to")[1] if date_to is not None else None
    if year is not None:
        if not re.fullmatch(r"\d{4}", year.strip()):
            raise UserError(f"--year {year!r} is not a year. Use four digits, like 2021")
        y_lo, y_hi = date_bounds(year.strip(), "--year")
        lo = max(lo, y_lo) if lo else y_lo
        hi = min(hi, y_hi) if hi else y_hi
    if lo and hi and lo > hi:
        raise UserError(f"the date range is empty: {lo.isoformat()} is after {hi.isoformat()}")
    for t in types or []:
        if t not in EVENT_TYPES:
            raise UserError(f"unknown event type {t!r}. Use one of: {', '.join(EVENT_TYPES)}")
    for s in statuses or []:
        if s not in STATUSES:
            raise UserError(f"unknown status {s!r}. Use one of: {', '.join(STATUSES)}")
    if limit is not None and limit < 1:
        raise UserError(f"--limit {limit} must be at least 1")
    if limit is not None and limit > MAX_LIMIT:
        raise UserError(f"--limit {limit} is more than dateline can return at once. Use at most {MAX_LIMIT}")
    return EventFilter(
        date_from=lo,
        date_to=hi,
        countries=tuple(country_code(c) for c in countries or []),
        between=(country_code(between[0]), country_code(between[1])) if between else None,
        persons=tuple(person_name(p, session) for p in persons or []),
        types=tuple(types or []),
        statuses=tuple(statuses or []),
        document=document,
        limit=limit,
    )
