"""Extraction apart from storage: articles in, extraction records out, and loading them later.

`extract_lines` and `extract_partition` need no database, so they run in any process: a pool, a
Dask or Spark cluster. `load_records` writes their output into one database, merging reports of
one happening across articles exactly as ingest does.

A Dask recipe (see the README, "Scaling out"):

    import dask.bag as db
    from dask.distributed import Client, LocalCluster
    from dateline.api.distribute import extract_partition

    client = Client(LocalCluster(n_workers=4, threads_per_worker=1))
    db.read_text("corpus/*.jsonl").map_partitions(extract_partition).to_textfiles("out/*.jsonl")

then `dateline load out/*.jsonl`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from dateline.api.ingest import BatchWriter, IngestReport
from dateline.api.reading import read_articles
from dateline.extract.pipeline import EXTRACTOR_VERSION, extract
from dateline.extract.serialize import from_record, to_record
from dateline.ingest.errors import ReadError
from dateline.ingest.metadata import Metadata
from dateline.ingest.readers import parse_jsonl_line
from dateline.ingest.records import SourceArticle
from dateline.store.engine import Database

_STDIN = Path("<stdin>")


def _extracted(item: SourceArticle) -> str:
    record = to_record(item.article, extract(item.article), item.content_hash, EXTRACTOR_VERSION)
    return json.dumps(record, ensure_ascii=False)


def extract_lines(lines: Iterable[str], published: dt.date | None = None) -> Iterator[str | ReadError]:
    """Extraction records (JSON strings) for JSON Lines articles, or why a line could not be read."""
    fallback = Metadata(published=published)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item = parse_jsonl_line(line, f"<stdin>:{number}", f"stdin:{number}", _STDIN, fallback)
        yield item if isinstance(item, ReadError) else _extracted(item)


def extract_paths(paths: list[Path], published: dt.date | None = None) -> Iterator[str | ReadError]:
    """Extraction records for article files and folders (any format ingest reads)."""
    for item in read_articles(paths, published):
        yield item if isinstance(item, ReadError) else _extracted(item)


def extract_partition(lines: Iterable[str]) -> list[str]:
    """Extraction records for a partition of JSON Lines articles, for `dask.bag.map_partitions`.

    Unreadable lines become records {"error": ...} so that nothing is silently lost on a cluster.
    """
    out = []
    for result in extract_lines(lines):
        if isinstance(result, ReadError):
            out.append(json.dumps({"error": result.reason, "where": result.location}))
        else:
            out.append(result)
    return out


def load_records(db: Database, lines: Iterable[str], where: str = "<stdin>") -> IngestReport:
    """Store extraction records, a batch of them a transaction (see `BatchWriter`); unchanged
    articles are left as they are, and a record that cannot be stored is reported alone."""
    report = IngestReport()
    writer = BatchWriter(db, report)
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        location = f"{where}:{number}"
        try:
            record = json.loads(line)
            if "error" in record and "format" not in record:
                report.failures.append(ReadError(record.get("where", location), str(record["error"])))
                continue
            article, extraction, content_hash, version = from_record(record)
        except (json.JSONDecodeError, KeyError, ValueError, TypeError) as exc:
            report.failures.append(ReadError(location, f"not an extraction record ({exc})"))
            continue
        writer.add(SourceArticle(article=article, path=location, content_hash=content_hash), extraction, version)
    writer.flush()
    return report
