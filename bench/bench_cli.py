#!/usr/bin/env python3
"""Command-line latency: the wall time of whole `dateline` commands, start-up and output included.

bench_queries.py times the library calls; a user waits for the process: Python's start-up, the
imports, opening the database, the query and writing the table. This runs each command --runs
times as a subprocess (output to a pipe, read and dropped) against an existing database and
prints the median and 95th percentile. Figures are printed, never asserted.

    python bench/bench_queries.py --events 1000000 --db /tmp/big.db --keep   # build it once
    python bench/bench_cli.py --db /tmp/big.db
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

COMMANDS = [
    ["--help"],
    ["events", "--between", "ITA", "UKR", "--year", "2021"],
    ["events", "--person", "Person 0042"],
    ["events", "--country", "FRA", "--from", "2020-01", "--to", "2020-06"],
    ["timeline", "--country", "USA", "--year", "2019", "--limit", "500"],
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", type=Path, required=True, help="a database built by bench_queries.py")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    exe = shutil.which("dateline", path=str(Path(sys.executable).parent)) or "dateline"
    for command in COMMANDS:
        argv = [exe, *command] + ([] if command == ["--help"] else ["--db", str(args.db)])
        times, lines = [], 0
        for _ in range(args.runs):
            started = time.perf_counter()
            done = subprocess.run(argv, capture_output=True, text=True, check=False)
            times.append(time.perf_counter() - started)
            lines = done.stdout.count("\n")
            if done.returncode != 0:
                print(f"{' '.join(command)}: exit {done.returncode}: {done.stderr.strip()[:200]}")
                break
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        median = statistics.median(times)
        print(f"dateline {' '.join(command):<62} median {median * 1000:7.0f} ms  p95 {p95 * 1000:7.0f} ms  "
              f"({lines} lines)")  # fmt: skip


if __name__ == "__main__":
    main()
