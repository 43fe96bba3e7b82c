"""The temporal-expression tagger: spans, TimeML values and calendar readings, one behaviour each."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.extract.records import Anchor, Precision, TimexType
from dateline.extract.timex import TimexTagger, discourse_date, tag
from dateline.extract.timex.fallback import NumericDates

PUB = dt.date(2021, 6, 20)  # a Sunday


@pytest.fixture(scope="module")
def tagger() -> TimexTagger:
    return TimexTagger()


def one(tagger: TimexTagger, text: str, ref: dt.date | None = PUB):
    found = tagger.tag(text, ref)
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def texts(tagger: TimexTagger, text: str, ref: dt.date | None = PUB) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tagger.tag(text, ref)]


# Absolute dates ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The treaty was signed on 10 July 2019 in Vienna.", "10 July 2019", "2019-07-10"),
        ("The treaty was signed on July 10, 2019, in Vienna.", "July 10, 2019", "2019-07-10"),
        ("Talks resumed on 06 June 2018.", "06 June 2018", "2018-06-06"),
        ("The summit opened on 2021-06-10.", "2021-06-10", "2021-06-10"),
        ("He arrived on the 3rd of March 2020.", "the 3rd of March 2020", "2020-03-03"),
        ("The deal of Sept. 15, 2020 held.", "Sept. 15, 2020", "2020-09-15"),
    ],
)
def test_absolute_days(tagger, sentence, span, value):
    """Full dates in the usual English forms are read as days, anchored to nothing."""
    t = one(tagger, sentence)
    assert (t.text, t.value, t.type) == (span, value, TimexType.DATE)
    assert t.anchor is Anchor.ABSOLUTE
    assert t.date is not None and t.date.precision is Precision.DAY and t.date.edtf == value


def test_abbreviated_month_without_year_takes_the_publication_year(tagger):
    """ "Feb. 16" in a June 2021 article is the past February 16th."""
    t = one(tagger, "The protest of Feb. 16 was dispersed.")
    assert (t.text, t.value, t.anchor) == ("Feb. 16", "2021-02-16", Anchor.PUBLICATION)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The letter dated 25/12/2020 was leaked.", "2020-12-25"),  # day first: 25 > 12
        ("The letter dated 12/25/2020 was leaked.", "2020-12-25"),  # month first: 25 > 12
        ("The letter dated 06/07/2020 was leaked.", "2020-06-07"),  # slashes read month first
        ("The letter dated 06.07.2020 was leaked.", "2020-07-06"),  # dots read day first
    ],
)
def test_numeric_dates_infer_the_day_month_order(tagger, sentence, value):
    """Numeric dates take the order a component over 12 proves, else the separator's custom."""
    assert one(tagger, sentence).value == value


def test_numeric_date_order_can_be_stated():
    """A tagger told that days come first reads 06/07/2020 as 6 July."""
    assert one(TimexTagger(day_first=True), "dated 06/07/2020.").value == "2020-07-06"


@settings(max_examples=300, deadline=None)
@given(
    st.integers(0, 33),
    st.integers(0, 33),
    st.integers(1000, 2099),
    st.sampled_from(["{a}/{b}/{y}", "{a}.{b}.{y}", "{a:02d}/{b:02d}/{y}", "{y}/{a}/{b}"]),
    st.sampled_from([None, True, False]),
)
def test_numeric_dates_with_four_digit_years_read_as_dateparser_reads_them(a, b, y, form, day_first):
    """A numeric date with a four-digit year, read directly, is the day dateparser reads (none where it reads none)."""
    numeric = NumericDates(day_first)
    text = form.format(a=a, b=b, y=y)
    assert numeric.parse(text) == numeric._with_dateparser(text, numeric._order(text))


NARRATIVE = (
    "The pact was founded in 1969, enlarged in 1973 and 1996, and reformed in 2001. Bolivia and Peru signed "
    "an accord on 12 September 2023, and in January the two governments announced a union. "
)


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Bolivia expelled the ambassador in late August.", "late August", "2023-08"),  # the August before
        ("The leaders will meet again in August.", "August", "2024-08"),  # the future keeps the story's year
    ],
)
def test_a_month_of_an_inferred_year_is_not_after_publication_unless_future(tagger, sentence, span, value):
    """A month that takes the story's year from an inferred date ("in January" [2024]) and would fall
    after publication (March 2024) is the year before, unless its clause speaks of the future."""
    found = dict(texts(tagger, NARRATIVE + sentence, dt.date(2024, 3, 15)))
    assert found[span] == value


