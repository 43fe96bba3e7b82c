"""Real processes: an ingest killed with SIGKILL half-way, and two ingests beside a reader.

Both run the installed `dateline` command and the real extractor, and compare the database
with a clean sequential run of the same articles.
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.reliability.corpus import DATELINE, contents, counts, dateline, write_articles

pytestmark = pytest.mark.slow


def reference(tmp_path: Path, *folders: Path) -> Path:
    """A database made by one clean, sequential run over `folders`."""
    db = tmp_path / "reference.db"
    result = dateline("ingest", *map(str, folders), "--db", str(db))
    assert result.returncode == 0, result.stderr
    return db


def _processes_using(db: Path) -> list[int]:
    """Pids of the processes whose command line names `db` (Linux's /proc; none elsewhere)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if str(db).encode() in cmdline.read_bytes():
                found.append(int(cmdline.parent.name))
        except OSError:  # the process ended while we looked
            continue
    return found


def test_sigkill_half_way_loses_nothing_and_doubles_nothing(tmp_path: Path) -> None:
    """After SIGKILL mid-run the database checks clean; the next run adds exactly what is missing."""
    folder = tmp_path / "in"
    write_articles(folder, 0, 150)
    db = tmp_path / "killed.db"
    process = subprocess.Popen([DATELINE, "ingest", str(folder), "--db", str(db)], stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        try:
            stored = counts(db)["document"]
        except Exception:  # the file or its tables do not exist yet
            continue
        if stored >= 20:
            break
    assert process.poll() is None, "the ingest ended before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL
    # Its worker processes do not outlive it (they would wait for work forever).
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _processes_using(db):
        time.sleep(0.2)
    assert _processes_using(db) == []
    at_kill = counts(db)
    assert 20 <= at_kill["document"] < 150

    check = dateline("db", "check", "--db", str(db))
    assert check.returncode == 0, check.stdout + check.stderr
    # Whole articles only: each holds one visit, so as many events and sources as documents.
    assert at_kill["event_source"] == at_kill["event"] == at_kill["document"]

    again = dateline("ingest", str(folder), "--db", str(db))
    assert again.returncode == 0, again.stderr
    new = 150 - at_kill["document"]
    assert again.stderr.startswith(f"{new} new, {at_kill['document']} unchanged, 0 replaced, 0 failed; ")
    clean = reference(tmp_path, folder)
    assert counts(db) == counts(clean)
    assert contents(db) == contents(clean)


def test_two_writers_and_a_reader_at_once(tmp_path: Path) -> None:
    """Two ingests over overlapping folders and a reader loop all succeed; nothing is lost or doubled."""
    only_a, only_b, shared = tmp_path / "a", tmp_path / "b", tmp_path / "shared"
    write_articles(only_a, 0, 30)
    write_articles(only_b, 30, 30)
    write_articles(shared, 60, 30)
    db = tmp_path / "busy.db"
    writers = [
        subprocess.Popen([DATELINE, "ingest", str(f), str(shared), "--db", str(db)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for f in (only_a, only_b)
    ]  # fmt: skip
    reads = 0
    while any(w.poll() is None for w in writers):
        result = dateline("events", "--format", "jsonl", "--db", str(db))
        assert result.returncode == 0, result.stderr
        assert "locked" not in result.stderr
        reads += 1
    outcomes = [(w.returncode, w.communicate()[1]) for w in writers]
    assert [code for code, _ in outcomes] == [0, 0], outcomes
    assert not any("locked" in err for _, err in outcomes)
    assert reads >= 1
    # Each shared article went in once: new for one writer, unchanged for the other.
    news = sum(int(err.split()[0]) for _, err in outcomes)
    assert news == 90
    clean = reference(tmp_path, only_a, only_b, shared)
    assert counts(db) == counts(clean)
    assert contents(db) == contents(clean)
    assert dateline("db", "check", "--db", str(db)).returncode == 0
