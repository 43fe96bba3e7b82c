"""Finding candidate temporal expressions: triggers, grammar matches and the filters that drop
what only looks like a date (modal "may", "Resolution 1973", "2000 troops", "a second").

The grammar is only tried at the word starts just before a trigger word, so that the cost of
the full grammar is paid a few times per date, not at every word of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from dateline.extract.timex.grammar import cv, fields, grammar
from dateline.extract.timex.lexicon import lexicon

_LOOKBACK = 48  # characters before a trigger where an expression may start ("the beginning of")
# Words that may open an expression before its trigger word ("the", "early", "last", "two").
_OPENER_WORDS = (
    "the a an this that these last next past coming previous following current same prior preceding "
    "early late mid earlier later between from almost nearly about some more less over roughly around "
    "just only at up another further remaining final first second third fourth latest comparable fiscal "
    "calendar fy year every each several few couple half latter day corresponding year-earlier year-ago "
    "year-before prior-year".split()
)
_OPENER = re.compile(
    r"(?<![\w'’.-])(?:\d|Q[1-4]|"
    + cv(*_OPENER_WORDS, *lexicon().numbers, *lexicon().ordinals, *lexicon().months, *lexicon().weekdays)
    + r"(?![\w'’]))"
)
_PREV_WORD = re.compile(r"([\w'’.-]+)[\s,]*$")
_NEXT_WORD = re.compile(r"^[\s,]*([\w'’-]+)")
_SEASON_CONTEXT = frozenset(
    "in during by until till since through throughout for before after of early late mid this last next "
    "past coming every each".split()
)


# "the day before" alone counts from the date told before; "the day before the vote", from the vote.
_NEEDS_AN_END = frozenset({"the day before", "the day after", "the night before", "the evening before"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A grammar match kept by the filters: its span, rule and named fields."""

    start: int
    end: int
    rule: str
    fields: dict[str, str]
    join: tuple[int, int] | None = None  # where a range's ends meet ("-", " to ")


def prev_word(text: str, start: int, width: int = 30) -> str:
    """The word just before `start`, lower-case, without its trailing punctuation."""
    m = _PREV_WORD.search(text, max(0, start - width), start)
    return m.group(1).lower().rstrip(".") if m else ""


def next_word(text: str, end: int, width: int = 30) -> str:
    """The word just after `end`, lower-case."""
    m = _NEXT_WORD.match(text[end : end + width])
    return m.group(1).lower() if m else ""


def _month_ok(text: str, start: int, end: int, month: str, bare: bool) -> bool:
    """Whether a month name is a month here, not modal "may", the verb "march" or a name."""
    word = month.lower().rstrip(".")
    lex = lexicon()
    before = prev_word(text, start)
    after = next_word(text, end)
    if word in lex.ambiguous_months:
        if before in lex.month_context_before:
            return True
        return not bare and after not in lex.month_blockers_after
    if bare and (len(word) <= 4 and word not in ("june", "july")):
        return before in lex.month_context_before
    return not (bare and after[:1].isupper() and before not in lex.month_context_before)


def _year_ok(text: str, start: int, end: int) -> bool:
    """Whether a bare four-digit number is a year, not a count or an identifier."""
    lex = lexicon()
    before = prev_word(text, start)
    after = next_word(text, end)
    if before in lex.identifier_words or after in lex.counted_nouns:
        return False
    tail = text[end : end + 3]
    return not (tail[:1] in ("-", "–") and tail[1:2].isdigit())


