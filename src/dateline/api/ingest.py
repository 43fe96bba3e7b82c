"""Ingest: read article files, extract their events, store them a batch of articles a transaction."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from dateline.api.directory import GazetteerDirectory
from dateline.extract.pipeline import EXTRACTOR_VERSION, extract
from dateline.extract.records import Article, Extraction
from dateline.ingest.errors import ReadError
from dateline.ingest.metadata import Metadata, Sidecars
from dateline.ingest.readers import DEFAULT_MAX_BYTES, JSONL_SUFFIXES, read_file
from dateline.ingest.records import SourceArticle
from dateline.ingest.walk import Found, find_files
from dateline.store.batch import PendingArticle, save_batch
from dateline.store.engine import Database
from dateline.store.writes import Outcome, stored_documents

Extractor = Callable[[Article], Extraction]
_IN_FLIGHT = 16  # articles queued per worker process
# Articles sent to a worker in one task: a task's round trip (its future, the queues, the result's
# pickling) costs the writing process about a millisecond, as much as a quarter of storing an article.
_CHUNK = 8
# A transaction holds up to this many articles, or the articles extracted in this many seconds:
# one commit and one "already stored?" query a batch, and a SIGKILL loses one batch at most.
BATCH_ARTICLES = 50
BATCH_SECONDS = 0.5


def default_jobs() -> int:
    """One worker process per core."""
    return os.cpu_count() or 1


_DIRECTORY = GazetteerDirectory()


@dataclass
class IngestReport:
    """What an ingest run did."""

    new: int = 0
    unchanged: int = 0
    replaced: int = 0
    events: int = 0
    failures: list[ReadError] = field(default_factory=list)

    @property
    def failed(self) -> int:
        """How many files or records could not be ingested."""
        return len(self.failures)

    def merged(self, other: IngestReport) -> IngestReport:
        """This report and another added up."""
        return IngestReport(
            new=self.new + other.new,
            unchanged=self.unchanged + other.unchanged,
            replaced=self.replaced + other.replaced,
            events=self.events + other.events,
            failures=[*self.failures, *other.failures],
        )

    def count(self, outcome: Outcome, events: int) -> None:
        """Add one stored article to the tally."""
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)
        if outcome is not Outcome.UNCHANGED:
            self.events += events


@dataclass(frozen=True)
class IngestOptions:
    """How to read: the fallback publication date and the size limit of one file."""

    published: dt.date | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


def useful_jobs(files: list[Found], jobs: int) -> int:
    """Worker processes worth starting for `files`: a pool only pays for itself with more than a
    handful of articles, and a JSON Lines file may hold any number of them."""
    if any(found.path.suffix.lower() in JSONL_SUFFIXES for found in files):
        return jobs
    return min(jobs, max(1, len(files) // 4))


def _walk(paths: Iterable[Path], errors: list[ReadError]) -> Iterator[Found]:
    """The files to read below `paths`, as they are found; the paths that could not be walked go to `errors`."""
    for item in find_files(list(paths)):
        if isinstance(item, ReadError):
            errors.append(item)
        else:
            yield item


def discover(paths: Iterable[Path]) -> tuple[list[Found], list[ReadError]]:
    """The files to read below `paths`, and the paths that could not be walked."""
    found: list[Found] = []
    errors: list[ReadError] = []
    for item in find_files(list(paths)):
        (errors if isinstance(item, ReadError) else found).append(item)  # type: ignore[arg-type]
    return found, errors


def _chunks(items: Iterable[SourceArticle], size: int) -> Iterator[list[SourceArticle]]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _changed(
    db: Database, items: Iterable[SourceArticle], version: str, report: IngestReport
) -> Iterator[SourceArticle]:
    """The articles not stored already with the same content and extractor, asked a chunk at a time
    in one query each; the unchanged ones are counted in the report."""
    for chunk in _chunks(items, BATCH_ARTICLES):
        with db.session(lean=True) as session:
            stored = stored_documents(session, [item.article.identifier for item in chunk])
        for item in chunk:
            found = stored.get(item.article.identifier)
            if found is not None and found[1:] == (item.content_hash, version):
                report.count(Outcome.UNCHANGED, 0)
            else:
                yield item


def _commit_batch(db: Database, batch: list[PendingArticle]) -> list[Outcome | Exception]:
    """Store `batch` in one transaction; the actor ids it made are kept only if it commits."""
    try:
        with db.session(write=True) as session, session.begin():
            results = save_batch(session, batch, directory=_DIRECTORY, cache=db.actor_ids)
    except BaseException:
        db.actor_ids.discard()
        raise
    db.actor_ids.confirm()
    return results


def _one_line(exc: Exception) -> str:
    """The error's type and its first line: a database error goes on with its SQL and parameters."""
    lines = str(exc).splitlines()
    return f"{type(exc).__name__}: {lines[0] if lines else ''}"


