"""Cues around a trigger: negation, hypothesis, the future, tense, and page furniture."""

from __future__ import annotations

import re

from dateline.extract.events.triggers import Token, Trigger
from dateline.extract.sentences import Sentence

NEGATIONS = frozenset(
    """not never no n't didn't don't doesn't won't wouldn't hasn't haven't hadn't wasn't weren't cannot
    can't neither nor without failed refused declined denied""".split()
)
HYPOTHETICAL = frozenset(
    """if should could might may possible possibly potential potentially hypothetical unless whether consider
    considering proposed would-be eventual prospective suppose imagine""".split()
)
FUTURE = frozenset({"will", "would", "shall", "'ll", "scheduled", "planned", "plans", "plan", "planning", "intends",
                    "intend", "intending", "upcoming", "forthcoming", "expected", "due", "set", "about",
                    "preparing", "prepares", "prepare", "aims", "hopes", "hope", "hoping", "next",
                    "to-be", "slated", "tentatively"})  # fmt: skip
# Words that make the future cues above mean the future only in company: "set to", "due to".
_NEEDS_TO = frozenset({"set", "due", "about", "expected", "scheduled", "plans", "plan", "planning", "intends",
                       "intend", "intending", "aims", "hopes", "hope", "hoping", "preparing", "prepares",
                       "prepare", "slated"})  # fmt: skip
# ";", ":", or a comma and a conjunction. Written to open with one character class, not as
# "[;:]|,\s+(?:but|...)\b": then re skips to the punctuation fast, instead of trying both
# alternatives at every character (twice as fast on a sentence).
_CLAUSE_BREAK = re.compile(
    r"[,:;](?:(?<=,)\s+(?:but|while|whereas|although|though|and|which|who|when|after|before)\b|(?<=[;:]))"
)

_FURNITURE = re.compile(
    r"page last modified|join (?:the|our) mailing list|click here|to suggest a correction|press ctrl|"
    r"all rights reserved|^\s*copyright|subscribe (?:now|to)|sign up (?:for|to)|\bnewsletter\b|"
    r"^\s*(?:read more|related|share this|follow us|advertisement|photo:|image:|credit:)|"
    r"this comment contains|join now|cookies?\b.*\b(?:accept|policy)|log ?in to comment|"
    r"^\s*(?:by|written by)\s+[A-Z][a-z]+ [A-Z][a-z]+\s*$",
    re.IGNORECASE,
)
# A line after which the rest of a page is not the article: comments, teasers, footers.
_TAIL = re.compile(
    r"^\s*(?:comments?\s*\(\s*\d+\s*\)|\d+\s+comments?|other topics of interest|"
    r"related (?:articles|stories|topics|posts)|"
    r"more from|you may also like|recommended(?: for you)?|read next|most read|join the mailing list|"
    r"page last modified|leave a (?:comment|reply)|to suggest a correction)",
    re.IGNORECASE,
)


def may_hold(text: str, words: tuple[str, ...]) -> bool:
    """A cheap test before a case-insensitive pattern every match of which holds one of `words`
    (lower-case): False only when `text` holds none of them (see _may_match)."""
    return _may_match(text, words)


def _may_match(sentence: str, words: tuple[str, ...], openers: tuple[str, ...] = ()) -> bool:
    """A cheap test before a case-insensitive pattern: whether the sentence holds one of the words
    every match holds, or (stripped) starts with one of `openers`. Only ASCII text is tested: for
    the rest, case folding has surprises (the long s matches "s"), so the pattern decides."""
    if not sentence.isascii():
        return True
    low = sentence.lower()
    for w in words:  # a loop, not any() over a generator: this runs for every sentence
        if w in low:
            return True
    return bool(openers and low.lstrip().startswith(openers))


# Literal words of each alternative of _FURNITURE (the byline's is its opening word).
_FURNITURE_WORDS = (
    "page last modified", "mailing list", "click here", "suggest a correction", "press ctrl", "all rights reserved",
    "copyright", "subscribe", "sign up", "newsletter", "read more", "related", "share this", "follow us",
    "advertisement", "photo:", "image:", "credit:", "this comment contains", "join now", "cookie", "in to comment",
)  # fmt: skip
_HEADLINE_WORD = re.compile(r"[A-Za-z][\w'’-]*")


