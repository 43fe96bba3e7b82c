"""Stored events as read back from the database: what queries return and renderers show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class StoredActor:
    """An actor's part in a stored event."""

    kind: str
    code: str
    name: str
    role: str
    office: str | None = None


@dataclass(frozen=True, slots=True)
class StoredSource:
    """A sentence of a document that reports a stored event."""

    document: str
    sentence: str
    start: int
    end: int
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event with its actors and sources."""

    id: int
    type: str
    status: str
    date: str | None
    earliest: dt.date | None
    latest: dt.date | None
    precision: str | None
    summary: str
    actors: tuple[StoredActor, ...]
    sources: tuple[StoredSource, ...]
    date_text: str | None = None
    trigger: str | None = None
    cameo: str | None = None
    location: str | None = None
    confidence: float = 0.5

    @property
    def codes(self) -> tuple[str, ...]:
        """Codes of the states and organisations involved, in order, once each."""
        return tuple(dict.fromkeys(a.code for a in self.actors if a.kind != "person"))

    @property
    def persons(self) -> tuple[str, ...]:
        """Names of the persons involved, in order, once each."""
        return tuple(dict.fromkeys(a.code for a in self.actors if a.kind == "person"))