# Partial dates ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "span", "value", "edtf", "precision", "modifier"),
    [
        ("It was agreed in May of 2021.", "May of 2021", "2021-05", "2021-05", Precision.MONTH, None),
        ("It was founded in 2015.", "2015", "2015", "2015", Precision.YEAR, None),
        ("It was founded in November 1995.", "November 1995", "1995-11", "1995-11", Precision.MONTH, None),
        ("Relations froze in the 1960s.", "the 1960s", "196", "196X", Precision.DECADE, None),
        ("The talks stalled in late 2020.", "late 2020", "2020", "2020", Precision.YEAR, "END"),
        ("The revolt began in early 2011.", "early 2011", "2011", "2011", Precision.YEAR, "START"),
        ("Troops left by mid-2019.", "mid-2019", "2019", "2019", Precision.YEAR, "MID"),
        ("It must be ratified by March 2018.", "March 2018", "2018-03", "2018-03", Precision.MONTH, None),
        ("It dates from the 20th century.", "the 20th century", "19", "19XX", Precision.CENTURY, None),
    ],
)
def test_partial_dates(tagger, sentence, span, value, edtf, precision, modifier):
    """Partial dates keep the precision the text gives, vague words only add a modifier."""
    t = one(tagger, sentence)
    assert (t.text, t.value, t.modifier) == (span, value, modifier)
    assert t.date is not None and (t.date.edtf, t.date.precision) == (edtf, precision)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("They agreed on an alert mechanism to be operational by the summer.", "2021-SU"),  # ahead
        ("The alert mechanism was operational in the summer.", "2020-SU"),  # the last summer before
    ],
)
def test_to_be_done_by_a_season_is_the_coming_one(tagger, sentence, value):
    """ "to be operational by the summer" in a text of February 2021 is summer 2021; told in the past, 2020."""
    assert one(tagger, sentence, dt.date(2021, 2, 12)).value == value


def test_the_same_day_passes_over_a_day_named_in_a_relative_clause(tagger):
    """ "X will chair a meeting on Friday. Y, who pledged aid on Monday, will host a call the same day":
    the same day is Friday, not the Monday of the aside."""
    text = ("Blinken will chair a meeting of the council on Friday. Kishida, who pledged new aid on Monday, "
            "will host a video call the same day.")  # fmt: skip
    assert dict(texts(tagger, text, dt.date(2023, 2, 23)))["the same day"] == "2023-02-24"


def test_season_with_year(tagger):
    """A season is the interval of its months and TimeML's season code."""
    t = one(tagger, "Elections are due in the summer of 2022.")
    assert (t.text, t.value) == ("the summer of 2022", "2022-SU")
    assert t.date.edtf == "2022-06/2022-08" and t.date.precision is Precision.SEASON


def test_quarter_with_year(tagger):
    """A quarter is the interval of its months and TimeML's quarter value."""
    t = one(tagger, "Growth slowed in the third quarter of 2020.")
    assert (t.value, t.date.edtf, t.date.precision) == ("2020-Q3", "2020-07/2020-09", Precision.QUARTER)


def test_first_half_of_year(tagger):
    """ "the first half of 2020" runs from January to June."""
    t = one(tagger, "Exports fell in the first half of 2020.")
    assert (t.text, t.value) == ("the first half of 2020", "2020-H1")
    assert (t.date.earliest, t.date.latest) == (dt.date(2020, 1, 1), dt.date(2020, 6, 30))


def test_last_fall_is_the_previous_autumn(tagger):
    """ "last fall" in June 2021 is the autumn of 2020."""
    assert one(tagger, "They met last fall in Geneva.").value == "2020-FA"


# Ranges -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "span", "edtf"),
    [
        ("The summit of June 11-12 ended.", "June 11-12", "2021-06-11/2021-06-12"),
        ("It met on February 27-28, 2019.", "February 27-28, 2019", "2019-02-27/2019-02-28"),
        ("The plan runs from 2021 to 2031.", "2021 to 2031", "2021/2031"),
        ("The war lasted between 2014 and 2016.", "2014 and 2016", "2014/2016"),
        ("He served December 2014 to September 2016.", "December 2014 to September 2016", "2014-12/2016-09"),
        ("Talks ran 11-12 June 2019 in Oslo.", "11-12 June 2019", "2019-06-11/2019-06-12"),
    ],
)
def test_ranges_carry_the_year_across(tagger, sentence, span, edtf):
    """A range is one expression whose date is the interval, with the year carried across."""
    t = one(tagger, sentence)
    assert t.text == span
    assert t.date is not None and (t.date.edtf, t.date.precision) == (edtf, Precision.RANGE)


