"""The tagger: candidates in, normalised and anchored `Timex` records out."""

from __future__ import annotations

import datetime as dt

from dateline.extract.records import Timex, TimexType
from dateline.extract.timex import periods as P
from dateline.extract.timex.anchoring import Discourse, is_narrative
from dateline.extract.timex.candidates import Candidate, candidates
from dateline.extract.timex.citations import is_citation
from dateline.extract.timex.daytime import READERS as DAYTIME
from dateline.extract.timex.fallback import NumericDates
from dateline.extract.timex.focus import READERS as FOCUS
from dateline.extract.timex.grammar import grammar
from dateline.extract.timex.holidays import READERS as HOLIDAYS
from dateline.extract.timex.normalise import READERS as EXPLICIT
from dateline.extract.timex.normalise import Reading, read_num
from dateline.extract.timex.relative import READERS as RELATIVE
from dateline.extract.timex.words import READERS as WORDS

_READERS = {**EXPLICIT, **RELATIVE, **FOCUS, **DAYTIME, **HOLIDAYS, **WORDS}
_NOT_CALENDAR = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_NOTED = (TimexType.DATE, TimexType.TIME)


class TimexTagger:
    """Finds and normalises the temporal expressions of English texts.

    Construct once and reuse: it holds the dateparser parsers (for numeric dates) and its
    caches. `day_first` fixes the order of ambiguous numeric dates ("06/07/2021"); by default
    slashes read month first and dots day first.
    """

    def __init__(self, day_first: bool | None = None) -> None:
        self._numeric = NumericDates(day_first)
        grammar()  # compile the grammar now, not on the first text

    def tag(self, text: str, reference: dt.date | None = None) -> list[Timex]:
        """The temporal expressions of `text`, sorted by start and non-overlapping.

        `reference` is the publication date: deictic expressions ("yesterday", "on Thursday")
        are resolved against it. Without it they keep X-values ("XXXX-06-10") and no date,
        unless a date of the discourse anchors them.
        """
        if isinstance(reference, dt.datetime):
            reference = reference.date()
        found = list(candidates(text))
        stated = [(i, y) for i, c in enumerate(found) if len(y := c.fields.get("y", "")) == 4 and y.isdigit()]
        years = [int(y) for _, y in stated]
        deictic = sum(1 for c in found if _counts_from_today(c))
        discourse = Discourse(text, reference, narrative=is_narrative(years, reference, deictic))
        asides = _asides(found, [i for i, _ in stated], years)
        out: list[Timex] = []
        for i, c in enumerate(found):
            reading = self._read(c, discourse)
            if reading is None:
                continue
            start = reading.start if reading.start is not None else c.start
            citation = is_citation(text, start, c.end)
            date = reading.date_value()
            parts = _parts(text, start, c, reading, citation)
            out.append(
                Timex(
                    start,
                    c.end,
                    text[start : c.end],
                    reading.type,
                    reading.value,
                    date,
                    reading.modifier,
                    reading.anchor,
                    citation,
                    parts,
                )
            )
            period = reading.until or reading.period
            dated = period is not None and reading.value not in _NOT_CALENDAR
            if period is not None and dated and not citation and reading.type in _NOTED and i not in asides:
                discourse.note(period, c.start, reading.explicit, reading.focus)
        return out

    def _read(self, c: Candidate, discourse: Discourse) -> Reading | None:
        if c.rule == "num":
            return read_num(c, discourse, self._numeric)
        return _READERS[c.rule](c, discourse)


_TODAY_WORDS = frozenset({"today", "tonight", "yesterday", "tomorrow", "this morning", "this afternoon",
                          "this evening", "last night"})  # fmt: skip
_FROM_TODAY = frozenset({"this", "last", "next", "past", "coming", "this past", "this coming"})


def _counts_from_today(c: Candidate) -> bool:
    """ "on Wednesday", "yesterday", "earlier this month", "January this year": the writer's own day."""
    if c.rule == "wd":
        return True
    if c.rule == "myr":  # not "October of that year", which counts from the story's year
        return c.fields["rel"].lower() in ("this", "last", "next")
    if c.rule == "dx":
        return " ".join(c.fields["w"].lower().split()) in _TODAY_WORDS
    return c.rule == "rel" and " ".join(c.fields["rel"].lower().split()) in _FROM_TODAY


_ASIDE_YEARS = 10


def _asides(found: list[Candidate], at: list[int], years: list[int]) -> set[int]:
    """The bare years far (more than ten years) from the years stated around them: from the median
    of the three before, and from the median of the three after unless none follows. A year in
    passing ("the largest cavalry battle since 1813", "documents found in 2004") that does not move
    the story's time; a story that moves on to a later era stays near the years after it. `at` are
    the indices in `found` of the candidates that state the `years`."""
    out = set()
    for k, i in enumerate(at):
        if found[i].rule != "year" or k == 0:
            continue
        y, after = years[k], years[k + 1 : k + 4]
        if abs(y - _median(years[max(0, k - 3) : k])) > _ASIDE_YEARS and (
            not after or abs(y - _median(after)) > _ASIDE_YEARS
        ):
            out.add(i)
    return out


def _median(values: list[int]) -> int:
    return sorted(values)[len(values) // 2]


def _parts(text: str, start: int, c: Candidate, reading: Reading, citation: bool) -> tuple[Timex, ...]:
    """The two ends of a range, as TimeML annotates them: "1861-1863" is 1861 and 1863."""
    if c.join is not None and reading.ends is not None:
        spans = ((start, c.join[0]), (c.join[1], c.end))
        return tuple(
            Timex(a, b, text[a:b], TimexType.DATE, v, None, None, reading.anchor, citation)
            for (a, b), v in zip(spans, reading.ends, strict=True)
        )
    if c.join is None or reading.period is None or reading.until is None:
        return ()
    out = []
    for (a, b), p in (((start, c.join[0]), reading.period), ((c.join[1], c.end), reading.until)):
        out.append(
            Timex(a, b, text[a:b], TimexType.DATE, P.timeml_value(p), P.date_value(p), None, reading.anchor, citation)
        )
    return tuple(out)
