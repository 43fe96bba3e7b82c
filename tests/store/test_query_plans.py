"""The filtered queries use their indexes (SQLite's EXPLAIN QUERY PLAN): none scans the event table,
and event_actor is read from its indexes alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy.dialects import sqlite

from dateline.store.engine import open_database
from dateline.store.queries import EventFilter, _named, event_query, get_event

CASES = {
    "between two states in a year": (
        EventFilter(between=("ITA", "UKR"), date_from=dt.date(2021, 1, 1), date_to=dt.date(2021, 12, 31)),
        "COVERING INDEX ix_event_actor_actor_id_date_earliest_date_latest_event_id",
    ),
    "a person": (EventFilter(persons=("Luigi Di Maio",)), "COVERING INDEX ix_event_actor_actor_id_event_id"),
    "a country in a date range": (
        EventFilter(countries=("FRA",), date_from=dt.date(2020, 1, 1), date_to=dt.date(2020, 6, 30)),
        "COVERING INDEX ix_event_actor_actor_id_date_earliest_date_latest_event_id",
    ),
    "a country in a year, the first 500": (
        EventFilter(countries=("USA",), date_from=dt.date(2019, 1, 1), date_to=dt.date(2019, 12, 31), limit=500),
        "COVERING INDEX ix_event_actor_actor_id_date_earliest_date_latest_event_id",
    ),
    "a country and a person": (
        EventFilter(countries=("ITA",), persons=("Luigi Di Maio",)),
        "COVERING INDEX ix_event_actor_actor_id_event_id",
    ),
    "a country's events of two types since a date": (
        EventFilter(countries=("RUS",), types=("sanctions", "vote"), date_from=dt.date(2014, 1, 1)),
        "COVERING INDEX ix_event_actor_actor_id_type_date_earliest_date_latest_event_id",
    ),
    "a type in a date range": (
        EventFilter(types=("vote",), date_from=dt.date(2014, 1, 1), date_to=dt.date(2014, 3, 31)),
        "ix_event_type_date_earliest (type=? AND date_earliest>? AND date_earliest<?)",
    ),
    "a date range alone": (
        EventFilter(date_from=dt.date(2020, 1, 1), date_to=dt.date(2020, 6, 30)),
        "ix_event_date_",  # by start, or by precision then start: either is an index range
    ),
}


def _plan(flt: EventFilter, tmp_path: Path, resolved: bool) -> list[str]:
    """SQLite's plan of the query of `flt`; with `resolved`, each actor it names bound as one id."""
    database = open_database(str(tmp_path / "plans.db"))
    ids = {actor: [n + 1] for n, actor in enumerate(_named(flt))} if resolved else None
    sql = str(event_query(flt, ids).compile(dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}))
    with database.engine.connect() as conn:
        plan = [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
    database.dispose()
    return plan


@pytest.mark.parametrize("resolved", [False, True], ids=["codes", "ids"])
@pytest.mark.parametrize("name", sorted(CASES))
def test_filtered_queries_use_indexes(name: str, resolved: bool, tmp_path: Path) -> None:
    """Each usual filter reads through the index named, no step scans the whole event table, and
    event_actor (the first actor's events, the others' checks) is answered from its indexes alone,
    whether the actors are found by code in the query or bound as the ids looked up before."""
    flt, index = CASES[name]
    plan = _plan(flt, tmp_path, resolved)
    assert any(index in step for step in plan), plan
    assert not any(step.startswith("SCAN event") and "event_" not in step.split()[1] for step in plan), plan
    assert not any(step.split()[1].startswith("event_actor") and "COVERING" not in step for step in plan), plan


def test_the_first_events_are_read_in_index_order(tmp_path: Path) -> None:
    """With a limit and the country bound as its one id, SQLite reads (actor, dates) in order and sorts
    only within equal starts, instead of sorting every candidate of the range to keep the first."""
    flt = CASES["a country in a year, the first 500"][0]
    plan = _plan(flt, tmp_path, resolved=True)
    assert "USE TEMP B-TREE FOR RIGHT PART OF ORDER BY" in plan, plan
    assert "USE TEMP B-TREE FOR DISTINCT" not in plan, plan


def test_actors_and_sources_are_read_through_indexes(tmp_path: Path) -> None:
    """The statements that read back the events found (the rows, then their actors and sources) search
    by index and scan no table; event_actor is answered from its covering index alone."""
    database = open_database(str(tmp_path / "plans.db"))
    statements: list[str] = []
    with database.session() as session:
        connection = session.connection()
        for sql in (
            "INSERT INTO event (id, type, status, summary, confidence, created_at) "
            "VALUES (1, 'visit', 'occurred', 's', 0.5, '2024-01-01')",
            "INSERT INTO actor (id, kind, code, name) VALUES (1, 'state', 'ITA', 'Italy')",
            "INSERT INTO event_actor (event_id, actor_id, role, position) VALUES (1, 1, 'participant', 0)",
            "INSERT INTO document (id, identifier, content_hash, extractor_version, text, ingested_at) "
            "VALUES (1, 'a.txt', 'x', 'x', 'text', '2024-01-01')",
            "INSERT INTO event_source (event_id, document_id, sentence, start, \"end\") VALUES (1, 1, 's', 0, 1)",
        ):
            connection.exec_driver_sql(sql)
        # Some statements go to the DBAPI cursor, past SQLAlchemy's events: SQLite's trace sees them all,
        # with their parameters in place.
        driver = connection.connection.driver_connection
        driver.set_trace_callback(statements.append)
        found = get_event(session, 1)
        driver.set_trace_callback(None)
        plans = [[row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql)]
                 for sql in statements if sql.lstrip().upper().startswith("SELECT")]  # fmt: skip
    database.dispose()
    assert found is not None and len(found.actors) == len(found.sources) == 1
    assert len(plans) == 4, statements  # the event, its actors' links, those actors, its sources
    for plan in plans:
        # SQLite reads the ids asked for from a JSON array (json_each): the one scan allowed.
        assert not any(step.startswith("SCAN") and not step.startswith("SCAN json_each") for step in plan), plan
        assert not any(step.split()[1].startswith("event_actor") and "COVERING" not in step for step in plan), plan


@pytest.mark.parametrize("actors", [1, 3])
def test_merge_lookup_reads_the_actors_typed_index(actors: int, tmp_path: Path) -> None:
    """Finding the stored events a new report may repeat reads the (actor, type, dates) index of
    event_actor, its covering part alone, and each event found by its key: never a range over every
    event of the type, which would grow with the archive's density around the date."""
    from dateline.store.merge import _candidates_sql

    database = open_database(str(tmp_path / "plans.db"))
    sql = _candidates_sql(True, actors)
    params = ["visit", "occurred", *range(1, actors + 1), "2021-06-10", "2021-06-10", "2021-06-10"]
    params += ["visit", "occurred", *range(1, actors + 1), "2020-06-09", "2021-06-10", "2021-06-10"]
    with database.engine.connect() as conn:
        plan = [row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, tuple(params))]
    database.dispose()
    searches = [step for step in plan if step.startswith(("SEARCH", "SCAN"))]
    assert len(searches) == 4, plan  # event_actor, then event, in each arm
    for step in searches:
        assert step.startswith("SEARCH"), plan
        assert ("ea USING COVERING INDEX ix_event_actor_actor_id_type_date_earliest_date_latest_event_id" in step
                or "e USING INTEGER PRIMARY KEY" in step), plan  # fmt: skip
