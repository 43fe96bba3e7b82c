#!/usr/bin/env python3
"""Score the temporal-expression tagger on the TimeML gold corpora (evaluation only).

Prepares TimeBank+AQUAINT and WikiWars from ../shared/data/timeml with ../shared/eval/timex.py
into a temporary folder, tags every document with its creation time as the publication date,
writes the predictions as JSON Lines and prints the scorer's report for each corpus. A range
("1861-1863") is written as its two ends (`Timex.parts`), as TimeML annotates it.

    .venv/bin/python bench/timex_eval.py [--keep DIR] [--errors]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dateline.extract.timex import TimexTagger

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "timex.py"
CORPORA = {
    "TimeBank+AQUAINT": SHARED / "data" / "timeml" / "tbaq-cleaned",
    "WikiWars": SHARED / "data" / "timeml" / "wikiwars",
}


def predict(tagger: TimexTagger, prepared: Path, out: Path) -> tuple[int, float]:
    """Tag every prepared document; write predictions; return (characters, seconds)."""
    meta = json.loads((prepared / "metadata.json").read_text("utf-8"))["articles"]
    chars, seconds = 0, 0.0
    with out.open("w", encoding="utf-8") as f:
        for name, info in sorted(meta.items()):
            text = (prepared / name).read_text("utf-8")
            ref = dt.date.fromisoformat(info["published"]) if info.get("published") else None
            t0 = time.perf_counter()
            found = tagger.tag(text, ref)
            seconds += time.perf_counter() - t0
            chars += len(text)
            for p in (part for t in found for part in (t.parts or (t,))):
                f.write(
                    json.dumps(
                        {
                            "document": name,
                            "start": p.start,
                            "end": p.end,
                            "text": p.text,
                            "type": p.type.value,
                            "value": p.value,
                        }
                    )
                    + "\n"
                )
    return chars, seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", type=Path, help="prepare and predict into this folder and keep it")
    ap.add_argument("--json", action="store_true", help="print the scorer's JSON reports")
    args = ap.parse_args(argv)
    if not SCORER.exists():
        print(f"Error: {SCORER} is missing. Run from the project checkout beside ../shared.", file=sys.stderr)
        return 1
    tagger = TimexTagger()
    with contextlib.ExitStack() as stack:
        work = args.keep or Path(stack.enter_context(tempfile.TemporaryDirectory()))
        for label, corpus in CORPORA.items():
            prepared, preds = work / corpus.name, work / f"{corpus.name}.jsonl"
            subprocess.run(
                [sys.executable, str(SCORER), "prepare", str(corpus), str(prepared)], check=True, capture_output=True
            )
            chars, seconds = predict(tagger, prepared, preds)
            print(f"== {label}: {chars / 1e6:.2f} MB tagged at {chars / seconds / 1e6:.2f} MB/s")
            cmd = [sys.executable, str(SCORER), "score", str(corpus), str(preds)]
            subprocess.run(cmd + (["--json"] if args.json else []), check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
