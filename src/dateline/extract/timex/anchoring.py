"""Anchoring: which date an incomplete or relative expression is read against, and how.

Deictic expressions ("yesterday", "last week", "on Thursday") are read against the publication
date; anaphoric ones ("the same day", "two days later", "that month") against the last date of
the discourse. A date framing the sentence ("reported in February 2019 that ... last October")
takes over from the publication date, and so does the discourse when the text narrates a past
far from its publication (a history, a chronology).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dateline.extract.records import Anchor
from dateline.extract.timex import periods as P
from dateline.extract.timex.periods import Period

_HORIZON_DAYS = 90  # an unanchored month and day this far ahead is still read as upcoming
_SENTENCE_END = re.compile(r"[.!?][\"')\]]?\s+(?=[\"'(\[]?[A-Z0-9])|\n\s*\n")
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|’ll|to\s+be\s+held|to\s+be\s+(?:\w+\s+){0,2}by|scheduled|slated|expected\s+to|due\s+to|plans?\s+to|"
    r"planned|planning|would\s+be|effective|payable|set\s+to|is\s+to|are\s+to|upcoming|going\s+to|intends?\s+to|as\s+(?:soon|early)\s+as)\b",
    re.I,
)
_OPEN_ASIDE = re.compile(r",\s+(?:who|which)\b[^,;]*$")
_NARRATIVE_REACH = 1000  # characters over which a narrative's year carries to a bare month
_PAST_NARRATIVE_YEARS = 2
_NARRATIVE_MIN_YEARS = 5  # explicit dates this many years before publication mark a narrative
_NEWS_MIN_DEICTIC = 2  # expressions counted from the writer's day that mark news, not a narrative


@dataclass(slots=True)
class Discourse:
    """The dates in force while a text is read left to right."""

    text: str
    reference: dt.date | None
    last: Period | None = None  # the last resolved date of the discourse
    last_pos: int = -1
    explicit: Period | None = None  # the last date that carried its own year
    explicit_pos: int = -1
    sentence_starts: list[int] = field(default_factory=list)
    narrative: bool = False  # the text dwells in a past far from its publication
    last_quarter: Period | None = None  # the last quarter named, for "a year ago" in earnings news
    last_day: Period | None = None  # the last day named, for "the same day" after a coarser date
    days: list[tuple[int, Period]] = field(default_factory=list)  # every day named, with its offset

    def __post_init__(self) -> None:
        self.sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(self.text)]

    def sentence_start(self, pos: int) -> int:
        """The offset where the sentence holding `pos` starts."""
        lo, hi = 0, len(self.sentence_starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentence_starts[mid] <= pos:
                lo = mid
            else:
                hi = mid - 1
        return self.sentence_starts[lo]

    def future(self, start: int, end: int) -> bool:
        """Whether the clause before an expression speaks of the future (will, scheduled, next)."""
        s = max(self.sentence_start(start), start - 75)
        window = self.text[s:start]
        cut = max(window.rfind(" said"), window.rfind(" says"))
        if cut >= 0:
            window = window[cut + 5 :]
        closed = _last_quote_mark(window)  # "'We will not allow this,' he told reporters on Tuesday"
        if closed >= 0:
            window = window[closed + 1 :]
        return _FUTURE.search(window) is not None

    def frame(self, pos: int) -> Period | None:
        """An explicit date earlier in the same sentence, if it differs from publication."""
        if self.explicit is None or self.explicit_pos < self.sentence_start(pos):
            return None
        return self.explicit

    def deictic_base(self, pos: int) -> tuple[dt.date | None, Anchor]:
        """The day that deictic expressions ("last year", "in recent days") count from."""
        if self.reference is None:
            d = _day_of(self.last)
            return (d, Anchor.DISCOURSE) if d else (None, Anchor.NONE)
        return self.reference, Anchor.PUBLICATION

    def shifted_base(self, pos: int, named: bool = False) -> tuple[dt.date | None, Anchor]:
        """The day that "last October", "on Thursday", "next year" count from: for a named
        month or season ("last October"), a date framing the same sentence; else the
        publication date (news speaks from its day, even when it recalls the past)."""
        frame = self.frame(pos) if named else None
        if (
            frame is not None
            and frame.kind in (P.DAY, P.MONTH)
            and frame.year is not None
            and (self.reference is None or abs((P.first_day(frame) - self.reference).days) > 45)
        ):
            return P.first_day(frame), Anchor.DISCOURSE
        return self.deictic_base(pos)

    def anaphoric_base(self, day_scale: bool = False, pos: int | None = None) -> tuple[Period | None, Anchor]:
        """The date that "the same day", "two days later", "that year" refer back to: the last date
        of the discourse; at `day_scale`, the last day named ("Pakistan answered on Thursday. ...
        the 1972 Simla Agreement ... the same day" is Thursday), passing over a day named in a
        relative clause that closed before `pos` ("Kishida, who pledged aid on Monday, will host a
        call the same day" is the day of the story, not Monday)."""
        if day_scale and pos is not None:
            aside = self._aside_before(pos)
            earlier = [p for at, p in self.days if at < aside] if aside is not None else []
            if earlier:
                return earlier[-1], Anchor.DISCOURSE
        if day_scale and self.last_day is not None and (self.last is None or self.last.kind != P.DAY):
            return self.last_day, Anchor.DISCOURSE
        if self.last is not None and self.last.year is not None:
            return self.last, Anchor.DISCOURSE
        if self.reference is not None:
            return P.day(self.reference), Anchor.PUBLICATION
        return None, Anchor.NONE

    def year_for(self, pos: int) -> tuple[int | None, dt.date | None, Anchor]:
        """For a month (and day) without a year: the year given by the discourse, or the
        publication date to count from. Returns (year, base, anchor); one of year, base is None."""
        frame = self.frame(pos)
        if frame is not None and frame.year is not None and frame.kind in (P.DAY, P.MONTH):
            return frame.year, None, Anchor.DISCOURSE
        if (
            self.narrative
            and self.last is not None
            and self.last.year is not None
            and (pos - self.last_pos < _NARRATIVE_REACH or self.reference is None)
        ):
            return self.last.year, None, Anchor.DISCOURSE
        base, anchor = self.deictic_base(pos)
        return None, base, anchor

    def _aside_before(self, pos: int) -> int | None:
        """Where a relative clause (", who ...", ", which ...") that holds the last date opens, when it
        closed (a comma) before `pos` in the same sentence; else None."""
        start = self.sentence_start(pos)
        if not start <= self.last_pos < pos:
            return None
        opened = _OPEN_ASIDE.search(self.text, start, self.last_pos)
        if opened is None or "," not in self.text[self.last_pos : pos]:
            return None
        return opened.start()

    def note(self, p: Period, pos: int, explicit: bool, focus: bool = True) -> None:
        """Record a resolved date of the discourse; only a `focus` quarter becomes the quarter
        in focus (so that "a year ago" does not move it back a year each time)."""
        if p.year is None:
            return
        self.last, self.last_pos = p, pos
        if explicit:
            self.explicit, self.explicit_pos = p, pos
        if p.kind == P.DAY:
            self.last_day = p
            self.days.append((pos, p))
        if p.kind == P.QUARTER and focus:
            self.last_quarter = p


def is_narrative(years: list[int], reference: dt.date | None, deictic: int = 0) -> bool:
    """Whether a text whose explicit dates carry these years narrates a past far from its
    publication (a history, a chronology) rather than reporting news. A text that counts from its
    own day `deictic` times or more ("on Wednesday", "earlier this month") reports news, however
    much background it gives."""
    if reference is None:
        return bool(years)
    if len(years) < _NARRATIVE_MIN_YEARS or deictic >= _NEWS_MIN_DEICTIC:
        return False
    far = sum(1 for y in years if reference.year - y >= _PAST_NARRATIVE_YEARS)
    return far >= 0.8 * len(years)


def _day_of(p: Period | None) -> dt.date | None:
    return P.first_day(p) if p is not None and p.year is not None else None


_QUOTE_MARK = re.compile(r"[\"“”]|(?<![A-Za-z])['‘’]|['‘’](?![A-Za-z])")


def _last_quote_mark(window: str) -> int:
    """Where the last quotation mark of `window` stands (an apostrophe inside a word, as in "we'll",
    is none), or -1: what a quotation says of the future is not the clause's tense."""
    marks = list(_QUOTE_MARK.finditer(window))
    return marks[-1].start() if marks else -1


def month_day(month: int, day: int, base: dt.date, future: bool) -> Period | None:
    """A month and day without a year: the most recent past occurrence, unless it falls within
    about 90 days after `base`; the next occurrence when the clause speaks of the future."""
    for year in (base.year, base.year - 1, base.year + 1):
        if not _valid(year, month, day):
            return None
    this = dt.date(base.year, month, day)
    if future:
        return P.day(this if this >= base else dt.date(base.year + 1, month, day))
    if this <= base or (this - base).days <= _HORIZON_DAYS:
        return P.day(this)
    return P.day(dt.date(base.year - 1, month, day))


def month_only(month: int, base: dt.date, future: bool) -> Period:
    """A month without a year, by the same rule as `month_day` at month scale."""
    ahead = (month - base.month) % 12
    if ahead == 0:
        return Period(P.MONTH, base.year, month)
    if future or ahead <= 3:
        return Period(P.MONTH, base.year + (month < base.month), month)
    return Period(P.MONTH, base.year - (month > base.month), month)


def weekday(wd: int, base: dt.date, rel: str, future: bool) -> Period:
    """A weekday: this week's by default (the most recent one, today included), the next one
    when the clause speaks of the future; "last" and "next" skip today."""
    back = (base.weekday() - wd) % 7
    ahead = (wd - base.weekday()) % 7
    if rel in ("last", "past", "this past", "previous"):
        return P.day(base - dt.timedelta(days=back or 7))
    if rel in ("next", "coming", "this coming", "following"):
        return P.day(base + dt.timedelta(days=ahead or 7))
    if rel == "this":
        return P.day(base + dt.timedelta(days=wd - base.weekday()))
    if future:
        return P.day(base + dt.timedelta(days=ahead))
    return P.day(base - dt.timedelta(days=back))


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
