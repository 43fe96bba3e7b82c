"""One event per happening: merging the candidates of an article that report the same thing."""

from __future__ import annotations

from dateline.extract.events.extractor import Candidate
from dateline.extract.records import ActorKind, DateValue, EventType

# Types where two events of one day between the same parties are still told apart by their object.
_THEMED = frozenset({EventType.AGREEMENT, EventType.AID, EventType.SANCTIONS, EventType.VOTE, EventType.LEGAL})


def _dates_compatible(a: DateValue | None, b: DateValue | None) -> bool:
    if a is None or b is None:
        return True
    return (a.earliest <= b.earliest and b.latest <= a.latest) or (b.earliest <= a.earliest and a.latest <= b.latest)


def _narrower(a: DateValue | None, b: DateValue | None) -> DateValue | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if (a.latest - a.earliest) <= (b.latest - b.earliest) else b


def _codes(c: Candidate) -> set[str]:
    out = set()
    for r in c.actors:
        if r.kind is ActorKind.PERSON:
            if r.state:
                out.add(r.state)
        else:
            out.add(r.code)
    return out


def _persons(c: Candidate) -> set[str]:
    return {r.code for r in c.actors if r.kind is ActorKind.PERSON}


def same_happening(a: Candidate, b: Candidate) -> bool:
    """Whether two candidates of one article report one happening."""
    if a.type is not b.type or a.status is not b.status:
        return False
    if a.type is not EventType.STATEMENT and {e.start for e in a.evidence} & {e.start for e in b.evidence}:
        return False  # two triggers of one type in one sentence: "held talks ..., and X met with Y"
    if not _dates_compatible(a.date, b.date):
        return False
    if (a.date is None) != (b.date is None) and a.type is EventType.STATEMENT:
        return False
    persons_a, persons_b = _persons(a), _persons(b)
    if a.type is EventType.STATEMENT and (persons_a or persons_b):
        # A statement is its speaker's: two speakers make two statements.
        return bool(persons_a & persons_b)
    if a.type in _THEMED and a.theme and b.theme and not (a.theme & b.theme):
        return False
    if persons_a & persons_b:
        return True
    codes_a, codes_b = _codes(a), _codes(b)
    shared = codes_a & codes_b
    return len(shared) >= min(2, len(codes_a), len(codes_b)) and bool(shared)


def _absorb(into: Candidate, other: Candidate) -> None:
    into.date = _narrower(into.date, other.date)
    if into.date is other.date:
        into.date_text = other.date_text
        into.date_source = other.date_source
    seen = {(e.start, e.end) for e in into.evidence}
    into.evidence.extend(e for e in other.evidence if (e.start, e.end) not in seen)
    have = {(r.kind, r.code) for r in into.actors}
    into.actors.extend(r for r in other.actors if (r.kind, r.code) not in have)
    into.theme = into.theme | other.theme
    into.location = into.location or other.location
    into.confidence = max(into.confidence, other.confidence)
    into.merged_from.extend([other.sentence_index, *other.merged_from])


def merge(candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with every group that reports one happening folded into its first member."""
    merged: list[Candidate] = []
    for cand in candidates:
        for existing in merged:
            if same_happening(existing, cand):
                _absorb(existing, cand)
                break
        else:
            merged.append(cand)
    return merged