def article_end(text: str) -> int:
    """Where the article body ends: the first line that starts comments, teasers or footers."""
    for match in re.finditer(r"^.*$", text, re.MULTILINE):
        if match.start() > 0 and _TAIL.match(match.group()):
            return match.start()
    return len(text)


def is_furniture(sentence: str) -> bool:
    """Whether a sentence is page furniture (mailing lists, bylines, credits), not news."""
    return _may_match(sentence, _FURNITURE_WORDS, ("by", "written")) and bool(_FURNITURE.search(sentence))


_SHORT_HEADING = 12  # words


def is_headline(sentence: str) -> bool:
    """A Title Case line with no closing punctuation, or a short one in sentence case ("Wellington
    pauses aid over China deals"): a heading or a teaser, not a sentence."""
    if sentence.rstrip().endswith((".", "!", "?", '"', "”", ")", "'", "’")):
        return False
    every = _HEADLINE_WORD.findall(sentence)
    if len(every) <= _SHORT_HEADING:
        return True
    if sentence.rstrip().endswith(":"):
        return False  # "At the close of the Session, the two Ministers signed four Memoranda covering:" opens a list
    words = [w for w in every if len(w) > 3]
    if not words:
        return False
    capitals = sum(1 for w in words if w[0].isupper())
    return capitals / len(words) >= 0.6


def _window(tokens: list[Token], first: int, last: int, before: int, after: int) -> list[str]:
    return [t.lower for t in tokens[max(0, first - before) : first]] + [
        t.lower for t in tokens[last + 1 : last + 1 + after]
    ]


def negated(tokens: list[Token], first: int, text: str | None = None) -> bool:
    """A negation shortly before the trigger: "did not sign", "no agreement", "failed to meet"; not
    one that ends a quotation before it ('"... if they do not," said Nelson')."""
    for t in tokens[max(0, first - 3) : first]:
        if t.lower in NEGATIONS and (text is None or not _QUOTE_OR_COMMA.search(text, t.end, tokens[first].start)):
            return True
    # A negative subject further back: "neither side has so far recalled its envoy", "none of them has signed".
    for t in tokens[max(0, first - _NEGATIVE_SUBJECT_REACH) : max(0, first - 3)]:
        if t.lower in _NEGATIVE_SUBJECTS and (
            text is None or not _QUOTE_OR_COMMA.search(text, t.end, tokens[first].start)
        ):
            return True
    return False


_NEGATIVE_SUBJECTS = frozenset({"neither", "none", "nobody"})
_NEGATIVE_SUBJECT_REACH = 7


def negated_alternative(tokens: list[Token], first: int, text: str) -> bool:
    """A noun joined by "or"/"nor" to a negated one: "would no longer host the summit next month or the
    climate conference in December" (no conference either)."""
    joins = [k for k in range(max(0, first - 8), first) if tokens[k].lower in ("or", "nor")]
    if not joins or not _NOUN_PHRASE_REST.fullmatch(text, tokens[joins[-1]].end, tokens[first].start):
        return False  # "Neither the lawyers nor the relatives would comment before the ruling": not the ruling
    k = joins[-1]
    for t in tokens[max(0, k - 12) : k]:
        if t.lower in NEGATIONS and not _CLAUSE_END.search(text, t.end, tokens[first].start):
            return True
    return False


_NOUN_PHRASE_REST = re.compile(r"\s+(?:(?:the|a|an|its|their|his|her)\s+)?(?:[\w.'’-]+\s+){0,3}")
_CLAUSE_END = re.compile(r"[,;:!?\"”]")  # not a full stop: "the U.N. climate conference"
_QUOTE_OR_COMMA = re.compile(r"[\"”,;]")


REPORTING = frozenset(
    """said says say told tells announced announces stated declared added noted reported confirmed explained
    insisted claimed promised pledged vowed warned indicated""".split()
)


