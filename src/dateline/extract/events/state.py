"""The working records of event extraction: candidates, decisions, the article and the discourse."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from dataclasses import dataclass, field

from dateline.extract.actors.model import ActorMention
from dateline.extract.records import ActorRef, DateValue, EventStatus, EventType, Evidence, Timex


@dataclass
class Candidate:
    """An event being built from one or more mentions."""

    type: EventType
    status: EventStatus
    date: DateValue | None
    date_text: str | None
    trigger: str
    cameo: str | None
    actors: list[ActorRef]
    evidence: list[Evidence]
    summary: str
    confidence: float
    theme: frozenset[str] = frozenset()
    location: str | None = None
    sentence_index: int = 0
    date_source: str = "none"
    merged_from: list[int] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)
    paragraph: int = 0
    definite: bool = False
    speaker: bool = False
    headline: bool = False
    trigger_span: tuple[int, int] = (0, 0)


@dataclass(frozen=True, slots=True)
class Decision:
    """What became of one trigger: an event candidate, or the reason it was dropped."""

    sentence_index: int
    trigger: str
    type: EventType
    outcome: str  # "event" or the reason it was dropped
    date: str | None = None
    date_source: str = "none"
    status: str | None = None
    actors: tuple[str, ...] = ()


_STORY_SPAN = 300  # characters over which an old date keeps the story in the past


@dataclass(frozen=True)
class Context:
    """What the extractor knows of the article as a whole (mentions and timexes sorted by start)."""

    text: str
    published: dt.date | None
    published_precision: str | None
    timexes: tuple[Timex, ...]
    mentions: tuple[ActorMention, ...]
    background: bool = False
    mention_starts: tuple[int, ...] = ()
    timex_starts: tuple[int, ...] = ()
    old_dates: tuple[int, ...] = ()  # any date two years or more back
    old_days: tuple[int, ...] = ()  # days and months two years or more back
    recent_dates: tuple[int, ...] = ()  # dates of last year or later

    def old_story(self, paragraph_start: int, paragraph_end: int, position: int, deictic: bool) -> bool:
        """Whether the story stands in the past at `position`: an old date is named shortly before it
        in its paragraph, and no recent date after that one ("From 2019 to 2022 ... In April" is back
        in the present), or, in a background article, anywhere in it. For words that point at the
        writer's time ("on Wednesday", "yesterday") only an old day or month counts."""
        dates = self.old_days if deictic else self.old_dates
        lo = paragraph_start if self.background else max(paragraph_start, position - _STORY_SPAN)
        last = bisect_left(dates, position) - 1
        if last < 0 or dates[last] < lo:
            # In a background article, an old date later in the paragraph counts too, unless the
            # last date named in full before `position` is recent: the story is in the present.
            later = self.background and last + 1 < len(dates) and dates[last + 1] < paragraph_end
            recent = bisect_left(self.recent_dates, position) - 1
            return later and not (recent >= 0 and (last < 0 or self.recent_dates[recent] > dates[last]))
        i = bisect_left(self.recent_dates, dates[last])
        return not (i < len(self.recent_dates) and self.recent_dates[i] < position)

    def mentions_in(self, start: int, end: int) -> list[ActorMention]:
        """The actor mentions that lie within [start, end)."""
        lo, hi = bisect_left(self.mention_starts, start), bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[lo:hi] if m.end <= end]

    def timexes_in(self, start: int, end: int) -> list[Timex]:
        """The temporal expressions that lie within [start, end)."""
        lo, hi = bisect_left(self.timex_starts, start), bisect_left(self.timex_starts, end)
        return [t for t in self.timexes[lo:hi] if t.end <= end]


@dataclass
class Discourse:
    """What earlier sentences established: the story's date, the paragraph's frame, who was named."""

    narrative: Candidate | None = None
    last_mentions: list[ActorMention] = field(default_factory=list)
    recent_states: list[list[ActorMention]] = field(default_factory=list)
    frame: Timex | None = None
    frame_paragraph: int = -1
    paragraph: int = 0
    paragraph_start: int = 0
    last_person: ActorMention | None = None
    recent_persons: list[ActorMention] = field(default_factory=list)  # the last persons named, oldest first
    last_people: list[ActorMention] = field(default_factory=list)  # the persons of the last sentence naming any
    person_counts: dict[str, int] = field(default_factory=dict)  # how often each person was named so far
    last_of_type: dict[EventType, Candidate] = field(default_factory=dict)
    last_event: Candidate | None = None
    heading: list[ActorMention] = field(default_factory=list)
    sentence_index: int = 0