# Relative to the publication date ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The minister spoke on Thursday.", "2021-06-17"),
        ("Thursday's session was tense.", "2021-06-17"),
        ("The minister spoke yesterday.", "2021-06-19"),
        ("The minister will speak tomorrow.", "2021-06-21"),
        ("The minister spoke today.", "2021-06-20"),
        ("Talks collapsed last week.", "2021-W23"),
        ("Talks continue this month.", "2021-06"),
        ("Talks collapsed last year.", "2020"),
        ("Talks resume next year.", "2022"),
        ("Talks collapsed earlier this week.", "2021-W24"),
        ("Talks collapsed last October.", "2020-10"),
        ("Talks collapsed two days ago.", "2021-06-18"),
        ("The minister will visit on Friday.", "2021-06-25"),
    ],
)
def test_relative_to_publication(tagger, sentence, value):
    """Deictic expressions count from the publication date."""
    t = one(tagger, sentence)
    assert t.value == value
    assert t.anchor is Anchor.PUBLICATION


def test_month_day_without_year_is_the_most_recent_past(tagger):
    """ "On June 10" in a June 2021 article is 2021-06-10; "On December 5" is 2020-12-05."""
    assert one(tagger, "On June 10, the ministers met.").value == "2021-06-10"
    assert one(tagger, "On December 5, the ministers met.").value == "2020-12-05"


def test_month_day_within_ninety_days_ahead_is_upcoming(tagger):
    """A month and day up to about 90 days after publication is read as coming."""
    assert one(tagger, "On August 10, the ministers meet.").value == "2021-08-10"


def test_tense_cue_pushes_month_day_forward(tagger):
    """ "will ... on March 3" is next March, not the last one."""
    assert one(tagger, "The court will rule on March 3.").value == "2022-03-03"


def test_recent_days_is_the_publication_month(tagger):
    """ "in recent days" is TimeML's PAST_REF, dated to the publication month."""
    t = one(tagger, "Shelling intensified in recent days.")
    assert (t.text, t.value) == ("recent days", "PAST_REF")
    assert t.date.edtf == "2021-06" and t.date.precision is Precision.MONTH


@pytest.mark.parametrize("word", ["now", "currently"])
def test_present_reference(tagger, word):
    """ "now" and "currently" are PRESENT_REF, dated to the publication day."""
    t = one(tagger, f"The embassy is {word} closed.")
    assert (t.value, t.date.edtf) == ("PRESENT_REF", "2021-06-20")


def test_without_reference_relative_dates_keep_x_values(tagger):
    """With no publication date and no discourse date, a month and day has an X year."""
    t = one(tagger, "On June 10, the ministers met.", None)
    assert (t.value, t.date, t.anchor) == ("XXXX-06-10", None, Anchor.NONE)


# Relative to the discourse ----------------------------------------------------------------------


def test_last_october_in_a_report_from_february_2019(tagger):
    """A date framing the sentence anchors "last October"."""
    found = tagger.tag("L'Espresso reported in February 2019 that talks in Moscow last October failed.", PUB)
    assert [(t.text, t.value) for t in found] == [("February 2019", "2019-02"), ("last October", "2018-10")]
    assert found[1].anchor is Anchor.DISCOURSE


@pytest.mark.parametrize(
    ("follow", "value"),
    [
        ("The next day, they left.", "2019-03-05"),
        ("The previous day, they arrived.", "2019-03-03"),
        ("Two days later, they left.", "2019-03-06"),
        ("They left the same day.", "2019-03-04"),
        ("They left later that month.", "2019-03"),
        ("The following year, they returned.", "2020"),
    ],
)
def test_anaphoric_dates_follow_the_discourse(tagger, follow, value):
    """ "the same day", "two days later", "that month" count from the last date of the text."""
    found = tagger.tag(f"The delegations met on 4 March 2019 in Minsk. {follow}", PUB)
    assert found[-1].value == value
    assert found[-1].anchor is Anchor.DISCOURSE


def test_narrative_month_day_inherits_the_discourse_year(tagger):
    """In a history (its dates years before publication), "On 11 June" after 6 June 1944 is in 1944."""
    text = (
        "In 1940 the front collapsed. In 1941 the war widened. In 1942 the army retreated. In 1943 it "
        "regrouped. The landings began on 6 June 1944. On 11 June the beachheads were joined."
    )
    assert tagger.tag(text, dt.date(2009, 12, 19))[-1].value == "1944-06-11"