def reported_speech(tokens: list[Token]) -> int | None:
    """Index of the first reporting verb of a sentence ("said", "announced"), if any."""
    for i, t in enumerate(tokens):
        if t.lower in REPORTING:
            return i
    return None


def hypothetical(tokens: list[Token], first: int, reported: int | None = None, text: str | None = None) -> bool:
    """A conditional or possibility shortly before the trigger: "could sign", "a possible deal"; not
    one inside a quotation that ends before it ('"... if they do not," said Nelson').

    "would" is hypothetical ("would advocate"), except in reported speech, where it is the future
    of the past ("said Rome would sign") and the event is planned, not imagined.
    """
    ahead = tokens[max(0, first - 4) : first]
    # A word counts when no closing quote stands between it and the trigger: those after the last quote.
    quote = -1
    if text is not None and ahead:
        end = tokens[first].start
        quote = max(text.rfind('"', ahead[0].end, end), text.rfind("”", ahead[0].end, end))
    # "May" with a capital inside a sentence is the month ("On 18 May"), not the modal.
    window = [t.lower for t in ahead if t.end > quote and not (t.capital and t.lower == "may" and t is not tokens[0])]
    if not HYPOTHETICAL.isdisjoint(window):
        return True
    return "would" in window and (reported is None or reported > first)


_HABITUAL_ADVERBS = frozenset(
    """repeatedly often frequently regularly routinely usually always sometimes occasionally traditionally
    constantly generally typically habitually periodically""".split()
)
_GENERIC_MODIFIERS = frozenset(
    """frequent several numerous many various previous similar regular annual multiple repeated occasional
    countless past earlier prior other such these those some""".split()
)
# "twice a week", "every year"; not "after nearly a week of talks" (a stretch of time, not a frequency).
_HABITUAL_AFTER = re.compile(
    r"\b(?:several|many|numerous|multiple) times\b|\b(?:per|each|every|(?:once|twice|times) a) (?:month|year|week)\b"
    r"|\bannually\b",
    re.IGNORECASE,
)
_HABITUAL_AFTER_WORDS = ("times", "month", "year", "week", "annually")  # every match of _HABITUAL_AFTER holds one


_RECURRING = frozenset("annual annually yearly regular regularly periodic recurring biannual biennial".split())


def habitual(tokens: list[Token], first: int, last: int, noun: bool, text: str) -> bool:
    """A repeated or generic happening, not one event: "has repeatedly denounced", "frequent visits"."""
    before = [t.lower for t in tokens[max(0, first - 3) : first]]
    if not _HABITUAL_ADVERBS.isdisjoint(before):
        return True
    if before[-1:] == ["since"] and before[-2:-1] in (["has"], ["have"]):
        return True  # "both governments have since described": over the time since, not one happening
    if not _RECURRING.isdisjoint([t.lower for t in tokens[:first]]):
        return True
    if noun and tokens[last].lower.endswith("s") and not _GENERIC_MODIFIERS.isdisjoint(before[-2:]):
        return True
    if noun and before[-3:-1] == ["a", "number"]:
        return True
    after = tokens[last + 1 : last + 8]
    if not after:
        return False
    lo, hi = after[0].start, after[-1].end
    return _may_match(text[lo:hi], _HABITUAL_AFTER_WORDS) and bool(_HABITUAL_AFTER.search(text, lo, hi))


_INTENT = frozenset(
    """plan plans planned planning intend intends intended intending scheduled set due expected about going
    aims aim aimed hopes hope hoped hoping wants want wanted seeks seek sought ready prepared preparing
    decided agreed agrees""".split()
)
# "is to travel", "are to meet": the present of "be" before "to" schedules what follows, unless a
# noun of purpose is the subject ("the aim is to visit", "our task is to agree").
_SCHEDULED_BE = frozenset({"is", "are", "am"})
_AIM_NOUNS = frozenset(
    "aim aims goal goals objective objectives purpose idea plan intention task priority mission hope wish".split()
)
# Not "by": "responded by expelling two diplomats" tells how something was done, which happened.
_GERUND_PREPOSITIONS = frozenset("toward towards for of on about against from to into".split())


