"""From the sentences of an article, with its dates and actors, to event records.

For each sentence that is news (not page furniture, not a heading), every trigger of the lexicon
becomes a candidate event unless it is negated or hypothetical. Its date is the temporal
expression that governs its clause (never a citation's); else, for a sentence that continues the
story ("During the visit", "On the same day"), the date already established; else, for news of
the day (the lede, or the present perfect), the publication date; else none. Its actors are the
states, organisations and people of its sentence, persons counting for the state they served.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from dateline.extract.actors.model import ActorMention
from dateline.extract.events import cues
from dateline.extract.events.lexicon import Lexicon
from dateline.extract.events.triggers import Token, Trigger, find_triggers, tokenize
from dateline.extract.records import (
    ActorKind,
    ActorRef,
    ActorRole,
    DateValue,
    EventStatus,
    EventType,
    Evidence,
    Precision,
    Timex,
    TimexType,
)
from dateline.extract.sentences import Sentence

# Types where who-acts-on-whom matters; for the others every actor is a participant.
_DIRECTED = frozenset({EventType.VISIT, EventType.STATEMENT, EventType.ARREST, EventType.LEGAL,
                       EventType.SANCTIONS, EventType.EXPULSION, EventType.AID})  # fmt: skip
# Prepositions before a date that make it bound something else: "a plan for 2021-2022".
_BOUNDING = re.compile(r"\b(?:for|through|throughout|until|till|since|from|over|during the period)\s*$", re.I)
_CONTINUES = re.compile(
    r"^\s*(?:during|at|in the course of|on the sidelines of|in the margins of|following|after)\s+"
    r"(?:the|this|that|his|her|their|its|[A-Z][\w'’]+(?:’s|'s))\s+(?:[\w-]+\s+){0,2}"
    r"(?:visit|trip|meeting|talks|summit|conference|negotiations|session|forum|ceremony)",
    re.IGNORECASE,
)
_CONTINUATION_STARTS = re.compile(r"^\s*(?:and|also|moreover|in addition|additionally|meanwhile|there)\b", re.I)


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
    extra: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """What the extractor knows of the article as a whole."""

    text: str
    published: dt.date | None
    published_precision: str | None
    timexes: tuple[Timex, ...]
    mentions: tuple[ActorMention, ...]


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


def _in(span_start: int, span_end: int, s: Sentence) -> bool:
    return s.start <= span_start and span_end <= s.end


def _usable(t: Timex, text: str) -> bool:
    if t.citation or t.date is None or t.type not in (TimexType.DATE, TimexType.TIME):
        return False
    return not _BOUNDING.search(text[max(0, t.start - 25) : t.start])


def _pick_date(trigger: Trigger, triggers: list[Trigger], timexes: list[Timex], sentence: Sentence,
               text: str) -> Timex | None:  # fmt: skip
    """The temporal expression governing the trigger: the nearest one that no other trigger is nearer to."""
    if not timexes:
        return None

    def gap(t: Timex, trig: Trigger) -> int:
        if t.end <= trig.start:
            return trig.start - t.end
        if t.start >= trig.end:
            return t.start - trig.end
        return 0

    own = [t for t in timexes if min(triggers, key=lambda tr: gap(t, tr)) is trigger]
    if own:
        return min(own, key=lambda t: gap(t, trigger))
    # A date that opens the sentence governs all of it: "On June 10, X visited Kyiv, where he met Y".
    first = min(timexes, key=lambda t: t.start)
    head = text[sentence.start : first.start]
    if first.start < triggers[0].start and not re.search(r"[;]", head):
        return first
    return None


def _actor_refs(
    mentions: list[ActorMention], trigger: Trigger, event_type: EventType
) -> tuple[list[ActorRef], str | None]:
    """Actor references for an event, with roles by position, and the place it happened."""
    refs: list[ActorRef] = []
    location = None
    for m in mentions:
        if m.is_place:
            if m.state:
                location = location or m.state
                refs.append(
                    ActorRef(
                        ActorKind.STATE,
                        m.state,
                        m.state,
                        ActorRole.TARGET if m.start > trigger.start else ActorRole.PARTICIPANT,
                    )
                )
            continue
        if event_type in _DIRECTED:
            role = ActorRole.INITIATOR if m.end <= trigger.start else ActorRole.TARGET
        else:
            role = ActorRole.PARTICIPANT
        refs.append(ActorRef(m.kind, m.code, m.name, role, state=m.state, office=m.office))
    return refs, location


def _has_actor(refs: list[ActorRef]) -> bool:
    return any(r.kind is not ActorKind.PERSON or r.state for r in refs)


def _theme(tokens: list[Token], trigger: Trigger) -> frozenset[str]:
    """Content words right after the trigger, to tell two agreements of one day apart."""
    words = [t.lower for t in tokens[trigger.last + 1 : trigger.last + 7] if len(t.lower) > 3]
    return frozenset(w for w in words if w not in _STOP)


_STOP = frozenset({"with", "that", "this", "their", "from", "between", "into", "which", "were", "have", "been",
                   "also", "about", "against", "bilateral", "agreement", "agreements", "signed", "sign"})  # fmt: skip


def _summary(sentence: Sentence, trigger: Trigger) -> str:
    clause_start, clause_end = cues.clause_bounds(sentence.text, trigger.start - sentence.start)
    text = sentence.text[clause_start:clause_end].strip(" ,;:")
    text = re.sub(r"\s*\([^)]*\)", "", text)  # citations and asides
    text = re.sub(r"\s+", " ", text)
    if len(text) > 220:
        text = text[:217].rsplit(" ", 1)[0] + "..."
    return text[:1].upper() + text[1:]


def sentence_candidates(lex: Lexicon, ctx: Context, index: int, sentence: Sentence, lede: bool,
                        previous: Candidate | None) -> list[Candidate]:  # fmt: skip
    """The candidate events of one sentence."""
    if cues.is_furniture(sentence.text) or cues.is_headline(sentence.text):
        return []
    tokens = tokenize(ctx.text, sentence.start, sentence.end)
    triggers = find_triggers(lex, tokens)
    if not triggers:
        return []
    timexes = [t for t in ctx.timexes if _in(t.start, t.end, sentence) and _usable(t, ctx.text)]
    mentions = [m for m in ctx.mentions if _in(m.start, m.end, sentence)]
    out: list[Candidate] = []
    for trigger in triggers:
        pattern = trigger.pattern
        if cues.negated(tokens, trigger.first) or cues.hypothetical(tokens, trigger.first):
            continue
        refs, location = _actor_refs(mentions, trigger, pattern.type)
        if not _has_actor(refs):
            continue
        if pattern.needs_person and not any(r.kind is ActorKind.PERSON for r in refs):
            continue
        planned = cues.future(tokens, trigger.first, trigger.last, pattern.pos == "noun")
        timex = _pick_date(trigger, triggers, timexes, sentence, ctx.text)
        date, date_text, source = None, None, "none"
        if timex is not None:
            date, date_text, source = timex.date, timex.text, "text"
        elif (
            previous is not None
            and previous.date is not None
            and (_CONTINUES.match(sentence.text) or _CONTINUATION_STARTS.match(sentence.text))
        ):
            date, date_text, source = previous.date, previous.date_text, "discourse"
        elif ctx.published is not None and not planned and (lede or cues.present_perfect(tokens, trigger.first)):
            date, date_text, source = (
                publication_value(ctx.published, ctx.published_precision),
                None,
                "publication",
            )
        if date is not None and ctx.published is not None and date.earliest > ctx.published:
            planned = True
        out.append(
            Candidate(
                type=pattern.type,
                status=EventStatus.PLANNED if planned else EventStatus.OCCURRED,
                date=date,
                date_text=date_text,
                trigger=ctx.text[trigger.start : trigger.end],
                cameo=pattern.cameo,
                actors=refs,
                evidence=[Evidence(sentence.text, sentence.start, sentence.end)],
                summary=_summary(sentence, trigger),
                confidence={"text": 0.8, "discourse": 0.65, "publication": 0.55}.get(source, 0.4),
                theme=_theme(tokens, trigger),
                location=location,
                sentence_index=index,
                date_source=source,
            )
        )
    return out
