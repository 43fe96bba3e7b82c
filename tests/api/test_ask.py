"""Reading plain questions into filters, and saying how they were read."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.api.ask import read_question
from dateline.api.errors import UserError

TODAY = dt.date(2025, 3, 1)


@pytest.mark.parametrize(
    ("question", "description"),
    [
        ("what happened between Italy and Ukraine in 2021", "events between Italy and Ukraine, in 2021"),
        ("what happened between italy and ukraine", "events between Italy and Ukraine"),
        ("visits by Di Maio since 2019", "visits involving Luigi Di Maio, since 2019"),
        ("Italian visits to Kyiv between 2014 and 2016", "visits between Italy and Ukraine, from 2014 to 2016"),
        ("meetings in June 2021", "meetings, in June 2021"),
        ("Who met Putin on 10 June 2021", "meetings involving Vladimir Putin, on 10 June 2021"),
        ("EU sanctions on Russia before 2020", "sanctions between the EU and Russia, until 2019"),
        ("what did Italy say about Russia last year", "statements between Italy and Russia, in 2024"),
        ("upcoming conferences this year", "planned conferences, in 2025"),
        (
            "agreements between the United States and South Korea 2014-2016",
            "agreements between the United States and South Korea, from 2014 to 2016",
        ),
        ("what happened in the 1960s", "events, in the 1960s"),
        ("expulsions involving Italy, Russia and Germany", "expulsions involving Italy, Russia and Germany"),
        ("court verdicts and arrests in Italy", "court cases or arrests involving Italy"),
        (
            "sanctions votes involving Russia in June 2016",
            "sanctions or votes involving Russia, in June 2016; sanctions and votes both count "
            "(a vote on sanctions is stored as a vote)",
        ),
        ("What did Itly do in 2021", "events, in 2021; ignored: Itly"),
    ],
)
def test_questions_read_as(question: str, description: str) -> None:
    """Countries, people, dates, kinds of event and 'planned' are read; the reading is said in words."""
    assert read_question(question, today=TODAY).description == description


def test_options_feed_the_filter() -> None:
    """Two countries become a between pair; dates become ISO bounds."""
    reading = read_question("aid from Italy to Ukraine since June 2022", today=TODAY)
    assert reading.options() == {
        "date_from": "2022-06-01", "date_to": None, "countries": [], "between": ("ITA", "UKR"),
        "persons": [], "types": ["aid"], "statuses": [],
    }  # fmt: skip


def test_short_words_are_not_codes() -> None:
    """ "in", "it", "us", "Who" are words, not India, Italy, the United States or the WHO."""
    reading = read_question("Who visited us in it in 2020", today=TODAY)
    assert (reading.countries, reading.persons) == ((), ())


@pytest.mark.parametrize("question", ["hello there", "", "what is this"])
def test_unreadable_question_lists_forms(question: str) -> None:
    """Nothing recognisable: an error that shows the forms understood."""
    with pytest.raises(UserError, match=r"could not read .* as a question about events\. Ask about states"):
        read_question(question, today=TODAY)


def test_impossible_date() -> None:
    """A day that does not exist is an error, not a silent drop."""
    with pytest.raises(UserError, match=r"'31 june 2021' is not a date"):
        read_question("meetings on 31 June 2021", today=TODAY)
