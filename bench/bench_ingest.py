#!/usr/bin/env python3
"""End-to-end ingest throughput (extraction and storage), against dateparser's `search_dates`.

Ingests synthetic articles from bench/corpus.py (written as JSON Lines files) together with the
seed corpus into a fresh SQLite file, through the same library function as `dateline ingest`,
once in this process (`--jobs 1`) and once with the process pool (`--jobs N`, one per core by
default), and prints the median of --runs runs: articles/s, MB/s of article text, MB/s per core.
It prints what each stage costs alone over the same text (sentence splitting, temporal tagging,
actor finding, and storage with the extraction done beforehand), in MB per CPU-second. It then
times `search_dates(text, languages=['en'])` over a sample of the same text (dateparser is slow:
the sample is --sample articles) and prints the ratio, and the peak resident memory of this
process and of the largest worker. Figures are printed, never asserted.

    .venv/bin/python bench/bench_ingest.py                      # 400 synthetic articles + seeds/
    .venv/bin/python bench/bench_ingest.py --articles 2000 --runs 3 --jobs 2

With --stream it ingests --articles synthetic articles once, with the pool, and prints the
resident memory at checkpoints (one per JSON Lines file of --chunk articles: all of it, its
anonymous part and its file-backed part, then each worker's), so that a flat curve over a long
ingest is visible:

    .venv/bin/python bench/bench_ingest.py --stream --articles 100000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # bench/corpus.py, beside this file

from dateline.api.ingest import IngestReport, default_jobs, ingest
from dateline.api.reading import read_articles
from dateline.extract.pipeline import extract
from dateline.ingest.errors import ReadError
from dateline.ingest.records import SourceArticle
from dateline.store.engine import open_database

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def write_corpus(folder: Path, count: int, chunk: int, seed: int) -> list[Path]:
    """`count` synthetic articles as JSON Lines files of `chunk` articles each."""
    folder.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    handle = None
    for index, record in enumerate(corpus.articles(count, seed)):
        if index % chunk == 0:
            if handle is not None:
                handle.close()
            files.append(folder / f"part-{len(files):04d}.jsonl")
            handle = files[-1].open("w", encoding="utf-8")
        assert handle is not None
        handle.write(json.dumps(record) + "\n")
    if handle is not None:
        handle.close()
    return files


def texts(paths: list[Path]) -> list[str]:
    """The article texts below `paths`, as ingest reads them."""
    return [item.article.text for item in read_articles(paths) if not isinstance(item, ReadError)]


def _status_kb(pid: int | str, *names: str) -> tuple[int, ...]:
    """Fields of a process's /proc status, in KiB (Linux; zeros elsewhere)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return tuple(0 for _ in names)
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    return tuple(int(fields.get(name, "0 kB").split()[0]) for name in names)


def _rss_kb(pid: int | str = "self") -> tuple[int, int]:
    """Current and peak resident memory of a process, in KiB (Linux /proc; zeros elsewhere)."""
    now, peak = _status_kb(pid, "VmRSS", "VmHWM")
    return now, peak


def _children() -> list[int]:
    """The process ids of this process's children (the pool's workers)."""
    pids: list[int] = []
    for task in Path("/proc/self/task").glob("*/children"):
        try:
            pids += [int(p) for p in task.read_text().split()]
        except OSError:
            continue
    return pids


