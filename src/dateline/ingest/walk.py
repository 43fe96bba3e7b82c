"""Finding the article files below the paths given to ingest."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from dateline.ingest.errors import ReadError
from dateline.ingest.metadata import SIDECAR
from dateline.ingest.readers import SUFFIXES


@dataclass(frozen=True, slots=True)
class Found:
    """A file to read, and the folder whose sidecars apply to it."""

    path: Path
    root: Path


def find_files(paths: list[Path]) -> Iterator[Found | ReadError]:
    """Article files below `paths`, in a stable order, each real file once.

    Files named on the command line are read whatever their type (an unsupported one is an
    error); inside folders only supported types are taken, hidden entries are passed over, and
    symbolic links are followed without looping.
    """
    seen: set[tuple[int, int]] = set()
    for given in paths:
        if not given.exists():
            yield ReadError(str(given), "no such file or folder")
        elif given.is_dir():
            yield from _walk(given, seen)
        elif _first_visit(given, seen):
            yield Found(given, given.parent.parent if given.parent.parent != given.parent else given.parent)


def _first_visit(path: Path, seen: set[tuple[int, int]]) -> bool:
    try:
        st = path.stat()
    except OSError:
        return True  # let the reader report why it cannot be read
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(root: Path, seen: set[tuple[int, int]]) -> Iterator[Found | ReadError]:
    errors: list[OSError] = []
    visited_dirs: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=errors.append):
        here = Path(dirpath)
        st = here.stat()
        if (st.st_dev, st.st_ino) in visited_dirs:
            dirnames[:] = []  # a symbolic link back to a folder already walked
            continue
        visited_dirs.add((st.st_dev, st.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        while errors:
            err = errors.pop()
            yield ReadError(str(err.filename or here), f"cannot read folder ({err.strerror or err})")
        for name in sorted(filenames):
            path = here / name
            if name.startswith(".") or name == SIDECAR or path.suffix.lower() not in SUFFIXES:
                continue
            if _first_visit(path, seen):
                yield Found(path, root)
    for err in errors:
        yield ReadError(str(err.filename or root), f"cannot read folder ({err.strerror or err})")
