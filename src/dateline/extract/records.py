"""The records that flow out of extraction: frozen dataclasses, no ORM, no I/O.

Every layer downstream (store, render, cli) consumes these; extraction never sees the database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class EventType(StrEnum):
    """The event types of the annotation guidelines."""

    VISIT = "visit"
    MEETING = "meeting"
    AGREEMENT = "agreement"
    STATEMENT = "statement"
    ARREST = "arrest"
    LEGAL = "legal"
    SANCTIONS = "sanctions"
    VOTE = "vote"
    EXPULSION = "expulsion"
    AID = "aid"
    CONFERENCE = "conference"
    OTHER = "other"


class EventStatus(StrEnum):
    """Whether the text reports a happening as done or as still to come."""

    OCCURRED = "occurred"
    PLANNED = "planned"


class ActorKind(StrEnum):
    """What an actor is."""

    STATE = "state"
    ORGANISATION = "organisation"
    PERSON = "person"


class ActorRole(StrEnum):
    """The part an actor plays in one event."""

    INITIATOR = "initiator"
    TARGET = "target"
    PARTICIPANT = "participant"


class Precision(StrEnum):
    """How much of the calendar a date pins down, finest first."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date at some precision: an EDTF string and the inclusive days it covers."""

    edtf: str
    earliest: dt.date
    latest: dt.date
    precision: Precision

    def __post_init__(self) -> None:
        if self.earliest > self.latest:
            raise ValueError(f"date {self.edtf}: earliest {self.earliest} is after latest {self.latest}")


@dataclass(frozen=True, slots=True)
class Article:
    """One article as ingest hands it to extraction."""

    identifier: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    published_precision: str | None = None
    url: str | None = None
    source: str | None = None
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of an article's text, by Python string offsets."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ActorRef:
    """An actor taking part in an event.

    `code` is an ISO 3166-1 alpha-3 code for a state, an upper-case code for an organisation
    (EU, NATO, UN...) and the canonical name for a person. For a person, `state` and `office`
    are those they held at the event's date, when known.
    """

    kind: ActorKind
    code: str
    name: str
    role: ActorRole = ActorRole.PARTICIPANT
    state: str | None = None
    office: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """The sentence of an article that reports an event."""

    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EventRecord:
    """One happening as extracted from one article."""

    type: EventType
    status: EventStatus
    date: DateValue | None
    summary: str
    evidence: tuple[Evidence, ...]
    actors: tuple[ActorRef, ...] = ()
    date_text: str | None = None
    trigger: str | None = None
    cameo: str | None = None
    confidence: float = 0.5
    location: str | None = None

    @property
    def states(self) -> tuple[str, ...]:
        """Codes of the states and organisations involved, persons' states included, in order."""
        seen: dict[str, None] = {}
        for actor in self.actors:
            if actor.kind is ActorKind.PERSON:
                if actor.state:
                    seen.setdefault(actor.state)
            else:
                seen.setdefault(actor.code)
        return tuple(seen)

    @property
    def persons(self) -> tuple[str, ...]:
        """Canonical names of the persons involved, in order."""
        return tuple(dict.fromkeys(a.code for a in self.actors if a.kind is ActorKind.PERSON))


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extraction found in one article."""

    events: tuple[EventRecord, ...] = field(default_factory=tuple)


class TimexType(StrEnum):
    """TimeML's four kinds of temporal expression."""

    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Anchor(StrEnum):
    """What a temporal expression was resolved against."""

    ABSOLUTE = "absolute"
    PUBLICATION = "publication"
    DISCOURSE = "discourse"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in a text and normalised.

    `value` is the TimeML value ("2021-06-10", "2021-W23", "2020-SU", "196", "P24Y",
    "PRESENT_REF", "XXXX-06-10" when no anchor was known). `date` is the calendar reading of a
    DATE or TIME expression (None for durations, sets and unresolved values). A `citation` is a
    source reference in parentheses, "(Ansa, November 3, 2020)": found, but never an event date.
    A range ("from 2021 to 2031", "June 11-12") is one expression whose `date` is the interval;
    its `parts` are its two ends as TimeML annotates them, each a Timex of its own.
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    date: DateValue | None = None
    modifier: str | None = None
    anchor: Anchor = Anchor.ABSOLUTE
    citation: bool = False
    parts: tuple[Timex, ...] = ()