class BatchWriter:
    """Stores extracted articles in batches of `BATCH_ARTICLES` or `BATCH_SECONDS`, whichever comes
    first, in file order; each article's outcome or failure goes into the report when its batch
    is written."""

    def __init__(self, db: Database, report: IngestReport, version: str = EXTRACTOR_VERSION) -> None:
        self.db, self.report, self.version = db, report, version
        self.pending: list[tuple[SourceArticle, Extraction, str]] = []
        self.started = 0.0

    def add(self, item: SourceArticle, extraction: Extraction, version: str | None = None) -> None:
        """Queue an extracted article (made by extractor `version`, the writer's by default)."""
        if not self.pending:
            self.started = time.monotonic()
        self.pending.append((item, extraction, version or self.version))
        if len(self.pending) >= BATCH_ARTICLES or time.monotonic() - self.started >= BATCH_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Write the pending articles now."""
        batch, self.pending = self.pending, []
        if not batch:
            return
        records = [PendingArticle(item.article, extraction, item.content_hash, version, item.path)
                   for item, extraction, version in batch]  # fmt: skip
        try:
            results = _commit_batch(self.db, records)
        except Exception:  # the batch could not commit: each article alone, so that only the bad one fails
            results = []
            for record in records:
                try:
                    results += _commit_batch(self.db, [record])
                except Exception as exc:
                    results.append(exc)
        for (item, extraction, _), result in zip(batch, results, strict=True):
            if isinstance(result, Exception):  # one article's failure must not stop the others
                self.report.failures.append(ReadError(item.path, f"not stored ({_one_line(result)})"))
            else:
                self.report.count(result, len(extraction.events))


def _read_all(
    files: Iterable[Found], options: IngestOptions, report: IngestReport, on_file: Callable[[Found], None] | None
) -> Iterator[SourceArticle]:
    """The articles of `files`, once per identifier; unreadable ones go into the report."""
    sidecars = Sidecars()
    fallback = Metadata(published=options.published)
    seen: dict[str, str] = {}  # grows with the articles: kept small, one path string a file
    for found in files:
        where = ""
        try:
            sidecar = sidecars.lookup(found.path, found.root)
        except ReadError as exc:
            report.failures.append(exc)
            sidecar = Metadata()
        for item in read_file(found.path, sidecar, fallback, options.max_bytes):
            if isinstance(item, ReadError):
                report.failures.append(item)
                continue
            identifier = item.article.identifier
            if identifier in seen:
                report.failures.append(
                    ReadError(item.path, f"identifier {identifier!r} was already read from {seen[identifier]}")
                )
                continue
            where = where if where == item.path else item.path
            seen[identifier] = where
            yield item
        if on_file is not None:
            on_file(found)


def _extract_all(extractor: Extractor, articles: list[Article]) -> list[Extraction | str]:
    """In a worker: each article's events, or why its extraction failed (one failure must not
    lose the others of the task)."""
    out: list[Extraction | str] = []
    for article in articles:
        try:
            out.append(extractor(article))
        except Exception as exc:
            out.append(f"{type(exc).__name__}: {exc}")
    return out


def _warm(extractor: Extractor) -> None:
    """Load the extractor's data once, before worker processes are forked from this one."""
    with contextlib.suppress(Exception):
        extractor(Article(identifier="warm-up", text="On June 10, Italy and Ukraine signed an agreement.\n"))


_PARENT_CHECK_SECONDS = 1.0


def _die_with_parent(parent: int) -> None:
    """In a worker: end when the ingest that started it is gone (killed with SIGKILL, say), instead
    of waiting for work forever beside the other workers, which keep its queue open."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_PARENT_CHECK_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="dateline-parent-watch", daemon=True).start()


def ingest(
    db: Database,
    paths: Iterable[Path],
    options: IngestOptions | None = None,
    *,
    extractor: Extractor | None = None,
    extractor_version: str = EXTRACTOR_VERSION,
    on_file: Callable[[Found], None] | None = None,
    files: Iterable[Found] | None = None,
    jobs: int = 1,
) -> IngestReport:
    """Ingest every article below `paths`; a bad file is reported and the others go on.

    With `jobs` > 1, extraction runs in that many worker processes while this process reads the
    files and writes the database (one writer, in file order, one transaction a batch of articles
    in which each article is whole or absent: see `BatchWriter`); at most a few articles per worker
    are in flight, and the paths are walked as they are read, so memory stays flat however large
    the corpus. `on_file` is called after each file is read (for
    a progress bar); `files` skips discovery when the caller has already walked the paths.
    """
    options = options or IngestOptions()
    extractor = extractor or extract
    report = IngestReport()
    walk_errors: list[ReadError] = []
    articles = _read_all(_walk(paths, walk_errors) if files is None else files, options, report, on_file)
    writer = BatchWriter(db, report, extractor_version)
    if jobs <= 1:
        for item in _changed(db, articles, extractor_version, report):
            try:
                extraction = extractor(item.article)
            except Exception as exc:  # a bug in extraction must not stop the others
                report.failures.append(ReadError(item.path, f"not extracted ({type(exc).__name__}: {exc})"))
                continue
            writer.add(item, extraction)
        writer.flush()
        report.failures[:0] = walk_errors  # the walk's errors first, as when the paths are walked up front
        return report
    _warm(extractor)
    db.dispose()  # forked workers must not inherit open database connections
    window: deque[tuple[list[SourceArticle], Future[list[Extraction | str]]]] = deque()
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_die_with_parent,
                             initargs=(os.getpid(),)) as pool:  # fmt: skip

        def drain(keep: int) -> None:
            while len(window) > keep:
                chunk, future = window.popleft()
                try:
                    results = future.result()
                except Exception as exc:  # the worker died: every article of the task failed
                    results = [f"{type(exc).__name__}: {exc}"] * len(chunk)
                for item, result in zip(chunk, results, strict=True):
                    if isinstance(result, str):
                        report.failures.append(ReadError(item.path, f"not extracted ({result})"))
                    else:
                        writer.add(item, result)

        for chunk in _chunks(_changed(db, articles, extractor_version, report), _CHUNK):
            window.append((chunk, pool.submit(_extract_all, extractor, [item.article for item in chunk])))
            drain(jobs * _IN_FLIGHT // _CHUNK)
        drain(0)
        writer.flush()
    report.failures[:0] = walk_errors
    return report
