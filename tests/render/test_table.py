"""The events table: fitted to the width asked for, every word kept, planned events marked in colour."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.render.table import HEADERS, events_text
from dateline.views import StoredActor, StoredEvent, StoredSource

WORDS = st.sampled_from(["Italy", "signed", "an", "agreement", "with", "Ukraine", "Zelenskyy", "x" * 30, "on", "10"])
SENTENCES = st.lists(WORDS, min_size=1, max_size=40).map(" ".join)


def _event(event_id: int, summary: str, status: str = "occurred", person: str | None = None) -> StoredEvent:
    source = StoredSource(f"article-{event_id}.txt", summary, 0, len(summary), published=dt.date(2021, 6, 11))
    actors = [StoredActor("state", "ITA", "Italy", "actor"), StoredActor("state", "UKR", "Ukraine", "target")]
    if person:
        actors.append(StoredActor("person", person, person, "actor", office="ITA foreign_minister"))
    return StoredEvent(
        id=event_id, type="agreement", status=status, date="2021-06-10", earliest=dt.date(2021, 6, 10),
        latest=dt.date(2021, 6, 10), precision="day", summary=summary, actors=tuple(actors), sources=(source,),
    )  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(summaries=st.lists(SENTENCES, min_size=1, max_size=5), width=st.integers(100, 220))
def test_lines_fit_the_width_and_keep_every_word(summaries: list[str], width: int) -> None:
    """No line is wider than the width, and each summary's words come back in order in its column."""
    events = [_event(i + 1, s) for i, s in enumerate(summaries)]
    lines = events_text(events, width=width).splitlines()
    assert all(len(line) <= width for line in lines)
    assert lines[0].split() == list(HEADERS)
    summary_at = lines[0].index("summary")
    sources_at = lines[0].index("sources")
    column = " ".join(line[summary_at:sources_at] for line in lines[2:])
    assert column.split() == " ".join(summaries).split()


def test_planned_events_are_yellow_only_with_colour() -> None:
    """With colour the header is bold and a planned event's lines yellow; without, no escape code at all."""
    events = [_event(1, "Italy signed an agreement"), _event(2, "Italy will sign an accord", status="planned")]
    plain = events_text(events)
    assert "\x1b" not in plain
    coloured = events_text(events, color=True).splitlines()
    assert coloured[0].startswith("\x1b[1m")
    assert not coloured[2].startswith("\x1b")
    assert coloured[3].startswith("\x1b[33m") and "planned" in coloured[3]


def test_a_table_of_thousands_of_events_is_one_line_each_when_it_fits() -> None:
    """Short rows are not wrapped: 3,000 events make a header, a rule and 3,000 lines."""
    events = [_event(i, "Italy signed an agreement", person="Luigi Di Maio") for i in range(1, 3001)]
    assert len(events_text(events, width=200).splitlines()) == 3002
