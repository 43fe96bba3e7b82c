"""Stored events as read back from the database: what queries return and renderers show."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, fields, make_dataclass
from typing import Any, TypeVar

T = TypeVar("T")


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


def builder(cls: type[T]) -> Callable[..., T]:
    """A constructor of the frozen, slotted dataclass `cls` (positional arguments only) at about the
    cost of an unfrozen one's: for the thousands of records a query reads back.

    A frozen dataclass's __init__ sets each field through object.__setattr__, past the __setattr__
    that refuses changes: about three times the cost of plain assignments. The record is built as
    an instance of an unfrozen twin that has the same slots, then given `cls` as its class (Python
    allows that between classes of one layout): the same record as `cls(...)`, frozen from then on.
    """
    twin = make_dataclass(
        f"_Unfrozen{cls.__name__}",
        [(f.name, f.type, field(default=f.default, default_factory=f.default_factory)) for f in fields(cls)],
        slots=True, eq=False, repr=False, match_args=False,
    )  # fmt: skip

    def build(*values: Any) -> T:
        record = twin(*values)
        record.__class__ = cls
        return record  # type: ignore[return-value]

    return build