def unrealised(tokens: list[Token], first: int) -> str | None:
    """Whether a verb trigger names an intention rather than a happening.

    "plans to visit" is planned; "urged the government to condemn", "pledged to try to overturn"
    and "work toward lifting the sanctions" name aims, not events.
    """
    word = tokens[first].lower
    prev = tokens[first - 1].lower if first > 0 else ""
    if prev == "be" and first > 1 and tokens[first - 2].lower == "to":
        first, prev = first - 1, "to"  # "called for the sanctions to be lifted": a passive infinitive
    if prev == "to":
        before = [t.lower for t in tokens[max(0, first - 4) : first - 1]]
        if any(w in _INTENT for w in before):
            return "planned"
        if before and before[-1] in _SCHEDULED_BE and not (len(before) > 1 and before[-2] in _AIM_NOUNS):
            return "planned"  # "he is to travel to Washington next month"; not "the aim is to visit"
        # "the first Japanese leader in 12 years to make a bilateral trip": it happened.
        ordinal = [t.lower for t in tokens[max(0, first - 10) : first - 1]]
        return None if "first" in ordinal or "last" in ordinal else "aim"
    if word.endswith("ing") and prev in _GERUND_PREPOSITIONS:
        return "aim"
    if word.endswith("ing") and prev == "by":
        # "threatened to respond by expelling diplomats": the means of an aim is an aim too.
        before = {t.lower for t in tokens[max(0, first - 6) : first - 1]}
        if before & _FUTURE_MEANS:
            return "planned"  # "will respond next week by expelling diplomats"
        return "aim" if before & _UNREALISED_MEANS else None
    return None


_FUTURE_MEANS = frozenset("will shall".split())
_UNREALISED_MEANS = frozenset("to would could should might may threatened threatens threaten".split())


# Where a clause ends and another begins: "X met Y; Z said", "..., but the ministry said".
CLAUSE_JOIN = re.compile(r"[;:]|,\s+(?:but|and|which|while)\b")

_CALLS = frozenset("urge urges urged urging call calls called calling ask asks asked press pressed demand "
                   "demands demanded appeal appealed".split())  # fmt: skip
_DOING = frozenset("complete finish conclude finalise finalize expedite approve allow permit hold resume "
                   "carry conduct".split())  # fmt: skip
_DETERMINERS = frozenset("the a an its their his her".split())
_PAVING = frozenset("pave paves paved paving clear clears cleared clearing open opens opened opening prepare prepares "
                    "prepared preparing smooth smoothed smoothing".split())  # fmt: skip


def called_for(tokens: list[Token], first: int) -> bool:
    """Whether a noun trigger is what a call asks to be done: "called on Hungary to complete the
    ratification", "urged Israel to allow the delivery of aid" (an aim, not a happening)."""
    k = first - 1
    if k >= 0 and tokens[k].lower in _DETERMINERS:
        k -= 1
    if k >= 3 and tokens[k].lower == "for" and tokens[k - 1].lower == "way" and tokens[k - 3].lower in _PAVING:
        return True  # "clearing the way for a ruling on the merits", "paved the way for talks": still to come
    if k < 1 or tokens[k].lower not in _DOING or tokens[k - 1].lower != "to":
        return False
    return any(t.lower in _CALLS for t in tokens[max(0, k - 8) : k - 1])


_SETTING = re.compile(r"(?:margins?|sidelines?|side|eve|occasion|course) of (?:the |a |an )?(?:[\w-]+ ){0,3}$|"
                      r"\b(?:at|during|ahead of|before|after) (?:the |a |an |this |that )(?:[\w-]+ ){0,3}$",
                      re.IGNORECASE)  # fmt: skip


# Every match of _SETTING holds one of these.
_SETTING_WORDS = (" of ", "at the ", "at a ", "at an ", "at this ", "at that ", "during ", "before ", "after ")


def setting(text: str, sentence_start: int, trigger_start: int) -> bool:
    """A noun trigger that names the setting of another event: "on the sidelines of the G8 meeting"."""
    before = text[max(sentence_start, trigger_start - 60) : trigger_start]
    return _may_match(before, _SETTING_WORDS) and bool(_SETTING.search(before))


