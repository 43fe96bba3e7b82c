"""Checking a database: SQLite's own integrity check and the rules dateline's data keeps.

Each check returns a Finding; none prints or changes anything. The rules: no row points at a
row that is missing, every event has a source, an event's earliest date is not after its latest
(and a dated event has both), every actor's kind and code are known, and the actor links kept
with each event are its event_actor rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from dateline.store import migrate
from dateline.store.models import link_entry

# (kind, code) -> whether the reference data knows that actor.
KnownActor = Callable[[str, str], bool]

_EXAMPLES = 5
_BATCH = 10_000  # events read at a time by the checks that go through all of them

# Rows that point at a row that is not there: (what is missing, the query of the offending rows).
_ORPHANS = (
    (
        "event sources whose event is missing",
        "SELECT s.id FROM event_source s LEFT JOIN event e ON e.id = s.event_id WHERE e.id IS NULL",
    ),
    (
        "event sources whose document is missing",
        "SELECT s.id FROM event_source s LEFT JOIN document d ON d.id = s.document_id WHERE d.id IS NULL",
    ),
    (
        "event actors whose event is missing",
        "SELECT a.event_id FROM event_actor a LEFT JOIN event e ON e.id = a.event_id WHERE e.id IS NULL",
    ),
    (
        "event actors whose actor is missing",
        "SELECT a.event_id FROM event_actor a LEFT JOIN actor r ON r.id = a.actor_id WHERE r.id IS NULL",
    ),
    (
        "aliases whose actor is missing",
        "SELECT l.id FROM actor_alias l LEFT JOIN actor r ON r.id = l.actor_id WHERE r.id IS NULL",
    ),
    (
        "roles whose person is missing",
        "SELECT p.id FROM person_role p LEFT JOIN actor r ON r.id = p.actor_id WHERE r.id IS NULL",
    ),
)


@dataclass(frozen=True, slots=True)
class Finding:
    """The outcome of one check: `problems` counts what is wrong, `examples` names a few."""

    check: str
    problems: int
    detail: str
    examples: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the check found nothing wrong."""
        return self.problems == 0


def _ids(engine: Engine, sql: str) -> list[str]:
    with engine.connect() as conn:
        return [str(row[0]) for row in conn.execute(text(sql))]


def _finding(check: str, ok_detail: str, bad_detail: str, ids: Sequence[str]) -> Finding:
    if not ids:
        return Finding(check, 0, ok_detail)
    return Finding(check, len(ids), bad_detail.format(n=len(ids)), tuple(ids[:_EXAMPLES]))


def schema_revision(engine: Engine) -> Finding:
    """Whether the schema is at the newest revision this dateline knows."""
    current, head = migrate.current_revision(engine), migrate.head_revision()
    if current == head:
        return Finding("schema", 0, f"at revision {head}, the newest")
    return Finding("schema", 1, f"at revision {current or 'none'}, not {head}: run `dateline db upgrade`")


def sqlite_integrity(engine: Engine) -> Finding:
    """SQLite's PRAGMA integrity_check (pages, indexes, constraints) and foreign_key_check."""
    if engine.dialect.name != "sqlite":
        return Finding("integrity", 0, f"skipped: {engine.dialect.name} checks its own storage")
    with engine.connect() as conn:
        messages = [str(row[0]) for row in conn.exec_driver_sql("PRAGMA integrity_check")]
        foreign = [f"{row[0]} row {row[1]} -> {row[2]}" for row in conn.exec_driver_sql("PRAGMA foreign_key_check")]
    problems = [m for m in messages if m != "ok"] + foreign
    return _finding("integrity", "SQLite integrity check and foreign key check: ok",
                    "SQLite reports {n} problems", problems)  # fmt: skip


def orphan_rows(engine: Engine) -> Finding:
    """Rows that point at an event, document or actor that is not there."""
    found: list[str] = []
    counts: list[str] = []
    for what, sql in _ORPHANS:
        ids = _ids(engine, sql)
        if ids:
            counts.append(f"{len(ids)} {what}")
            found.extend(f"{what.split()[0]} {i}" for i in ids[:_EXAMPLES])
    if not counts:
        return Finding("orphans", 0, "no row points at a missing event, document or actor")
    return Finding("orphans", len(found), "; ".join(counts), tuple(found[:_EXAMPLES]))


