"""From the sentences of an article, with its dates and actors, to candidate events.

For each sentence that is news (not page furniture, not a heading), every trigger of the lexicon
becomes a candidate event unless it is negated or hypothetical. Its date is the temporal
expression that governs its clause (never a citation's); else, for a sentence that continues the
story ("During the visit", "On the same day"), the date already established; else, for news of
the day (the lede, or the present perfect), the publication date; else none. Its actors are the
states, organisations and people of its clause (of its sentence when the clause names none, of
the sentence before when it opens with a pronoun), persons counting for the state they served.
Every trigger leaves a Decision saying what became of it, for `dateline explain`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from dateline.extract.actors.model import ActorMention
from dateline.extract.events import cues
from dateline.extract.events.dating import pick_timex, publication_value, usable
from dateline.extract.events.lexicon import Lexicon
from dateline.extract.events.triggers import Token, Trigger, find_triggers, tokenize
from dateline.extract.records import (
    ActorKind,
    ActorRef,
    ActorRole,
    Anchor,
    DateValue,
    EventStatus,
    EventType,
    Evidence,
    Precision,
    Timex,
)
from dateline.extract.sentences import Sentence

# Types where who-acts-on-whom matters; for the others every actor is a participant.
_DIRECTED = frozenset(
    {EventType.VISIT, EventType.STATEMENT, EventType.ARREST, EventType.LEGAL, EventType.SANCTIONS,
     EventType.EXPULSION, EventType.AID}
)  # fmt: skip
_CONTINUES = re.compile(
    r"^\s*(?:during|at|in the course of|on the sidelines of|in the margins of|following|after|on that occasion)\s+"
    r"(?:the|this|that|his|her|their|its|[A-Z][\w'’]+(?:’s|'s))?\s*(?:[\w-]+\s+){0,2}"
    r"(?P<noun>visit|trip|meeting|talks|summit|conference|negotiations|session|forum|ceremony|occasion)",
    re.IGNORECASE,
)
# What "During the visit" refers back to: the last event of this type.
_REFERS_TO = {
    "visit": EventType.VISIT, "trip": EventType.VISIT, "meeting": EventType.MEETING, "talks": EventType.MEETING,
    "negotiations": EventType.MEETING, "summit": EventType.CONFERENCE, "conference": EventType.CONFERENCE,
    "forum": EventType.CONFERENCE, "session": EventType.CONFERENCE,
}  # fmt: skip
_CONTINUATION_START = re.compile(r"^\s*(?:and|then)\b", re.I)
_ANAPHORA = re.compile(
    r"^\s*(?:he|she|they|it|this|that|the two(?: \w+)?|both(?: sides| leaders| ministers)?|the sides)\b", re.I
)
_DEFINITE = frozenset("the this that these those his her their its".split())
_STOP = frozenset(
    "with that this their from between into which were have been also about against bilateral agreement "
    "agreements signed sign signing deal deals contract contracts".split()
)


@dataclass
class Candidate:
    """An event being built from one or more mentions."""

    type: EventType
    status: EventStatus
    date: DateValue | None
    date_text: str | None
    trigger: str
    cameo: str | None
    actors: list[ActorRef]
    evidence: list[Evidence]
    summary: str
    confidence: float
    theme: frozenset[str] = frozenset()
    location: str | None = None
    sentence_index: int = 0
    date_source: str = "none"
    merged_from: list[int] = field(default_factory=list)
    span: tuple[int, int] = (0, 0)
    paragraph: int = 0
    definite: bool = False
    speaker: bool = False


@dataclass(frozen=True, slots=True)
class Decision:
    """What became of one trigger: an event candidate, or the reason it was dropped."""

    sentence_index: int
    trigger: str
    type: EventType
    outcome: str  # "event" or the reason it was dropped
    date: str | None = None
    date_source: str = "none"
    status: str | None = None
    actors: tuple[str, ...] = ()


@dataclass(frozen=True)
class Context:
    """What the extractor knows of the article as a whole."""

    text: str
    published: dt.date | None
    published_precision: str | None
    timexes: tuple[Timex, ...]
    mentions: tuple[ActorMention, ...]
    background: bool = False


@dataclass
class Discourse:
    """What earlier sentences established: the story's date, the paragraph's frame, the last actors."""

    narrative: Candidate | None = None
    last_mentions: list[ActorMention] = field(default_factory=list)
    frame: Timex | None = None
    frame_paragraph: int = -1
    paragraph: int = 0
    last_person: ActorMention | None = None
    last_of_type: dict[EventType, Candidate] = field(default_factory=dict)
    heading: list[ActorMention] = field(default_factory=list)


def _in(start: int, end: int, s: Sentence) -> bool:
    return s.start <= start and end <= s.end


def _ref(m: ActorMention, role: ActorRole) -> ActorRef:
    if m.is_place:
        return ActorRef(ActorKind.STATE, m.state or m.code, m.state or m.code, role)
    return ActorRef(m.kind, m.code, m.name, role, state=m.state, office=m.office)


def _actor_refs(mentions: list[ActorMention], trigger: Trigger, event_type: EventType,
                sentence: Sentence) -> tuple[list[ActorRef], str | None]:  # fmt: skip
    """Actor references for an event, with roles by position, and the state it took place in.

    The actors of the trigger's clause, or of the whole sentence when the clause names none; a
    statement takes the whole sentence, since what is said names its targets.
    """
    lo, hi = cues.clause_bounds(sentence.text, trigger.start - sentence.start)
    clause = [m for m in mentions if lo <= m.start - sentence.start and m.end - sentence.start <= hi]
    whole = event_type is EventType.STATEMENT or not _has_state(clause)
    chosen = mentions if whole else clause
    refs: list[ActorRef] = []
    location = None
    for m in chosen:
        after = m.start >= trigger.start
        if m.is_place:
            location = location or m.state
            refs.append(_ref(m, ActorRole.TARGET if after else ActorRole.PARTICIPANT))
        elif event_type in _DIRECTED:
            refs.append(_ref(m, ActorRole.TARGET if after else ActorRole.INITIATOR))
        else:
            refs.append(_ref(m, ActorRole.PARTICIPANT))
    return refs, location


def _has_state(mentions: list[ActorMention]) -> bool:
    return any((m.kind is not ActorKind.PERSON and not m.is_place) or m.state for m in mentions)


def _has_actor(refs: list[ActorRef]) -> bool:
    return any(r.kind is not ActorKind.PERSON or r.state for r in refs)


_SPEAKER_REACH = 10


def _speaker(mentions: list[ActorMention], trigger: Trigger, tokens: list[Token], text: str) -> bool:
    """Whether a statement has someone who speaks: an actor shortly before the verb with no clause
    boundary in between ("Tajani, Italy's foreign minister, announced"), or right after it ("said Tajani")."""
    first = tokens[max(0, trigger.first - _SPEAKER_REACH)].start
    before = [t.lower for t in tokens[max(0, trigger.first - 2) : trigger.first]]
    if any(w in _PRONOUNS for w in before) and any(m.kind is ActorKind.PERSON for m in mentions):
        return True  # "he said": _resolve_pronouns has added the person
    for m in mentions:
        if m.is_place or not first <= m.start < trigger.start:
            continue
        between = text[m.end : trigger.start]
        if '"' not in between and "“" not in between and not re.search(r"[;:]|,\s+(?:but|and|which|while)\b", between):
            return True
    after = tokens[trigger.last + 1 : trigger.last + 4]
    if not after:
        return False
    return any(not m.is_place and after[0].start <= m.start <= after[-1].end for m in mentions)


_PRONOUNS = frozenset({"he", "she"})
# Events that need a recipient: when the sentence names only one state, the section heading's
# states ("Italy's Ongoing Support to Ukraine") supply the other.
_NEEDS_TWO = frozenset({EventType.AID, EventType.SANCTIONS, EventType.EXPULSION})


def _with_heading(refs: list[ActorRef], event_type: EventType, heading: list[ActorMention]) -> list[ActorRef]:
    if event_type not in _NEEDS_TWO or not heading:
        return refs
    present = {r.state if r.kind is ActorKind.PERSON else r.code for r in refs}
    if len(present - {None}) != 1:
        return refs
    extra = [_ref(m, ActorRole.TARGET) for m in heading if not m.is_place and m.kind is not ActorKind.PERSON]
    return refs + [r for r in extra if r.code not in present]


def _resolve_pronouns(mentions: list[ActorMention], tokens: list[Token], triggers: list[Trigger],
                      discourse: Discourse) -> list[ActorMention]:  # fmt: skip
    """Add the person a subject pronoun stands for: "..., he said" is the last person named before it."""
    out = list(mentions)
    for trigger in triggers:
        before = tokens[max(0, trigger.first - 2) : trigger.first]
        pronoun = next((t for t in reversed(before) if t.lower in _PRONOUNS), None)
        if pronoun is None:
            continue
        earlier = [m for m in mentions if m.kind is ActorKind.PERSON and m.end <= pronoun.start]
        person = earlier[-1] if earlier else discourse.last_person
        if person is not None and all(m.code != person.code for m in out):
            out.append(person)
    return out


def _words(tokens: list[Token], lo: int, hi: int) -> frozenset[str]:
    return frozenset(
        t.lower for t in tokens if lo <= t.start and t.end <= hi and len(t.lower) > 3 and t.lower not in _STOP
    )


def _themes(tokens: list[Token], trigger: Trigger) -> list[frozenset[str]]:
    """Content words of the trigger's object (of each, for "X and Y"), to tell two agreements of one day apart."""
    after = tokens[trigger.last + 1 : trigger.last + 7]
    end = after[-1].end if after else trigger.end
    if trigger.second_object is not None:
        first = _words(tokens, trigger.end, trigger.second_object[0])
        return [first, _words(tokens, *trigger.second_object)]
    words = _words(tokens, trigger.end, end)
    if trigger.object_span is not None:
        lo, hi = trigger.object_span
        words |= _words(tokens, lo - 40, hi)
    return [words]


