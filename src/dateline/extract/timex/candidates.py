"""Finding candidate temporal expressions: triggers, grammar matches and the filters that drop
what only looks like a date (modal "may", "Resolution 1973", "2000 troops", "a second").

The grammar is only tried at the word starts just before a trigger word, so that the cost of
the full grammar is paid a few times per date, not at every word of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from dateline.extract.timex.grammar import Grammar, cv, fields
from dateline.extract.timex.lexicon import lexicon
from dateline.extract.timex.rare import grammar_for

_LOOKBACK = 48  # characters before a trigger where an expression may start ("the beginning of")
# Words that may open an expression before its trigger word ("the", "early", "last", "two").
_OPENER_WORDS = (
    "the a an this that these last next past coming previous following current same prior preceding "
    "early late mid earlier later between from almost nearly about some more less over roughly around "
    "just only at up another further remaining final first second third fourth latest comparable fiscal "
    "calendar fy year every each several few couple half latter day corresponding year-earlier year-ago ca circa "
    "good christmas easter valentine's valentine’s boxing bastille armistice remembrance memorial labor veterans "
    "veterans' may per right "
    "year-before prior-year".split()
)
_OPENER = re.compile(
    r"(?<![\w'’.-])(?:\d|Q[1-4]|"
    + cv(*_OPENER_WORDS, *lexicon().numbers, *lexicon().ordinals, *lexicon().months, *lexicon().weekdays)
    + r"(?![\w'’]))"
)
_PREV_WORD = re.compile(r"([\w'’.-]+)[\s,]*$")
_NEXT_WORD = re.compile(r"^[\s,]*([\w'’-]+)")
_PLAIN_SEASONS = frozenset({"winter", "summer", "autumn"})  # seasons alone; "spring" and "fall" need context
_SEASON_CONTEXT = frozenset(
    "in during by until till since through throughout for before after of early late mid this last next "
    "past coming every each".split()
)


_PLURAL_BEFORE = frozenset("for within over after in with".split())
_PLURAL_NOT_AFTER = frozenset("ago later earlier before after old".split())
_FOLLOWING_WORDS = frozenset("following succeeding intervening ensuing subsequent".split())
_FOLLOWING = re.compile(r"(?:the|The)\s+(?:following|succeeding|intervening|ensuing|subsequent)\s+$")


def following_before(text: str, start: int) -> int | None:
    """Where "the following" (succeeding, intervening, ensuing, subsequent) before `start` begins."""
    m = _FOLLOWING.search(text, max(0, start - 25), start)
    return m.start() if m else None


_CLOCK_BEFORE = frozenset("at by from until till to before after around about since".split())
_CLOCK_NOT_AFTER = frozenset("ratio margin majority vote odds lead win victory defeat".split())


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
            if f["s"].lower() in _PLAIN_SEASONS:  # "winter quarters", "the severe Manchurian winter"
                return True
            return (f["s"][:1].isupper() and f["s"].lower() != "fall") or prev_word(text, c.start) in _SEASON_CONTEXT
    if rule == "qtr" and not (f.get("rel") or f.get("o") or f.get("y") or f.get("q") or f.get("y2")):
        return text[c.start : c.start + 3].lower() == "the"
    if rule == "dec" and f.get("w"):
        return bool(f.get("the")) and prev_word(text, c.start) not in ("his", "her", "their", "its", "my")
    if rule in _DAYTIME_RULES:
        return _keep_daytime(text, c)
    if rule == "set" and f["w"].lower() == "quarterly" and next_word(text, c.end)[:1].islower():
        return False  # "a quarterly dividend": a kind of dividend, not a recurring time
    if rule == "wd" and f.get("w", "")[:1] == "F" and prev_word(text, c.start) == "good" and _in_name(text, c.end):
        return False  # the Friday of "the Good Friday Agreement"
    if rule == "rel":
        rel, unit = f["rel"].lower(), f["u"].lower()
        if unit == "day" and rel not in (
            "same",
            "that",
            "that same",
            "previous",
            "following",
            "preceding",
            "prior",
            "next",
        ):
            return False
        if rel == "that" and unit in lexicon().months:
            # "travelled to Washington that September": the month of the year just told; never "that may".
            return f["u"][:1].isupper() and unit not in lexicon().ambiguous_months
    return True


# The words before "the year" that make it the year in focus, with the modifier they give.
FOCUS_WORDS: dict[tuple[str, ...], str | None] = {
    ("beginning", "of"): "START",
    ("start", "of"): "START",
    ("dawn", "of"): "START",
    ("early", "in"): "START",
    ("early", "part", "of"): "START",
    ("first", "part", "of"): "START",
    ("middle", "of"): "MID",
    ("end", "of"): "END",
    ("close", "of"): "END",
    ("turn", "of"): "END",
    ("late", "in"): "END",
    ("later", "in"): "END",
    ("latter", "part", "of"): "END",
    ("later", "part", "of"): "END",
    ("last", "part", "of"): "END",
    ("final", "part", "of"): "END",
    ("earlier", "in"): None,
    ("rest", "of"): None,
}
_WORD = re.compile(r"\S+")


def focus_before(text: str, start: int) -> tuple[int, str | None] | None:
    """Where the words that make "year" or "month" the one in focus begin, and their modifier, when
    they end at `start`: "the end of the", "earlier in the", "the rest of the", "the latter part of
    the"."""
    if text[max(0, start - 4) : start].lower() != "the ":
        return None  # most "year"s, at the cost of a slice
    lo = max(0, start - 40)
    words = [m.span() for m in _WORD.finditer(text, lo, start)]
    for n in (3, 2):
        if len(words) <= n:
            continue
        key = tuple(text[a:b].lower() for a, b in words[-1 - n : -1])
        if key in FOCUS_WORDS:
            first = len(words) - 1 - n
            if first > 0 and text[words[first - 1][0] : words[first - 1][1]].lower() == "the":
                first -= 1  # "the end of the year"
            return words[first][0], FOCUS_WORDS[key]
    return None


