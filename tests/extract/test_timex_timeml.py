"""The tagger against the TimeML gold (evaluation data read from ../shared, never copied here)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from dateline.extract.timex import TimexTagger

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "data" / "timeml" / "tbaq-cleaned"
SCORER = SHARED / "eval" / "timex.py"

pytestmark = [
    pytest.mark.timeml,
    pytest.mark.skipif(not (CORPUS.exists() and SCORER.exists()), reason="TimeML data not in ../shared"),
]


def _run(*args: str) -> str:
    # The shared scorer runs in its own process: it is evaluation tooling, not project code.
    return subprocess.run([sys.executable, str(SCORER), *args], check=True, capture_output=True, text=True).stdout


def test_timebank_aquaint_meets_the_targets(tmp_path):
    """DATE value F1 is at least 0.80 and relaxed F1 at least 0.90 on TimeBank+AQUAINT."""
    prepared = tmp_path / "tbaq"
    _run("prepare", str(CORPUS), str(prepared))
    meta = json.loads((prepared / "metadata.json").read_text("utf-8"))["articles"]
    tagger = TimexTagger()
    preds = tmp_path / "preds.jsonl"
    with preds.open("w", encoding="utf-8") as f:
        for name, info in meta.items():
            text = (prepared / name).read_text("utf-8")
            for t in tagger.tag(text, dt.date.fromisoformat(info["published"])):
                for p in t.parts or (t,):
                    f.write(
                        json.dumps(
                            {"document": name, "start": p.start, "end": p.end, "type": p.type.value, "value": p.value}
                        )
                        + "\n"
                    )
    report = json.loads(_run("score", str(CORPUS), str(preds), "--type", "DATE", "--json"))["DATE"]
    assert report["value_f1"] >= 0.80
    assert report["relaxed_f1"] >= 0.90