def test_news_month_day_keeps_the_publication_year(tagger):
    """In news, one mention of an old year does not move "On June 10" out of the current year."""
    found = tagger.tag("The pact, signed in 1994, was renewed. On June 10 the ministers met.", PUB)
    assert found[-1].value == "2021-06-10"


def test_discourse_date_in_force(tagger):
    """discourse_date gives the last non-citation date before a position."""
    text = "On 4 March 2019 they met (Ansa, May 7, 2019). They agreed."
    found = tagger.tag(text, PUB)
    assert discourse_date(found, text.index("They agreed")).value == "2019-03-04"
    assert discourse_date(found, 2) is None


# Not dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The ministers may meet again.",
        "Protesters march on the capital.",
        "He paused for a second time.",
        "Resolution 2231 was adopted 287-55.",
        "The fund holds $4.5 billion for 240,000 refugees.",
        "The convoy carried 1500 troops.",
        "Theresa May met Angela Merkel.",
    ],
)
def test_not_dates(tagger, sentence):
    """Modal "may", the verb "march", "a second", counts and identifiers are not dates."""
    assert [t for t in tagger.tag(sentence, PUB) if t.type is not TimexType.DURATION] == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("It lasted 24 years.", "P24Y"), ("He fasted 48 hours.", "PT48H"), ("They waited two weeks.", "P2W")],
)
def test_durations(tagger, sentence, value):
    """Amounts of time are DURATION expressions with no calendar date."""
    t = one(tagger, sentence)
    assert (t.type, t.value, t.date) == (TimexType.DURATION, value, None)


@pytest.mark.parametrize(
    ("sentence", "span"),
    [
        ("Rome protested (Ansa, November 3, 2020).", "November 3, 2020"),
        ("Kyiv objected (see EDM, October 16, 2015).", "October 16, 2015"),
        ("Kyiv objected (Ukrinform, May 7).", "May 7"),
    ],
)
def test_citations_are_found_and_marked(tagger, sentence, span):
    """A date in a parenthesised source reference is found but marked as a citation."""
    t = one(tagger, sentence)
    assert (t.text, t.citation) == (span, True)


def test_citation_does_not_anchor_the_discourse(tagger):
    """ "the next day" after a citation counts from the real date before it."""
    found = tagger.tag("They met on 4 March 2019 (Ansa, May 7, 2019). The next day they left.", PUB)
    assert found[-1].value == "2019-03-05"


# API ---------------------------------------------------------------------------------------------


