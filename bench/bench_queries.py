"""Query latency over a large database: median and 95th percentile of the commands users run.

    python bench/bench_queries.py                 # 1,000,000 events in a temporary SQLite file
    python bench/bench_queries.py --events 200000 --db /tmp/big.db --keep

The database is migrated by dateline, then filled in bulk (straight SQL in large transactions:
this measures the queries, not ingest) with events spread over 1990-2025 between 250 states and
organisations and 5,000 people, each with two to four actors and a source. Each query runs
--runs times through the same library functions as the CLI; figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pycountry

from dateline.api.queries import events, filter_from_options
from dateline.api.timeline import timeline
from dateline.render.timeline_text import to_plain_text
from dateline.store.engine import open_database
from dateline.store.models import link_entry

TYPES = ["visit", "meeting", "agreement", "statement", "arrest", "legal", "sanctions", "vote", "expulsion", "aid",
         "conference", "other"]  # fmt: skip
ORGS = ["EU", "NATO", "UN", "G7", "G20", "OSCE", "AU", "ASEAN", "WTO", "IAEA"]


def build(path: Path, count: int, seed: int = 11) -> None:
    """A migrated database at `path` holding `count` synthetic events."""
    open_database(str(path)).dispose()  # the schema, by the migrations
    rng = random.Random(seed)
    states = sorted(c.alpha_3 for c in pycountry.countries)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous = OFF")
    actors = [(i + 1, "state", code, code) for i, code in enumerate(states)]
    actors += [(len(actors) + i + 1, "organisation", code, code) for i, code in enumerate(ORGS)]
    first_person = len(actors) + 1
    actors += [(first_person + i, "person", f"Person {i:04d}", f"Person {i:04d}") for i in range(5000)]
    conn.executemany("INSERT INTO actor (id, kind, code, name) VALUES (?, ?, ?, ?)", actors)
    conn.executemany(
        "INSERT INTO actor_alias (actor_id, alias, folded) VALUES (?, ?, ?)",
        [(a[0], a[2], a[2].lower()) for a in actors],
    )
    # Newsworthy states turn up far more often than the rest.
    weights = [30 if code in {"USA", "RUS", "CHN", "UKR", "FRA", "DEU", "GBR", "ITA", "ISR", "IRN"} else 1
               for code in states] + [10] * len(ORGS)  # fmt: skip
    state_ids = list(range(1, len(states) + len(ORGS) + 1))
    documents = max(1, count // 10)
    conn.executemany(
        "INSERT INTO document (id, identifier, content_hash, extractor_version, text, ingested_at) "
        "VALUES (?, ?, 'x', 'bench', 'text', '2024-01-01')",
        ((i, f"doc-{i:07d}.txt") for i in range(1, documents + 1)),
    )
    start = dt.date(1990, 1, 1).toordinal()
    span = dt.date(2025, 12, 31).toordinal() - start
    batch = 50_000
    for base in range(0, count, batch):
        rows, links, sources = [], [], []
        for event_id in range(base + 1, min(count, base + batch) + 1):
            day = dt.date.fromordinal(start + rng.randrange(span))
            kind = rng.random()
            if kind < 0.6:
                lo = hi = day
                edtf, precision = day.isoformat(), "day"
            elif kind < 0.85:
                lo = day.replace(day=1)
                hi = (lo + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
                edtf, precision = f"{day.year:04d}-{day.month:02d}", "month"
            else:
                lo, hi = dt.date(day.year, 1, 1), dt.date(day.year, 12, 31)
                edtf, precision = str(day.year), "year"
            etype = rng.choice(TYPES)
            status = "occurred" if rng.random() < 0.9 else "planned"
            chosen = sorted(set(rng.choices(state_ids, weights=weights, k=rng.randint(2, 3))))
            if rng.random() < 0.5:
                chosen.append(first_person + rng.randrange(5000))
            for position, actor_id in enumerate(chosen):
                links.append((event_id, actor_id, "participant", position, lo.isoformat(), hi.isoformat(), etype))
            kept = "".join(link_entry(actor_id, "participant", None) or "" for actor_id in chosen)
            rows.append((event_id, etype, status, edtf, lo.isoformat(), hi.isoformat(), precision,
                         f"Synthetic {etype} {event_id}", kept, 0.5, "2024-01-01"))  # fmt: skip
            sources.append((event_id, rng.randint(1, documents), f"Sentence of event {event_id}.", 0, 30))
        conn.executemany(
            "INSERT INTO event (id, type, status, date_edtf, date_earliest, date_latest, date_precision, summary, "
            "actor_links, confidence, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.executemany(
            "INSERT INTO event_actor (event_id, actor_id, role, position, date_earliest, date_latest, type) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            links,
        )
        conn.executemany(
            'INSERT INTO event_source (event_id, document_id, sentence, start, "end") VALUES (?, ?, ?, ?, ?)', sources
        )
        conn.commit()
    conn.execute("ANALYZE")
    conn.commit()
    conn.close()


def measure(name: str, run: Callable[[], int], runs: int) -> None:
    """Run a query `runs` times; print the median and 95th percentile in milliseconds."""
    run()  # warm the caches, as a user's second query would find them
    times, found = [], 0
    for _ in range(runs):
        started = time.perf_counter()
        found = run()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print(f"{name:<62} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms   ({found} events)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", type=Path, default=None, help="where to build it (default: a temporary file)")
    parser.add_argument("--keep", action="store_true", help="reuse --db if it exists, and keep it")
    parser.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    path = args.db or Path(folder.name) / "bench.db"
    if not (args.keep and path.exists()):
        path.unlink(missing_ok=True)
        started = time.perf_counter()
        build(path, args.events)
        took, size = time.perf_counter() - started, path.stat().st_size / 1e6
        print(f"built {args.events:,} events in {took:.1f} s ({size:.0f} MB)")
    db = open_database(str(path))

    def query(**options: object) -> Callable[[], int]:
        flt = filter_from_options(db, **options)
        return lambda: len(events(db, flt))

    measure("events --between ITA UKR --year 2021", query(between=("ITA", "UKR"), year="2021"), args.runs)
    measure("events --person 'Person 0042'", query(persons=["Person 0042"]), args.runs)
    measure("events --country FRA --from 2020-01 --to 2020-06", query(countries=["FRA"], date_from="2020-01",
                                                                    date_to="2020-06"), args.runs)  # fmt: skip
    measure("events --country RUS --type sanctions --type vote --from 2014",
            query(countries=["RUS"], types=["sanctions", "vote"], date_from="2014"), args.runs)  # fmt: skip
    flt = filter_from_options(db, countries=["USA"], year="2019", limit=500)
    measure("timeline --country USA --year 2019 (500 events, text)",
            lambda: len(to_plain_text(timeline(db, flt))) and 500, args.runs)  # fmt: skip
    db.dispose()
    if not args.keep:
        folder.cleanup()


if __name__ == "__main__":
    main()
