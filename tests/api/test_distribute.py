"""Extraction apart from storage: extract then load equals ingest; the Dask recipe on a real cluster."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.api.distribute import extract_partition, load_records
from dateline.api.ingest import ingest
from dateline.api.queries import all_events
from dateline.cli.app import app
from dateline.render.records import event_record
from dateline.store.engine import Database, open_database

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
runner = CliRunner()


def events_of(db: Database) -> list[tuple]:
    """Every stored event as what it says, in an order that does not depend on the order of loading:
    type, status, date, actors, persons and the sorted (document, sentence) of its sources."""
    out = []
    for event in all_events(db):
        r = event_record(event)
        sources = tuple(sorted((s["document"], s["sentence"]) for s in r["sources"]))
        out.append(
            (r["type"], r["status"], r["date"] or "", tuple(sorted(r["actors"])), tuple(sorted(r["persons"])), sources)
        )
    return sorted(out)


def test_extract_then_load_equals_ingest(db: Database, tmp_path: Path) -> None:
    """`dateline extract` + `dateline load` store exactly what `dateline ingest` stores."""
    result = runner.invoke(app, ["extract", str(SEEDS), "--output", str(tmp_path / "x.jsonl")])
    assert result.exit_code == 0 and result.stderr == "5 articles extracted, 0 failed\n"
    loaded = open_database(str(tmp_path / "loaded.db"))
    result = runner.invoke(app, ["load", str(tmp_path / "x.jsonl"), "--db", str(tmp_path / "loaded.db")])
    assert result.exit_code == 0
    assert result.stderr.startswith("5 new, 0 unchanged, 0 replaced, 0 failed; ")
    ingest(db, [SEEDS])
    assert events_of(loaded) == events_of(db)
    again = runner.invoke(app, ["load", str(tmp_path / "x.jsonl"), "--db", str(tmp_path / "loaded.db")])
    assert again.stderr == "0 new, 5 unchanged, 0 replaced, 0 failed; 0 events stored\n"


def test_extract_reads_json_lines_on_stdin_and_reports_bad_lines() -> None:
    """Articles come as JSON Lines on stdin; a bad line is one error line and exit code 1."""
    lines = [
        json.dumps(
            {
                "id": "a",
                "text": "On June 10, 2021, Italy and Ukraine signed a police agreement.",
                "published": "2021-06-20",
            }
        ),
        "{broken",
    ]
    result = runner.invoke(app, ["extract"], input="\n".join(lines) + "\n")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: <stdin>:2: malformed JSON (Expecting property name enclosed in double quotes at column 2)",
        "1 articles extracted, 1 failed",
    ]
    (record,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["article"]["id"] == "a"
    assert [e["type"] for e in record["events"]] == ["agreement"]


def test_load_rejects_lines_that_are_not_extraction_records(db: Database) -> None:
    """A line that is not an extraction record is reported and the others still go in."""
    report = load_records(db, ['{"hello": 1}', "not json"])
    assert [f.reason.split(" (")[0] for f in report.failures] == ["not an extraction record"] * 2


@pytest.mark.slow
def test_dask_recipe_on_a_local_cluster(tmp_path: Path) -> None:
    """The README's recipe: extraction over a LocalCluster of worker processes, loaded into one database."""
    dask_bag = pytest.importorskip("dask.bag")
    distributed = pytest.importorskip("dask.distributed")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    articles = [
        {"id": f"n{i}", "published": "2023-03-16",
         "text": f"Talks {i}\nOn Monday, French Foreign Minister Catherine Colonna met her Polish counterpart "
                 f"in Warsaw.\nOn Tuesday, Poland and France signed a defence agreement number {i}.\n"}
        for i in range(12)
    ]  # fmt: skip
    for part in range(3):
        lines = [json.dumps(a) for a in articles[part::3]]
        (corpus / f"part{part}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with cluster, distributed.Client(cluster):
        bag = dask_bag.read_text(str(corpus / "*.jsonl")).map_partitions(extract_partition)
        bag.to_textfiles(str(tmp_path / "out" / "*.jsonl"))
    database = open_database(str(tmp_path / "cluster.db"))
    for path in sorted((tmp_path / "out").glob("*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            report = load_records(database, handle)
            assert report.failed == 0
    direct = open_database(str(tmp_path / "direct.db"))
    (tmp_path / "direct").mkdir()
    with (tmp_path / "direct" / "all.jsonl").open("w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(a) + "\n" for a in articles)
    ingest(direct, [tmp_path / "direct"])
    events = events_of(database)
    assert events == events_of(direct)
    # Twelve articles report one meeting and one signing: two events with twelve sources each.
    assert [(e[0], len({doc for doc, _ in e[5]})) for e in events] == [("agreement", 12), ("meeting", 12)]