def test_results_are_sorted_non_overlapping_with_offsets():
    """Module-level tag() returns sorted, non-overlapping spans that index the text."""
    text = "On 4 March 2019 and again on Thursday, and in 2020, they met."
    found = tag(text, PUB)
    assert [t.start for t in found] == sorted(t.start for t in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert all(text[t.start : t.end] == t.text for t in found)


def test_datetime_reference_is_accepted(tagger):
    """A datetime as reference is read as its date."""
    assert one(tagger, "They met yesterday.", dt.datetime(2021, 6, 20, 15, 0)).value == "2021-06-19"


def test_range_parts_are_its_ends_as_timeml_annotates_them(tagger):
    """A range's parts are its two ends, each with its own span and value."""
    t = one(tagger, "The Western Theater 1861-1863 saw heavy fighting.")
    assert [(p.text, p.value) for p in t.parts] == [("1861", "1861"), ("1863", "1863")]
    assert t.date.edtf == "1861/1863"


def test_the_same_day_is_the_last_day_named_not_a_year_between(tagger):
    """ "On Thursday ... the 1972 agreement ... the same day": the same day is Thursday."""
    text = "Pakistan answered on Thursday. It suspended the 1972 agreement. Modi spoke at a rally the same day."
    assert texts(tagger, text, dt.date(2025, 4, 25))[-1] == ("the same day", "2025-04-24")


def test_a_bare_month_after_a_dated_event_moves_onward(tagger):
    """ "signed on 16 September 2023, and in January announced": January 2024, when that is past."""
    text = "They signed a charter on 16 September 2023, and in January they announced their withdrawal."
    assert texts(tagger, text, dt.date(2024, 3, 10))[-1] == ("January", "2024-01")
    assert texts(tagger, text, dt.date(2023, 12, 1))[-1] == ("January", "2023-01")


def test_the_article_before_a_number_word_counts_for_nothing(tagger):
    """ "a four-day visit" lasts four days, "a hundred days" a hundred."""
    assert one(tagger, "He arrived for a four-day visit.").value == "P4D"
    assert one(tagger, "It took a hundred days.").value == "P100D"


# Narrative anchoring ------------------------------------------------------------------------------


def test_a_season_in_a_history_is_in_the_year_the_story_is_in(tagger):
    """Without a publication date, "during the summer" after "the 1941 campaign" is the summer of 1941,
    not the summer before the year's first day."""
    text = "In June 1940 the front collapsed. The 1941 campaign was planned. During the summer, the army advanced."
    assert texts(tagger, text, None)[-1] == ("the summer", "1941-SU")


def test_a_month_in_a_history_takes_the_story_year_however_far_back_it_was_stated(tagger):
    """Without a publication date, a bare month far from the last year stated still takes that year."""
    filler = "The armies dug in along the river and waited for supplies. " * 20
    text = f"The offensive of 1916 stalled. {filler}In July the army attacked again."
    assert texts(tagger, text, None)[-1] == ("July", "1916-07")


def test_a_range_with_its_year_at_the_end_starts_in_the_year_before_when_the_months_turn(tagger):
    """ "from November 15 to February 15, 1989" runs from 1988 into 1989, and "November 21, 1948 to
    January 31, 1949" keeps both of its years."""
    t = one(tagger, "The withdrawal ran from November 15 to February 15, 1989.", None)
    assert [p.value for p in t.parts] == ["1988-11-15", "1989-02-15"]
    t = one(tagger, "The siege lasted from November 21, 1948 to January 31, 1949.", None)
    assert [p.value for p in t.parts] == ["1948-11-21", "1949-01-31"]


def test_a_year_in_passing_does_not_move_the_story(tagger):
    """A bare year far from the years around it ("the largest battle since 1813", "found in 2004") is
    tagged but the bare dates after it stay in the story's year."""
    text = (
        "In 1919 the war began. In 1920 the army reached the river. The offensive of 1920 failed. "
        "Documents found in 2004 explain why. On 29 August the cavalry reached the city. It was the "
        "largest cavalry battle since 1813. On 6 September the army retreated."
    )
    found = texts(tagger, text, None)
    assert ("2004", "2004") in found and ("1813", "1813") in found
    assert found[-3] == ("29 August", "1920-08-29")
    assert found[-1] == ("6 September", "1920-09-06")


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("In 499 BC the tyrant rebelled.", [("499 BC", "BC0499")]),
        ("Carthage fell in 146 B.C. after a siege.", [("146 B.C.", "BC0146")]),
        ("It was signed at this point (ca. 466 BC).", [("ca. 466 BC", "BC0466")]),
        ("The army crossed in April 480 BC.", [("April 480 BC", "BC0480-04")]),
        ("The congress met in the spring of 480 BC.", [("the spring of 480 BC", "BC0480-SP")]),
        ("The League campaigned throughout the 470s BC.", [("the 470s BC", "BC047")]),
        ("The city was founded in the 9th century BC.", [("the 9th century BC", "BC08")]),
        ("The revolt lasted from 499 to 493 BC.", [("499", "BC0499"), ("493 BC", "BC0493")]),
        ("The Ionian Revolt (499-493 BC) failed.", [("499", "BC0499"), ("493 BC", "BC0493")]),
    ],
)
def test_years_before_christ(tagger, sentence, found):
    """Years before Christ are read in TimeML's notation, off the calendar (no date); a range is its two ends."""
    (t,) = tagger.tag(sentence, None)
    assert [(p.text, p.value) for p in t.parts or (t,)] == found
    assert t.date is None and t.type is TimexType.DATE


# Durations -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Gas prices fell over the last two weeks.", "the last two weeks", "P2W"),
        ("Net rose 5% in the first nine months.", "the first nine months", "P9M"),
        ("He has held the post for the past 20 years.", "the past 20 years", "P20Y"),
        ("Stocks hit a five year low.", "five year", "P5Y"),
        ("After a two-hour meeting, they left.", "two-hour", "PT2H"),
        ("It followed a several-year tenure.", "several-year", "PXY"),
        ("It took a year.", "a year", "P1Y"),
        ("It took a hundred days.", "a hundred days", "P100D"),
        ("They met for a couple of days.", "a couple of days", "P2D"),
    ],
)
def test_duration_spans(tagger, sentence, span, value):
    """A duration spans "the last", "the first" before its number; one that modifies a noun ("a
    two-hour meeting") leaves the article out, as TimeML marks them; "several" counts as unknown."""
    t = one(tagger, sentence)
    assert (t.text, t.value, t.type) == (span, value, TimexType.DURATION)


