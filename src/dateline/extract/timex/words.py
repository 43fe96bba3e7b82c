"""Temporal expressions written without digits: years in words ("nineteen ninety-six", "the year
two thousand"), and plural units without a number ("for years", "the following months")."""

from __future__ import annotations

from collections.abc import Callable

from dateline.extract.records import Anchor, TimexType
from dateline.extract.timex import absolute as A
from dateline.extract.timex import periods as P
from dateline.extract.timex.anchoring import Discourse
from dateline.extract.timex.candidates import Candidate, following_before
from dateline.extract.timex.lexicon import number
from dateline.extract.timex.normalise import Reading, dated
from dateline.extract.timex.periods import Period

_SEASON = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
_PLURAL = {
    "days": "PXD",
    "weeks": "PXW",
    "months": "PXM",
    "years": "PXY",
    "decades": "PXY",
    "centuries": "PXY",
    "hours": "PTXH",
    "minutes": "PTXM",
}


def word_year(words: str) -> int | None:
    """The year of "nineteen ninety-six", "nineteen oh five", "nineteen hundred", "two thousand and one"."""
    w = " ".join(words.lower().replace("-", " ").split())
    if w.startswith("two thousand"):
        rest = w[len("two thousand") :].replace(" and ", " ").strip()
        n = number(rest) if rest else 0
        return None if n is None else 2000 + int(n)
    rest = w[len("nineteen") :].strip()
    if rest == "hundred":
        return 1900
    n = number(rest[3:] if rest.startswith("oh ") else rest)
    return None if n is None or not 0 <= n < 100 else 1900 + int(n)


def read_word_year(c: Candidate, ctx: Discourse) -> Reading | None:
    """ "nineteen ninety-six", "January nineteen ninety-seven", "the winter of nineteen ninety-four"."""
    f = c.fields
    y = word_year(f["y"])
    if y is None:
        return None
    if f.get("m"):
        return dated(Period(P.MONTH, y, A.month(f["m"])), explicit=True)
    if f.get("s"):
        return dated(Period(P.SEASON, y, index=_SEASON[f["s"].lower()]), explicit=True)
    return dated(Period(P.YEAR, y), explicit=True)


def read_plural(c: Candidate, ctx: Discourse) -> Reading | None:
    """ "for years", "within days", "the following months": a duration of unknown length."""
    r = Reading(TimexType.DURATION, _PLURAL[c.fields["u"].lower()], anchor=Anchor.NONE)
    r.start = following_before(ctx.text, c.start)
    return r


READERS: dict[str, Callable[[Candidate, Discourse], Reading | None]] = {"wy": read_word_year, "pl": read_plural}
