"""Queries over stored events, for the CLI and for notebooks."""

from __future__ import annotations

from collections.abc import Iterator

from dateline.api.errors import UserError
from dateline.api.filters import build_filter
from dateline.store.engine import Database
from dateline.store.queries import EventFilter, find_events, get_event, iter_events
from dateline.views import StoredEvent


def events(db: Database, flt: EventFilter) -> list[StoredEvent]:
    """The events that `flt` asks for, in chronological order."""
    with db.session() as session:
        return find_events(session, flt)


def event(db: Database, event_id: int) -> StoredEvent:
    """One event by id, or a UserError naming the id."""
    if not 0 < event_id < 2**63:  # beyond a 64-bit integer no database holds an id
        raise UserError(f"no event with id {event_id}. List ids with `dateline events`")
    with db.session() as session:
        found = get_event(session, event_id)
    if found is None:
        raise UserError(f"no event with id {event_id}. List ids with `dateline events`")
    return found


def all_events(db: Database, flt: EventFilter | None = None) -> Iterator[StoredEvent]:
    """Every event (or those `flt` asks for), streamed."""
    with db.session() as session:
        yield from iter_events(session, flt)


def filter_from_options(db: Database, **options: object) -> EventFilter:
    """build_filter with the database at hand for names only the database knows."""
    with db.session() as session:
        return build_filter(session=session, **options)  # type: ignore[arg-type]
