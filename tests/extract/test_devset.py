"""Extraction on articles written for the tests, scored as the evaluation scores: a regression guard.

devset/ was written alongside the rules; heldout/ was written independently from the annotation
guidelines by someone who had not seen them, and fresh/ and fresh2/ likewise, before their writers read
the extractor (other regions, event types and forms): they are the better measures of how the rules generalise
(their thresholds sit just under what extraction reaches today; raise them as it improves)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dateline.api.reading import read_articles
from dateline.extract.pipeline import extract
from dateline.extract.records import EventRecord
from dateline.ingest.records import SourceArticle

HERE = Path(__file__).parent
SETS = {  # folder: (core recall, precision)
    "devset": (0.90, 0.90),
    "heldout": (0.83, 0.89),
    "fresh": (0.80, 0.84),
    "fresh2": (0.56, 0.62),
}


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


@pytest.fixture(scope="module", params=sorted(SETS))
def scored(request: pytest.FixtureRequest) -> tuple[str, int, int, int, int]:
    folder = HERE / request.param
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["documents"]
    core = found = dated = matched = 0
    for item in read_articles([folder]):
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
    return request.param, core, found, dated, matched


def test_core_recall(scored: tuple[str, int, int, int, int]) -> None:
    """The core events of the articles are found, with a date inside the right one, at least as often as set."""
    name, core, found, _, _ = scored
    assert found / core >= SETS[name][0]


def test_precision(scored: tuple[str, int, int, int, int]) -> None:
    """The dated events extracted from the articles are real ones at least as often as set."""
    name, _, _, dated, matched = scored
    assert matched / dated >= SETS[name][1]