def _keep(text: str, c: Candidate) -> bool:
    f, rule = c.fields, c.rule
    month_alone = rule == "mon" or (rule == "dmy" and not f.get("y"))
    if "m" in f and month_alone and not _month_ok(text, c.start, c.end, f["m"], bare=rule == "mon"):
        return False
    between = f.get("p", "").lower().strip() == "between"
    if rule in ("rmy", "ry") and f["j"].strip() == "and" and not between:
        return False
    if rule == "ry" and len(f["b"]) == 2 and f["j"].strip() not in ("-", "–"):
        return False
    if rule == "ry" and not f.get("p") and f["j"].strip() not in ("-", "–") and not _year_ok(text, c.start, c.end):
        return False
    if rule == "year" and not f.get("f") and not f.get("mod"):
        return _year_ok(text, c.start, c.end)
    if rule == "dur":
        if f["n"].lower() in ("a", "an") and f["u"].lower().startswith("second"):
            return False
        nxt = text[c.end : c.end + 5].lower()
        if nxt.startswith(("-old", " old")):
            return False
    if rule == "ago" and f["dir"].lower() in ("before", "after", "back"):
        return re.match(r"\s*(?:[.,;:)!?]|$)", text[c.end : c.end + 3]) is not None
    if rule == "dx" and " ".join(f["w"].lower().split()) in _NEEDS_AN_END:
        return re.match(r"\s*(?:[.,;:)!?]|$)", text[c.end : c.end + 3]) is not None
    if rule == "sea":
        if f.get("the") and not f.get("y") and next_word(text, c.end) == "of":
            return False
        if not (f.get("rel") or f.get("the") or f.get("y") or f.get("mod")):
            return (f["s"][:1].isupper() and f["s"].lower() != "fall") or prev_word(text, c.start) in _SEASON_CONTEXT
    if rule == "qtr" and not (f.get("rel") or f.get("o") or f.get("y") or f.get("q") or f.get("y2")):
        return text[c.start : c.start + 3].lower() == "the"
    if rule == "dec" and f.get("w"):
        return bool(f.get("the")) and prev_word(text, c.start) not in ("his", "her", "their", "its", "my")
    if rule == "rel":
        rel, unit = f["rel"].lower(), f["u"].lower()
        if unit == "day" and rel not in ("same", "that", "previous", "following", "preceding", "prior", "next"):
            return False
        if rel == "that" and unit in lexicon().months:
            # "travelled to Washington that September": the month of the year just told; never "that may".
            return f["u"][:1].isupper() and unit not in lexicon().ambiguous_months
    return True


def candidates(text: str) -> Iterator[Candidate]:
    """The kept grammar matches of a text, in order and non-overlapping."""
    g = grammar()
    done = 0
    for trig in g.trigger.finditer(text):
        if trig.start() < done:
            continue
        found = _at_trigger(text, trig.start(), trig.end(), done)
        if found is not None:
            done = found.end
            yield found


def _at_trigger(text: str, t_start: int, t_end: int, done: int) -> Candidate | None:
    """The longest kept match that covers a trigger: first at the trigger, then at the opener
    words before it, nearest first, as long as each opener still starts a match."""
    best = _match_at(text, t_start, t_start)
    lo = max(done, t_start - _LOOKBACK)
    for m in reversed(list(_OPENER.finditer(text, lo, t_start))):
        found = _match_at(text, m.start(), t_start)
        if found is None:
            break
        best = found
    return best


# When the filters drop a match, the shorter readings still worth a try at the same place.
_FALLBACK = {
    "rmd": ("mdy",),
    "rdm": ("dmy",),
    "rmy": ("my", "mon"),
    "ry": ("year",),
    "ago": ("dur",),
    "dmy": ("dur",),
    "mdy": ("mon",),
}


def _match_at(text: str, s: int, t_start: int) -> Candidate | None:
    """The kept match starting at `s` that reaches past `t_start`, by the first rule that gives one."""
    g = grammar()
    m = g.match(text, s)
    if m is None or m.end() <= t_start:
        return None
    rule = m.lastgroup or ""
    c = Candidate(m.start(), m.end(), rule, fields(m, rule), _join(m, rule))
    if _keep(text, c):
        return c
    for other in _FALLBACK.get(rule, ()):
        m2 = g.rules[other].match(text, s)
        if m2 is None or m2.end() <= t_start:
            continue
        c = Candidate(m2.start(), m2.end(), other, fields(m2, other), _join(m2, other))
        if _keep(text, c):
            return c
    return None


def _join(m: re.Match[str], rule: str) -> tuple[int, int] | None:
    return m.span(f"{rule}_j") if rule in _RANGES else None


_RANGES = frozenset({"rmd", "rdm", "rmy", "ry"})
