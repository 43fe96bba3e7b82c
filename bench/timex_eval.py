#!/usr/bin/env python3
"""Score the temporal-expression tagger on the TimeML gold corpora (evaluation only).

Prepares TimeBank+AQUAINT and WikiWars from ../shared/data/timeml with ../shared/eval/timex.py
into a temporary folder, tags every document with its creation time as the publication date,
writes the predictions as JSON Lines and prints the scorer's report for each corpus. A range
("1861-1863") is written as its two ends (`Timex.parts`), as TimeML annotates it. `--errors`
then lists every mistake, aligned as the scorer's ALL row aligns them (overlap, largest first,
whatever the type): missed gold (MISS), predictions matching no gold (SPUR), wrong values
(VALUE), overlapping spans with other bounds (SPAN) and other types (TYPE), each with its
document, type, values and a little context.

    .venv/bin/python bench/timex_eval.py [--keep DIR] [--errors]
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import importlib.util
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


def _gold(corpus: Path) -> dict[str, dict]:
    """The scorer's parse of every gold file (text and TIMEX spans), by prepared document name."""
    spec = importlib.util.spec_from_file_location("_timex_scorer", SCORER)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    return {scorer.doc_name(path): scorer.parse(path) for path in scorer.corpus_files(str(corpus))}


def errors(corpus: Path, preds: Path) -> list[str]:
    """One line per mistake: MISS, SPUR, VALUE, SPAN or TYPE, aligned as the scorer's ALL row aligns them."""
    gold = _gold(corpus)
    by_doc: dict[str, list[dict]] = {name: [] for name in gold}
    for line in preds.read_text("utf-8").splitlines():
        p = json.loads(line)
        by_doc.setdefault(p["document"], []).append(p)
    out: list[str] = []
    for name, doc in sorted(gold.items()):
        text = doc["text"]

        def row(kind: str, typ: str, want: str, got: str, a: int, b: int, text: str = text, name: str = name) -> str:
            ctx = " ".join((text[max(0, a - 50) : a] + "[" + text[a:b] + "]" + text[b : b + 40]).split())
            return f"{kind:<5} {typ:<8} {want:<16} {got:<16} {name}  {ctx}"

        preds_here = by_doc.get(name, [])
        used: set[int] = set()
        for g in doc["timexes"]:
            best = None
            for i, x in enumerate(preds_here):
                if i in used or x["end"] <= g["start"] or x["start"] >= g["end"]:
                    continue
                overlap = min(x["end"], g["end"]) - max(x["start"], g["start"])
                if best is None or overlap > best[0]:
                    best = (overlap, i)
            if best is None:
                out.append(row("MISS", g["type"], g["value"], "", g["start"], g["end"]))
                continue
            used.add(best[1])
            x = preds_here[best[1]]
            if str(x["value"]).upper() != g["value"].strip().upper():
                out.append(row("VALUE", g["type"], g["value"], x["value"], g["start"], g["end"]))
            if (x["start"], x["end"]) != (g["start"], g["end"]):
                out.append(row("SPAN", g["type"], g["value"], repr(x["text"]), g["start"], g["end"]))
            if x["type"] != g["type"]:
                out.append(row("TYPE", g["type"], g["value"], x["type"], g["start"], g["end"]))
        for i, x in enumerate(preds_here):
            if i not in used:
                out.append(row("SPUR", x["type"], "", x["value"], x["start"], x["end"]))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--keep", type=Path, help="prepare and predict into this folder and keep it")
    ap.add_argument("--json", action="store_true", help="print the scorer's JSON reports")
    ap.add_argument("--errors", action="store_true", help="list every mistake after each report")
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
            if args.errors:
                sys.stdout.flush()
                print("\n".join(errors(corpus, preds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
