"""One event per happening: merging the candidates of an article that report the same thing."""

from __future__ import annotations

import re

from dateline.extract.events.state import Candidate
from dateline.extract.records import ActorKind, DateValue, EventType

# Types where two events of one day between the same parties are still told apart by their object.
_THEMED = frozenset({EventType.AGREEMENT, EventType.AID, EventType.SANCTIONS, EventType.VOTE, EventType.LEGAL})


def dates_compatible(a: DateValue | None, b: DateValue | None) -> bool:
    """Whether two dates can be one happening's: one of them holds the other (or one is missing)."""
    if a is None or b is None:
        return True
    return (a.earliest <= b.earliest and b.latest <= a.latest) or (b.earliest <= a.earliest and a.latest <= b.latest)


def narrower(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    """The more precise of two compatible dates."""
    if a is None:
        return b
    if b is None:
        return a
    return a if (a.latest - a.earliest) <= (b.latest - b.earliest) else b


def codes(c: Candidate) -> set[str]:
    """States and organisations of a candidate, persons counting for their states."""
    out = set()
    for r in c.actors:
        if r.kind is ActorKind.PERSON:
            if r.state:
                out.add(r.state)
        else:
            out.add(r.code)
    return out


def persons(c: Candidate) -> set[str]:
    """Persons of a candidate."""
    return {r.code for r in c.actors if r.kind is ActorKind.PERSON}


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _coordinated(a: Candidate, b: Candidate) -> bool:
    """Two triggers joined by "and" in one sentence: "convicted and sentenced", "met and discussed"."""
    shared = {e.start: e for e in a.evidence}.keys() & {e.start: e for e in b.evidence}.keys()
    if not shared:
        return False
    evidence = next(e for e in a.evidence if e.start in shared)
    lo, hi = sorted((a.span, b.span))
    between = evidence.sentence[lo[1] - evidence.start : hi[0] - evidence.start]
    return len(between) < 60 and "," not in between and bool(re.search(r"\band\b", between))


_OBJECT_BETWEEN = re.compile(r"\s+(?:(?:an?|the|its|their|his|her|this)\s+)?(?:[\w-]+\s+){0,2}", re.IGNORECASE)


def _verb_and_object(a: Candidate, b: Candidate) -> bool:
    """A verb and the noun it takes, both triggers of one type: "convened an international conference"."""
    shared = {e.start for e in a.evidence} & {e.start for e in b.evidence}
    if not shared:
        return False
    evidence = next(e for e in a.evidence if e.start in shared)
    lo, hi = sorted((a.trigger_span, b.trigger_span))
    between = evidence.sentence[lo[1] - evidence.start : hi[0] - evidence.start]
    return 0 < len(between) < 40 and _OBJECT_BETWEEN.fullmatch(between) is not None and " and " not in between


def same_happening(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates of one article report one happening."""
    if a.type is not b.type or a.status is not b.status or not dates_compatible(a.date, b.date):
        return False
    if a.trigger_span == b.trigger_span:
        return False  # "signed a police agreement and a rescue contract": one trigger, two objects
    same_sentence = bool({e.start for e in a.evidence} & {e.start for e in b.evidence})
    if "side" in (a.date_source, b.date_source) and not same_sentence:
        return False  # a meeting on the sidelines of another is not that other
    if (a.date_source == "since") != (b.date_source == "since"):
        return False  # "Since then, Bolivia has recalled its ambassador": after the expulsion, not it
    if same_sentence and a.type is not EventType.STATEMENT:
        # Two triggers of one type in one sentence are two happenings ("held talks ..., and X met
        # with Y"), unless one names the other's object ("the ban ... introduced by Russia") or
        # they are joined verbs of the same actors ("convicted and sentenced").
        if _overlap(a.span, b.span) or _verb_and_object(a, b):
            return True
        return _coordinated(a, b) and codes(a) == codes(b) and persons(a) == persons(b)
    if (a.date is None) != (b.date is None):
        # An undated mention joins a dated one only when it refers back: "the visit", "the agreement".
        undated = a if a.date is None else b
        if not undated.definite:
            return False
    persons_a, persons_b = persons(a), persons(b)
    back_reference = (a.definite and not a.headline) or (b.definite and not b.headline)
    if back_reference and a.type is not EventType.STATEMENT:
        # "the visit", "The resolution ... was adopted": one actor in common is enough.
        return bool(codes(a) & codes(b)) or bool(persons_a & persons_b)
    if a.type is EventType.STATEMENT:
        if persons_a or persons_b:
            # A statement is its speaker's; one whose speaker was not named ("the politician
            # stressed") continues the statement before it in the same paragraph.
            if persons_a & persons_b:
                return True
            unnamed = (not persons_a) or (not persons_b)
            return unnamed and a.paragraph == b.paragraph
        return a.paragraph == b.paragraph and bool(codes(a) & codes(b))
    if a.type is EventType.LEGAL and persons_a & persons_b:
        return True  # one defendant, one day: "sentenced ... to life", "found ... guilty"
    if a.type in _THEMED and a.theme and b.theme and not (a.theme & b.theme):
        return False
    if persons_a & persons_b:
        return True
    codes_a, codes_b = codes(a), codes(b)
    shared = codes_a & codes_b
    return bool(shared) and len(shared) >= min(2, len(codes_a), len(codes_b))


def _absorb(into: Candidate, other: Candidate) -> None:
    into.date = narrower(into.date, other.date)
    if into.date is other.date:
        into.date_text = other.date_text
        into.date_source = other.date_source
    seen = {(e.start, e.end) for e in into.evidence}
    into.evidence.extend(e for e in other.evidence if (e.start, e.end) not in seen)
    if not (other.definite and not other.headline):
        # "informed of the trip": a back-reference's own actors belong to the sentence's other event.
        have = {(r.kind, r.code) for r in into.actors}
        into.actors.extend(r for r in other.actors if (r.kind, r.code) not in have)
    into.theme = into.theme | other.theme
    into.location = into.location or other.location
    into.confidence = max(into.confidence, other.confidence)
    into.merged_from.extend([other.sentence_index, *other.merged_from])
    into.definite = into.definite and other.definite
    into.headline = into.headline and other.headline


# "after nearly a week of talks", "ten days of AU-led talks": talks of some days before it (not "nine
# years of negotiations", which no one date holds).
_STRETCH_OF = re.compile(r"\b(?:days?|weeks?) of (?:[\w-]+ ){0,2}$", re.IGNORECASE)


def _talks_that_agreed(a: Candidate, b: Candidate) -> bool:
    """Talks and the agreement they reached, told in one sentence: one happening, an agreement; not
    talks held over days before it ("signed ... after nearly a week of talks")."""
    kinds = {a.type, b.type}
    if kinds != {EventType.MEETING, EventType.AGREEMENT} or a.status is not b.status:
        return False
    talks = a if a.type is EventType.MEETING else b
    evidence = talks.evidence[0]
    start = talks.trigger_span[0] - evidence.start
    if _STRETCH_OF.search(evidence.sentence, max(0, start - 40), start):
        return False
    same_sentence = bool({e.start for e in a.evidence} & {e.start for e in b.evidence})
    small, large = sorted((codes(a), codes(b)), key=len)
    return same_sentence and a.date is not None and a.date == b.date and bool(small) and small <= large


_GATHERINGS = frozenset({EventType.MEETING, EventType.CONFERENCE})
# "the Pacific Islands Forum leaders' meeting", "the Forum Leaders Meeting": words of one name between.
_ONE_NAME = re.compile(r"\s+(?:[\w-]+['’]?\s+){0,2}")


def _one_gathering(a: Candidate, b: Candidate) -> bool:
    """Two nouns of one gathering's name ("Forum ... meeting"), told in one sentence: one happening."""
    if a.type not in _GATHERINGS or b.type not in _GATHERINGS or a.sentence_index != b.sentence_index:
        return False
    if a.status is not b.status:
        return False
    evidence = a.evidence[0]
    lo, hi = sorted((a.trigger_span, b.trigger_span))
    between = evidence.sentence[lo[1] - evidence.start : hi[0] - evidence.start]
    return len(between) < 30 and _ONE_NAME.fullmatch(between) is not None


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with every group that reports one happening folded into its first member."""
    merged: list[Candidate] = []
    by_sentence: dict[int, list[Candidate]] = {}
    by_type: dict[EventType, list[Candidate]] = {}
    for cand in candidates:
        if cand.type in _GATHERINGS:
            name = next((m for m in by_sentence.get(cand.sentence_index, ()) if _one_gathering(m, cand)), None)
            if name is not None:
                if cand.type is EventType.CONFERENCE and name.type is EventType.MEETING:
                    by_type[name.type].remove(name)
                    name.type, name.cameo, name.trigger = cand.type, cand.cameo, cand.trigger
                    by_type.setdefault(name.type, []).append(name)
                if cand.date is not None:
                    # The last noun heads the name: "in September" is the meeting's, whatever the forum took.
                    name.date, name.date_text, name.date_source = cand.date, cand.date_text, cand.date_source
                _absorb(name, cand)
                continue
        if cand.type in (EventType.MEETING, EventType.AGREEMENT):
            talks = next((m for m in by_sentence.get(cand.sentence_index, ()) if _talks_that_agreed(m, cand)), None)
            if talks is not None:
                if talks.type is EventType.MEETING:
                    by_type[talks.type].remove(talks)
                    talks.type, talks.cameo, talks.trigger = cand.type, cand.cameo, cand.trigger
                    talks.theme = cand.theme
                    by_type.setdefault(talks.type, []).append(talks)
                _absorb(talks, cand)
                continue
        same_type = by_type.setdefault(cand.type, [])
        for existing in reversed(same_type):
            if same_happening(existing, cand):
                _absorb(existing, cand)
                break
        else:
            merged.append(cand)
            same_type.append(cand)
            by_sentence.setdefault(cand.sentence_index, []).append(cand)
    return merged