def _peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest finished child, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def _cpu() -> float:
    """CPU seconds of this process and its finished children (the pool's workers, once shut down)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def ingest_once(paths: list[Path], jobs: int) -> tuple[float, float, IngestReport]:
    """Wall and CPU seconds to ingest `paths` into a fresh database with `jobs` processes, and the report.

    On a shared machine the wall time depends on what else runs; the CPU time much less."""
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(str(Path(tmp) / "bench.db"))
        start, cpu = time.perf_counter(), _cpu()
        report = ingest(db, paths, jobs=jobs)
        seconds, cpu = time.perf_counter() - start, _cpu() - cpu
        db.dispose()
    if report.failed:
        print(f"  ({report.failed} failures: {report.failures[0].reason})")
    return seconds, cpu, report


def _rate(size: float, work: Callable[[], object]) -> float:
    """MB per CPU-second of one call of `work` over `size` MB of text."""
    cpu = time.process_time()
    work()
    return size / (time.process_time() - cpu)


def stages(paths: list[Path], items: list[SourceArticle], size: float) -> None:
    """Where the time of one article goes: each stage alone over the same text, in MB per CPU-second
    (a stage at X MB/s costs 1/X seconds a MB; the stages of extract() add up to about its own cost)."""
    from dateline.extract.actors import default_finder
    from dateline.extract.sentences import split_sentences
    from dateline.extract.timex import TimexTagger

    articles = [item.article for item in items]
    tagger, finder = TimexTagger(), default_finder()
    extracted = {article.identifier: extract(article) for article in articles}

    def store() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            db = open_database(str(Path(tmp) / "bench.db"))
            ingest(db, paths, extractor=lambda article: extracted[article.identifier])
            db.dispose()

    rates = {
        "sentence splitting": _rate(size, lambda: [split_sentences(a.text) for a in articles]),
        "temporal tagging": _rate(size, lambda: [tagger.tag(a.text, a.published) for a in articles]),
        "actor finding": _rate(size, lambda: [finder.find(a.text, a.published) for a in articles]),
        "storage (read + write)": _rate(size, store),
    }
    print("stages alone (MB per CPU-second; extraction already done for storage):")
    for name, rate in rates.items():
        print(f"  {name:<22}{rate:8.3f} MB/s  ({1000 / rate:6.0f} ms a MB)")


def throughput(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        files = write_corpus(Path(tmp) / "corpus", args.articles, args.chunk, args.seed)
        paths = [*files, SEEDS]
        all_texts = texts(paths)
        size = sum(len(t.encode("utf-8")) for t in all_texts) / 1e6
        count = len(all_texts)
        print(f"{count} articles ({args.articles} synthetic + seeds/), {size:.2f} MB of text; "
              f"median of {args.runs} runs; {os.cpu_count()} cores")  # fmt: skip
        items = [item for item in read_articles(paths) if not isinstance(item, ReadError)]
        for item in items[:20]:
            extract(item.article)  # load the data and compile the patterns before timing
        start, cpu = time.perf_counter(), time.process_time()
        for item in items:
            extract(item.article)
        extract_wall, extract_cpu = time.perf_counter() - start, time.process_time() - cpu

        walls: dict[int, list[float]] = {}
        cpus: dict[int, list[float]] = {}
        for jobs in dict.fromkeys([1, args.jobs]):
            walls[jobs], cpus[jobs] = [], []
            for _ in range(args.runs):
                seconds, cpu, report = ingest_once(paths, jobs)
                walls[jobs].append(seconds)
                cpus[jobs].append(cpu)
            wall, cpu = statistics.median(walls[jobs]), statistics.median(cpus[jobs])
            print(f"ingest --jobs {jobs:<3}  {count / wall:8.1f} articles/s  {size / wall:6.3f} MB/s  "
                  f"{size / wall / jobs:6.3f} MB/s per core  ({wall:.2f} s; {size / cpu:.3f} MB per CPU-second; "
                  f"{report.new} new, {report.events} events)")  # fmt: skip
        one = size / statistics.median(walls[1])
        one_cpu = size / statistics.median(cpus[1])
        print(f"extraction alone        {size / extract_wall:6.3f} MB/s  ({size / extract_cpu:.3f} MB per CPU-second; "
              "one pass of extract(), no storage)")  # fmt: skip

        stages(paths, items, size)

        own, child = _peak_mb()
        print(f"peak RSS                this process {own:.0f} MB, largest worker {child:.0f} MB")

        warnings.simplefilter("ignore")
        from dateparser.search import search_dates

        sample = all_texts[: args.sample]
        sample_size = sum(len(t.encode("utf-8")) for t in sample) / 1e6
        search_dates("Warm-up on June 10, 2021.", languages=["en"])
        start, cpu = time.perf_counter(), time.process_time()
        found = sum(len(search_dates(t, languages=["en"]) or []) for t in sample)
        theirs = sample_size / (time.perf_counter() - start)
        theirs_cpu = sample_size / (time.process_time() - cpu)
        print(f"search_dates(['en'])    {theirs:6.3f} MB/s  ({theirs_cpu:.3f} MB per CPU-second; a sample: "
              f"the first {len(sample)} articles, {sample_size:.2f} MB, {found} dates)")  # fmt: skip
        print(f"ratio                   {one / theirs:6.1f}x  ({one_cpu / theirs_cpu:.1f}x in CPU time; "
              "ingest --jobs 1, end to end, over search_dates alone)")  # fmt: skip


def stream(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        files = write_corpus(Path(tmp) / "corpus", args.articles, args.chunk, args.seed)
        size = sum(f.stat().st_size for f in files) / 1e6
        print(f"{args.articles} synthetic articles in {len(files)} JSON Lines files ({size:.0f} MB on disk), "
              f"written in {time.perf_counter() - start:.0f} s; ingest --jobs {args.jobs}")  # fmt: skip
        print(f"{'articles':>9} {'elapsed':>8} {'art/s':>7}  {'RSS now':>8} {'RSS peak':>8} {'anon':>7} {'file':>7}"
              "  workers' RSS now")  # fmt: skip
        done = 0
        start = time.perf_counter()

        def checkpoint(_: object) -> None:
            nonlocal done
            done += args.chunk
            now, peak, anon, mapped = _status_kb("self", "VmRSS", "VmHWM", "RssAnon", "RssFile")
            workers = " ".join(f"{_rss_kb(pid)[0] / 1024:.0f}" for pid in _children())
            elapsed = time.perf_counter() - start
            print(f"{min(done, args.articles):>9} {elapsed:>7.0f}s {done / elapsed:>7.1f}  "
                  f"{now / 1024:>6.0f}MB {peak / 1024:>6.0f}MB {anon / 1024:>5.0f}MB {mapped / 1024:>5.0f}MB  "
                  f"{workers} MB", flush=True)  # fmt: skip

        db = open_database(str(Path(tmp) / "bench.db"))
        report = ingest(db, files, jobs=args.jobs, on_file=checkpoint)
        elapsed = time.perf_counter() - start
        own, child = _peak_mb()
        print(f"done: {report.new} new, {report.events} events, {report.failed} failed in {elapsed:.0f} s "
              f"({report.new / elapsed:.1f} articles/s); peak RSS {own:.0f} MB, "
              f"largest worker {child:.0f} MB")  # fmt: skip
        for failure in report.failures[:20]:
            print(f"  failed: {failure.location}: {failure.reason}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=400, help="synthetic articles (default 400)")
    ap.add_argument("--jobs", type=int, default=default_jobs(), help="worker processes (default: one per core)")
    ap.add_argument("--runs", type=int, default=3, help="runs of each measurement; the median is printed")
    ap.add_argument("--sample", type=int, default=60, help="articles timed with search_dates (default 60)")
    ap.add_argument("--chunk", type=int, default=10_000, help="articles per JSON Lines file")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--stream", action="store_true", help="one long ingest, printing memory at checkpoints")
    args = ap.parse_args(argv)
    (stream if args.stream else throughput)(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