def _summary(sentence: Sentence, trigger: Trigger) -> str:
    lo, hi = cues.clause_bounds(sentence.text, trigger.start - sentence.start)
    text = sentence.text[lo:hi].strip(" ,;:")
    text = re.sub(r"\s*\([^)]*\)", "", text)  # citations and asides
    text = re.sub(r"\s+", " ", text).strip()
    if len(text) > 220:
        text = text[:217].rsplit(" ", 1)[0] + "..."
    return text[:1].upper() + text[1:]


_STORY_REACH = 6  # sentences over which the story's day refines a relative year


def _dated(trigger: Trigger, triggers: list[Trigger], timexes: list[Timex], ctx: Context, sentence: Sentence,
           tokens: list[Token], lede: bool, planned: bool, discourse: Discourse,
           sentence_index: int) -> tuple[DateValue | None, str | None, str]:  # fmt: skip
    """The event's date, the phrase it came from, and where it came from (text, discourse,
    publication or none)."""
    timex = pick_timex(trigger, triggers, timexes, ctx.text, sentence)
    if timex is not None and timex.date is not None:
        story = discourse.narrative
        if (
            timex.anchor is Anchor.PUBLICATION
            and timex.date.precision is Precision.YEAR
            and story is not None
            and story.date is not None
            and timex.date.earliest <= story.date.earliest <= story.date.latest <= timex.date.latest
            and sentence_index - story.sentence_index <= _STORY_REACH
        ):
            # "this year's session", told while the story stands at a known day: that day.
            return story.date, story.date_text, "discourse"
        return timex.date, timex.text, "text"
    if cues.pluperfect(tokens, trigger.first) or " had " in ctx.text[sentence.start : trigger.start]:
        return None, None, "none"  # before the story's time: no inherited date fits
    refers = _CONTINUES.match(sentence.text)
    if refers:
        kind = _REFERS_TO.get(refers.group("noun").lower())
        earlier = discourse.last_of_type.get(kind) if kind else discourse.narrative
        if earlier is not None and earlier.date is not None:
            return earlier.date, earlier.date_text, "discourse"
        return None, None, "none"  # it refers back to an event whose date is unknown
    narrative = discourse.narrative
    if narrative is not None and narrative.date is not None and _CONTINUATION_START.match(sentence.text):
        return narrative.date, narrative.date_text, "discourse"
    # A paragraph's opening date frames what follows in it, for what the text tells as past
    # ("signed", "the visit"), not for the present ("say U.S. officials").
    told_as_past = trigger.pattern.pos == "noun" or cues.past(tokens[trigger.first].lower, trigger.pattern.lemma)
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


