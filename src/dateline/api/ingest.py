"""Ingest: read article files, extract their events, store each article in one transaction."""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select

from dateline.api.directory import GazetteerDirectory
from dateline.extract.pipeline import EXTRACTOR_VERSION, extract
from dateline.extract.records import Article, Extraction
from dateline.ingest.errors import ReadError
from dateline.ingest.metadata import Metadata, Sidecars
from dateline.ingest.readers import DEFAULT_MAX_BYTES, JSONL_SUFFIXES, read_file
from dateline.ingest.records import SourceArticle
from dateline.ingest.walk import Found, find_files
from dateline.store.engine import Database
from dateline.store.models import Document
from dateline.store.writes import Outcome, save_article

Extractor = Callable[[Article], Extraction]
_IN_FLIGHT = 4  # articles queued per worker process


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


def is_unchanged(db: Database, item: SourceArticle, extractor_version: str) -> bool:
    """Whether the article is stored already, with the same content and by the same extractor."""
    with db.session() as session:
        row = session.execute(
            select(Document.content_hash, Document.extractor_version).where(
                Document.identifier == item.article.identifier
            )
        ).first()
    return row is not None and tuple(row) == (item.content_hash, extractor_version)


def store_one(
    db: Database,
    item: SourceArticle,
    extractor: Extractor,
    extractor_version: str,
    extraction: Extraction | None = None,
) -> tuple[Outcome, int]:
    """Extract one article (unless `extraction` is given) and store it in its own transaction;
    returns the outcome and the number of events."""
    if extraction is None:
        if is_unchanged(db, item, extractor_version):
            return Outcome.UNCHANGED, 0
        extraction = extractor(item.article)  # outside the transaction: the write lock is held briefly
    try:
        with db.session(write=True) as session, session.begin():
            outcome = save_article(
                session,
                item.article,
                extraction,
                content_hash=item.content_hash,
                extractor=extractor_version,
                path=item.path,
                directory=_DIRECTORY,
                cache=db.actor_ids,
            )
    except BaseException:
        db.actor_ids.discard()
        raise
    db.actor_ids.confirm()
    return outcome, len(extraction.events)


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


def _warm(extractor: Extractor) -> None:
    """Load the extractor's data once, before worker processes are forked from this one."""
    with contextlib.suppress(Exception):
        extractor(Article(identifier="warm-up", text="On June 10, Italy and Ukraine signed an agreement.\n"))


def _store(db: Database, report: IngestReport, item: SourceArticle, version: str, extraction: Extraction) -> None:
    try:
        outcome, events = store_one(db, item, extract, version, extraction)
    except Exception as exc:  # one article's failure must not stop the others
        report.failures.append(ReadError(item.path, f"not stored ({type(exc).__name__}: {exc})"))
        return
    report.count(outcome, events)


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
    files and writes the database (one writer, one transaction per article, in file order); at
    most a few articles per worker are in flight, and the paths are walked as they are read, so
    memory stays flat however large the corpus. `on_file` is called after each file is read (for
    a progress bar); `files` skips discovery when the caller has already walked the paths.
    """
    options = options or IngestOptions()
    extractor = extractor or extract
    report = IngestReport()
    walk_errors: list[ReadError] = []
    articles = _read_all(_walk(paths, walk_errors) if files is None else files, options, report, on_file)
    if jobs <= 1:
        for item in articles:
            if is_unchanged(db, item, extractor_version):
                report.count(Outcome.UNCHANGED, 0)
                continue
            try:
                extraction = extractor(item.article)
            except Exception as exc:  # a bug in extraction must not stop the others
                report.failures.append(ReadError(item.path, f"not extracted ({type(exc).__name__}: {exc})"))
                continue
            _store(db, report, item, extractor_version, extraction)
        report.failures[:0] = walk_errors  # the walk's errors first, as when the paths are walked up front
        return report
    _warm(extractor)
    db.dispose()  # forked workers must not inherit open database connections
    window: deque[tuple[SourceArticle, Future[Extraction]]] = deque()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:

        def drain(keep: int) -> None:
            while len(window) > keep:
                item, future = window.popleft()
                try:
                    extraction = future.result()
                except Exception as exc:
                    report.failures.append(ReadError(item.path, f"not extracted ({type(exc).__name__}: {exc})"))
                    continue
                _store(db, report, item, extractor_version, extraction)

        for item in articles:
            if is_unchanged(db, item, extractor_version):
                report.count(Outcome.UNCHANGED, 0)
                continue
            window.append((item, pool.submit(extractor, item.article)))
            drain(jobs * _IN_FLIGHT)
        drain(0)
    report.failures[:0] = walk_errors
    return report
