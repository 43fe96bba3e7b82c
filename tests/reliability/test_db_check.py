"""`dateline db check`: SQLite's integrity check and dateline's own rules, each reported."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.api.check import known_actor
from dateline.cli.app import app
from dateline.store import migrate

runner = CliRunner()
pytestmark = pytest.mark.usefixtures("scripted")


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def stocked(db_path: Path, tmp_path: Path) -> Path:
    """A database holding two articles with three events."""
    (tmp_path / "a.txt").write_text(
        "A\n@event visit 2021-06-10 ITA,UKR Luigi_Di_Maio=ITA visit\n@event sanctions 2014 EU,RUS sanctions\n",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("B\n@event meeting 2020-03 FRA,DEU talks\n", encoding="utf-8")
    assert run("ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--db", str(db_path))[0] == 0
    return db_path


def test_clean_database_passes_every_check(stocked: Path) -> None:
    """On a sound database every check says ok, stdout has one line each, exit code 0."""
    code, out, err = run("db", "check", "--db", str(stocked))
    assert (code, err) == (0, "7 checks, no problems found\n")
    assert out.splitlines() == [
        f"ok    schema     at revision {migrate.head_revision()}, the newest",
        "ok    integrity  SQLite integrity check and foreign key check: ok",
        "ok    orphans    no row points at a missing event, document or actor",
        "ok    sources    every event has a source",
        "ok    dates      no event's earliest date is after its latest",
        "ok    actors     all 7 actor codes in events are known",
        "ok    links      every event's kept actor links, types and dates are its own",
    ]


def test_broken_rows_are_each_reported(stocked: Path) -> None:
    """An event without a source, reversed dates, an unknown code, orphan rows and a link added behind
    the kept actor links' back each fail their check."""
    conn = sqlite3.connect(stocked)
    with conn:  # written behind dateline's back, without foreign keys, as a crash or a bug might
        conn.execute("INSERT INTO event (id, type, status, summary, confidence, created_at, date_earliest,"
                     " date_latest) VALUES (900, 'visit', 'occurred', 'lost', 0.5, '2021-01-01',"
                     " '2021-05-02', '2021-05-01')")  # fmt: skip
        conn.execute("INSERT INTO actor (id, kind, code, name) VALUES (900, 'state', 'ATL', 'Atlantis')")
        conn.execute("INSERT INTO event_actor (event_id, actor_id, role, position) VALUES (1, 900, 'target', 9)")
        conn.execute("INSERT INTO event_source (id, event_id, document_id, sentence, start, \"end\")"
                     " VALUES (900, 1, 77, 'x', 0, 1)")  # fmt: skip
    conn.close()
    code, out, err = run("db", "check", "--db", str(stocked))
    assert code == 1
    assert err == (
        "Error: 6 of 7 checks found problems (integrity, orphans, sources, dates, actors, links). "
        "Re-ingest the articles concerned, or restore a backup.\n"
    )
    lines = dict(line.split(None, 2)[1:] for line in out.splitlines())
    assert lines["integrity"] == "SQLite reports 1 problems (event_source row 900 -> document)"
    assert lines["orphans"] == "1 event sources whose document is missing (event 900)"
    assert lines["sources"] == "1 events have no source (event 900)"
    assert lines["dates"] == "1 events have an earliest date after the latest, or only one end (event 900)"
    assert lines["actors"] == "1 actor codes in events are unknown (state 'ATL')"
    assert lines["links"] == "1 events keep actor links, types or dates that are not their own (event 1)"


@pytest.mark.parametrize(
    ("pick", "damage"),
    [
        # its type: queries by type would miss the event
        ("type = 'sanctions'", "type = 'visit'"),
        # its dates: ingest would not find the event again to merge a new report into
        ("date_earliest IS NOT NULL", "date_latest = '1999-01-01'"),
    ],
    ids=["type", "dates"],
)
def test_a_link_whose_copy_of_its_event_is_wrong_is_reported(stocked: Path, pick: str, damage: str) -> None:
    """A link whose copy of its event's type or dates is wrong fails the links check, naming the event."""
    conn = sqlite3.connect(stocked)
    with conn:
        (event_id,) = conn.execute(f"SELECT id FROM event WHERE {pick}").fetchone()
        conn.execute(f"UPDATE event_actor SET {damage} WHERE event_id = ?", (event_id,))
    conn.close()
    code, out, _ = run("db", "check", "--db", str(stocked))
    lines = dict(line.split(None, 2)[1:] for line in out.splitlines())
    assert code == 1
    assert lines["links"] == f"1 events keep actor links, types or dates that are not their own (event {event_id})"


def test_older_schema_is_reported(stocked: Path) -> None:
    """A database not at the newest revision fails the schema check and says what to run."""
    conn = sqlite3.connect(stocked)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '0000'")
    conn.close()
    code, out, _ = run("db", "check", "--db", str(stocked))
    assert code == 1
    assert out.splitlines()[0] == (
        f"FAIL  schema     at revision 0000, not {migrate.head_revision()}: run `dateline db upgrade`"
    )


def test_missing_empty_and_junk_databases(tmp_path: Path) -> None:
    """check never creates a database: a missing, empty or junk file is one error line."""
    missing = tmp_path / "none.db"
    assert run("db", "check", "--db", str(missing)) == (
        1, "", f"Error: there is no database at {missing}. Check --db or DATELINE_DB.\n"
    )  # fmt: skip
    assert not missing.exists()
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    assert run("db", "check", "--db", str(empty)) == (
        1, "", f"Error: {empty} holds no dateline schema. Check --db, or create it with `dateline db upgrade`.\n"
    )  # fmt: skip
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all " * 200)
    code, out, err = run("db", "check", "--db", str(junk))
    assert (code, out) == (1, "")
    assert err.startswith(f"Error: {junk} is not a usable database") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("kind", "code", "known"),
    [
        ("state", "ITA", True),
        ("state", "XKX", True),
        ("state", "ATL", False),
        ("organisation", "NATO", True),
        ("organisation", "SPECTRE", False),
        ("person", "Luigi Di Maio", True),
        ("person", " ", False),
        ("planet", "Mars", False),
    ],
)
def test_known_actor(kind: str, code: str, known: bool) -> None:
    """ISO state codes and the gazetteer's organisations are known; a person needs a name."""
    assert known_actor(kind, code) is known
