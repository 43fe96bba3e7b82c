"""Reading articles from paths with their metadata, for commands that do not store them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from dateline.ingest.errors import ReadError
from dateline.ingest.metadata import Metadata, Sidecars
from dateline.ingest.readers import DEFAULT_MAX_BYTES, read_file
from dateline.ingest.records import SourceArticle
from dateline.ingest.walk import find_files


def read_articles(
    paths: list[Path], published: dt.date | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[SourceArticle | ReadError]:
    """Every article below `paths` with its metadata (as ingest reads it), or why it could not be read."""
    sidecars = Sidecars()
    fallback = Metadata(published=published)
    for found in find_files(paths):
        if isinstance(found, ReadError):
            yield found
            continue
        try:
            sidecar = sidecars.lookup(found.path, found.root)
        except ReadError as exc:
            yield exc
            sidecar = Metadata()
        yield from read_file(found.path, sidecar, fallback, max_bytes)
