"""Extraction on development articles written for the tests (other countries, types and styles
than the seeds), scored as the evaluation scores: a regression guard on recall and precision."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dateline.api.reading import read_articles
from dateline.extract.pipeline import extract
from dateline.extract.records import EventRecord
from dateline.ingest.records import SourceArticle

DEVSET = Path(__file__).parent / "devset"


def _interval(value: str) -> tuple[dt.date, dt.date]:
    parts = value.split("/")
    first, last = parts[0], parts[-1]

    def bounds(p: str) -> tuple[dt.date, dt.date]:
        pieces = [int(x) for x in p.split("-")]
        if len(pieces) == 3:
            d = dt.date(*pieces)
            return d, d
        if len(pieces) == 2:
            y, m = pieces
            nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
            return dt.date(y, m, 1), nxt - dt.timedelta(days=1)
        return dt.date(pieces[0], 1, 1), dt.date(pieces[0], 12, 31)

    return bounds(first)[0], bounds(last)[1]


def _matches(event: EventRecord, gold: dict) -> bool:
    if event.type.value not in {gold["type"], *gold.get("alt_types", [])} or event.status.value != gold["status"]:
        return False
    actors = set(gold["actors"])
    if len(actors & set(event.states)) < min(2, len(actors)):
        return False
    if gold["date"] is None or event.date is None:
        return False
    for value in [gold["date"], *gold.get("alt_dates", [])]:
        lo, hi = _interval(value)
        if lo <= event.date.earliest and event.date.latest <= hi:
            return True
    return False


@pytest.fixture(scope="module")
def scored() -> tuple[int, int, int, int]:
    gold = json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))["documents"]
    core = found = dated = matched = 0
    for item in read_articles([DEVSET]):
        assert isinstance(item, SourceArticle), item
        golds = gold[item.article.identifier]["events"]
        events = [e for e in extract(item.article).events if e.date is not None]
        used: set[int] = set()
        for g in sorted(golds, key=lambda g: not g["core"]):
            hit = next((i for i, e in enumerate(events) if i not in used and _matches(e, g)), None)
            if hit is not None:
                used.add(hit)
                found += g["core"]
        core += sum(g["core"] for g in golds)
        dated += len(events)
        matched += len(used)
    return core, found, dated, matched


def test_core_recall(scored: tuple[int, int, int, int]) -> None:
    """At least 85% of the core events of the development articles are found with the right date."""
    core, found, _, _ = scored
    assert found / core >= 0.85


def test_precision(scored: tuple[int, int, int, int]) -> None:
    """At least 85% of the dated events extracted from the development articles are real ones."""
    _, _, dated, matched = scored
    assert matched / dated >= 0.85
