"""Date labels at each precision, qualified periods, and chronological order."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.render.dates import date_label, sort_key
from dateline.views import StoredEvent

D = dt.date


def dated(date: str | None, first: D | None, last: D | None, precision: str | None, text: str | None = None,
          id_: int = 1) -> StoredEvent:  # fmt: skip
    return StoredEvent(id_, "visit", "occurred", date, first, last, precision, "s", (), (), date_text=text)


@pytest.mark.parametrize(
    ("event", "label"),
    [
        (dated("2021-06-10", D(2021, 6, 10), D(2021, 6, 10), "day"), "10 June 2021"),
        (dated("2021-06", D(2021, 6, 1), D(2021, 6, 30), "month"), "June 2021"),
        (dated("2021", D(2021, 1, 1), D(2021, 12, 31), "year"), "2021"),
        (dated("196X", D(1960, 1, 1), D(1969, 12, 31), "decade"), "the 1960s"),
        (dated("19XX", D(1900, 1, 1), D(1999, 12, 31), "century"), "the 20th century"),
        (dated("2021-06-11/2021-06-12", D(2021, 6, 11), D(2021, 6, 12), "range"), "11-12 June 2021"),
        (dated("2021-06-30/2021-07-02", D(2021, 6, 30), D(2021, 7, 2), "range"), "30 June-2 July 2021"),
        (dated("2020-12-30/2021-01-02", D(2020, 12, 30), D(2021, 1, 2), "range"), "30 December 2020-2 January 2021"),
        (dated("2021-06/2021-07", D(2021, 6, 1), D(2021, 7, 31), "range"), "June-July 2021"),
        (dated("2020-11/2021-02", D(2020, 11, 1), D(2021, 2, 28), "range"), "November 2020-February 2021"),
        (dated("2014/2016", D(2014, 1, 1), D(2016, 12, 31), "range"), "2014-2016"),
        (dated("2020-06/2020-08", D(2020, 6, 1), D(2020, 8, 31), "season"), "summer 2020"),
        (dated("2020-12/2021-02", D(2020, 12, 1), D(2021, 2, 28), "season"), "winter 2020-21"),
        (dated("2021-01/2021-03", D(2021, 1, 1), D(2021, 3, 31), "quarter"), "Q1 2021"),
        (dated("2020-01/2020-06", D(2020, 1, 1), D(2020, 6, 30), "half"), "first half of 2020"),
        (dated("2021-06-07/2021-06-13", D(2021, 6, 7), D(2021, 6, 13), "week"), "the week of 7 June 2021"),
        (dated("2020", D(2020, 1, 1), D(2020, 12, 31), "year", "late 2020"), "late 2020"),
        (dated("2011", D(2011, 1, 1), D(2011, 12, 31), "year", "early 2011"), "early 2011"),
        (dated("2019", D(2019, 1, 1), D(2019, 12, 31), "year", "mid-2019"), "mid-2019"),
        (dated("2020", D(2020, 1, 1), D(2020, 12, 31), "year", "late last year"), "late 2020"),
        (dated("196X", D(1960, 1, 1), D(1969, 12, 31), "decade", "the late 1960s"), "the late 1960s"),
        (dated("2021-06-10", D(2021, 6, 10), D(2021, 6, 10), "day", "late on June 10"), "10 June 2021"),
        (dated(None, None, None, None), "Date unknown"),
    ],
)
def test_date_label_at_each_precision(event: StoredEvent, label: str) -> None:
    """Each precision reads as a briefing writes it; a qualifier of the article's phrase is kept."""
    assert date_label(event) == label


def test_sort_order_less_precise_first_qualified_within_undated_last() -> None:
    """A year sorts before its months and days; "late 2020" after June 2020; undated events last."""
    events = [
        dated(None, None, None, None, id_=1),
        dated("2020-06-10", D(2020, 6, 10), D(2020, 6, 10), "day", id_=2),
        dated("2020", D(2020, 1, 1), D(2020, 12, 31), "year", "late 2020", id_=3),
        dated("2020-06", D(2020, 6, 1), D(2020, 6, 30), "month", id_=4),
        dated("2020", D(2020, 1, 1), D(2020, 12, 31), "year", id_=5),
        dated("2020-11-02", D(2020, 11, 2), D(2020, 11, 2), "day", id_=6),
    ]
    assert [e.id for e in sorted(events, key=sort_key)] == [5, 4, 2, 3, 6, 1]
