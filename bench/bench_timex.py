#!/usr/bin/env python3
"""Throughput of the temporal-expression tagger against dateparser's `search_dates`.

Runs `TimexTagger.tag` and `search_dates(languages=['en'])` over the same TimeBank+AQUAINT
texts (prepared from ../shared/data/timeml with ../shared/eval/timex.py, evaluation data that
never enters the repository) and prints both throughputs and their ratio. A report, not a test.

    .venv/bin/python bench/bench_timex.py [--limit N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

from dateline.extract.timex import TimexTagger

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SCORER = SHARED / "eval" / "timex.py"
CORPUS = SHARED / "data" / "timeml" / "tbaq-cleaned"


def load(limit: int | None) -> list[tuple[str, dt.date | None]]:
    """The prepared documents with their creation dates."""
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, str(SCORER), "prepare", str(CORPUS), tmp], check=True, capture_output=True)
        meta = json.loads((Path(tmp) / "metadata.json").read_text("utf-8"))["articles"]
        docs = [
            (
                (Path(tmp) / name).read_text("utf-8"),
                dt.date.fromisoformat(info["published"]) if info.get("published") else None,
            )
            for name, info in sorted(meta.items())
        ]
    return docs[:limit] if limit else docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="only the first N documents")
    args = ap.parse_args(argv)
    if not CORPUS.exists():
        print(f"Error: {CORPUS} is missing. Run from the project checkout beside ../shared.", file=sys.stderr)
        return 1
    docs = load(args.limit)
    size = sum(len(text.encode("utf-8")) for text, _ in docs) / 1e6

    tagger = TimexTagger()
    tagger.tag("Warm-up on June 10, 2021.", dt.date(2021, 6, 20))
    t0 = time.perf_counter()
    found = sum(len(tagger.tag(text, ref)) for text, ref in docs)
    ours = time.perf_counter() - t0

    warnings.simplefilter("ignore")
    from dateparser.search import search_dates

    search_dates("Warm-up on June 10, 2021.", languages=["en"])
    t0 = time.perf_counter()
    theirs_found = 0
    for text, ref in docs:
        settings = {"RELATIVE_BASE": dt.datetime.combine(ref, dt.time())} if ref else None
        theirs_found += len(search_dates(text, languages=["en"], settings=settings) or [])
    theirs = time.perf_counter() - t0

    print(f"{len(docs)} documents, {size:.2f} MB")
    print(f"TimexTagger.tag          {size / ours:7.2f} MB/s  ({ours:6.2f} s, {found} expressions)")
    print(f"search_dates(['en'])     {size / theirs:7.2f} MB/s  ({theirs:6.2f} s, {theirs_found} expressions)")
    print(f"ratio                    {theirs / ours:7.1f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
