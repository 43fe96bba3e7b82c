"""The records of the actor layer: mentions found in a text, terms of office, and the lookup error."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from dateline.extract.records import ActorKind

#: How a mention was found, as `ActorMention.via` spells it.
VIA_VALUES = frozenset(
    {
        "name",
        "short_name",
        "former_name",
        "demonym",
        "capital",
        "metonym",
        "place",
        "acronym",
        "gazetteer",
        "title",
        "apposition",
        "coreference",
        "pattern",
    }
)

#: Offices of persons.tsv, most prominent first: a person holding several at once is shown by the first.
OFFICE_PRIORITY = (
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "interior_minister",
    "deputy_head_of_government",
)


def office_rank(office: str | None) -> int:
    """Sort key of an office: lower is more prominent; free-text `other:` offices come last."""
    if office is None:
        return len(OFFICE_PRIORITY) + 2
    try:
        return OFFICE_PRIORITY.index(office)
    except ValueError:
        return len(OFFICE_PRIORITY) + (0 if office.startswith("other:") else 1)


@dataclass(frozen=True, slots=True)
class ActorMention:
    """One mention of a state, organisation or person in a text.

    `start`/`end` are Python string offsets into the text given to `ActorFinder.find`. `code` is an
    ISO 3166-1 alpha-3 code, an organisation code (EU, NATO...) or a person's canonical name. For a
    person, `state` and `office` are those held at the reference date (from the gazetteer) or read
    from the context; for a place, `state` is the state it lies in. `is_place` marks a city or region
    named as a location ("in Kyiv", "visited Rome"), not standing for its state ("Kyiv welcomed").
    """

    start: int
    end: int
    text: str
    kind: ActorKind
    code: str
    name: str
    via: str
    state: str | None = None
    office: str | None = None
    is_place: bool = False

    def __post_init__(self) -> None:
        if self.via not in VIA_VALUES:
            raise ValueError(f"unknown via {self.via!r}")


@dataclass(frozen=True, slots=True)
class Role:
    """One term of office: `end` None means still held (open up to the gazetteer's review date)."""

    state: str
    office: str
    start: dt.date
    end: dt.date | None

    def covers(self, day: dt.date, reviewed: dt.date | None) -> bool:
        """Whether the role was held on `day`; an open role counts only up to `reviewed`."""
        if day < self.start:
            return False
        if self.end is not None:
            return day <= self.end
        return reviewed is None or day <= reviewed


class UnknownActorError(LookupError):
    """A query named no known state, organisation or person; carries the closest known names."""

    def __init__(self, query: str, suggestions: list[str], what: str = "actor") -> None:
        self.query = query
        self.suggestions = suggestions
        self.what = what
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"unknown {what} {query!r}.{hint}")
