"""Extraction: one pure function from an article to its event records.

Ingest calls `extract`; it reads no files and touches no database, so it runs as well in a
process pool or on a cluster as in the ingest loop. `analyse` returns the same events with
everything found on the way (sentences, dates, actors, triggers and what became of each),
which `dateline explain` shows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from dateline.extract.actors.anaphora import interview_references, organisation_references
from dateline.extract.actors.model import ActorMention
from dateline.extract.events import cues
from dateline.extract.events.dating import frame_of, is_background, old_dates, recent_dates
from dateline.extract.events.extractor import sentence_candidates
from dateline.extract.events.lexicon import lexicon
from dateline.extract.events.merge import merge
from dateline.extract.events.participants import remember
from dateline.extract.events.state import Candidate, Context, Decision, Discourse
from dateline.extract.records import (
    ActorKind,
    ActorRef,
    Article,
    EventRecord,
    Extraction,
    Precision,
    Timex,
)
from dateline.extract.sentences import Sentence, split_sentences

if TYPE_CHECKING:
    from dateline.extract.actors import ActorFinder
    from dateline.extract.timex import TimexTagger

# Stored with every document: re-ingesting an article that an older extractor read re-extracts it.
EXTRACTOR_VERSION = "0.6.7"
_LEDE_SENTENCES = 1


@dataclass(frozen=True)
class SentenceView:
    """A sentence as extraction saw it: skipped (and why) or read."""

    index: int
    sentence: Sentence
    skipped: str | None


@dataclass(frozen=True)
class Analysis:
    """Everything extraction found in an article, and the events it made."""

    sentences: tuple[SentenceView, ...]
    timexes: tuple[Timex, ...]
    mentions: tuple[ActorMention, ...]
    decisions: tuple[Decision, ...]
    events: tuple[EventRecord, ...]
    event_sentences: tuple[tuple[int, ...], ...]


# The tagger and the finder load dateparser and the gazetteers: built on first use, not on import,
# so that `dateline --help` and the queries start fast.
@cache
def _tagger() -> TimexTagger:
    from dateline.extract.timex import TimexTagger

    return TimexTagger()


@cache
def _finder() -> ActorFinder:
    from dateline.extract.actors import default_finder

    return default_finder()


def _mentions(text: str, published: dt.date | None) -> list[ActorMention]:
    """The actor mentions of a text, with organisations named again by a common noun ("the alliance") and, in an
    interview, the one interviewed speaking in the first person."""
    found = _finder().find(text, published)
    extra = [*organisation_references(text, found), *interview_references(text, found)]
    return sorted([*found, *extra], key=lambda m: m.start)


def _with_dated_persons(candidate: Candidate) -> list[ActorRef]:
    """The candidate's actors, each person with the state and office held at the event's date."""
    date = candidate.date
    if date is None or date.precision not in (Precision.DAY, Precision.WEEK, Precision.MONTH, Precision.YEAR):
        return candidate.actors
    out = []
    for ref in candidate.actors:
        if ref.kind is ActorKind.PERSON:
            held = _finder().person_state(ref.code, date.earliest + (date.latest - date.earliest) / 2)
            if held is not None:
                ref = ActorRef(ref.kind, ref.code, ref.name, ref.role, state=held[0], office=held[1])
        out.append(ref)
    return out


def _record(c: Candidate) -> EventRecord:
    return EventRecord(
        type=c.type,
        status=c.status,
        date=c.date,
        summary=c.summary,
        evidence=tuple(sorted(c.evidence, key=lambda e: e.start)),
        actors=tuple(_with_dated_persons(c)),
        date_text=c.date_text,
        trigger=c.trigger,
        cameo=c.cameo,
        confidence=c.confidence,
        location=c.location,
    )


def _skip_reason(sentence: Sentence, body_end: int) -> str | None:
    if sentence.start >= body_end:
        return "after the article (comments, teasers, footer)"
    if cues.is_furniture(sentence.text):
        return "page furniture"
    if cues.is_headline(sentence.text):
        return "heading or teaser"
    return None


def analyse(article: Article, reference: dt.date | None = None) -> Analysis:
    """Extract an article's events and keep everything found on the way."""
    text = article.text
    published = reference or article.published
    body_end = cues.article_end(text)
    views = [SentenceView(i, s, _skip_reason(s, body_end)) for i, s in enumerate(split_sentences(text))]
    timexes = tuple(_tagger().tag(text, published))
    mentions = tuple(_mentions(text, published))
    context = Context(
        text=text,
        published=published,
        published_precision=article.published_precision,
        timexes=timexes,
        mentions=mentions,
        background=is_background(timexes, published),
        old_dates=old_dates(timexes, published, precise=False, text=text),
        old_days=old_dates(timexes, published, precise=True, text=text),
        recent_dates=recent_dates(timexes, published),
        mention_starts=tuple(m.start for m in mentions),
        timex_starts=tuple(t.start for t in timexes),
    )
    lex = lexicon()
    candidates: list[Candidate] = []
    decisions: list[Decision] = []
    discourse = Discourse()
    news = paragraph = counted = 0
    title = (article.title or "").strip()
    for view in views:
        own = context.mentions_in(view.sentence.start, view.sentence.end)
        headline = view.index == 0 and (not title or view.sentence.text.strip() == title)
        if (view.skipped == "heading or teaser" or headline) and own:
            discourse.heading = own
        if view.skipped:
            continue
        if not headline:
            news += 1
        # Paragraph numbers counted as we go: counting from the start each time is quadratic.
        paragraph += text.count("\n", counted, view.sentence.start)
        counted = view.sentence.start
        discourse.paragraph = paragraph
        discourse.paragraph_start = text.rfind("\n", 0, view.sentence.start) + 1
        discourse.sentence_index = view.index
        found, decided = sentence_candidates(
            lex, context, view.index, view.sentence, news <= _LEDE_SENTENCES, headline, discourse
        )
        candidates.extend(found)
        decisions.extend(decided)
        for c in found:
            if c.date_source == "text" and c.date is not None and c.date.precision in (Precision.DAY, Precision.MONTH):
                discourse.narrative = c
            discourse.last_of_type[c.type] = c
        remember(discourse, own, found)
        opening = frame_of(view.sentence, context.timexes_in(view.sentence.start, view.sentence.end), text)
        if opening is not None:
            discourse.frame, discourse.frame_paragraph = opening, discourse.paragraph
    merged = merge(candidates)
    return Analysis(
        sentences=tuple(views),
        timexes=context.timexes,
        mentions=context.mentions,
        decisions=tuple(decisions),
        events=tuple(_record(c) for c in merged),
        event_sentences=tuple(tuple(sorted({c.sentence_index, *c.merged_from})) for c in merged),
    )


def extract(article: Article) -> Extraction:
    """The events an article reports, each once, with dates, actors, status and evidence."""
    return Extraction(events=analyse(article).events)
