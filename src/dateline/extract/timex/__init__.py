"""The temporal layer of extraction: find temporal expressions and normalise them.

    >>> import datetime as dt
    >>> from dateline.extract.timex import tag
    >>> [(t.text, t.value) for t in tag("On June 10, the ministers met.", dt.date(2021, 6, 20))]
    [('June 10', '2021-06-10')]

Each `Timex` carries its TimeML type and value, its calendar reading (`Timex.date`, a
`DateValue` with EDTF, inclusive days and precision), a modifier (START, MID, END), what it was
resolved against (`Timex.anchor`) and whether it dates a citation in parentheses.
`discourse_date` tells the event extractor which date is in force at a position of the text.
"""

from __future__ import annotations

import datetime as dt
import threading

from dateline.extract.records import DateValue, Timex
from dateline.extract.timex.tagger import TimexTagger

__all__ = ["TimexTagger", "discourse_date", "tag"]

_shared: TimexTagger | None = None
_lock = threading.Lock()


def _tagger() -> TimexTagger:
    global _shared
    with _lock:
        if _shared is None:
            _shared = TimexTagger()
        return _shared


def tag(text: str, reference: dt.date | None = None) -> list[Timex]:
    """The temporal expressions of `text`, with a shared tagger created on first use."""
    return _tagger().tag(text, reference)


def discourse_date(timexes: list[Timex], position: int) -> Timex | None:
    """The last dated, non-citation expression that ends at or before `position`: the date in
    force there for an event reported without one of its own."""
    best: Timex | None = None
    for t in timexes:
        if t.end > position:
            break
        if t.date is not None and not t.citation and _is_calendar(t.date):
            best = t
    return best


def _is_calendar(d: DateValue) -> bool:
    return bool(d.edtf)
