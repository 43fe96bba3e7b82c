"""The candidate grammar: one compiled regular expression per rule, and all rules in one.

The patterns are case-sensitive on purpose: each word is spelled lower-case, capitalised and
upper-case, which keeps the regular-expression engine's first-character scan fast (an
IGNORECASE alternation is five times slower). Rules are tried in the order listed: at any
position, the first rule that matches wins, so longer forms come first. Group names are
prefixed with their rule's name; the rule of a match is its `lastgroup`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dateline.extract.timex.lexicon import lexicon


def cv(*words: str, lower: bool = True) -> str:
    """A regular expression for words in lower (unless not `lower`), capitalised and upper case,
    as a trie ("J(?:an(?:uary)?|une)") so that matching costs one test per letter, not per word."""
    variants: set[str] = set()
    for w in words:
        variants.update(((w,) if lower else ()) + (w[:1].upper() + w[1:], w.upper()))
    return _trie_regex(variants)


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
MOD = rf"(?:{cv('early', 'late', 'mid')}(?:\s*-\s*|\s+)|{cv('the beginning of', 'the start of', 'the end of', 'the middle of', 'the close of', 'the turn of', 'the dawn of')}\s+)"
RANGE_JOIN = r"(?:\s*[-–—]\s*|\s+(?:to|through|thru|until|till|and)\s+)"
PREP = rf"(?:{cv('between', 'from')}\s+)"
REL = cv("this past", "this coming", "last", "next", "this", "past", "coming", "previous", "following",
         "current", "same", "prior", "preceding", "that")
DET = cv("the")


_YY = r"(?<=[-–])\d\d(?![\d%/-]|[.,]\d|\w)"
_ISO_Y = r"(?<![\d-])(?:1\d{3}|20\d{2})"
_ISO_D = r"0[1-9]|[12]\d|3[01]"
_HOUR = r"(?<![\d:.])(?:1[0-2]|0?[1-9])"
_AMPM = r"[ap]\.m\.|[ap]m\b|[AP]M\b"
_RELMOD = cv("early", "late", "earlier", "later", "mid") + r"(?:\s*-\s*|\s+)(?:in\s+)?|" + MOD
_DEC_Y = r"1\d\d0|20\d0"
_DEC_YY = r"\d0"


_YEARS_POSS = ("this year's", "last year's", "next year's", "this year’s", "last year’s", "next year’s")
_FIN = ("latest", "year-earlier", "year-ago", "comparable", "corresponding", "year-before", "prior-year", "same")


def _g(rule: str, name: str, body: str) -> str:
    return f"(?P<{rule}_{name}>{body})"


def _rules() -> list[tuple[str, str]]:
    r: list[tuple[str, str]] = []
    # Ranges, with the year carried across: "June 11-12", "February 27-28, 2019".
    r.append(("rmd", rf"{_g('rmd', 'p', PREP)}?{_g('rmd', 'am', MONTH)}{SP}{_g('rmd', 'ad', DAYNUM)}"
                     rf"(?:,?{SP}{_g('rmd', 'ay', YEAR)})?{_g('rmd', 'j', RANGE_JOIN)}"
                     rf"(?:{_g('rmd', 'bm', MONTH)}{SP})?{_g('rmd', 'bd', DAYNUM)}(?:,?{SP}{_g('rmd', 'y', YEAR)})?"))
    r.append(("rdm", rf"{_g('rdm', 'p', PREP)}?{_g('rdm', 'ad', DAYNUM)}(?:{SP}{_g('rdm', 'am', MONTH)})?"
                     rf"{_g('rdm', 'j', RANGE_JOIN)}{_g('rdm', 'bd', DAYNUM)}{SP}{_g('rdm', 'bm', MONTH)}"
                     rf"(?:,?{SP}{_g('rdm', 'y', YEAR)})?"))
    r.append(("rmy", rf"{_g('rmy', 'p', PREP)}?{_g('rmy', 'am', MONTH)}(?:,?{SP}{_g('rmy', 'ay', YEAR)})?"
                     rf"{_g('rmy', 'j', RANGE_JOIN)}{_g('rmy', 'bm', MONTH)}(?:,?{SP}{_g('rmy', 'y', YEAR)})?"
                     r"(?![\s,]+\d)"))
    r.append(("ry", rf"{_g('ry', 'p', PREP)}?{_g('ry', 'a', YEAR)}{_g('ry', 'j', RANGE_JOIN)}"
                    rf"{_g('ry', 'b', YEAR + '|' + _YY)}"))
    # Absolute days.
    r.append(("wdd", rf"{_g('wdd', 'w', WEEKDAY)},?{SP}(?:{DET}{SP})?(?:{_g('wdd', 'm', MONTH)}{SP}"
                     rf"{_g('wdd', 'd', DAYNUM)}|{_g('wdd', 'd2', DAYNUM)}(?:{SP}of)?{SP}{_g('wdd', 'm2', MONTH)})"
                     rf"(?:,?{SP}{_g('wdd', 'y', YEAR)})?"))
    r.append(("iso", rf"{_g('iso', 'y', _ISO_Y)}-{_g('iso', 'm', '0[1-9]|1[0-2]')}"
                     rf"-{_g('iso', 'd', _ISO_D)}(?![\d-])"))
    r.append(("num", _g("num", "s", r"(?<![\d/.-])(?:\d{1,2}[/.]\d{1,2}[/.](?:1\d{3}|20\d{2}|\d{2})"
                                    r"|(?:1\d{3}|20\d{2})/\d{1,2}/\d{1,2})(?![\d/]|\.\d)")))
    r.append(("mdy", rf"{_g('mdy', 'm', MONTH)}{SP}{_g('mdy', 'd', DAYNUM)}(?:,?{SP}{_g('mdy', 'y', YEAR)})?"))
    r.append(("dmy", rf"(?:{DET}{SP})?{_g('dmy', 'd', DAYNUM)}(?:{SP}of)?{SP}{_g('dmy', 'm', MONTH)}"
                     rf"(?:,?{SP}{_g('dmy', 'y', YEAR)})?"))
    r.append(("time", rf"{_g('time', 'h', _HOUR)}(?::{_g('time', 'mi', '[0-5][0-9]')})?"
                      rf"\s*{_g('time', 'ap', _AMPM)}"
                      rf"(?:\s+[A-Z]{{2,3}}T\b)?(?:(?:{SP}on)?{SP}{_g('time', 'w', WEEKDAY + '|' + cv('today', 'yesterday', 'tomorrow'))})?"))
    # Months, seasons, quarters, halves, decades and centuries, absolute or not.
    r.append(("myr", rf"{_g('myr', 'mod', MOD)}?{_g('myr', 'm', MONTH)}(?:{SP}{_g('myr', 'd', DAYNUM)})?,?"
                     rf"{SP}(?:of{SP})?{_g('myr', 'rel', cv('this', 'last', 'next', 'the previous', 'the following'))}{SP}year(?!\w)"))
    r.append(("fin", rf"(?:{DET}{SP})?{_g('fin', 'rel', cv(*_FIN))}(?:{SP}{cv('fiscal')})?{SP}{cv('period')}(?!\w)"
                     rf"|{_g('fin', 'adj', cv('year-earlier', 'year-ago'))}(?=\s+[a-z])"))
    r.append(("my", rf"{_g('my', 'mod', MOD)}?{_g('my', 'm', MONTH)}(?:{SP}of|,)?{SP}{_g('my', 'y', YEAR)}"))
    r.append(("sea", rf"(?:{_g('sea', 'rel', REL)}{SP}|{_g('sea', 'the', DET)}{SP})?{_g('sea', 'mod', MOD)}?"
                     rf"{_g('sea', 's', SEASON)}(?:(?:{SP}of|,)?{SP}{_g('sea', 'y', YEAR)})?"))
    r.append(("qtr", rf"(?:{DET}{SP})?(?:{_g('qtr', 'y', YEAR)}{SP}|{_g('qtr', 'rel', REL + '|' + cv('latest', 'year-ago', 'year-earlier', 'comparable', 'fiscal', *_YEARS_POSS))}[\s-]+)?"
                     rf"(?:{cv('fiscal')}[\s-]+)?(?:{_g('qtr', 'o', ORD)})?[\s-]*(?:{cv('fiscal')}[\s-]+)?{cv('quarter')}(?![\w-])"
                     rf"(?:{SP}of{SP}(?:{cv('fiscal')}{SP})?(?:{_g('qtr', 'y2', YEAR)}|{_g('qtr', 'rel2', cv('this', 'last', 'next'))}{SP}year))?"
                     rf"|{_g('qtr', 'q', r'Q[1-4]')}(?:{SP}{_g('qtr', 'y3', YEAR)})?(?!\w)"))
    r.append(("half", rf"(?:{DET}{SP})?{_g('half', 'o', cv('first', 'second', 'last', 'latter'))}{SP}{cv('half')}"
                      rf"(?:{SP}of{SP}(?:{_g('half', 'y', YEAR)}|{_g('half', 'rel', cv('this', 'last', 'next', 'the'))}{SP}year))?"))
    r.append(("dec", rf"(?:{_g('dec', 'the', DET)}{SP})?{_g('dec', 'mod', MOD)}?(?:{_g('dec', 'y', _DEC_Y)}'?s"
                     rf"|'{_g('dec', 'yy', _DEC_YY)}s|{_g('dec', 'w', cv(*lexicon().decade_words))})(?!\w)"))
    r.append(("cen", rf"(?:{_g('cen', 'the', DET)}{SP})?{_g('cen', 'mod', MOD)}?{_g('cen', 'n', ORD + '|' + cv('twentieth', 'nineteenth', 'eighteenth', 'twenty-first'))}[\s-]+{cv('century')}"))
    # Relative to the publication date or to the discourse.
    r.append(("ago", rf"(?:{_g('ago', 'q', cv('almost', 'nearly', 'about', 'some', 'more than', 'less than', 'over', 'roughly', 'around', 'just over', 'just under', 'only'))}{SP})?"
                     rf"{_g('ago', 'n', NUM + '|' + cv('several', 'a few', 'a couple of', 'few'))}[\s-]+{_g('ago', 'u', UNIT)}"
                     rf"{SP}{_g('ago', 'dir', cv('ago', 'earlier', 'later', 'from now', 'hence', 'before', 'after', 'previously', 'back'))}(?!\w)"))
    r.append(("rel", rf"(?:{_g('rel', 'mod', _RELMOD)})?(?:{DET}{SP})?"
                     rf"{_g('rel', 'rel', REL)}{SP}{_g('rel', 'u', cv('weekend', 'week', 'month', 'year', 'decade', 'century', 'fiscal year', 'day', 'morning', 'afternoon', 'evening', 'night') + '|' + MONTH + '|' + WEEKDAY)}(?![\w-])"))
    r.append(("dx", rf"(?:{_g('dx', 'mod', cv('early', 'late', 'earlier', 'later'))}{SP})?"
                    rf"{_g('dx', 'w', cv('today', 'tonight', 'yesterday', 'tomorrow', 'the day before yesterday', 'the day after tomorrow', 'the next day', 'the day before', 'the day after', 'the previous day', 'the following day', 'this morning', 'this afternoon', 'this evening', 'last night', 'the weekend', 'this weekend', 'now', 'currently', 'nowadays', 'right now', 'at present', 'presently'))}(?![\w-])"))
    r.append(("ref", _g("ref", "w", cv("recently", "lately", "the near future", "the future", "the foreseeable future", "recent days", "recent weeks", "recent months", "recent years", "recent times", "the coming days", "the coming weeks", "the coming months", "the coming years", "the years ahead", "the months ahead", "a later date")) + r"(?![\w-])"))
    r.append(("wd", rf"(?:{_g('wd', 'mod', cv('early', 'late', 'earlier', 'later'))}{SP})?{_g('wd', 'w', WEEKDAY)}"
                    rf"(?:{SP}{_g('wd', 'part', cv('morning', 'afternoon', 'evening', 'night'))}(?![\w-]))?"))
    r.append(("mon", rf"{_g('mon', 'mod', MOD)}?{_g('mon', 'm', MONTH)}"))
    r.append(("year", rf"{_g('year', 'mod', MOD)}?(?:{_g('year', 'f', cv('fiscal', 'calendar', 'FY', 'the year'))}{SP})?{_g('year', 'y', YEAR)}"))
    # Durations and sets.
    r.append(("dur", rf"(?:{_g('dur', 'q', cv('almost', 'nearly', 'about', 'some', 'more than', 'less than', 'over', 'roughly', 'around', 'at least', 'up to', 'the past', 'the last', 'the next', 'the first', 'the coming', 'another', 'the previous', 'the following', 'the final', 'a further', 'the remaining'))}{SP})?"
                     rf"{_g('dur', 'n', NUM + '|' + cv('several', 'a few', 'a couple of', 'few', 'many'))}[\s-]+{_g('dur', 'u', UNIT)}(?![\w])"))
    r.append(("set", _g("set", "w", cv("daily", "weekly", "monthly", "annually", "yearly", "quarterly", "hourly", "nightly")
                     + rf"|{cv('every', 'each')}{SP}(?:{cv('day', 'week', 'month', 'year', 'morning', 'night', 'evening', 'summer', 'winter')}|{WEEKDAY})") + r"(?![\w-])"))
    return r


# Every rule holds one of these words or numbers; the tagger only tries the rules near them.
TRIGGER = (
    rf"(?<![\w'’$£€#.,/])(?:\d{{1,4}}[/.]\d{{1,2}}[/.]\d{{2,4}}|\d{{1,4}}(?:st|nd|rd|th|s)?(?!\d|[.,]\d)|'\d0s|Q[1-4]|{MONTH}|{WEEKDAY}|{SEASON}"
    rf"|{cv('second', 'minute', 'hour', 'day', 'week', 'fortnight', 'month', 'quarter', 'year', 'decade')}s?"
    rf"|{cv('weekend', 'morning', 'afternoon', 'evening', 'night', 'century', 'centuries', 'half')}"
    rf"|{cv('today', 'tonight', 'yesterday', 'tomorrow', 'now', 'currently', 'nowadays', 'present', 'presently')}"
    rf"|{cv('recently', 'recent', 'lately', 'future', 'past', 'soon', 'current', 'times', 'ahead', 'date')}"
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
    return Grammar(re.compile(TRIGGER), combined, single, tuple(name for name, _ in rules))


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
