"""Small valid articles for the process tests, each about its own day so no two merge."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

DATELINE = str(Path(sys.executable).parent / "dateline")
TABLES = ("document", "event", "event_source", "event_actor", "actor")


def write_articles(folder: Path, start: int, count: int) -> list[Path]:
    """`count` articles numbered from `start`, one visit on a day of their own each."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + count):
        day = dt.date(2001, 1, 1) + dt.timedelta(days=3 * i)
        path = folder / f"article-{i:04d}.txt"
        path.write_text(
            f"Talks number {i}\n\nOn {day:%B} {day.day}, {day.year}, Italian Foreign Minister Luigi Di Maio "
            "visited Kyiv.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def dateline(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """Run the installed `dateline` command in a process of its own."""
    return subprocess.run([DATELINE, *args], capture_output=True, text=True, timeout=timeout, env=os.environ.copy())


def counts(db: Path) -> dict[str, int]:
    """Rows per table, read without taking any lock a writer would wait for."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def contents(db: Path) -> tuple[list[str], list[tuple[str, str, str, int]]]:
    """Document identifiers, and each event with its date, type and number of sources, sorted."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        docs = sorted(r[0] for r in conn.execute("SELECT identifier FROM document"))
        events = sorted(
            conn.execute(
                "SELECT e.type, e.date_edtf, e.summary, (SELECT count(*) FROM event_source s WHERE s.event_id = e.id)"
                " FROM event e"
            )
        )
    return docs, events