_NOUN_FUTURE = frozenset("scheduled planned slated set due expected upcoming".split())


_CLAUSE_WORDS = frozenset("and but which who whom whose when where while whereas although though after".split())
_NOUN_REACH = 10


def _clause_reach(tokens: list[Token], first: int, text: str) -> int:
    """Index of the first token of the clause that holds token `first`, at most _NOUN_REACH back: the
    verb a noun is the object of lies there ("is expected to attend the Group of Seven summit")."""
    lo = first
    while lo > 0 and first - lo < _NOUN_REACH:
        prev = tokens[lo - 1]
        if prev.lower in _CLAUSE_WORDS or any(c in ",;:()" for c in text[prev.end : tokens[lo].start]):
            break
        lo -= 1
    return lo


_RELATIVE_OPENERS = frozenset({"that", "which", "the"})


def _planned_by_relative(tokens: list[Token], last: int) -> bool:
    """ "the trilateral summit President Marcos will hold", "the talks that the two sides will hold": a noun
    whose relative clause has its subject hold it in the future."""
    for token in tokens[last + 1 : last + 6]:
        if token.lower in ("will", "shall"):
            return True
        if not (token.capital or token.lower in _RELATIVE_OPENERS):
            return False
    return False


def future(tokens: list[Token], first: int, last: int, noun: bool, text: str | None = None) -> bool:
    """A cue of the future near the trigger: "will visit", "is about to sign", "summit, scheduled for",
    "is expected to attend the Group of Seven summit" (for a noun, the whole clause before it)."""
    start = first - 5
    if noun:
        after = [t.lower for t in tokens[last + 1 : last + 4]]
        if any(w in _NOUN_FUTURE for w in after) or after[:2] in (["will", "be"], ["to", "be"], ["will", "take"]):
            return True
        if _planned_by_relative(tokens, last):
            return True
        if text is not None:
            start = min(start, _clause_reach(tokens, first, text))
    words = [t.lower for t in tokens[max(0, start) : first]]
    for i, w in enumerate(words):
        if w in FUTURE:
            if w in _NEEDS_TO and not (i + 1 < len(words) and words[i + 1] in {"to", "for", "on", "in"}):
                continue
            return True
    return False


def present_perfect(tokens: list[Token], first: int) -> bool:
    """ "has signed", "have agreed": the tense news uses for what just happened."""
    window = [t.lower for t in tokens[max(0, first - 3) : first]]
    return any(w in {"has", "have"} for w in window)


def trigger_clause(sentence: Sentence, trigger: Trigger) -> tuple[int, int]:
    """The clause_bounds of a trigger in its sentence, worked out once: the parties and the
    summary of an event both need them."""
    if trigger.clause is None:
        trigger.clause = clause_bounds(sentence.text, trigger.start - sentence.start)
    return trigger.clause


def clause_bounds(sentence: str, position: int) -> tuple[int, int]:
    """Offsets, within `sentence`, of the clause that holds `position`; a relative clause
    (", who landed on Wednesday for a visit,") ends at its closing comma."""
    start, end = 0, len(sentence)
    relative = False
    for match in _CLAUSE_BREAK.finditer(sentence):
        if match.end() <= position:
            start = match.end()
            relative = match.group().rstrip().endswith(("who", "which"))
        elif match.start() >= position:
            end = match.start()
            break
    if relative:
        comma = sentence.find(",", position, end)
        if comma >= 0:
            end = comma
    return start, end


_CUMULATIVE = re.compile(
    r"\b(?:to date|so far|thus far|as of now|up to now|until now|since the (?:start|beginning))\b", re.I
)
_CUMULATIVE_WORDS = ("to date", "so far", "thus far", "as of now", "up to now", "until now", "since the")
# "has killed more than 600 people": a toll that grows, not one happening.
_TOLL = re.compile(
    r"\b(?:has|have) (?:\w+ )?(?:killed|displaced|wounded|injured|uprooted) (?:more than|over|at least|nearly|"
    r"almost|some|about|around|roughly|well over|tens of|hundreds of|thousands of|millions of)\b",
    re.I,
)
_CONDITIONAL = re.compile(r"(?:,|\bif|\bunless|\bin case)\s+(?:should|were|had)\s+(?:the|it|they|we|conditions)\b|"
                          r"\bshould (?:the )?conditions\b|\bif (?:necessary|needed|required)\b", re.I)  # fmt: skip


