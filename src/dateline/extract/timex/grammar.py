"""The candidate grammar: one compiled regular expression per rule, and all rules in one.

The patterns are case-sensitive on purpose: each word is spelled lower-case, capitalised and
upper-case, which keeps the regular-expression engine's first-character scan fast (an
IGNORECASE alternation is five times slower). Rules are tried in the order listed: at any
position, the first rule that matches wins, so longer forms come first. Group names are
prefixed with their rule's name; the rule of a match is its `lastgroup`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, partial

from dateline.extract.timex.firstchar import can_start
from dateline.extract.timex.lexicon import lexicon


def cv(*words: str, lower: bool = True) -> str:
    """A regular expression for words in lower (unless not `lower`), capitalised and upper case,
    as a trie ("J(?:an(?:uary)?|une)") so that matching costs one test per letter, not per word."""
    variants: set[str] = set()
    for w in words:
        variants.update(((w,) if lower else ()) + (w[:1].upper() + w[1:], w.upper()))
    return _trie_regex(variants)


def _variants(*words: str) -> set[str]:
    """Each word in lower case, capitalised and upper case."""
    return {v for w in words for v in (w, w[:1].upper() + w[1:], w.upper())}


def _trie_regex(words: set[str]) -> str:
    trie: dict[str, dict] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, dict]) -> str:
    ends = "" in node
    branches = [(r"\s+" if ch == " " else re.escape(ch)) + _emit(sub) for ch, sub in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        return "(?:" + body + ")?"
    return body


_FULL_MONTHS = [w for w in lexicon().months if len(w) > 4 or w in ("may", "june", "july")]
_ABBR_MONTHS = [w for w in lexicon().months if w not in _FULL_MONTHS]
MONTH = rf"(?:{cv(*_FULL_MONTHS, lower=False)}|{cv(*_ABBR_MONTHS, lower=False)}\.?)(?!\w|-[a-z])"
WEEKDAY = cv(*(w for w in lexicon().weekdays if len(w) > 5), lower=False) + r"(?![\w-])"
SEASON = cv(*lexicon().seasons) + r"(?![\w-])"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:.,]\d|\w)"
YEAR = r"(?<![\d$£€#.,])(?:1\d{3}|20\d{2})(?![\d%]|[.,]\d|\w)"
SP = r"\s+"
_NUMBER_WORDS = [w for w in lexicon().numbers if w not in ("some", "many")]
NUM = rf"(?:\d+(?:\.\d+)?|{cv(*_NUMBER_WORDS)}(?:[\s-]+{cv(*_NUMBER_WORDS)})?)"
UNIT = r"(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|centur(?:y|ie))s?"
ORD = cv(*lexicon().ordinals) + r"|\d{1,2}(?:st|nd|rd|th)"
_MOD_PHRASES = (
    "the beginning of",
    "the start of",
    "the end of",
    "the middle of",
    "the close of",
    "the turn of",
    "the dawn of",
)
MOD = rf"(?:{cv('early', 'late', 'mid')}(?:\s*-\s*|\s+)|{cv(*_MOD_PHRASES)}\s+)"
RANGE_JOIN = r"(?:\s*[-–—]\s*|\s+(?:to|through|thru|until|till|and)\s+)"
PREP = rf"(?:{cv('between', 'from')}\s+)"
REL = cv(
    "this past",
    "this coming",
    "that same",
    "last",
    "next",
    "this",
    "past",
    "coming",
    "previous",
    "following",
    "current",
    "same",
    "prior",
    "preceding",
    "that",
)
DET = cv("the")
_YY = r"(?<=[-–])\d\d(?![\d%/-]|[.,]\d|\w)"
_BC_YEAR = r"(?<![\d$£€#.,])[1-9]\d{0,3}(?![\d%]|[.,]\d|\w)"
_BC = r"(?:B\.\s?C\.?(?:\s?E\.)?|BCE?)(?!\w)"
_ISO_Y = r"(?<![\d-])(?:1\d{3}|20\d{2})"
_ISO_D = r"0[1-9]|[12]\d|3[01]"
_NUMERIC = (
    r"(?<![\d/.-])(?:\d{1,2}[/.]\d{1,2}[/.](?:1\d{3}|20\d{2}|\d{2})|(?:1\d{3}|20\d{2})/\d{1,2}/\d{1,2})"
    r"(?![\d/]|\.\d)"
)
_HOUR = r"(?<![\d:.])(?:1[0-2]|0?[1-9])"
_AMPM = r"[ap]\.m\.|[ap]m\b|[AP]M\b"
_CLOCK_DAY = WEEKDAY + "|" + cv("today", "yesterday", "tomorrow")
_RELMOD = cv("early", "late", "earlier", "later", "mid") + r"(?:\s*-\s*|\s+)(?:in\s+)?|" + MOD
_DEC_Y = r"1\d\d0|20\d0"
_DEC_YY = r"\d0"
_YEARS_POSS = ("this year's", "last year's", "next year's", "this year’s", "last year’s", "next year’s")
_FIN = ("latest", "year-earlier", "year-ago", "comparable", "corresponding", "year-before", "prior-year", "same")
_QTR_REL = REL + "|" + cv("latest", "year-ago", "year-earlier", "comparable", "fiscal", *_YEARS_POSS)
_FISCAL = cv("fiscal")
_NEAR = cv("this", "last", "next")
_CENTURY_WORDS = ORD + "|" + cv("twentieth", "nineteenth", "eighteenth", "twenty-first")
_APPROX = (
    "almost",
    "nearly",
    "about",
    "some",
    "more than",
    "less than",
    "over",
    "roughly",
    "around",
    "just over",
    "just under",
    "only",
)
_VAGUE = ("several", "a few", "a couple of", "few")
_AGO = cv("ago", "earlier", "later", "from now", "hence", "before", "after", "previously", "back")
_REL_UNITS = (
    cv(
        "weekend",
        "week",
        "month",
        "year",
        "decade",
        "century",
        "fiscal year",
        "day",
        "morning",
        "afternoon",
        "evening",
        "night",
    )
    + "|"
    + MONTH
    + "|"
    + WEEKDAY
)
_DEICTIC = cv(
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "the day before yesterday",
    "the day after tomorrow",
    "the next day",
    "the day before",
    "the day after",
    "the previous day",
    "the following day",
    "the night before",
    "the evening before",
    "hours later",
    "hours earlier",
    "minutes later",
    "this morning",
    "this afternoon",
    "this evening",
    "last night",
    "the weekend",
    "this weekend",
    "now",
    "currently",
    "nowadays",
    "right now",
    "at present",
    "presently",
)
_REFS = cv(
    "recently",
    "lately",
    "the near future",
    "the future",
    "the foreseeable future",
    "recent days",
    "recent weeks",
    "recent months",
    "recent years",
    "recent times",
    "the coming days",
    "the coming weeks",
    "the coming months",
    "the coming years",
    "the years ahead",
    "the months ahead",
    "a later date",
)
_EARLY = cv("early", "late", "earlier", "later")
# "in the past", not "the past two months", "the past few weeks"
_THE_PAST = f"{cv('the past')}(?![\\s-]+(?:{NUM}|{cv('few', 'several', 'couple', 'many')}|{UNIT}))"
_TENS = cv("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_UNITS = cv("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = cv(
    *("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
)
_WORD_YEAR = (
    rf"{cv('nineteen')}[\s-]+(?:{_TENS}(?:[\s-]+{_UNITS})?|{_TEENS}|{cv('hundred')}|{cv('oh')}[\s-]+{_UNITS})"
    rf"|{cv('two thousand')}(?:{SP}(?:and{SP})?(?:{_TEENS}|{_UNITS}))?"
)
_PARTS = cv("morning", "afternoon", "evening", "night")
# Trigger words of holidays, capitalised; those named "... Day" and "Good Friday" are found from
# their last word and an opener before it.
_HOLIDAY_TRIGGERS = {w for word in ("Christmas", "Thanksgiving", "Easter", "Halloween") for w in (word, word.upper())}
_HOLIDAY_TRIGGERS |= {"new year", "New year", "New Year", "NEW YEAR"}
_CLOCK_WORDS = ("noon", "midnight", "midday")
_NOW_WORDS = ("today", "tonight", "yesterday", "tomorrow", "now", "currently", "nowadays", "present", "presently")
_HOLIDAYS = (
    r"Christmas(?:\s+(?:Eve|Day))?|New\s+Year(?:'s|’s)\s+(?:Day|Eve)|[Nn]ew\s+[Yy]ear(?!['’\w])"
    r"|Thanksgiving(?:\s+Day)?|Easter(?:\s+(?:Sunday|Monday))?|Good\s+Friday|Halloween|Valentine(?:'s|’s)\s+Day"
    r"|(?:Boxing|Bastille|Armistice|Remembrance|Memorial|Labor)\s+Day|Veterans'?\s+Day|May\s+Day"
)
_DUR_Q = cv(
    *_APPROX,
    "at least",
    "up to",
    "the past",
    "the last",
    "the next",
    "the first",
    "the coming",
    "another",
    "the previous",
    "the following",
    "the final",
    "a further",
    "the remaining",
    # without the article too, so that the search for a longer match goes on past them to "the"
    *("past", "last", "next", "first", "coming", "previous", "following", "final", "remaining"),
)
_SETS = (
    cv("daily", "weekly", "monthly", "annually", "yearly", "quarterly", "hourly", "nightly")
    + "|"
    + cv("every", "each", "per")
    + SP
    + "(?:"
    + cv("day", "week", "month", "year", "morning", "night", "evening", "summer", "winter")
    + "|"
    + WEEKDAY
    + ")"
)


def _g(rule: str, name: str, body: str) -> str:
    return f"(?P<{rule}_{name}>{body})"


def _rules() -> list[tuple[str, str]]:
    r: list[tuple[str, str]] = []

    def add(name: str, *parts: str) -> None:
        r.append((name, "".join(parts)))

    # Years before Christ, first: "499-493 BC", "April 480 BC", "the autumn of 481 BC", "the 470s BC".
    g = partial(_g, "bc")  # named groups of this rule
    add(
        "bc",
        f"(?:{DET}{SP})?",
        g("mod", MOD),
        f"?(?:{DET}{SP})?(?:",
        g("s", SEASON),
        f"(?:{SP}of)?{SP}|",
        g("m", MONTH),
        f"{SP})?(?:{cv('ca.', 'c.', 'circa')}\\s*)?(?:",
        g("a", _BC_YEAR),
        "(?:",
        g("j", r"\s*[-–]\s*|\s+to\s+"),
        g("b", _BC_YEAR),
        ")?|",
        g("dec", r"[1-9]\d{0,2}0"),
        "'?s|",
        g("cen", ORD),
        r"[\s-]+",
        cv("century"),
        r")\s*",
        g("era", _BC),
    )
    # Ranges, with the year carried across: "June 11-12", "February 27-28, 2019".
    g = partial(_g, "rmd")  # named groups of this rule
    add(
        "rmd",
        g("p", PREP),
        "?",
        g("am", MONTH),
        SP,
        g("ad", DAYNUM),
        f"(?:,?{SP}",
        g("ay", YEAR),
        ")?",
        g("j", RANGE_JOIN),
        "(?:",
        g("bm", MONTH),
        SP,
        ")?",
        g("bd", DAYNUM),
        f"(?:,?{SP}",
        g("y", YEAR),
        ")?",
    )
    g = partial(_g, "rdm")  # named groups of this rule
    add(
        "rdm",
        g("p", PREP),
        "?",
        g("ad", DAYNUM),
        f"(?:{SP}",
        g("am", MONTH),
        ")?",
        g("j", RANGE_JOIN),
        g("bd", DAYNUM),
        SP,
        g("bm", MONTH),
        f"(?:,?{SP}",
        g("y", YEAR),
        ")?",
    )
    g = partial(_g, "rmy")  # named groups of this rule
    add(
        "rmy",
        g("p", PREP),
        "?",
        g("am", MONTH),
        f"(?:,?{SP}",
        g("ay", YEAR),
        ")?",
        g("j", RANGE_JOIN),
        g("bm", MONTH),
        f"(?:,?{SP}",
        g("y", YEAR),
        r")?(?![\s,]+\d)",
    )
    g = partial(_g, "ry")  # named groups of this rule
    add("ry", g("p", PREP), "?", g("a", YEAR), g("j", RANGE_JOIN), g("b", YEAR + "|" + _YY))
    # Absolute days.
    g = partial(_g, "wdd")  # named groups of this rule
    add(
        "wdd",
        g("w", WEEKDAY),
        f",?{SP}(?:{DET}{SP})?(?:",
        g("m", MONTH),
        SP,
        g("d", DAYNUM),
        "|",
        g("d2", DAYNUM),
        f"(?:{SP}of)?{SP}",
        g("m2", MONTH),
        f")(?:,?{SP}",
        g("y", YEAR),
        ")?",
    )
    g = partial(_g, "iso")  # named groups of this rule
    add("iso", g("y", _ISO_Y), "-", g("m", "0[1-9]|1[0-2]"), "-", g("d", _ISO_D), r"(?![\d-])")
    g = partial(_g, "num")  # named groups of this rule
    add("num", g("s", _NUMERIC))
    # "May 19 last year", "19 May last year", "January this year", "October of that year": before
    # "mdy" and "dmy", which would take "May 19" alone.
    g = partial(_g, "myr")  # named groups of this rule
    add(
        "myr",
        g("mod", MOD),
        "?(?:",
        g("d2", DAYNUM),
        f"{SP}(?:of{SP})?)?",
        g("m", MONTH),
        f"(?:{SP}",
        g("d", DAYNUM),
        f")?,?{SP}(?:of{SP})?",
        g("rel", cv("this", "last", "next", "the previous", "the following", "that", "the same", "that same")),
        SP,
        r"year(?!\w)",
    )
    g = partial(_g, "mdy")  # named groups of this rule
    add("mdy", g("m", MONTH), SP, g("d", DAYNUM), f"(?:,?{SP}", g("y", YEAR), ")?")
    g = partial(_g, "dmy")  # named groups of this rule
    add("dmy", f"(?:{DET}{SP})?", g("d", DAYNUM), f"(?:{SP}of)?{SP}", g("m", MONTH), f"(?:,?{SP}", g("y", YEAR), ")?")
    g = partial(_g, "time")  # named groups of this rule
    add(
        "time",
        g("h", _HOUR),
        "(?::",
        g("mi", "[0-5][0-9]"),
        r")?\s*",
        g("ap", _AMPM + r"|in\s+the\s+(?:morning|afternoon|evening)\b"),
        rf"(?:\s+[A-Z]{{2,3}}T\b)?(?:(?:{SP}on)?{SP}",
        g("w", _CLOCK_DAY),
        ")?",
    )
    # Months, seasons, quarters, halves, decades and centuries, absolute or not.
    g = partial(_g, "fin")  # named groups of this rule
    add(
        "fin",
        f"(?:{DET}{SP})?",
        "(?:",
        g("rel", cv(*_FIN)),
        f"(?:{SP}{_FISCAL})?{SP}{cv('period')}|",
        g("y", YEAR),
        f"{SP}{cv('period', 'quarter')})" + r"(?!\w)|",
        g("adj", cv("year-earlier", "year-ago")),
        r"(?=\s+[a-z])",
    )
    g = partial(_g, "my")  # named groups of this rule
    add("my", g("mod", MOD), "?", g("m", MONTH), f"(?:{SP}of|,)?{SP}", g("y", YEAR))
    # Years in words, as in broadcast transcripts: "nineteen ninety-six", "the year two thousand",
    # "January nineteen ninety-seven", "the winter of nineteen ninety-four".
    g = partial(_g, "wy")  # named groups of this rule
    add(
        "wy",
        "(?:",
        g("m", MONTH),
        SP,
        f"|(?:{DET}{SP})?",
        g("s", SEASON),
        f"{SP}of{SP}|{cv('the year')}{SP})?",
        g("y", _WORD_YEAR),
        r"(?![\w-])",
    )
    g = partial(_g, "sea")  # named groups of this rule
    add(
        "sea",
        "(?:",
        g("rel", REL),
        SP,
        "|",
        g("the", DET),
        SP,
        ")?",
        g("mod", MOD),
        "?",
        g("s", SEASON),
        f"(?:(?:{SP}of|,)?{SP}",
        g("y", YEAR),
        ")?",
    )
    g = partial(_g, "qtr")  # named groups of this rule
    add(
        "qtr",
        f"(?:{DET}{SP})?(?:",
        g("y", YEAR),
        SP,
        "|",
        g("rel", _QTR_REL),
        r"[\s-]+)?",
        rf"(?:{_FISCAL}[\s-]+)?(?:",
        g("o", ORD),
        rf")?[\s-]*(?:{_FISCAL}[\s-]+)?{cv('quarter')}(?![\w-])",
        f"(?:{SP}of{SP}(?:{_FISCAL}{SP})?(?:",
        g("y2", YEAR),
        "|",
        g("rel2", _NEAR),
        f"{SP}year))?",
        "|",
        g("q", "Q[1-4]"),
        f"(?:{SP}",
        g("y3", YEAR),
        r")?(?!\w)",
    )
    g = partial(_g, "half")  # named groups of this rule
    add(
        "half",
        f"(?:{DET}{SP})?",
        g("o", cv("first", "second", "last", "latter")),
        SP,
        cv("half"),
        f"(?:{SP}of{SP}(?:",
        g("y", YEAR),
        "|",
        g("rel", cv("this", "last", "next", "the")),
        f"{SP}year))?",
    )
    g = partial(_g, "dec")  # named groups of this rule
    add(
        "dec",
        "(?:",
        g("the", DET),
        SP,
        ")?",
        g("mod", MOD),
        "?(?:",
        g("y", _DEC_Y),
        "'?s|'",
        g("yy", _DEC_YY),
        "s|",
        g("w", cv(*lexicon().decade_words)),
        r")(?!\w)",
    )
    g = partial(_g, "cen")  # named groups of this rule
    add("cen", "(?:", g("the", DET), SP, ")?", g("mod", MOD), "?", g("n", _CENTURY_WORDS), r"[\s-]+", cv("century"))
    # Relative to the publication date or to the discourse.
    g = partial(_g, "ago")  # named groups of this rule
    add(
        "ago",
        "(?:",
        g("q", cv(*_APPROX)),
        SP,
        ")?",
        g("n", NUM + "|" + cv(*_VAGUE)),
        r"[\s-]+",
        g("u", UNIT),
        SP,
        g("dir", _AGO),
        r"(?!\w)",
    )
    g = partial(_g, "rel")  # named groups of this rule
    add("rel", "(?:", g("mod", _RELMOD), f")?(?:{DET}{SP})?", g("rel", REL), SP, g("u", _REL_UNITS), r"(?![\w-])")
    g = partial(_g, "dx")  # named groups of this rule
    add("dx", "(?:", g("mod", _EARLY), SP, ")?", g("w", _DEICTIC), r"(?![\w-])")
    g = partial(_g, "ref")  # named groups of this rule
    add("ref", g("w", _REFS + "|" + _THE_PAST), r"(?![\w-])")
    g = partial(_g, "wd")  # named groups of this rule
    add("wd", "(?:", g("mod", _EARLY), SP, ")?", g("w", WEEKDAY), f"(?:{SP}", g("part", _PARTS), r"(?![\w-]))?")
    # Before "mon", which would take the May of "May Day".
    g = partial(_g, "hol")  # named groups of this rule
    add(
        "hol",
        g("h", _HOLIDAYS),  # at the trigger; "last", "next" before it are read by the reader
        f"(?:,?{SP}(?:of{SP})?",
        g("y", YEAR),
        f")?(?:{SP}",
        g("part", _PARTS + "|" + cv("week")),
        r")?(?![\w-])",
    )
    g = partial(_g, "mon")  # named groups of this rule
    add("mon", g("mod", MOD), "?", g("m", MONTH))
    g = partial(_g, "year")  # named groups of this rule
    add("year", g("mod", MOD), "?(?:", g("f", cv("fiscal", "calendar", "FY", "the year")), SP, ")?", g("y", YEAR))
    # Durations and sets.
    g = partial(_g, "dur")  # named groups of this rule
    add(
        "dur",
        "(?:",
        g("q", _DUR_Q),
        SP,
        ")?",
        g("n", NUM + "|" + cv(*_VAGUE, "many")),
        r"[\s-]+",
        g("u", UNIT),
        r"(?![\w]|-(?:earlier|ago|before|end)\b)",  # not the "a year" of "a year-earlier loss"
    )
    g = partial(_g, "set")  # named groups of this rule
    add("set", g("w", _SETS), r"(?![\w-])")
    # Last: tried only where no earlier rule matches, for speed.
    # Plural units without a number: "for years", "within days", "the following months".
    g = partial(_g, "pl")  # named groups of this rule
    add("pl", g("u", cv("days", "weeks", "months", "years", "decades", "centuries", "hours", "minutes")), r"(?![\w-])")
    # A 24-hour clock ("at 19:15", "05:30hrs"), noon and midnight ("noon Thursday"), and a part of a
    # named day ("the night of 10 August 1792", "early in the morning of 29 April").
    g = partial(_g, "clk")  # named groups of this rule
    add(
        "clk",
        g("h", r"(?<![\d:.,])(?:[01]?\d|2[0-3])"),
        ":",
        g("mi", "[0-5][0-9]"),
        r"(?:\s*(?:hrs?\b|hours\b|GMT\b|UTC\b))?(?![\d:]|[.,]\d)",
    )
    g = partial(_g, "noon")  # named groups of this rule
    add("noon", g("w", cv("noon", "midnight", "midday")), f"(?:(?:{SP}on)?{SP}", g("d", _CLOCK_DAY), r")?(?![\w-])")
    g = partial(_g, "pod")  # named groups of this rule
    add(
        "pod",
        g("part", _PARTS),  # at the trigger; "the", "early in the" before it are read by the reader
        f"(?:{SP}hours)?{SP}of{SP}(?:",
        g("m", MONTH),
        SP,
        g("d", DAYNUM),
        "|",
        g("d2", DAYNUM),
        f"(?:{SP}of)?{SP}",
        g("m2", MONTH),
        f")(?:,?{SP}",
        g("y", YEAR),
        ")?",
    )
    # "year", "month" at the trigger; the words before it ("the end of the") are read by the filter.
    g = partial(_g, "foc")  # named groups of this rule
    add("foc", g("u", cv("year", "month")), g("end", r"(?:'s\s+|’s\s+|[\s-])end"), r"?(?![\w-])")
    return r


# Every rule holds one of these words or numbers; the tagger only tries the rules near them.
TRIGGER = (
    rf"(?<![\w'’$£€#.,/])(?:\d{{1,4}}[/.]\d{{1,2}}[/.]\d{{2,4}}|\d{{1,4}}(?:st|nd|rd|th|s)?(?!\d|[.,]\d)|'\d0s|Q[1-4]|{MONTH}|{WEEKDAY}|{SEASON}"
    rf"|{cv('second', 'minute', 'hour', 'day', 'week', 'fortnight', 'month', 'quarter', 'year', 'decade')}s?"
    rf"|{cv('weekend', 'morning', 'afternoon', 'evening', 'night', 'century', 'centuries', 'half', 'period')}"
    rf"|{_trie_regex(_variants(*_NOW_WORDS, *_CLOCK_WORDS, 'nineteen', 'two thousand') | _HOLIDAY_TRIGGERS)}"
    rf"|{cv('recently', 'recent', 'lately', 'future', 'past', 'soon', 'current', 'times', 'ahead', 'date', 'coming')}"
    rf"|{cv('daily', 'weekly', 'monthly', 'annually', 'yearly', 'quarterly', 'hourly', 'nightly')}"
    rf"|{cv(*lexicon().decade_words)}|{cv('twentieth', 'nineteenth', 'eighteenth', 'twenty-first')})(?![\w])"
)


@dataclass(frozen=True, slots=True)
class Grammar:
    """The compiled grammar: all rules in one pattern, each rule alone, and their order."""

    trigger: re.Pattern[str]
    combined: re.Pattern[str]
    rules: dict[str, re.Pattern[str]]
    order: tuple[str, ...]
    starts: dict[str, Callable[[str], bool]] = field(default_factory=dict)
    by_first: dict[str, tuple[re.Pattern[str], ...]] = field(default_factory=dict)  # filled as characters turn up

    def match(self, text: str, pos: int) -> re.Match[str] | None:
        """The match of `combined` at `pos`, found faster: the rules whose match can start with the
        character at `pos` are tried alone, in their order, and the first that matches is the
        one the combined pattern would have taken."""
        if pos >= len(text) or not self.starts:
            return self.combined.match(text, pos)
        ch = text[pos]
        try:
            patterns = self.by_first[ch]
        except KeyError:
            patterns = self.by_first[ch] = tuple(self.rules[n] for n in self.order if self.starts[n](ch))
        for pattern in patterns:
            m = pattern.match(text, pos)
            if m is not None:
                return m
        return None


@cache
def grammar() -> Grammar:
    """The compiled candidate grammar (built once)."""
    rules = _rules()
    bound = r"(?<![\w'’-])"
    combined = re.compile(bound + "(?:" + "|".join(f"(?P<{name}>{body})" for name, body in rules) + ")")
    single = {name: re.compile(bound + f"(?P<{name}>{body})") for name, body in rules}
    order = tuple(name for name, _ in rules)
    _index_groups(combined, order)
    for name, pattern in single.items():
        _index_groups(pattern, (name,))
    starts = {name: can_start(body) for name, body in rules}
    return Grammar(re.compile(TRIGGER), combined, single, order, starts)


def fields(m: re.Match[str], rule: str) -> dict[str, str]:
    """The named groups a rule matched, without the rule prefix."""
    names, indices = _GROUPS[(id(m.re), rule)]
    values = m.group(*indices) if len(indices) > 1 else (m.group(indices[0]),) if indices else ()
    return {n: v for n, v in zip(names, values, strict=True) if v is not None}


_GROUPS: dict[tuple[int, str], tuple[tuple[str, ...], tuple[int, ...]]] = {}


def _index_groups(pattern: re.Pattern[str], rules: tuple[str, ...]) -> None:
    for rule in rules:
        cut = len(rule) + 1
        pairs = [(k[cut:], i) for k, i in pattern.groupindex.items() if k.startswith(rule + "_")]
        _GROUPS[(id(pattern), rule)] = (tuple(p[0] for p in pairs), tuple(p[1] for p in pairs))
