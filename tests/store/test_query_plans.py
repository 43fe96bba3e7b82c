"""The filtered queries use their indexes (SQLite's EXPLAIN QUERY PLAN): none scans the event table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.dialects import sqlite

from dateline.store.engine import open_database
from dateline.store.queries import EventFilter, event_query

CASES = {
    "between two states in a year": (
        EventFilter(between=("ITA", "UKR"), date_from=dt.date(2021, 1, 1), date_to=dt.date(2021, 12, 31)),
        "ix_event_actor_actor_id_date_earliest",
    ),
    "a person": (EventFilter(persons=("Luigi Di Maio",)), "ix_event_actor_actor_id_event_id"),
    "a country in a date range": (
        EventFilter(countries=("FRA",), date_from=dt.date(2020, 1, 1), date_to=dt.date(2020, 6, 30)),
        "ix_event_actor_actor_id_date_earliest",
    ),
    "a date range alone": (
        EventFilter(date_from=dt.date(2020, 1, 1), date_to=dt.date(2020, 6, 30)),
        "ix_event_date_",  # by start, or by precision then start: either is an index range
    ),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_filtered_queries_use_indexes(name: str, tmp_path: Path) -> None:
    """Each usual filter reads through the index named, and no step scans the whole event table."""
    flt, index = CASES[name]
    database = open_database(str(tmp_path / "plans.db"))
    sql = str(event_query(flt).compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    with database.engine.connect() as conn:
        plan = [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
    database.dispose()
    assert any(index in step for step in plan), plan
    assert not any(step.startswith("SCAN event") and "event_" not in step.split()[1] for step in plan), plan