def sentence_candidates(lex: Lexicon, ctx: Context, index: int, sentence: Sentence, lede: bool,
                        discourse: Discourse) -> tuple[list[Candidate], list[Decision]]:  # fmt: skip
    """The candidate events of one sentence, and a decision for each trigger in it."""
    tokens = tokenize(ctx.text, sentence.start, sentence.end)
    triggers = find_triggers(lex, tokens, ctx.text)
    mentions = [m for m in ctx.mentions if _in(m.start, m.end, sentence)]
    if _ANAPHORA.match(sentence.text) or not _has_state(mentions):
        # "He said ...", "The two ministers ...": the people of the sentence before act here.
        known = {m.code for m in mentions}
        mentions = [*mentions, *(m for m in discourse.last_mentions if m.code not in known)]
    if not triggers:
        return [], []
    mentions = _resolve_pronouns(mentions, tokens, triggers, discourse)
    timexes = [t for t in ctx.timexes if _in(t.start, t.end, sentence) and usable(t, ctx.text)]
    if ctx.background:
        # In a background piece the story is not the publication day's: "18 May", "Thursday",
        # "this year" read against the publication date are more often wrong than right.
        timexes = [t for t in timexes if t.anchor is not Anchor.PUBLICATION]
    reported = cues.reported_speech(tokens)
    out: list[Candidate] = []
    decisions: list[Decision] = []
    for trigger in triggers:
        pattern = trigger.pattern
        text = ctx.text[trigger.start : trigger.end]

        def drop(reason: str, text: str = text, kind: EventType = pattern.type) -> None:
            decisions.append(Decision(index, text, kind, reason))

        noun = pattern.pos == "noun"
        if cues.negated(tokens, trigger.first):
            drop("negated")
            continue
        if cues.hypothetical(tokens, trigger.first, reported):
            drop("hypothetical or conditional")
            continue
        if cues.habitual(tokens, trigger.first, trigger.last, noun, ctx.text):
            drop("repeated or generic, not one happening")
            continue
        intent = None if noun else cues.unrealised(tokens, trigger.first)
        if intent == "aim":
            drop("an aim or a call, not a happening")
            continue
        if len(triggers) > 1 and cues.setting(ctx.text, sentence.start, trigger.start):
            drop("the setting of another event")
            continue
        if cues.conditional(sentence.text):
            drop("conditional")
            continue
        refs, location = _actor_refs(mentions, trigger, pattern.type, sentence)
        refs = _with_heading(refs, pattern.type, discourse.heading)
        if not _has_actor(refs):
            drop("no state, organisation or official named")
            continue
        if pattern.needs_person and not any(r.kind is ActorKind.PERSON for r in refs):
            drop("needs a person")
            continue
        if pattern.type is EventType.STATEMENT and not noun and cues.participle_adjunct(tokens, trigger.first):
            drop("a participle describing another event")
            continue
        speaker = pattern.type is EventType.STATEMENT and _speaker(mentions, trigger, tokens, ctx.text)
        if pattern.type is EventType.STATEMENT and not speaker and not _ANAPHORA.match(sentence.text):
            drop("no speaker named")
            continue
        planned = intent == "planned" or cues.future(tokens, trigger.first, trigger.last, noun)
        date, date_text, source = _dated(
            trigger, triggers, timexes, ctx, sentence, tokens, lede, planned, discourse, index
        )
        if source != "text" and cues.cumulative(sentence.text):
            date, date_text, source = None, None, "none"  # a running total: no one day to give it
        if date is not None and ctx.published is not None and date.earliest > ctx.published:
            planned = True
        status = EventStatus.PLANNED if planned else EventStatus.OCCURRED
        before = [t.lower for t in tokens[max(0, trigger.first - 2) : trigger.first]]
        themes = _themes(tokens, trigger)
        spans = [trigger.text_span, trigger.second_object or trigger.text_span]
        for theme, span in zip(themes, spans, strict=False):
            candidate = Candidate(
                type=pattern.type,
                status=status,
                date=date,
                date_text=date_text,
                trigger=text,
                cameo=pattern.cameo,
                actors=list(refs),
                evidence=[Evidence(sentence.text, sentence.start, sentence.end)],
                summary=_summary(sentence, trigger),
                confidence={"text": 0.8, "discourse": 0.65, "publication": 0.55}.get(source, 0.4),
                theme=theme,
                location=location,
                sentence_index=index,
                date_source=source,
                span=span,
                paragraph=discourse.paragraph,
                definite=noun and any(w in _DEFINITE or w.endswith("'s") for w in before),
                speaker=speaker,
            )
            out.append(candidate)
        codes = tuple(dict.fromkeys(r.state or r.code if r.kind is ActorKind.PERSON else r.code for r in refs))
        decisions.append(
            Decision(index, text, pattern.type, "event", date.edtf if date else None, source, status.value, codes)
        )
    return out, decisions
