"""SQLite connection settings: readers map the file and keep a large cache; the writer and the
reads of an ingest map nothing and keep a small one, so that a long ingest's memory stays flat."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from dateline.store.engine import SQLITE_CACHE_KIB, SQLITE_LEAN_CACHE_KIB, SQLITE_MMAP_BYTES, open_database


def _settings(db, **options: bool) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with db.session(**options) as session:
        mmap = session.execute(text("PRAGMA mmap_size")).scalar_one()
        cache = session.execute(text("PRAGMA cache_size")).scalar_one()
        session.rollback()
    return mmap, cache


def test_writer_connection_maps_nothing_and_keeps_a_small_cache(db_path: Path) -> None:
    """A writing session, and a lean reading one, runs without mmap and with the small page cache;
    a plain reading session on the same pooled connection gets mmap and the large cache back."""
    db = open_database(str(db_path))
    try:
        assert _settings(db) == (SQLITE_MMAP_BYTES, -SQLITE_CACHE_KIB)
        assert _settings(db, write=True) == (0, -SQLITE_LEAN_CACHE_KIB)
        assert _settings(db) == (SQLITE_MMAP_BYTES, -SQLITE_CACHE_KIB)
        assert _settings(db, lean=True) == (0, -SQLITE_LEAN_CACHE_KIB)
        assert _settings(db, write=True) == (0, -SQLITE_LEAN_CACHE_KIB)
    finally:
        db.dispose()


def test_ingest_runs_on_lean_connections(db_path: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Every transaction of an ingest, its reads and its writes, begins on a lean connection."""
    from dateline.api import ingest as ingest_module
    from dateline.store import engine

    seen: list[bool] = []
    memory = engine._sqlite_memory

    def spy(conn, lean: bool) -> None:  # type: ignore[no-untyped-def]
        seen.append(lean)
        memory(conn, lean)

    db = open_database(str(db_path))  # opening reads the revision on a reader's connection
    monkeypatch.setattr(engine, "_sqlite_memory", spy)
    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"{n}.txt").write_text(f"Italy and Ukraine signed an agreement on June {n + 1}, 2021.\n")
    try:
        report = ingest_module.ingest(db, [tmp_path / "in"])
    finally:
        db.dispose()
    assert report.new == 3
    assert seen and all(seen)