def cumulative(sentence: str) -> bool:
    """A running total ("To date, Rome has delivered eight packages"): real, but not one datable happening."""
    return _may_match(sentence, _CUMULATIVE_WORDS) and bool(_CUMULATIVE.search(sentence))


_TOLL_WORDS = ("killed", "displaced", "wounded", "injured", "uprooted")  # every match of _TOLL holds one


def toll(text: str, start: int, end: int) -> bool:
    """A growing toll around a trigger: "has killed more than 600 people"."""
    lo = max(0, start - 12)
    return _may_match(text[lo : end + 40], _TOLL_WORDS) and _TOLL.search(text, lo, end + 40) is not None


# Every match of _CONDITIONAL holds one of these ("if" alone is in too many words to be worth testing).
_CONDITIONAL_WORDS = ("should", "were", "had", "if necessary", "if needed", "if required")


def conditional(sentence: str) -> bool:
    """A condition on the whole sentence: "..., should the conditions call for it"."""
    return _may_match(sentence, _CONDITIONAL_WORDS) and bool(_CONDITIONAL.search(sentence))


def pluperfect(tokens: list[Token], first: int) -> bool:
    """ "had held", "had been signed": before the time the story stands at, so not dated by it."""
    window = [t.lower for t in tokens[max(0, first - 3) : first]]
    return "had" in window or "'d" in window


def past_progressive(tokens: list[Token], first: int) -> bool:
    """ "was also expelling", "were breaking off": a past happening told as under way."""
    if not tokens[first].lower.endswith("ing"):
        return False
    j = first - 1
    while j >= 0 and tokens[j].lower in _PROGRESSIVE_ADVERBS:
        j -= 1
    return j >= 0 and tokens[j].lower in ("was", "were")


_PROGRESSIVE_ADVERBS = frozenset("also now already then immediately formally effectively".split())


def imminent(tokens: list[Token], first: int) -> bool:
    """ "is about to sign", "will soon visit": planned for the days after publication."""
    window = [t.lower for t in tokens[max(0, first - 4) : first]]
    return ("about" in window and "to" in window) or "soon" in window or "imminently" in window


_BE_FORMS = frozenset("is are was were be been being am 's".split())


def participle_adjunct(tokens: list[Token], first: int, last: int | None = None) -> bool:
    """A participle describing someone rather than a statement they made: "..., accusing Moscow of
    meddling", "two diplomats accused of spying"; not "stunned diplomats by announcing ..." (how a
    statement was made), nor "called for" (the preposition of the trigger itself)."""
    word = tokens[first].lower
    window = [t.lower for t in tokens[max(0, first - 2) : first]]
    if any(w in _BE_FORMS or w in {"has", "have", "had"} for w in window):
        return False
    if word.endswith("ing"):
        return window[-1:] != ["by"]
    after = (first if last is None else last) + 1
    following = tokens[after].lower if after < len(tokens) else ""
    return word.endswith("ed") and following in {"of", "by", "for", "as", "with"}


def past(word: str, lemma: str) -> bool:
    """Whether a verb form is past tense or a participle ("signed", "met"), not present ("says")."""
    base = lemma.split()[0].lower()
    if word == base or word.endswith("ing"):
        return False
    return not (word.endswith("s") and word[:-1].rstrip("e") == base.rstrip("e"))


def present_passive(tokens: list[Token], first: int) -> bool:
    """ "are being established", "is signed": a participle told in the present."""
    window = [t.lower for t in tokens[max(0, first - 2) : first]]
    return (bool(window) and window[0] in {"is", "are", "am"}) or window[-1:] == ["being"]