@pytest.mark.parametrize(
    ("sentence", "first"),
    [
        ("They fought in August and September 1914.", ("August", "1914-08")),
        ("In April and June 1955, the premier toured the provinces.", ("April", "1955-04")),
        ("In August/September 1956, the leaders met.", ("August", "1956-08")),
        ("Both sides spent the spring and early summer of 1943 preparing.", ("the spring", "1943-SP")),
        ("Talks ran through December and January 1950.", ("December", "1949-12")),
    ],
)
def test_a_month_or_season_joined_to_a_dated_one_takes_its_year(tagger, sentence, first):
    """ "August and September 1914": the first month takes the year written after the second (a year
    earlier when it comes later in the year)."""
    found = texts(tagger, sentence)
    assert found[0] == first and len(found) == 2


# The year or month in focus ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "span", "value", "modifier"),
    [
        ("They will finish the pipeline by the end of the year.", "the end of the year", "2021", "END"),
        ("Sales rose earlier in the year.", "earlier in the year", "2021", None),
        ("The deal is expected to close by year-end.", "year-end", "2021", "END"),
        ("The deal is expected to close around year end.", "year end", "2021", "END"),
        ("Prices fell at month's end.", "month's end", "2021-06", "END"),
        ("Growth will slow in the latter part of the year.", "the latter part of the year", "2021", "END"),
        ("Talks will go on for the rest of the year.", "the rest of the year", "2021", None),
    ],
)
def test_the_year_or_month_in_focus(tagger, sentence, span, value, modifier):
    """ "the end of the year", "year-end", "earlier in the year": in news, the publication's year."""
    t = one(tagger, sentence)
    assert (t.text, t.value, t.modifier) == (span, value, modifier)


def test_the_month_in_focus_is_the_one_of_a_date_in_its_sentence(tagger):
    """ "On August 3 they said troops would arrive by the end of the month": August."""
    found = texts(tagger, "On August 3 they said troops would arrive by the end of the month.", dt.date(1990, 8, 13))
    assert found[-1] == ("the end of the month", "1990-08")


def test_the_year_in_focus_in_a_history_is_the_story_year(tagger):
    """Without a publication date, "by the end of the year" is the year the story is in."""
    text = "In 1963 the generals plotted. Lodge, frustrated by the end of the year, cabled home."
    assert texts(tagger, text, None)[-1] == ("the end of the year", "1963")


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("The war widened in 1918. It ended in October of that year.", "October of that year", "1918-10"),
        (
            "The siege began in 1954. On January 24 of the same year, Congress acted.",
            "January 24 of the same year",
            "1954-01-24",
        ),
        ("The pact of 2015 held. In March of the following year, they met.", "March of the following year", "2016-03"),
        ("They met on June 5 last year.", "June 5 last year", "2020-06-05"),
    ],
)
def test_a_month_of_a_year_named_by_reference(tagger, sentence, span, value):
    """ "October of that year" and "January 24 of the same year" take the discourse's year; "June 5
    last year" is counted from publication, day included."""
    assert texts(tagger, sentence)[-1] == (span, value)


# Times of day --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("He was shot by a sniper at 10:57.", "10:57", "2021-06-20T10:57"),
        ("The division was deployed by 05:30hrs.", "05:30hrs", "2021-06-20T05:30"),
        ("Talks broke off at noon Thursday.", "noon Thursday", "2021-06-17T12:00"),
        ("The offer expired at midnight Friday.", "midnight Friday", "2021-06-18T24:00"),
        ("He will appear before a judge at midday.", "midday", "2021-06-20T12:00"),
        ("The father will leave at 4 in the morning.", "4 in the morning", "2021-06-20T04:00"),
        ("The speaker was heckled Thursday evening.", "Thursday evening", "2021-06-17TEV"),
        (
            "On the night of 10 August 1792, insurgents stormed the palace.",
            "the night of 10 August 1792",
            "1792-08-10TNI",
        ),
        (
            "Early in the morning of 29 April 1975 the evacuation began.",
            "Early in the morning of 29 April 1975",
            "1975-04-29TMO",
        ),
        (
            "In the early morning hours of November 1, 1954, the attacks began.",
            "the early morning hours of November 1, 1954",
            "1954-11-01TMO",
        ),
    ],
)
def test_times_of_day(tagger, sentence, span, value):
    """A 24-hour clock, noon and midnight, "4 in the morning", a weekday's evening and "the night of
    10 August 1792" are TIMEs of their day."""
    t = one(tagger, sentence)
    assert (t.text, t.value, t.type) == (span, value, TimexType.TIME)
    assert t.date is not None and t.date.precision is Precision.DAY


