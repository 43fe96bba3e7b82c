"""Article metadata: publication dates, `metadata.json` sidecars and front-matter fields."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from dateline.ingest.errors import ReadError

SIDECAR = "metadata.json"
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")
_KNOWN_PRECISIONS = {"day", "approx", "month", "year"}


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known of an article besides its text; None where unknown."""

    identifier: str | None = None
    title: str | None = None
    published: dt.date | None = None
    published_precision: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None

    def over(self, other: Metadata) -> Metadata:
        """These values, falling back on `other` for the ones not set here."""
        return replace(other, **{k: getattr(self, k) for k in self.__slots__ if getattr(self, k) is not None})


def parse_published(value: Any, where: str) -> dt.date | None:
    """A publication date from metadata: a date, or an ISO date or timestamp string."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = _ISO_DAY.fullmatch(text)
    if not match:
        raise ReadError(where, f"published date {text!r} is not an ISO date (YYYY-MM-DD)")
    year, month, day = (int(g) for g in match.groups())
    try:
        if year < 1:
            raise ValueError("year 0 does not exist")
        return dt.date(year, month, day)
    except ValueError as exc:
        raise ReadError(where, f"published date {text!r} is impossible ({exc})") from exc


def _scalar(fields: dict[str, Any], name: str, where: str) -> Any:
    """A field's value, refusing lists and mappings: a field holds one value.

    Besides being wrong, a nested value could be a YAML alias bomb that grows without end
    when turned into text.
    """
    value = fields.get(name)
    if value is not None and not isinstance(value, str | int | float | dt.date):
        raise ReadError(where, f"field {name!r} must be a single value, not a {type(value).__name__}")
    return value


def _text_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def from_mapping(fields: dict[str, Any], where: str) -> Metadata:
    """Metadata from front matter, a JSON Lines record or a sidecar entry."""
    precision = _text_or_none(_scalar(fields, "published_precision", where))
    if precision is not None and precision not in _KNOWN_PRECISIONS:
        raise ReadError(where, f"published_precision {precision!r} is not one of {sorted(_KNOWN_PRECISIONS)}")
    published = _scalar(fields, "published", where)
    if published is None:
        published = _scalar(fields, "date", where)
    return Metadata(
        identifier=_text_or_none(_scalar(fields, "id", where)),
        title=_text_or_none(_scalar(fields, "title", where)),
        published=parse_published(published, where),
        published_precision=precision,
        url=_text_or_none(_scalar(fields, "url", where)),
        source=_text_or_none(_scalar(fields, "source", where)),
        language=_text_or_none(_scalar(fields, "language", where) or _scalar(fields, "lang", where)),
    )


class Sidecars:
    """The `metadata.json` files of the folders being ingested, read once each.

    A file's metadata comes from the nearest sidecar, in its folder or above up to the folder
    the ingest started from, that names it under "articles".
    """

    def __init__(self) -> None:
        self._cache: dict[Path, dict[str, Any] | None] = {}

    def _load(self, folder: Path) -> dict[str, Any] | None:
        if folder not in self._cache:
            # A broken sidecar counts as none for the other files of its folder: reported once.
            self._cache[folder] = None
            self._cache[folder] = self._read(folder / SIDECAR)
        return self._cache[folder]

    @staticmethod
    def _read(path: Path) -> dict[str, Any] | None:
        if not path.is_file():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
            reason = "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
            raise ReadError(str(path), f"malformed metadata sidecar ({reason})") from exc
        articles = data.get("articles") if isinstance(data, dict) else None
        if not isinstance(articles, dict):
            raise ReadError(str(path), 'metadata sidecar has no "articles" object')
        return articles

    def lookup(self, path: Path, root: Path | None = None) -> Metadata:
        """The sidecar metadata of the file at `path` (empty Metadata when none names it)."""
        folder = path.parent.resolve()
        stop = (root or path.parent).resolve()
        while True:
            entries = self._load(folder)
            if entries is not None:
                rel = path.resolve().relative_to(folder).as_posix()
                entry = entries.get(rel, entries.get(path.name))
                if isinstance(entry, dict):
                    where = f"{folder / SIDECAR}: {path.name}"
                    return from_mapping(entry, where)
            if folder == stop or folder.parent == folder or stop not in folder.parents:
                return Metadata()
            folder = folder.parent
