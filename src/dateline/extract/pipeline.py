"""Extraction: one pure function from an article to its event records.

Ingest calls `extract`; it reads no files and touches no database, so it runs as well in a
process pool or on a cluster as in the ingest loop.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import TYPE_CHECKING

from dateline.extract.events import cues
from dateline.extract.events.extractor import Candidate, Context, sentence_candidates
from dateline.extract.events.lexicon import lexicon
from dateline.extract.events.merge import merge
from dateline.extract.records import ActorKind, ActorRef, Article, EventRecord, Extraction, Precision
from dateline.extract.sentences import split_sentences

if TYPE_CHECKING:
    from dateline.extract.actors import ActorFinder
    from dateline.extract.timex import TimexTagger

# Stored with every document: re-ingesting an article that an older extractor read re-extracts it.
EXTRACTOR_VERSION = "0.3.0"
_LEDE_SENTENCES = 2


# The tagger and the finder load dateparser and the gazetteers: built on first use, not on import,
# so that `dateline --help` and the queries start fast.
@cache
def _tagger() -> TimexTagger:
    from dateline.extract.timex import TimexTagger

    return TimexTagger()


@cache
def _finder() -> ActorFinder:
    from dateline.extract.actors import ActorFinder

    return ActorFinder()


def _person_state(name: str, day: dt.date) -> tuple[str, str] | None:
    from dateline.extract.actors import person_state

    return person_state(name, day)


def _with_dated_persons(candidate: Candidate) -> list[ActorRef]:
    """The candidate's actors, each person with the state and office held at the event's date."""
    date = candidate.date
    if date is None or date.precision not in (Precision.DAY, Precision.WEEK, Precision.MONTH):
        return candidate.actors
    out = []
    for ref in candidate.actors:
        if ref.kind is ActorKind.PERSON:
            held = _person_state(ref.code, date.earliest)
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


def extract(article: Article) -> Extraction:
    """The events an article reports, each once, with dates, actors, status and evidence."""
    text = article.text
    body_end = cues.article_end(text)
    sentences = [s for s in split_sentences(text) if s.end <= body_end]
    context = Context(
        text=text,
        published=article.published,
        published_precision=article.published_precision,
        timexes=tuple(_tagger().tag(text, article.published)),
        mentions=tuple(_finder().find(text, article.published)),
    )
    lex = lexicon()
    candidates: list[Candidate] = []
    narrative: Candidate | None = None
    news_sentences = 0
    for index, sentence in enumerate(sentences):
        if cues.is_furniture(sentence.text) or cues.is_headline(sentence.text):
            continue
        news_sentences += 1
        found = sentence_candidates(lex, context, index, sentence, news_sentences <= _LEDE_SENTENCES, narrative)
        candidates.extend(found)
        for c in found:
            if c.date_source == "text" and c.date is not None and c.date.precision in (Precision.DAY, Precision.MONTH):
                narrative = c
    return Extraction(events=tuple(_record(c) for c in merge(candidates)))
