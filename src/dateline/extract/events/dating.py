"""Which temporal expression dates which trigger, and the publication date as an event date."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateline.extract.events.triggers import Trigger
from dateline.extract.records import DateValue, Precision, Timex, TimexType
from dateline.extract.sentences import Sentence

# Words before a date that make it bound something else: "a plan for 2021-2022", "until 2024".
_BOUNDING = re.compile(
    r"\b(?:for|through|throughout|until|till|since|from|over|to|by the end of|before|prior to|ahead of)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_EMPTY_SOURCE = re.compile(r"\(\s*[,;]+\s*(?:accessed\s+)?$", re.IGNORECASE)
# "now", "currently": they describe a state of affairs, not when something happened.
_STATE_WORDS = frozenset({"now", "currently", "presently", "at present", "nowadays", "at the moment", "these days"})
# Between a date and a trigger, these mark that the date belongs to another phrase.
_BREAK = re.compile(r",|;|—|–|\band\b|\bbut\b|\bwhile\b|\bwhich\b|\bwho\b|\bthat\b|\bwhen\b|\bafter\b|\bbefore\b")
_BREAK_PENALTY = 60


def publication_value(published: dt.date, precision: str | None) -> DateValue:
    """The publication date as an event date: the day when it is known, else its month."""
    if precision == "day":
        return DateValue(published.isoformat(), published, published, Precision.DAY)
    last = calendar.monthrange(published.year, published.month)[1]
    return DateValue(
        f"{published.year:04d}-{published.month:02d}",
        published.replace(day=1),
        published.replace(day=last),
        Precision.MONTH,
    )


def usable(t: Timex, text: str) -> bool:
    """Whether a temporal expression may date an event: a calendar date, not a citation, not a bound."""
    if t.citation or t.date is None or t.type not in (TimexType.DATE, TimexType.TIME):
        return False
    if t.date.precision is Precision.CENTURY or t.text.lower() in _STATE_WORDS:
        return False
    before = text[max(0, t.start - 25) : t.start]
    if _EMPTY_SOURCE.search(before) and text[t.end : t.end + 2].lstrip().startswith(")"):
        return False  # "(, June 11)": a citation whose source name was lost
    ranged = "/" in t.date.edtf or t.text.lower().startswith(("from", "between"))
    return ranged or not _BOUNDING.search(before)


def _gap(t: Timex, trig: Trigger, text: str) -> int:
    """Characters between a date and a trigger, plus a penalty for each phrase boundary between them."""
    if t.end <= trig.start:
        lo, hi = t.end, trig.start
    elif t.start >= trig.end:
        lo, hi = trig.end, t.start
    else:
        return 0
    return (hi - lo) + _BREAK_PENALTY * len(_BREAK.findall(text, lo, hi))


def pick_timex(trigger: Trigger, triggers: list[Trigger], timexes: list[Timex], text: str,
               sentence: Sentence) -> Timex | None:  # fmt: skip
    """The temporal expression governing a trigger.

    Each date goes to the trigger nearest to it, phrase boundaries counting as distance; a
    trigger without a date of its own takes the date of the trigger before it in the sentence
    ("visited Rome in July 2019 and praised Salvini"), or a date that opens the sentence
    ("On June 10, X visited Kyiv, where he met Y").
    """
    if not timexes:
        return None
    owner: dict[int, list[Timex]] = {}
    for t in timexes:
        best = min(range(len(triggers)), key=lambda i: _gap(t, triggers[i], text))
        owner.setdefault(best, []).append(t)
    index = triggers.index(trigger)
    own = owner.get(index)
    if own:
        return min(own, key=lambda t: _gap(t, trigger, text))
    for earlier in range(index - 1, -1, -1):
        dates = owner.get(earlier)
        if dates:
            between = text[triggers[earlier].end : trigger.start]
            if ";" not in between:
                return min(dates, key=lambda t: _gap(t, triggers[earlier], text))
            break
    first = min(timexes, key=lambda t: t.start)
    if first.start < triggers[0].start and ";" not in text[sentence.start : first.start]:
        return first
    return None


def frame_of(sentence: Sentence, timexes: tuple[Timex, ...] | list[Timex], text: str) -> Timex | None:
    """A date that opens a sentence ("In 2014, ...", "On 21 November 2016 ..."): it frames the
    sentences after it in the same paragraph that give no date of their own."""
    for t in timexes:
        if t.start >= sentence.start:
            head = text[sentence.start : t.start]
            if t.start < sentence.end and len(head) <= 12 and usable(t, text) and "," not in head:
                return t
            return None
    return None


def is_background(timexes: tuple[Timex, ...] | list[Timex], published: dt.date | None) -> bool:
    """Whether an article is background or history rather than news of the day.

    Most of its explicit dates lie two years or more before publication: then the present
    perfect ("has paid several visits") is not today's news and the publication date dates nothing.
    """
    if published is None:
        return False
    years = [
        t.date.latest.year for t in timexes if t.date is not None and not t.citation and t.anchor.value == "absolute"
    ]
    old = sum(1 for y in years if y <= published.year - 2)
    return len(years) >= 4 and old / len(years) >= 0.5
