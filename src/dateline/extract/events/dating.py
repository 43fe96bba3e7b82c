"""Which temporal expression dates which trigger, and the publication date as an event date."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from dateline.extract.events import cues
from dateline.extract.events.lexicon import GAP
from dateline.extract.events.state import Candidate, Context, Discourse
from dateline.extract.events.triggers import Token, Trigger
from dateline.extract.records import Anchor, DateValue, EventStatus, EventType, Precision, Timex, TimexType
from dateline.extract.sentences import Sentence

# Words before a date that make it bound something else: "a plan for 2021-2022", "until 2024".
_BOUNDING = re.compile(
    r"\b(?:for|through|throughout|until|till|since|from|over|to|by the end of|before|prior to|ahead of)\s*(?:the\s+)?$",
    re.IGNORECASE,
)
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:the\s+)?$", re.IGNORECASE)
# The last word of every match of _BOUNDING: a cheap test before the pattern.
_BOUNDING_LAST = ("for", "through", "throughout", "until", "till", "since", "from", "over", "to", "of", "before", "the")
_EMPTY_SOURCE = re.compile(r"\(\s*[,;]+\s*(?:accessed\s+)?$", re.IGNORECASE)
# "now", "currently": they describe a state of affairs, not when something happened.
_STATE_WORDS = frozenset({"now", "currently", "presently", "at present", "nowadays", "at the moment", "these days"})
# Between a date and a trigger, these mark that the date belongs to another phrase.
# One word boundary around all the words, not one pair each: the same matches, four times faster.
_BREAK = re.compile(r"[,;—–]|\b(?:and|but|while|which|who|that|when|after|before)\b")
_BREAK_PENALTY = 60
_TRAILING_REACH = 70
_COMPLEMENT = re.compile(r"\b(?:that|would|will|could|should|had|has|have|is|are|was|were|be)\b", re.IGNORECASE)
_FAR = 10_000
_AND = re.compile(r"\band\b")
# "visited Hanoi in January, where he signed": what is done where a trip or a meeting took place, on its day.
_WHERE = re.compile(r",\s+where\b")
_PLACES_OF_EVENTS = frozenset({EventType.VISIT, EventType.MEETING, EventType.CONFERENCE})


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


# A wire dateline: "ANKARA, May 3 (Reuters) -", or a full date opening a line before a dash ("23 October
# 2020 — Governments pledged ..."): the date the story was filed, not of what it tells.
_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*(?:[A-Z][A-Z .'-]{2,}(?:,[ \t]*[A-Z][A-Za-z .]+)?,[ \t]*[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2}"
    r"(?:,[ \t]*\d{4})?[ \t]*(?:\([^)\n]{1,40}\))?"
    r"|(?:\d{1,2}[ \t]+[A-Z][a-z]{2,8}|[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2},?)[ \t]+\d{4})[ \t]*[-—–]"
)
# "the 1972 Simla Agreement", "the 2015 announcement": a year inside a name or a noun phrase.
_NAMED_YEAR = re.compile(r"\s+(?:[A-Z][\w'-]+|[a-z]+ (?:agreement|treaty|accord|deal|resolution|law|election)s?\b)")


_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[\w'’-]+\s+){1,7}$", re.IGNORECASE)


def usable(t: Timex, text: str) -> bool:
    """Whether a temporal expression may date an event: a calendar date, not a citation, not a bound,
    not a wire dateline, not a year inside a name."""
    if t.citation or t.date is None or t.type not in (TimexType.DATE, TimexType.TIME):
        return False
    line_start = text.rfind("\n", 0, t.start) + 1
    dateline = _DATELINE.match(text, max(0, line_start - 1))
    if dateline is not None and dateline.end() >= t.end:
        return False
    if t.text.isdigit() and text[max(0, t.start - 4) : t.start].lower() == "the " and _NAMED_YEAR.match(text, t.end):
        return False
    if t.date.precision is Precision.CENTURY or t.text.lower() in _STATE_WORDS:
        return False
    before = text[max(0, t.start - 25) : t.start]
    if _EMPTY_SOURCE.search(before) and text[t.end : t.end + 2].lstrip().startswith(")"):
        return False  # "(, June 11)": a citation whose source name was lost
    # "from 2021 to 2031" ("from May 19 to 21", the tagger leaving "from" out) is a date; "a plan for
    # 2021-2022", "until 2024" bound something else.
    if t.text.lower().startswith(("from", "between")) or _WHEN.match(text, t.end):
        return True  # "a long way from December 2015, when Modi made a stopover in Lahore": a date
    lo = max(0, t.start - 50)
    if cues.may_hold(text[lo : t.start], ("since",)) and _SINCE_CLAUSE.search(text, lo, t.start):
        return False  # "their first meeting since he took office on 13 December": the bound, not the meeting
    if _POSSESSIVE_NOUN.match(text, t.end):
        return True  # "clearing the way for Monday's meeting": the date of the meeting, not a bound
    bound = _BOUNDING.search(before) if _may_end_with(before, _BOUNDING_LAST) else None
    if bound is not None and bound.group().split()[0].lower() == "over" and t.text.lower().endswith("weekend"):
        return True  # "condemned the raid over the weekend": when, not how long
    return bound is None or (_is_range(t) and bound.group().split()[0].lower() in ("from", "between"))


def _may_end_with(text: str, words: tuple[str, ...]) -> bool:
    """A cheap test before a case-insensitive pattern that ends in one of `words` and white space:
    False only when `text` cannot end so (non-ASCII text is left to the pattern, as in cues)."""
    return not text.isascii() or text.rstrip().lower().endswith(words)


def _is_range(t: Timex) -> bool:
    """ "May 19 to 21", "2021-2022": an interval written with its two ends."""
    return t.date is not None and "/" in t.date.edtf


def _gap(t: Timex, trig: Trigger, text: str) -> int:
    """Characters between a date and a trigger, plus a penalty for each phrase boundary between them."""
    if t.end <= trig.start:
        lo, hi = t.end, trig.start
        if hi - lo <= 5 and text[lo:hi].strip() == "to":
            return _FAR  # "travelled to Tashkent in January 2023 to exchange": the date of the verb before "to"
        if trig.pattern.type is EventType.STATEMENT and _says_now(trig, text):
            return _FAR  # "began deploying in late 2021, a claim Bamako denies": no date of the denial
    elif t.start >= trig.end:
        lo, hi = trig.end, t.start
        if hi - lo > _TRAILING_REACH:
            return _FAR  # "found Raslan guilty of overseeing the torture ... in 2011": the date of the complement
        if trig.pattern.type is EventType.STATEMENT and (_COMPLEMENT.search(text, lo, hi) or _says_now(trig, text)):
            # "said a treaty would be signed next year", "Western governments say the contractors began
            # deploying in late 2021": the date of what was said.
            return _FAR
        lo_since = max(0, t.start - 12)
        if cues.may_hold(text[lo_since : t.start], ("since",)) and _SINCE_BEFORE.search(text, lo_since, t.start):
            return _FAR  # "their first encounter since February, when they met": a bound of what comes before
    else:
        return 0
    return (hi - lo) + _BREAK_PENALTY * len(_BREAK.findall(text, lo, hi))


_NOT_PRESENT_BEFORE = re.compile(
    r"\b(?:will|would|shall|should|could|can|may|might|must|to|did|do|does|not|n't)\s+$", re.IGNORECASE
)


def _says_now(trig: Trigger, text: str) -> bool:
    """ "says", "Western governments say": a statement in the present tense, which no later date dates."""
    if trig.pattern.pos != "verb":
        return False
    word = text[trig.start : trig.end].split()[0].lower()
    base = trig.pattern.lemma.split()[0].lower()
    if word in (base + "s", base + "es") or (base.endswith("y") and word == base[:-1] + "ies"):
        return True
    return word == base and not _NOT_PRESENT_BEFORE.search(text, max(0, trig.start - 12), trig.start)


# "Italy's March 4 election", "the June 10 vote": a date that modifies a noun dates that noun only.
_DETERMINER_BEFORE = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|this|that)|['’]s|\b[A-Z][a-z]+s)\s+$")
_NOUN_AFTER = re.compile(r"\s+([a-z][a-z-]+)\b")
# How every match of _DETERMINER_BEFORE ends, white space aside: a cheap test before the pattern.
_DETERMINER_LAST = ("the", "a", "an", "their", "her", "that", "s")
_POSSESSIVE_NOUN = re.compile(r"['’]s\s+([a-z][a-z-]+)\b")
_NOT_NOUNS = frozenset("and or to in on at by for of from with was were is are has have had will would".split())


def _modified_noun(t: Timex, text: str) -> tuple[int, int] | None:
    """The span of the noun a date modifies ("the June 10 meeting", "Monday's meeting"), if it modifies one."""
    owned = _POSSESSIVE_NOUN.match(text, t.end)
    if owned is not None and owned.group(1) not in _NOT_NOUNS:
        return owned.start(1), owned.end(1)
    lo = max(0, t.start - 20)
    if not text[lo : t.start].rstrip().endswith(_DETERMINER_LAST) or not _DETERMINER_BEFORE.search(text, lo, t.start):
        return None
    noun = _NOUN_AFTER.match(text, t.end)
    if noun is None or noun.group(1) in _NOT_NOUNS:
        return None
    return noun.start(1), noun.end(1)


def assign_dates(triggers: list[Trigger], timexes: list[Timex], text: str) -> dict[int, list[Timex]]:
    """Each date of a sentence given to the index of the trigger nearest to it, phrase boundaries
    counting as distance; a date far after every trigger is nobody's, and so is a date that modifies
    a noun other than a trigger ("one of the winners of Italy's March 4 election")."""
    owner: dict[int, list[Timex]] = {}
    for t in timexes:
        noun = _modified_noun(t, text)
        if noun is not None:
            # The noun, or a noun after its adjectives: "the July 12, 2016 arbitral ruling".
            named = [i for i, trig in enumerate(triggers)
                     if t.end < trig.start <= noun[0] + 25 and "," not in text[t.end : trig.start]]  # fmt: skip
            if named:
                owner.setdefault(named[0], []).append(t)
            continue
        gaps = [_gap(t, trig, text) for trig in triggers]
        best = min(range(len(triggers)), key=gaps.__getitem__)
        if gaps[best] < _FAR:
            owner.setdefault(best, []).append(t)
    return owner


_AT_THAT_TIME = re.compile(
    r"(?<=\w )(?<!and )(?<!but )(?<!since )(?:then|at (?:that|the) time)\b(?!\s+(?:on|in|by|and)\b)", re.IGNORECASE
)
# "Since then, Bolivia has recalled its ambassador": some time after the time just told, not on it.
_SINCE_THEN = re.compile(r"\b(?:ever\s+)?since\s+(?:then|that\s+time)\b", re.IGNORECASE)


def _says_since_then(trigger: Trigger, sentence: Sentence) -> bool:
    if not cues.may_hold(sentence.text, ("since",)) or _SINCE_THEN.search(sentence.text) is None:
        return False  # the usual case, told without finding the clause
    lo, hi = cues.trigger_clause(sentence, trigger)
    return _SINCE_THEN.search(sentence.text, lo, hi) is not None


def _since(trigger: Trigger, timexes: list[Timex], ctx: Context, discourse: Discourse) -> DateValue | None:
    """The days from the time "since then" refers to (a date before the trigger in its sentence,
    else the story's) to publication, when they fall in one year; else None (no one year holds it)."""
    before = [t.date for t in timexes if t.end <= trigger.start and t.date is not None]
    story = discourse.narrative.date if discourse.narrative is not None else None
    anchor = before[-1] if before else story
    published = ctx.published
    if anchor is None or published is None or anchor.earliest > published or anchor.earliest.year != published.year:
        return None
    start, end = anchor.earliest, published
    return DateValue(f"{start.isoformat()}/{end.isoformat()}", start, end, Precision.RANGE)


_WHEN = re.compile(r",?\s+when\b", re.IGNORECASE)
_GAP_TO = (GAP, frozenset({"to"}))  # "agree ~ to": a verb taking an infinitive
_RELATIVE = re.compile(r"(?:\w+\s+)?(?:which|whom)\b", re.IGNORECASE)
# "announced on Thursday, hours before Orban welcomed ...": the later happening shares the day.
_SAME_DAY = re.compile(r"\b(?:hours|minutes|shortly|moments|just|soon)\s+(?:before|after|later)\b", re.IGNORECASE)


def _shares_date(earlier: Trigger, between: str) -> bool:
    """Whether a trigger without a date of its own takes the date of the trigger before it, given
    the text between them: joined verbs ("visited Rome in July 2019 and praised Salvini"), "hours
    before", or a noun and what it did ("four days later an extraordinary summit in Abuja imposed")."""
    if ";" not in between and _AND.search(between) and between.count(",") <= 1:
        return True
    if _SAME_DAY.search(between):
        return True
    if earlier.pattern.type in _PLACES_OF_EVENTS and _WHERE.search(between):
        return True  # "made a state visit to Vietnam in January, where we signed two memoranda": then and there
    return earlier.pattern.pos == "noun" and len(between) < 50 and not _BREAK.search(between)


def pick_timex(trigger: Trigger, triggers: list[Trigger], timexes: list[Timex], text: str, sentence: Sentence,
               owner: dict[int, list[Timex]] | None = None) -> Timex | None:  # fmt: skip
    """The temporal expression governing a trigger.

    Each date goes to the trigger nearest to it, phrase boundaries counting as distance; a
    trigger without a date of its own takes the date of the trigger before it in the sentence
    ("visited Rome in July 2019 and praised Salvini"), or a date that opens the sentence
    ("On June 10, X visited Kyiv, where he met Y").
    """
    if not timexes:
        return None
    if owner is None:
        owner = assign_dates(triggers, timexes, text)
    index = triggers.index(trigger)
    own = owner.get(index)
    if own:
        return own[0] if len(own) == 1 else min(own, key=lambda t: _gap(t, trigger, text))
    for earlier in range(index - 1, -1, -1):
        dates = owner.get(earlier)
        if dates:
            # "in March 2014, when Resolution 68/262 passed": the when-clause happened then.
            framing = [t for t in dates if _WHEN.match(text, t.end) and ";" not in text[t.end : trigger.start]]
            if framing:
                return framing[-1]
            if _shares_date(triggers[earlier], text[triggers[earlier].end : trigger.start]):
                return min(dates, key=lambda t: _gap(t, triggers[earlier], text))
            break
    follows = index + 1 < len(triggers) and bool(owner.get(index + 1))
    # Nor does what a statement asks for ("urged the junta to hold elections next year"), nor what
    # was agreed to be done ("agreed to meet again in 2026": 2026 is the meeting's, not the agreeing's).
    said = trigger.pattern.type is EventType.STATEMENT or trigger.pattern.tokens[-2:] == _GAP_TO
    if follows and not said and not _RELATIVE.match(text, triggers[index + 1].start):
        # A purpose or consequence shares the date: "fly to Montevideo on Wednesday for talks"; a
        # relative clause does not ("endorsed the deal from which the United States withdrew in 2018").
        between = text[trigger.end : triggers[index + 1].start]
        if not _BREAK.search(between.replace(" for ", " ").replace(" to ", " ")) and len(between) < 60:
            return min(owner[index + 1], key=lambda t: _gap(t, triggers[index + 1], text))
    first = min(timexes, key=lambda t: t.start)
    if first.start < triggers[0].start and ";" not in text[sentence.start : first.start]:
        # Not past a date that cannot be read between it and the trigger: the sentence moved on.
        unread = any(t.date is None and first.end <= t.start < trigger.start for t in timexes)
        return first if _modified_noun(first, text) is None and not unread else None
    return None


def frame_of(sentence: Sentence, inside: list[Timex], text: str) -> Timex | None:
    """A date that opens a sentence ("In 2014, ...", "On 21 November 2016 ..."): it frames the
    sentences after it in the same paragraph that give no date of their own. `inside` are the
    sentence's own dates, in order."""
    if not inside:
        return None
    t = inside[0]
    head = text[sentence.start : t.start]
    return t if len(head) <= 12 and "," not in head and usable(t, text) else None


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


_CONTINUES = re.compile(
    r"^\s*(?:in an? (?:joint )?(?:statement|communiqu[eé]|declaration) (?:issued|released|published) )?"
    r"(?:[A-Z][a-z]+ing\s+(?:[\w'’.-]+\s+){0,3}?)?"  # "Addressing the media after the talks, ..."
    r"(?:during|at|in the course of|on the (?:sidelines|margins?) of|in the margins? of|following|after|"
    r"on that occasion)\s+"
    r"(?:[\w'’.-]+\s+){0,4}?"
    r"(?P<noun>visit|trip|meeting|talks|summit|conference|negotiations|session|forum|ceremony|occasion)\b",
    re.IGNORECASE,
)
# What "During the visit" refers back to: the last event of this type.
_REFERS_TO = {
    "visit": EventType.VISIT, "trip": EventType.VISIT, "meeting": EventType.MEETING, "talks": EventType.MEETING,
    "negotiations": EventType.MEETING, "summit": EventType.CONFERENCE, "conference": EventType.CONFERENCE,
    "forum": EventType.CONFERENCE, "session": EventType.CONFERENCE,
}  # fmt: skip
_CONTINUATION_START = re.compile(r"^\s*(?:and|then)\b", re.I)
# After the trigger: "met briefly on the sidelines of that ceremony", "agreed during the visit".
_REFERS_AFTER = re.compile(
    r"\s+(?:[\w'’.-]+\s+){0,3}?(?:(?:on|in) the (?:sidelines|margins?) of|during|in the course of)\s+"
    r"(?:the|that|this)\s+(?:[\w'’.-]+\s+){0,3}?"
    r"(?P<noun>visit|trip|meeting|talks|summit|conference|negotiations|session|forum|ceremony|occasion)\b",
    re.IGNORECASE,
)
# "told the council", "addressed the conference", "told participants": said at a gathering told before.
_TOLD_GATHERING = re.compile(
    r"\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:council|conference|summit|meeting|assembly|session|forum|gathering|"
    r"participants|delegates|delegations)\b",
    re.IGNORECASE,
)
_GATHERING_WORDS = ("council", "conference", "summit", "meeting", "assembly", "session", "forum", "gathering",
                    "participants", "delegates", "delegations")  # fmt: skip
_GATHERING_TYPES = (EventType.CONFERENCE, EventType.MEETING, EventType.VOTE)
_REPORTING = frozenset("say report announce tell state confirm add claim".split())
STORY_REACH = 6  # sentences over which the story's day refines a relative year
NEWS_REACH = 2  # sentences over which a news story's day carries to past-tense events without one


def month_of(value: DateValue) -> DateValue:
    """The month holding a date."""
    d = value.earliest
    last = calendar.monthrange(d.year, d.month)[1]
    return DateValue(f"{d.year:04d}-{d.month:02d}", d.replace(day=1), d.replace(day=last), Precision.MONTH)


def _refined(timex: Timex, discourse: Discourse, index: int) -> Candidate | None:
    """The story's day, when "this year" ("this year's session") holds it and it happened recently."""
    story = discourse.narrative
    if (
        timex.date is None
        or timex.anchor is not Anchor.PUBLICATION
        or timex.date.precision is not Precision.YEAR
        or story is None
        or story.date is None
        or story.status is not EventStatus.OCCURRED
        or not timex.text.lower().startswith("this")
        or index - story.sentence_index > STORY_REACH
    ):
        return None
    inside = timex.date.earliest <= story.date.earliest and story.date.latest <= timex.date.latest
    return story if inside else None


def _reported(trigger: Trigger, triggers: list[Trigger], timexes: list[Timex], text: str, sentence: Sentence,
              owner: dict[int, list[Timex]]) -> DateValue | None:  # fmt: skip
    """ "police detained X ..., the FSB said on Thursday": on or before the report, so its month."""
    for later in triggers:
        if later.start <= trigger.start or later.pattern.type is not EventType.STATEMENT:
            continue
        if later.pattern.lemma.split()[0] not in _REPORTING:
            continue
        timex = pick_timex(later, triggers, timexes, text, sentence, owner)
        if timex is not None and timex.date is not None and timex.start > later.start - 40:
            return _report_date(timex.date)
    return None


def _report_date(date: DateValue) -> DateValue:
    """What a report's date tells of the happening it reports: on or before it, so its month."""
    return month_of(date) if date.precision is Precision.DAY else date


def _reported_before(trigger: Trigger, triggers: list[Trigger], timexes: list[Timex], text: str,
                     sentence: Sentence, owner: dict[int, list[Timex]],
                     same_time: bool = False) -> DateValue | None:  # fmt: skip
    """ "The WHO said on Wednesday it had delivered ...": the month of a dated report that the event
    is told inside of (the reporting verb before it, with no clause break between them); with
    `same_time` ("announced that night that Mexico was breaking off relations"), the report's date."""
    for earlier in reversed(triggers):
        if earlier.start >= trigger.start or earlier.pattern.type is not EventType.STATEMENT:
            continue
        reporting = earlier.pattern.lemma.split()[0] in _REPORTING
        if not reporting or cues.CLAUSE_JOIN.search(text, earlier.end, trigger.start):
            return None
        timex = pick_timex(earlier, triggers, timexes, text, sentence, owner)
        if timex is not None and timex.date is not None and earlier.end <= timex.start < trigger.start:
            return timex.date if same_time else _report_date(timex.date)
        return None
    return None


_AFTER_OR_BEFORE = re.compile(r"\s+(after|before)\s+", re.IGNORECASE)
_DAYS_OF_UNIT = {"D": 1, "W": 7}
_OFFSET_REACH = 60


def _offset_from_date(trigger: Trigger, timexes: list[Timex], ctx: Context, sentence: Sentence) -> DateValue | None:
    """ "ended on Wednesday, ... a day after gunmen killed 26 people": the day named, less the
    distance ("two days before the summit": plus it)."""
    for t in ctx.timexes_in(sentence.start, trigger.start):
        if t.type is not TimexType.DURATION:
            continue
        link = _AFTER_OR_BEFORE.match(ctx.text, t.end)
        if link is None or trigger.start - link.end() > _OFFSET_REACH or "," in ctx.text[link.end() : trigger.start]:
            continue
        size = re.fullmatch(r"P(\d+)([DW])", t.value)
        anchors = [a for a in timexes if a.end <= t.start and a.date is not None and a.date.precision is Precision.DAY]
        if size is None or not anchors:
            continue
        days = int(size.group(1)) * _DAYS_OF_UNIT[size.group(2)]
        day = anchors[-1].date.earliest + dt.timedelta(days=-days if link.group(1).lower() == "after" else days)
        return DateValue(day.isoformat(), day, day, Precision.DAY)
    return None


_APPROXIMATE = re.compile(r"(?:less|more|fewer) than|about|nearly|almost|some|over|around|roughly|several|a few",
                          re.IGNORECASE)  # fmt: skip
# "The raid came a day after ...": the happening told before, then what came a day before it.
_STORY_CAME = re.compile(r"\s*(?:The|This|That) (?:[\w-]+ ){1,2}(?:came|followed|happened|took place|occurred) $")


def _offset_from_story(trigger: Trigger, ctx: Context, sentence: Sentence, discourse: Discourse) -> DateValue | None:
    """ "The raid came a day after Quito declared ...": the day of the story told before, less the distance."""
    story = discourse.narrative
    if story is None or story.date is None or story.date.precision is not Precision.DAY:
        return None
    for t in ctx.timexes_in(sentence.start, trigger.start):
        size = re.fullmatch(r"P(\d+)([DW])", t.value) if t.type is TimexType.DURATION else None
        link = _AFTER_OR_BEFORE.match(ctx.text, t.end) if size is not None else None
        if size is None or link is None or _APPROXIMATE.match(t.text):
            continue
        if not _STORY_CAME.fullmatch(ctx.text, sentence.start, t.start):
            return None
        if trigger.start - link.end() > _OFFSET_REACH:
            return None
        days = int(size.group(1)) * _DAYS_OF_UNIT[size.group(2)]
        day = story.date.earliest + dt.timedelta(days=-days if link.group(1).lower() == "after" else days)
        return DateValue(day.isoformat(), day, day, Precision.DAY)
    return None


def date_event(trigger: Trigger, triggers: list[Trigger], timexes: list[Timex], ctx: Context, sentence: Sentence,
               tokens: list[Token], lede: bool, planned: bool, discourse: Discourse, index: int,
               owner: dict[int, list[Timex]] | None = None,
               definite: bool = False) -> tuple[DateValue | None, str | None, str]:  # fmt: skip
    """An event's date, the phrase it came from, and where it came from.

    In order: a count of days from a date ("two days after"); for "since then", the days from the
    time told to publication; "then", the time of the sentence's first event; the date of its
    clause (a relative year refined by the story's day); none before the story's time (the
    pluperfect); the date of the event a `definite` mention refers back to ("The agreement was
    signed"); the date of the event a sentence refers back to ("During
    the visit"); the date of a report the sentence ends with; the story's day for what the text
    tells as past shortly after it; the date that opens the paragraph; for news of the day, the
    publication date.
    """
    if owner is None:
        owner = assign_dates(triggers, timexes, ctx.text) if timexes else {}
    offset = _offset_from_date(trigger, timexes, ctx, sentence)
    if offset is not None:
        return offset, None, "text"
    if _says_since_then(trigger, sentence):
        since = _since(trigger, timexes, ctx, discourse)
        return (since, None, "since") if since is not None else (None, None, "none")
    near = ctx.text[trigger.start : trigger.end + 20]
    if cues.may_hold(near, ("then", "time")) and _AT_THAT_TIME.search(ctx.text, trigger.start, trigger.end + 20):
        # "Shoukry visited Ankara on April 13, ..., and the two sides agreed then": the time of the
        # sentence's first event, else of the story just told.
        first = next((t for t in timexes if t.start < trigger.start and t.date is not None), None)
        if first is not None:
            return first.date, first.text, "text"
        story = discourse.narrative
        if story is not None and story.date is not None:
            return story.date, story.date_text, "discourse"
    timex = pick_timex(trigger, triggers, timexes, ctx.text, sentence, owner)
    if timex is None:
        offset = _offset_from_story(trigger, ctx, sentence, discourse)
        if offset is not None:
            return offset, None, "discourse"
    if timex is not None and timex.date is None:
        # Its own date cannot be read against publication here (see sentence_candidates): the date
        # that opened the paragraph in an earlier sentence frames it ("In 2012, ... On 18 May, ..."),
        # else it has none; never the date of another trigger of its sentence.
        frame = discourse.frame if discourse.frame_paragraph == discourse.paragraph else None
        if frame is not None and frame.date is not None and frame.start < sentence.start:
            return frame.date, frame.text, "discourse"
        return None, None, "none"
    if timex is not None and timex.date is not None:
        story = _refined(timex, discourse, index)
        if story is not None:
            return story.date, story.date_text, "discourse"
        return timex.date, timex.text, "text"
    progressive = cues.past_progressive(tokens, trigger.first)
    if progressive and trigger.pattern.type is not EventType.STATEMENT:
        # "announced the same night that Mexico was breaking off relations": under way as it was told.
        report = _reported_before(trigger, triggers, timexes, ctx.text, sentence, owner, same_time=True)
        if report is not None:
            return report, None, "report"
    if cues.pluperfect(tokens, trigger.first) or " had " in ctx.text[sentence.start : trigger.start]:
        if trigger.pattern.type is not EventType.STATEMENT and not planned:
            # "The WHO said on Wednesday it had delivered 30 tonnes": on or before the report.
            report = _reported_before(trigger, triggers, timexes, ctx.text, sentence, owner)
            if report is not None:
                return report, None, "report"
        return None, None, "none"  # before the story's time: no inherited date fits
    story = discourse.narrative
    if definite and not planned and trigger.pattern.pos == "verb":
        # "The agreement was signed in Pretoria by ...": the agreement told before, on its date.
        earlier = discourse.last_of_type.get(trigger.pattern.type)
        if earlier is not None and earlier.date is not None and earlier.status is EventStatus.OCCURRED:
            return earlier.date, earlier.date_text, "discourse"
    refers = _CONTINUES.match(sentence.text)
    if refers is None and cues.may_hold(ctx.text[trigger.end : trigger.end + 80], (" of th", "during", "course")):
        refers = _REFERS_AFTER.match(ctx.text, trigger.end, sentence.end)
    if refers:
        kind = _REFERS_TO.get(refers.group("noun").lower())
        earlier = discourse.last_of_type.get(kind) if kind else discourse.narrative
        if earlier is not None and earlier.date is not None:
            # "On the margins of the meeting, X held a bilateral meeting": another event, on its day.
            side = re.match(r"\s*\w+ the (?:sidelines|margins?) of", sentence.text, re.IGNORECASE) is not None
            return earlier.date, earlier.date_text, "side" if side else "discourse"
        return None, None, "none"  # it refers back to an event whose date is unknown
    if trigger.pattern.lemma == "tell" and not planned:
        near = ctx.text[trigger.end : trigger.end + 40]
        if cues.may_hold(near, _GATHERING_WORDS) and _TOLD_GATHERING.match(ctx.text, trigger.end, sentence.end):
            # "Osman told the council": said at the gathering told before, on its day.
            gatherings = [discourse.last_of_type.get(kind) for kind in _GATHERING_TYPES]
            held = [g for g in gatherings if g is not None and g.date is not None and g.status is EventStatus.OCCURRED]
            if held:
                last = max(held, key=lambda g: g.sentence_index)
                return last.date, last.date_text, "discourse"
    if trigger.pattern.type is not EventType.STATEMENT and not planned:
        report = _reported(trigger, triggers, timexes, ctx.text, sentence, owner)
        if report is not None:
            return report, None, "report"
    told_as_past = (
        trigger.pattern.pos == "noun"
        or progressive
        or (
            cues.past(tokens[trigger.first].lower, trigger.pattern.lemma)
            and not cues.present_passive(tokens, trigger.first)
        )
    )
    if story is not None and story.date is not None and not planned:
        if _CONTINUATION_START.match(sentence.text):
            return story.date, story.date_text, "discourse"
        recent = index - story.sentence_index <= NEWS_REACH and story.paragraph >= discourse.paragraph - 1
        # Statements are left out: a reaction is often later than what it reacts to.
        doing = trigger.pattern.pos == "verb" and trigger.pattern.type is not EventType.STATEMENT
        if recent and told_as_past and not ctx.background and doing:
            return story.date, story.date_text, "discourse"
    frame = discourse.frame
    if (
        told_as_past
        and frame is not None
        and frame.date is not None
        and discourse.frame_paragraph == discourse.paragraph
    ):
        return frame.date, frame.text, "discourse"
    news_of_the_day = lede or cues.present_perfect(tokens, trigger.first)
    imminent = planned and cues.imminent(tokens, trigger.first)
    if ctx.published is not None and (not planned or imminent) and not ctx.background and news_of_the_day:
        return publication_value(ctx.published, ctx.published_precision), None, "publication"
    return None, None, "none"


def old_dates(timexes: tuple[Timex, ...] | list[Timex], published: dt.date | None,
              precise: bool, text: str | None = None) -> tuple[int, ...]:  # fmt: skip
    """Where the text names a date two years or more before publication (start offsets, in order):
    shortly after one, in the same paragraph, the story stands in the past. With `precise`, only
    days and months count ("the wars of 1965 and 1971" is background: "on Wednesday" after it is
    still this week). Given the `text`, a date that bounds a state lasting until now does not count
    ("where the military has ruled since coups in August 2020. In June, ..." is this June)."""
    if published is None:
        return ()
    return tuple(
        t.start
        for t, date in _named_in_full(timexes)
        if date.latest.year <= published.year - 2
        and (not precise or date.precision in (Precision.DAY, Precision.MONTH))
        and (text is None or not _since_bound(t, text))
    )  # fmt: skip


def _since_bound(t: Timex, text: str) -> bool:
    """ "since 2019", "since coups in August 2020 and May 2021": the start of what still holds."""
    return bool(_SINCE_BEFORE.search(text, max(0, t.start - 12), t.start)
                or _SINCE_CLAUSE.search(text, max(0, t.start - 50), t.start))  # fmt: skip


def _named_in_full(timexes: tuple[Timex, ...] | list[Timex]) -> list[tuple[Timex, DateValue]]:
    """The dates the text gives with their year, citations left out, with their readings."""
    return [(t, t.date) for t in timexes if t.date is not None and not t.citation and t.anchor is Anchor.ABSOLUTE]


def recent_dates(timexes: tuple[Timex, ...] | list[Timex], published: dt.date | None) -> tuple[int, ...]:
    """Where the text names a date of last year or later in full (start offsets, in order): after one,
    the story is back in the present."""
    if published is None:
        return ()
    return tuple(t.start for t, date in _named_in_full(timexes) if date.latest.year >= published.year - 1)


_DEICTIC = re.compile(r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
                      r"ago|last|this|next|earlier|later|recent)\b", re.IGNORECASE)  # fmt: skip


def deictic(t: Timex) -> bool:
    """ "on Wednesday", "yesterday", "last week": words that point at the writer's own time."""
    return bool(_DEICTIC.search(t.text))
