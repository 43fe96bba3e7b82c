"""Rules found by scoring extraction on articles it had never seen (tests/extract/fresh and heldout).

Each test states one behaviour on invented sentences, not on the articles' own wording.
"""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.pipeline import extract
from dateline.extract.records import Article, EventRecord
from dateline.extract.timex import TimexTagger

HEAD = "Diplomatic news\n"


@pytest.fixture(scope="module")
def tagger() -> TimexTagger:
    return TimexTagger()


def readings(tagger: TimexTagger, text: str, published: str) -> list[tuple[str, str | None]]:
    """(text, EDTF reading) of each temporal expression."""
    return [(t.text, t.date.edtf if t.date else None) for t in tagger.tag(text, dt.date.fromisoformat(published))]


def events(text: str, published: str) -> list[EventRecord]:
    article = Article("t.txt", text, title=text.splitlines()[0], published=dt.date.fromisoformat(published),
                      published_precision="day")  # fmt: skip
    return list(extract(article).events)


def brief(text: str, published: str) -> list[tuple]:
    """(type, status, EDTF date or None, sorted states) of each event."""
    return [
        (e.type.value, e.status.value, e.date.edtf if e.date else None, tuple(sorted(e.states)))
        for e in events(text, published)
    ]


# Dates ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "span", "edtf"),
    [
        ("The envoy was detained on May 19 last year.", "May 19 last year", "2022-05-19"),
        ("The envoy was detained on 19 May last year.", "19 May last year", "2022-05-19"),
        ("The talks resume on March 3 next year.", "March 3 next year", "2024-03-03"),
    ],
)
def test_a_day_and_month_of_last_year(tagger, sentence, span, edtf):
    """ "May 19 last year" is one date of last year, not May 19 of this year beside "last year"."""
    assert readings(tagger, sentence, "2023-04-12") == [(span, edtf)]


def test_the_same_night_is_the_last_day_named_not_a_month(tagger):
    """ "the same night" after a day and then a month ("since December") is that day's night."""
    text = ("Police entered the compound late on Friday and seized the minister, who had lived there since "
            "December. The president announced the same night that relations were cut.")  # fmt: skip
    assert readings(tagger, text, "2023-04-12")[-1] == ("the same night", "2023-04-07")


def test_the_same_night_after_a_month_only_keeps_the_month(tagger):
    """With no day to refer to, "that night" after "in December" is some night of December."""
    text = "The envoy arrived in December. The ministry summoned him the same night."
    assert readings(tagger, text, "2023-04-12")[-1] == ("the same night", "2022-12")


def test_hours_later_and_the_night_before_count_from_the_last_day(tagger):
    """ "Hours later" is the day just named; "the night before," is the day before it."""
    text = ("The emir landed on the morning of January 5. Hours later, the leaders signed a declaration. "
            "It had been announced the night before, when the mediator spoke.")  # fmt: skip
    assert readings(tagger, text, "2023-01-20") == [
        ("January 5", "2023-01-05"),
        ("Hours later", "2023-01-05"),
        ("the night before", "2023-01-04"),
    ]


def test_the_night_before_an_event_is_not_read_alone(tagger):
    """ "the night before the vote" counts from the vote, which the tagger cannot date: no reading."""
    assert readings(tagger, "They met the night before the vote.", "2023-01-20") == []


def test_the_coming_days_is_the_publication_month(tagger):
    """ "in the coming days", like "in recent days", keeps the precision of publication: its month."""
    assert readings(tagger, "The ministry will file a complaint in the coming days.", "2023-04-12") == [
        ("the coming days", "2023-04")
    ]


def test_a_weekday_something_is_set_for_is_ahead(tagger):
    """ "has called a meeting for Tuesday" on a Wednesday is next Tuesday, not yesterday week."""
    assert readings(tagger, "The chair has called a meeting for Tuesday.", "2023-04-12") == [("Tuesday", "2023-04-18")]


def test_over_the_weekend_dates_an_event() -> None:
    """ "condemned the raid over the weekend" happened that weekend: "over" bounds no duration here."""
    text = HEAD + "Brazil and Colombia condemned the raid on the embassy over the weekend.\n"
    assert ("statement", "occurred", "2023-04-08/2023-04-09", ("BRA", "COL")) in brief(text, "2023-04-12")


def test_a_state_since_an_old_date_leaves_the_story_in_the_present() -> None:
    """ "has ruled since coups in 2020 and 2021" does not move "In June" of the next sentence back to 2021."""
    text = HEAD + ("The veto is a blow to the United Nations in Mali, where the army has ruled since coups in "
                   "August 2020 and May 2021. In June, Mali's foreign minister told the Security Council that "
                   "the mission should leave.\n")  # fmt: skip
    dates = {b[2] for b in brief(text, "2023-08-31") if b[0] == "statement"}
    assert dates == {"2023-06"}