@pytest.mark.parametrize(
    "sentence",
    ["John 3:16 is often quoted.", "They favour it by a 3:1 ratio.", "He starred in High Noon."],
)
def test_not_times_of_day(tagger, sentence):
    """A verse, a ratio and a film title are not times."""
    assert tagger.tag(sentence, PUB) == []


# Holidays -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "ref", "span", "value"),
    [
        ("The boy was found on Thanksgiving Day.", dt.date(2000, 1, 7), "Thanksgiving Day", "1999-11-25"),
        ("He was rescued last Thanksgiving.", dt.date(2000, 2, 10), "last Thanksgiving", "1999-11-25"),
        ("He predicted victory by Christmas 1963.", None, "Christmas 1963", "1963-12-25"),
        ("They met on New Year's Day.", dt.date(2021, 1, 5), "New Year's Day", "2021-01-01"),
        ("The talks will resume after Easter.", dt.date(2021, 3, 1), "Easter", "2021-04-04"),
        ("Protesters prayed as Easter week began.", dt.date(2000, 4, 17), "Easter week", "2000-W16"),
        ("The accord was signed on Good Friday 1998.", None, "Good Friday 1998", "1998-04-10"),
    ],
)
def test_holidays(tagger, sentence, ref, span, value):
    """A holiday is its day: in the year written, else the last one before publication (the next when
    the clause speaks of the future); Easter and Thanksgiving are computed for the year."""
    assert texts(tagger, sentence, ref) == [(span, value)]


def test_christmas_night_is_a_time_and_the_new_year_a_first_of_january(tagger):
    """ "Christmas night" is a TIME of Christmas; "the new year" is the nearest first of January."""
    assert texts(tagger, "They crossed the river on Christmas night.", dt.date(2021, 1, 3)) == [
        ("Christmas night", "2020-12-25TNI")
    ]
    assert texts(tagger, "The deal should be done before the new year.", dt.date(2020, 11, 2)) == [
        ("the new year", "2021-01-01")
    ]


@pytest.mark.parametrize(
    "sentence",
    ["The Good Friday Agreement holds.", "The song White Christmas played.", "The Easter Rising failed."],
)
def test_holidays_in_names_are_not_dates(tagger, sentence):
    """A holiday that names a treaty, a song or a revolt is not a date."""
    assert tagger.tag(sentence, PUB) == []


# Words for numbers, plural units and recurring amounts ------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("In nineteen ninety-six his conviction was overturned.", "nineteen ninety-six", "1996"),
        ("The city needed protection in nineteen seventy-nine.", "nineteen seventy-nine", "1979"),
        ("He promised to halve unemployment by the year two thousand.", "the year two thousand", "2000"),
        ("January nineteen ninety-seven. A bomb exploded.", "January nineteen ninety-seven", "1997-01"),
        (
            "Prices fell to the level of the winter of nineteen ninety-four.",
            "the winter of nineteen ninety-four",
            "1994-WI",
        ),
    ],
)
def test_years_in_words(tagger, sentence, span, value):
    """Years spelled out, as in broadcast transcripts, are read like years in digits."""
    assert texts(tagger, sentence) == [(span, value)]


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("For weeks the government has held rallies.", "weeks", "PXW"),
        ("The attack was repulsed within days.", "days", "PXD"),
        ("The country was ruled from abroad for centuries.", "centuries", "PXY"),
        ("In the following days the army advanced.", "the following days", "PXD"),
    ],
)
def test_plural_units_without_a_number_are_durations(tagger, sentence, span, value):
    """ "for weeks", "within days", "the following days": durations of unknown length."""
    t = one(tagger, sentence)
    assert (t.text, t.value, t.type) == (span, value, TimexType.DURATION)


@pytest.mark.parametrize(
    "sentence", ["In the years that followed, they fought.", "Days later, he resigned.", "The weeks ahead matter."]
)
def test_plural_units_elsewhere_are_not_bare_durations(tagger, sentence):
    """A plural unit that is not the object of "for", "within", "over" is left alone."""
    assert [t.text for t in tagger.tag(sentence, PUB) if t.text in ("years", "Days", "weeks")] == []