def events_have_sources(engine: Engine) -> Finding:
    """Every event is cited by at least one sentence of a document."""
    ids = _ids(
        engine,
        "SELECT e.id FROM event e WHERE NOT EXISTS (SELECT 1 FROM event_source s WHERE s.event_id = e.id) "
        "ORDER BY e.id",
    )
    return _finding("sources", "every event has a source", "{n} events have no source", [f"event {i}" for i in ids])


def dates_in_order(engine: Engine) -> Finding:
    """A dated event has both ends of its interval, and the earliest is not after the latest."""
    ids = _ids(
        engine,
        "SELECT id FROM event WHERE date_earliest > date_latest "
        "OR (date_earliest IS NULL) <> (date_latest IS NULL) ORDER BY id",
    )
    return _finding("dates", "no event's earliest date is after its latest",
                    "{n} events have an earliest date after the latest, or only one end",
                    [f"event {i}" for i in ids])  # fmt: skip


def actors_known(engine: Engine, known: KnownActor) -> Finding:
    """Every actor taking part in an event has a known kind, and a code the reference data knows."""
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT DISTINCT r.kind, r.code FROM actor r JOIN event_actor a ON a.actor_id = r.id ORDER BY 1, 2")
        ).all()
    unknown = [f"{kind} {code!r}" for kind, code in rows if not known(kind, code)]
    return _finding("actors", f"all {len(rows)} actor codes in events are known",
                    "{n} actor codes in events are unknown", unknown)  # fmt: skip


def actor_links_kept(engine: Engine) -> Finding:
    """The actor links kept with each event (where not NULL) are its event_actor rows, in order of
    position, and each of those holds the event's type and dates: queries read an event's actors
    from the first, and find an actor's events of a type and dates through the second (as ingest
    finds the stored events a new report may repeat)."""
    wrong: list[str] = []
    last = 0
    with engine.connect() as conn:
        retyped = {row[0] for row in conn.execute(text(
            "SELECT DISTINCT a.event_id FROM event_actor a JOIN event e ON e.id = a.event_id "
            "WHERE a.type IS NULL OR a.type <> e.type "
            "OR NOT (a.date_earliest = e.date_earliest OR (a.date_earliest IS NULL AND e.date_earliest IS NULL)) "
            "OR NOT (a.date_latest = e.date_latest OR (a.date_latest IS NULL AND e.date_latest IS NULL))"
        ))}  # fmt: skip
        while events := conn.execute(
            text("SELECT id, actor_links FROM event WHERE id > :last ORDER BY id LIMIT :n"), {"last": last, "n": _BATCH}
        ).all():
            made: dict[int, list[str | None]] = {}
            rows = conn.execute(
                text("SELECT event_id, actor_id, role, office FROM event_actor "
                     "WHERE event_id BETWEEN :lo AND :hi ORDER BY event_id, position"),
                {"lo": events[0][0], "hi": events[-1][0]},
            )  # fmt: skip
            for event_id, actor_id, role, office in rows:
                made.setdefault(event_id, []).append(link_entry(actor_id, role, office))
            for event_id, kept in events:
                entries = made.get(event_id, [])
                if event_id in retyped or (kept is not None and (None in entries or kept != "".join(entries))):  # type: ignore[arg-type]
                    wrong.append(f"event {event_id}")
            last = events[-1][0]
    return _finding("links", "every event's kept actor links, types and dates are its own",
                    "{n} events keep actor links, types or dates that are not their own", wrong)  # fmt: skip


def check_database(engine: Engine, known: KnownActor) -> list[Finding]:
    """Every check, in order; a check the database cannot answer is a finding too."""
    checks: list[tuple[str, Callable[[], Finding]]] = [
        ("schema", lambda: schema_revision(engine)),
        ("integrity", lambda: sqlite_integrity(engine)),
        ("orphans", lambda: orphan_rows(engine)),
        ("sources", lambda: events_have_sources(engine)),
        ("dates", lambda: dates_in_order(engine)),
        ("actors", lambda: actors_known(engine, known)),
        ("links", lambda: actor_links_kept(engine)),
    ]
    findings = []
    for name, run in checks:
        try:
            findings.append(run())
        except DBAPIError as exc:
            findings.append(Finding(name, 1, f"could not be run ({exc.orig})"))
    return findings