def _in_name(text: str, end: int) -> bool:
    """Whether the words before `end` begin a name: "[Good Friday] Agreement", "[Easter] Rising"."""
    after = re.match(r"[\s-]*([\w'’]+)", text[end : end + 30])
    return after is not None and (after.group(1)[:1].isupper() or after.group(1).lower() == "agreement")


_DAYTIME_RULES = frozenset({"clk", "foc", "noon", "hol", "pl"})


def _keep_daytime(text: str, c: Candidate) -> bool:
    """The filters of clock times, the year in focus, noon and holidays."""
    f, rule = c.fields, c.rule
    if rule == "clk":  # "at 19:15", not "John 3:16" nor "a 3:1 ratio"
        before = text[max(0, c.start - 20) : c.start].split()[-1:] or [""]
        word = before[0].strip("(\"'")
        named = word[:1].isupper() and word.lower() not in _CLOCK_BEFORE
        return not named and word.lower() not in ("a", "an") and next_word(text, c.end) not in _CLOCK_NOT_AFTER
    if rule == "foc":  # "the end of the year", "year-end"; not a bare "year"
        return bool(f.get("end")) or focus_before(text, c.start) is not None
    if rule == "noon":
        return prev_word(text, c.start) != "high"  # "High Noon"
    if rule == "pl":  # "for years", "within days", "the following months"; not "in the years that followed"
        before = text[max(0, c.start - 25) : c.start].split()[-2:]
        prev = before[-1].lower() if before else ""
        if prev in _FOLLOWING_WORDS and before[0].lower() == "the":
            return True
        return prev in _PLURAL_BEFORE and next_word(text, c.end) not in _PLURAL_NOT_AFTER
    if f["h"][:1] in "nN" and f["h"][-4:].lower() == "year":  # "the new year", not "a new year of growth"
        return text[max(0, c.start - 4) : c.start].lower() == "the "
    # not "White Christmas", nor a holiday in a name ("the Good Friday Agreement")
    return prev_word(text, c.start) != "white" and (bool(f.get("y")) or not _in_name(text, c.end))


def candidates(text: str) -> Iterator[Candidate]:
    """The kept grammar matches of a text, in order and non-overlapping."""
    g = grammar_for(text)
    done = 0
    for trig in g.trigger.finditer(text):
        if trig.start() < done:
            continue
        found = _at_trigger(g, text, trig.start(), trig.end(), done)
        if found is not None:
            done = found.end
            yield found


def _at_trigger(g: Grammar, text: str, t_start: int, t_end: int, done: int) -> Candidate | None:
    """The longest kept match that covers a trigger: first at the trigger, then at the opener
    words before it, nearest first, as long as each opener still starts a match."""
    best = _match_at(g, text, t_start, t_start)
    lo = max(done, t_start - _LOOKBACK)
    for m in reversed(list(_OPENER.finditer(text, lo, t_start))):
        found = _match_at(g, text, m.start(), t_start)
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


def _match_at(g: Grammar, text: str, s: int, t_start: int) -> Candidate | None:
    """The kept match starting at `s` that reaches past `t_start`, by the first rule that gives one."""
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
    if rule not in _RANGES:
        return None
    span = m.span(f"{rule}_j")
    return span if span[0] >= 0 else None


_RANGES = frozenset({"rmd", "rdm", "rmy", "ry", "bc"})
