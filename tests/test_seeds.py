"""End to end on the seed corpus: ingest twice, query, export for the scorer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli.app import app

ROOT = Path(__file__).resolve().parents[1]
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
runner = CliRunner()


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    result = runner.invoke(app, ["ingest", str(ROOT / "seeds"), "--db", str(db)])
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith("5 new, 0 unchanged, 0 replaced, 0 failed; ")
    return db


def export(db: Path) -> list[dict]:
    result = runner.invoke(app, ["export", "--db", str(db)])
    assert result.exit_code == 0
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_ingesting_twice_stores_the_same_events(seeded: Path) -> None:
    """A second ingest of seeds/ reports every article unchanged and leaves the events as they were."""
    before = export(seeded)
    result = runner.invoke(app, ["ingest", str(ROOT / "seeds"), "--db", str(seeded)])
    assert result.stderr == "0 new, 5 unchanged, 0 replaced, 0 failed; 0 events stored\n"
    assert export(seeded) == before


def test_italy_ukraine_2021_lists_dated_events(seeded: Path) -> None:
    """The quickstart question lists dated events from the seed articles, all involving both states."""
    result = runner.invoke(
        app, ["events", "--between", "Italy", "Ukraine", "--year", "2021", "--format", "jsonl", "--db", str(seeded)]
    )
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(events) >= 3
    for event in events:
        assert {"ITA", "UKR"} <= set(event["actors"])
        assert event["date_start"] <= "2021-12-31" and event["date_end"] >= "2021-01-01"
    assert any(e["type"] == "visit" and e["date"] == "2021-06-10" for e in events)


@pytest.mark.skipif(not SCORER.exists(), reason="the evaluation scorer in ../shared is absent")
def test_scorer_accepts_the_export(seeded: Path, tmp_path: Path) -> None:
    """../shared/eval/score.py reads the export and finds events in every seed article."""
    path = tmp_path / "events.jsonl"
    path.write_text("".join(json.dumps(e) + "\n" for e in export(seeded)), encoding="utf-8")
    result = subprocess.run([sys.executable, str(SCORER), str(path), "--json"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    scores = json.loads(result.stdout)
    assert all(doc["predicted"] > 0 for doc in scores["documents"])