def test_the_past_is_a_past_reference_unless_counted(tagger):
    """ "in the past" is PAST_REF; "the past two months" stays a duration."""
    assert texts(tagger, "In the past, Russia has often claimed it.") == [("the past", "PAST_REF")]
    assert texts(tagger, "Rates fell over the past two months.") == [("the past two months", "P2M")]


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Migrants send $1 billion a year to their families.", "a year", "P1Y"),
        ("Troops arrived at the rate of 10,000 per day.", "per day", "P1D"),
        ("Take the pill three times a day.", "a day", "P1D"),
    ],
)
def test_an_amount_per_unit_is_a_set(tagger, sentence, span, value):
    """ "$1 billion a year", "10,000 per day": a recurring amount is a SET of the unit."""
    t = one(tagger, sentence)
    assert (t.text, t.value, t.type) == (span, value, TimexType.SET)


def test_a_quarterly_dividend_is_not_a_set(tagger):
    """ "quarterly" before a noun names a kind of payment, not a recurring time."""
    assert tagger.tag("The company raised its quarterly dividend.", PUB) == []
    assert one(tagger, "The reserve will be adjusted quarterly.").value == "P3M"


def test_the_latest_period_is_the_quarter_in_focus(tagger):
    """ "the latest period" in an earnings report is the quarter just reported."""
    text = "Net income rose in the third quarter of 1989. The latest period included a gain."
    assert texts(tagger, text)[-1] == ("The latest period", "1989-Q3")


def test_years_earlier_than_a_month_is_a_year_but_than_a_quarter_a_quarter(tagger):
    """ "two years earlier" than July 1778 is 1776 (the unit's precision); "a year earlier" than the
    third quarter of 1989 is the third quarter of 1988, as earnings reports compare them."""
    text = "The armies met again in July 1778, back where they had been two years earlier."
    assert texts(tagger, text, None)[-1] == ("two years earlier", "1776")
    text = "Net rose in the third quarter of 1989, up from $2 million a year earlier."
    assert texts(tagger, text, dt.date(1989, 11, 2))[-1] == ("a year earlier", "1988-Q3")


def test_winter_summer_and_autumn_alone_are_seasons(tagger):
    """ "winter quarters", "the severe Manchurian winter": winter, summer and autumn are seasons even
    without a determiner; "spring" and "fall" still need one (a water spring, to fall)."""
    text = "In 1776 the army held the line. Washington then entered winter quarters at Morristown."
    assert texts(tagger, text, None)[-1] == ("winter", "1776-WI")
    assert [t.text for t in tagger.tag("Prices may fall if a spring dries up.", PUB)] == []


@pytest.mark.parametrize(
    ("sentence", "span", "value"),
    [
        ("Net rose in the third quarter of 1989, against a loss in the 1988 period.", "the 1988 period", "1988-Q3"),
        (
            "Net rose in the third quarter of 1989; it earned $376,000 in the 1988 quarter.",
            "the 1988 quarter",
            "1988-Q3",
        ),
        ("Net rose 5% in the third quarter of 1989, against a year-earlier loss.", "year-earlier", "1988-Q3"),
        ("A major factor in the third-quarter loss was a write-down.", "third-quarter", "2021-Q3"),
        ("They are not a happy group right now.", "right now", "PRESENT_REF"),
        ("The name was crossed out that same day.", "that same day", "2021-06-20"),
    ],
)
def test_earnings_periods_and_spans(tagger, sentence, span, value):
    """ "the 1988 period" is that year's quarter in focus; "a year-earlier loss" is not "a year"; an
    adjectival "third-quarter" leaves out "the"; "right now" and "that same day" are whole."""
    found = texts(tagger, sentence, dt.date(2021, 10, 25) if "third-quarter loss" in sentence else PUB)
    assert found[-1] == (span, value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # What a quotation says of the future does not make the reporting clause future.
        ("'We will not tolerate this,' the minister told reporters on Tuesday.", "2021-06-15"),
        ('"Russia will answer," Peskov said on Tuesday.', "2021-06-15"),
        # Inside the quotation, or with an apostrophe inside a word, the future still counts.
        ('He said the talks "will resume on Tuesday".', "2021-06-22"),
        ("We'll meet again on Tuesday, the envoy said.", "2021-06-22"),
    ],
)
def test_a_future_verb_inside_a_closed_quotation_does_not_move_a_weekday(tagger, sentence, value):
    assert one(tagger, sentence).value == value
