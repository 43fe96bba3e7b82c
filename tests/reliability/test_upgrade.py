"""`dateline db upgrade` on a database filled at the first revision: a backup, and every row kept."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.api.ingest import ingest
from dateline.cli.app import app
from dateline.store import migrate
from dateline.store.engine import create_db_engine, database_url, open_database

FIRST = "0001"
runner = CliRunner()
pytestmark = pytest.mark.usefixtures("scripted")

ARTICLES = {
    "a.txt": "Kyiv visit\n@event visit 2021-06-10 ITA,UKR Luigi_Di_Maio=ITA Di Maio's visit to Kyiv\n"
    "@event agreement 2021-06 ITA,UKR police deal\n",
    "b.txt": "Sanctions — “again”\n@event sanctions 2014 EU,RUS sanctions; 100% renewed\n"
    "@event meeting - ITA,RUS undated talks\n",
    "c.txt": "Zürich\n@event visit 2020 UKR,ITA Volodymyr_Zelensky=UKR visit to Italy\n",
}


def _quoted(column: str) -> str:
    return f'"{column}"'


def snapshot(path: Path, columns: dict[str, list[str]]) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, restricted to `columns`, sorted."""
    with sqlite3.connect(path) as conn:
        return {
            table: sorted(conn.execute(f"SELECT {', '.join(map(_quoted, cols))} FROM {table}"), key=repr)
            for table, cols in columns.items()
        }


def first_revision_columns(path: Path) -> dict[str, list[str]]:
    """The tables and columns of the database at the first revision."""
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: [c[1] for c in conn.execute(f"PRAGMA table_info({t})")] for t in tables if t != "alembic_version"}


def fill_at_first_revision(path: Path, tmp_path: Path) -> dict[str, list[str]]:
    """A database at revision 0001 holding what today's dateline ingests from ARTICLES.

    The articles are ingested into a scratch database at head, and the columns revision 0001
    has are copied over, so the test keeps working when later revisions add columns.
    """
    engine = create_db_engine(database_url(str(path)))
    migrate.upgrade(engine, FIRST)
    engine.dispose()
    columns = first_revision_columns(path)
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    scratch = open_database(str(tmp_path / "scratch.db"))
    assert ingest(scratch, [folder]).new == 3
    scratch.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("ATTACH DATABASE ? AS scratch", (str(tmp_path / "scratch.db"),))
        for table, cols in columns.items():
            names = ", ".join(map(_quoted, cols))
            conn.execute(f"INSERT INTO main.{table} ({names}) SELECT {names} FROM scratch.{table}")
    return columns


def test_upgrade_from_the_first_revision_backs_up_and_keeps_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A database filled at 0001 is backed up, upgraded to head, and has lost no row or value."""
    path = tmp_path / "old.db"
    columns = fill_at_first_revision(path, tmp_path)
    before = snapshot(path, columns)
    assert {t: len(rows) for t, rows in before.items() if t in ("document", "event", "event_source")} == {
        "document": 3, "event": 5, "event_source": 5,
    }  # fmt: skip
    head = migrate.head_revision()
    if head == FIRST:
        # Only one revision exists so far: act as a newer dateline, for which 0001 is behind.
        monkeypatch.setattr(migrate, "head_revision", lambda: "9999")
    result = runner.invoke(app, ["db", "upgrade", "--db", str(path)])
    assert result.exit_code == 0, result.stderr
    (backup,) = tmp_path.glob("old.db.0001.*.bak")
    assert result.stderr.startswith(f"Backed up {path} to {backup}\n")
    assert migrate.current_revision(create_db_engine(database_url(str(path)))) == head
    assert snapshot(path, columns) == before
    assert snapshot(backup, columns) == before
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(FIRST,)]


def test_upgrade_at_head_writes_no_backup(db_path: Path) -> None:
    """A database already at head is left alone: no backup, and it says so."""
    result = runner.invoke(app, ["db", "upgrade", "--db", str(db_path)])
    assert (result.exit_code, result.stderr) == (0, f"Already at revision {migrate.head_revision()}\n")
    assert list(db_path.parent.glob("*.bak")) == []
