"""Event extraction, one behaviour a test, on small articles written for the purpose."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.pipeline import analyse, extract
from dateline.extract.records import Article, EventRecord


def events(text: str, published: str = "2023-03-16", precision: str = "day") -> list[EventRecord]:
    article = Article("t.txt", text, title=text.splitlines()[0], published=dt.date.fromisoformat(published),
                      published_precision=precision)  # fmt: skip
    return list(extract(article).events)


def brief(text: str, published: str = "2023-03-16", precision: str = "day") -> list[tuple]:
    """(type, status, EDTF date or None, sorted states) of each event."""
    return [
        (e.type.value, e.status.value, e.date.edtf if e.date else None, tuple(sorted(e.states)))
        for e in events(text, published, precision)
    ]


def dated(text: str, published: str = "2023-03-16") -> list[tuple]:
    return [b for b in brief(text, published) if b[2] is not None]


HEAD = "Diplomatic news\n"


def test_weekday_and_actors_from_titles() -> None:
    """A weekday is this week's; a minister's demonym gives the state; a capital as a place gives the target."""
    text = HEAD + "French Foreign Minister Catherine Colonna visited Kyiv on Tuesday.\n"
    assert dated(text) == [("visit", "occurred", "2023-03-14", ("FRA", "UKR"))]


def test_negated_events_are_not_events() -> None:
    """ "did not meet", "No agreement was reached": no event."""
    text = HEAD + "The Iranian and Saudi ministers did not meet in Beijing on Monday.\nNo agreement was reached.\n"
    assert [b for b in brief(text) if b[0] in ("meeting", "agreement")] == []


def test_hypothetical_and_conditional_events_are_not_events() -> None:
    """ "could impose sanctions", "should the conditions call for it": no event."""
    text = (HEAD + "The European Union could impose sanctions on Iran next month.\n"
            "Germany will send troops to Lithuania, should the conditions call for it.\n")  # fmt: skip
    assert brief(text) == []


def test_habitual_events_are_not_events() -> None:
    """ "has repeatedly criticised", "frequent visits": generic, not one happening."""
    text = HEAD + "Hungary has repeatedly criticised EU sanctions on Russia.\nOrban made frequent visits to Moscow.\n"
    assert dated(text) == []


def test_planned_events_are_marked_planned() -> None:
    """ "is scheduled to travel ... next week" is planned, dated by the week."""
    text = HEAD + "German Chancellor Olaf Scholz is scheduled to travel to Beijing next week, officials said.\n"
    (event,) = [e for e in events(text) if e.type.value == "visit"]
    assert event.status.value == "planned"
    assert event.date is not None and event.date.earliest == dt.date(2023, 3, 20)


def test_citation_never_dates_an_event() -> None:
    """A source citation in parentheses gives no date: the event takes the story's day instead."""
    text = HEAD + ("On June 10, Italian Foreign Minister Luigi Di Maio paid an official visit to Kyiv.\n"
                   "The two governments signed a police cooperation agreement (Ansa, June 11).\n")  # fmt: skip
    assert ("agreement", "occurred", "2021-06-10", ("ITA", "UKR")) in brief(text, "2021-07-01")


def test_reported_speech_anchors_relative_dates() -> None:
    """ "reported in February 2019 that ... last October" is October 2018."""
    text = HEAD + ("The magazine L'Espresso reported in February 2019 that Italian officials had held talks in "
                   "Moscow last October with Russian businessmen.\n")  # fmt: skip
    assert ("meeting", "occurred", "2018-10", ("ITA", "RUS")) in brief(text, "2019-10-08")


def test_back_reference_takes_the_date_of_the_visit() -> None:
    """ "During the visit, ..." is dated by the visit it refers to."""
    text = HEAD + ("On March 3, Indian Prime Minister Narendra Modi paid a state visit to Tokyo.\n"
                   "During the visit, India and Japan signed a memorandum on rail cooperation.\n")  # fmt: skip
    assert ("agreement", "occurred", "2023-03-03", ("IND", "JPN")) in brief(text)


def test_one_happening_mentioned_twice_is_one_event_with_two_sources() -> None:
    """The same agreement, told again later with more detail, is one event citing both sentences."""
    text = HEAD + ("On June 10, Poland and Ukraine signed a grain transit agreement in Warsaw.\n"
                   "Farm prices fell sharply.\n"
                   "The grain transit agreement was signed by the two agriculture ministers.\n")  # fmt: skip
    agreements = [e for e in events(text, "2023-06-20") if e.type.value == "agreement"]
    assert len(agreements) == 1
    assert len(agreements[0].evidence) == 2


def test_two_objects_of_one_signing_are_two_events() -> None:
    """ "signed a trade agreement and a memorandum on energy" is two agreements."""
    text = HEAD + "On May 5, Brazil and Argentina signed a trade agreement and a memorandum on energy cooperation.\n"
    assert [b[0] for b in dated(text, "2023-05-20")] == ["agreement", "agreement"]


def test_statement_needs_a_speaker() -> None:
    """A statement verb with no one to say it is no event; one after a named speaker is."""
    text = HEAD + ("Turkish President Recep Tayyip Erdogan condemned the attack on Monday.\n"
                   "It was widely condemned as a provocation.\n")  # fmt: skip
    assert dated(text) == [("statement", "occurred", "2023-03-13", ("TUR",))]


def test_agreements_and_meetings_need_two_parties() -> None:
    """An agreement with one side named is no event."""
    text = HEAD + "On Monday, Japan signed an agreement on semiconductor supplies.\n"
    assert [b for b in brief(text) if b[0] == "agreement"] == []


def test_quoted_words_make_no_events() -> None:
    """Inside a quotation, "we will sign" is what someone said, not an event of its own."""
    text = HEAD + '"We will sign the deal with Kenya next year," Ethiopian Prime Minister Abiy Ahmed said on Monday.\n'
    assert [b[0] for b in brief(text)] == ["statement"]


def test_page_furniture_and_comments_yield_nothing() -> None:
    """Site headers, teasers and reader comments after the article make no events."""
    text = (HEAD + "Subscribe to our newsletter\n"
            "Chinese Foreign Minister Wang Yi met his Brazilian counterpart in Brasilia on Monday.\n"
            "Related articles\nUS and Mexico sign border deal on Friday\nComments (2)\n"
            "Russia and China signed a secret pact on Tuesday, everyone knows it.\n")  # fmt: skip
    assert dated(text) == [("meeting", "occurred", "2023-03-13", ("BRA", "CHN"))]


def test_headline_event_merges_into_the_story() -> None:
    """The headline's event is the one the story reports: it adds no event of its own."""
    text = ("EU imposes new sanctions on Belarus\n"
            "BRUSSELS - The European Union on Thursday imposed new sanctions on Belarus.\n")  # fmt: skip
    assert brief(text, "2023-08-11") == [("sanctions", "occurred", "2023-08-10", ("BLR", "EU"))]


def test_publication_date_dates_the_lede_at_its_precision() -> None:
    """The lede's news takes the publication date: the day when known, the month when approximate."""
    text = HEAD + "Hungary has expelled two Russian diplomats accused of spying.\n"
    assert brief(text, "2023-03-16") == [("expulsion", "occurred", "2023-03-16", ("HUN", "RUS"))]
    assert brief(text, "2023-03-16", "approx") == [("expulsion", "occurred", "2023-03", ("HUN", "RUS"))]


def test_old_story_dates_are_not_read_against_publication() -> None:
    """Once a paragraph has moved into the past, a year-less "18 May" is not this year's: the
    paragraph's opening date frames it instead."""
    text = HEAD + ("In 2012, Mario Monti led Italy's government. On 18 May, Italian Premier Monti met with Russian "
                   "Premier Medvedev.\n")  # fmt: skip
    meetings = [b for b in brief(text, "2019-10-08") if b[0] == "meeting"]
    assert meetings == [("meeting", "occurred", "2012", ("ITA", "RUS"))]


def test_news_dates_before_an_old_date_still_count() -> None:
    """ "Today Lula attends the summit ..., a forum Bolsonaro left in January 2020": today is today."""
    text = HEAD + ("Today Brazilian President Lula is attending the summit of Latin American states in Buenos Aires, "
                   "marking Brazil's return to a forum that Bolsonaro abandoned in January 2020.\n")  # fmt: skip
    assert dated(text, "2023-01-24") == [("conference", "occurred", "2023-01-24", ("ARG", "BRA"))]


def test_bounding_periods_do_not_date_events() -> None:
    """ "a defence plan for 2021-2022" is signed in May, not in 2021-2022."""
    text = HEAD + "In May, Italy and Ukraine signed a bilateral defence cooperation plan for 2021-2022.\n"
    assert dated(text, "2021-07-01") == [("agreement", "occurred", "2021-05", ("ITA", "UKR"))]


def test_organisation_named_again_by_a_common_noun() -> None:
    """ "the alliance" is NATO when NATO was named before."""
    text = HEAD + ("NATO foreign ministers met in Brussels on Tuesday.\n"
                   "Sweden's foreign minister told the alliance on Wednesday that Stockholm was ready.\n")  # fmt: skip
    statements = [b for b in dated(text) if b[0] == "statement"]
    assert statements == [("statement", "occurred", "2023-03-15", ("NATO", "SWE"))]


def test_persons_serve_the_state_of_the_event_date() -> None:
    """Di Maio in June 2018 is Italy's deputy prime minister, in June 2021 its foreign minister."""
    text2018 = HEAD + "On 6 June 2018, Luigi Di Maio said Italy would keep moving closer to Russia.\n"
    text2021 = HEAD + "On June 10, 2021, Luigi Di Maio met Ukrainian President Volodymyr Zelensky in Kyiv.\n"
    (statement,) = [e for e in events(text2018, "2018-06-07") if e.type.value == "statement"]
    (meeting,) = [e for e in events(text2021, "2021-06-11") if e.type.value == "meeting"]
    offices = {a.code: a.office for a in [*statement.actors, *meeting.actors] if a.kind.value == "person"}
    assert [a.office for a in statement.actors if a.code == "Luigi Di Maio"] == ["deputy_head_of_government"]
    assert [a.office for a in meeting.actors if a.code == "Luigi Di Maio"] == ["foreign_minister"]
    assert offices["Volodymyr Zelensky"] == "head_of_state"


@pytest.mark.parametrize(
    ("sentence", "cameo"),
    [
        ("German Chancellor Olaf Scholz visited Warsaw on Monday.", "042"),
        ("Brazil and Argentina signed a trade agreement on Monday.", "057"),
        ("Polish President Andrzej Duda condemned the attack on Monday.", "111"),
        ("The European Union imposed sanctions on Iran on Monday.", "163"),
        ("Hungary expelled two Russian diplomats on Monday.", "161"),
    ],
)
def test_events_carry_the_nearest_cameo_code(sentence: str, cameo: str) -> None:
    """Each event keeps the CAMEO code of its trigger, for joining with GDELT or ICEWS data."""
    (event,) = [e for e in events(HEAD + sentence + "\n") if e.date is not None]
    assert event.cameo == cameo


def test_explain_says_why_each_trigger_was_dropped() -> None:
    """analyse() keeps a decision for every trigger, with the reason it made no event."""
    text = HEAD + "Russia did not sign the treaty on Monday.\n"
    article = Article("t.txt", text, title="Diplomatic news", published=dt.date(2023, 3, 16))
    decisions = analyse(article).decisions
    assert [(d.trigger, d.outcome) for d in decisions] == [("sign", "negated")]


def test_a_range_after_from_dates_a_planned_summit() -> None:
    """ "is expected to attend the summit from June 4 to 6": the range dates it, and the verb the
    noun is the object of makes it planned."""
    text = HEAD + "Kenyan President William Ruto is expected to attend the African Union summit from June 4 to 6.\n"
    assert ("conference", "planned", "2023-06-04/2023-06-06") in [b[:3] for b in dated(text)]


def test_a_recent_date_brings_the_story_back_from_an_old_one() -> None:
    """After "January 2019" the story stands in the past, but "From 2019 to 2022" ends near today:
    "In February" that follows is February of the publication year."""
    text = (HEAD + "Sanctions on the state oil company were first imposed in January 2019. From 2019 to 2022, "
            "the United States recognised the opposition leader. In February, Brazil convened an international "
            "conference on Venezuela in Brasilia.\n")  # fmt: skip
    assert ("conference", "occurred", "2023-02", ("BRA", "VEN")) in dated(text)


def test_a_verb_and_its_object_noun_of_one_type_are_one_event() -> None:
    """ "convened an international conference": one conference, not two."""
    text = HEAD + "On Monday, Brazil convened an international conference on Venezuela in Brasilia.\n"
    assert [b[0] for b in dated(text)] == ["conference"]


def test_a_group_noun_speaks_for_the_states_named_before() -> None:
    """ "the two governments announced": a statement of the states of the sentence before."""
    text = (HEAD + "Chile and Peru signed a fisheries agreement on Monday.\n"
            "On Tuesday the two governments jointly announced a new border commission.\n")  # fmt: skip
    assert ("statement", "occurred", "2023-03-14", ("CHL", "PER")) in dated(text)


def test_what_has_since_been_said_is_not_one_statement() -> None:
    """ "a moment both governments have since described as a turning point": no dated statement."""
    text = (HEAD + "The presidents of Chile and Peru first met in Lima in May 2022, a moment both governments "
            "have since described as a turning point.\n")  # fmt: skip
    assert [b for b in dated(text) if b[0] == "statement"] == []


def test_a_family_name_first_person_is_known_by_the_family_name() -> None:
    """ "Wang Yi" is later "Wang": the short mention is the same person."""
    text = (HEAD + "China sent Wang Yi to the talks in Jakarta.\n"
            "Wang also met U.S. Secretary of State Antony Blinken on Thursday.\n")  # fmt: skip
    (meeting,) = [e for e in events(text, "2023-07-14") if any(a.code == "Antony Blinken" for a in e.actors)]
    assert {"Wang Yi", "Antony Blinken"} <= {a.code for a in meeting.actors}


def test_a_definite_passive_takes_the_date_of_the_event_it_names() -> None:
    """ "The accord was signed in Doha by ...": the accord told before, on its day, one event."""
    text = (HEAD + "DOHA, March 17 - Armenia and Azerbaijan agreed yesterday to a ceasefire, the Qatari mediator "
            "said on Friday. The accord was signed in Doha by the two sides after a week of talks.\n")  # fmt: skip
    agreements = [b for b in dated(text, "2023-03-17") if b[0] == "agreement"]
    assert agreements == [("agreement", "occurred", "2023-03-16", ("ARM", "AZE", "QAT"))]


def test_talks_led_by_a_body_are_a_meeting_not_its_conference() -> None:
    """ "AU-led talks": the Union mediates talks between others; "ASEAN leaders met" is ASEAN's own summit."""
    text = HEAD + "Ethiopian and Eritrean officials held AU-led talks in Nairobi on Monday.\n"
    assert [b[0] for b in dated(text)] == ["meeting"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Chilean President Gabriel Boric and Peruvian President Dina Boluarte shook hands in Lima on Monday.",
         "meeting"),
        ("On Monday Indian Prime Minister Narendra Modi made a stopover in Kabul.", "visit"),
        ("On Monday Mali gave the French ambassador 72 hours to leave the country.", "expulsion"),
        ("On Monday gunmen killed 12 soldiers in northern Mali.", "other"),
        ("On Monday Russia withdrew from the Black Sea grain deal.", "other"),
        ("On Monday Kenyan President William Ruto welcomed Indian Prime Minister Narendra Modi in Nairobi.",
         "meeting"),
    ],
)  # fmt: skip
def test_more_ways_of_telling_events(sentence: str, kind: str) -> None:
    """Handshakes, stopovers, ultimatums to leave, killings, withdrawals from treaties, receptions."""
    assert kind in [b[0] for b in dated(HEAD + sentence + "\n")]


def test_a_growing_toll_is_not_one_killing() -> None:
    """ "has killed more than 600 people": a running toll, no event."""
    text = HEAD + "Fighting in Sudan since April 15 has killed more than 600 people, the WHO said on Monday.\n"
    assert [b for b in dated(text) if b[0] == "other"] == []


def test_a_planned_event_is_not_dated_by_its_announcement() -> None:
    """ "Hungary will withdraw from the court, the government announced on Thursday": the withdrawal is to come."""
    text = HEAD + "Hungary will withdraw from the International Criminal Court, the government announced on Monday.\n"
    assert [b for b in brief(text) if b[0] == "other"] == [("other", "planned", None, ("HUN", "ICC"))]


def test_hours_before_shares_the_day() -> None:
    """ "announced on Monday, hours before X welcomed Y": the reception is on Monday too."""
    text = (HEAD + "The Serbian government announced a new visa regime on Monday, hours before President Aleksandar "
            "Vucic welcomed Chinese President Xi Jinping in Belgrade.\n")  # fmt: skip
    assert ("meeting", "occurred", "2023-03-13", ("CHN", "SRB")) in dated(text)


def test_an_object_pronoun_is_the_person_named_before() -> None:
    """ "Orban invited him": him is the last person named before who is not the subject."""
    text = (HEAD + "Israeli Prime Minister Benjamin Netanyahu met the press on Monday.\n"
            "Hungarian Prime Minister Viktor Orban invited him on Tuesday.\n")  # fmt: skip
    (statement,) = [e for e in events(text) if e.type.value == "statement"]
    assert {"HUN", "ISR"} <= set(statement.states)


def test_a_day_after_counts_back_from_the_day_named() -> None:
    """ "ended on Tuesday, ... two days after gunmen killed 12 soldiers": the killing was on Sunday."""
    text = (HEAD + "The truce ended on Tuesday, when Mali recalled its ambassador, two days after gunmen killed "
            "12 soldiers near Gao.\n")  # fmt: skip
    assert ("other", "occurred", "2023-03-12") in [b[:3] for b in dated(text)]


def test_a_when_clause_happened_at_the_date_it_follows() -> None:
    """ "first voted in March 2014, when the resolution passed": the passing is March 2014 too."""
    text = HEAD + "The UN General Assembly first voted on Crimea in March 2014, when a resolution passed 100 to 11.\n"
    assert {b[2] for b in dated(text) if b[0] == "vote"} == {"2014-03"}


def test_then_is_the_time_of_the_sentence_first_event() -> None:
    """ "visited Lima on March 2, returning a trip made in January, and the two sides agreed then to ...":
    the agreement is of March 2."""
    text = (HEAD + "Chile's foreign minister visited Lima on March 2, returning a trip his Peruvian counterpart made "
            "to Santiago in January, and the two sides agreed then to reopen the border.\n")  # fmt: skip
    assert ("agreement", "occurred", "2023-03-02") in [b[:3] for b in dated(text)]


def test_since_then_is_after_the_time_told_not_on_it() -> None:
    """ "Chile expelled two diplomats on 4 May. Since then, Bolivia has recalled its ambassador": the
    recall falls between 4 May and publication and stays its own event; "since then" after a date of
    another year places it in no one year, so it has no date."""
    text = (HEAD + "Chile expelled two Bolivian diplomats on 4 May. Since then, Bolivia has recalled its ambassador "
            "from Santiago.\n")  # fmt: skip
    assert sorted(b[2] for b in dated(text, "2021-06-10")) == ["2021-05-04", "2021-05-04/2021-06-10"]
    text = (HEAD + "Kenya and Ethiopia signed a border agreement on March 3, 2019. Kenya has expelled three "
            "Ethiopian diplomats since then.\n")  # fmt: skip
    assert [b[:3] for b in brief(text, "2021-06-10") if b[0] == "expulsion"] == [("expulsion", "occurred", None)]


def test_a_background_article_back_in_the_present_keeps_its_dates() -> None:
    """In a history-heavy brief, a paragraph that names an old period after "in late August" still
    dates the August event when the last date named before it is recent (the story is in the present)."""
    text = ("Brief: the Andean pact after the split\n\n"
            "The pact was founded in 1969 and reformed in 2001.\n\n"
            "Bolivia and Peru signed a transit accord on 12 September 2023, the first since the crisis of "
            "October 2023 began.\n\n"
            "The dispute also ended Danish aid: Bolivia gave the Danish ambassador 48 hours to leave in late "
            "August, and Denmark had funded projects there from 2005 to 2020.\n")  # fmt: skip
    assert ("expulsion", "occurred", "2023-08") in [b[:3] for b in brief(text, "2024-03-15")]


def test_a_month_in_an_inferred_year_after_publication_is_the_year_before() -> None:
    """ "signed on 12 September 2023, and in January [2024] announced ...", then "gave the ambassador 48
    hours to leave in late August" in a text of March 2024: August 2023, not a planned August 2024."""
    text = ("Brief: the Andean pact after the split\n\n"
            "The pact was founded in 1969, enlarged in 1973 and 1996, and reformed in 2001.\n\n"
            "Bolivia and Peru signed a transit accord on 12 September 2023, and in January the two governments "
            "jointly announced a customs union.\n\n"
            "The dispute also ended Danish aid: Bolivia gave the Danish ambassador 48 hours to leave in late "
            "August, and Denmark had funded projects there from 2005 to 2020.\n")  # fmt: skip
    assert ("expulsion", "occurred", "2023-08") in [b[:3] for b in brief(text, "2024-03-15")]


def test_a_withdrawal_told_in_a_relative_clause_is_an_event_with_its_own_date() -> None:
    """ "endorsed the deal from which the United States withdrew in May 2018": the withdrawal is of May
    2018, and the endorsing does not take the date of the relative clause after it."""
    text = (HEAD + "Iran's envoy spoke in Vienna. That resolution of the UN Security Council, adopted in July 2015, "
            "endorsed the nuclear deal with Iran from which the United States withdrew in May 2018.\n")  # fmt: skip
    found = brief(text)
    assert ("other", "occurred", "2018-05") in [b[:3] for b in found]
    assert [b[2] for b in found if b[0] != "other"] == ["2015-07", None]  # adopted; endorsed: not May 2018


def test_the_outbreak_of_fighting_is_an_event() -> None:
    """ "Fighting erupted in Khartoum on April 15": a dated security happening of the state it is in."""
    text = HEAD + "Fighting erupted in Mogadishu on April 15 between government troops and clan militias.\n"
    assert ("other", "occurred", "2023-04-15", ("SOM",)) in brief(text, "2023-05-20")


def test_a_signing_told_with_its_time_and_place_before_its_object() -> None:
    """ "the signing yesterday in Bridgetown, Barbados, of an agreement between ...": one signing, of yesterday."""
    text = (HEAD + "The move follows the signing yesterday in Castries, Saint Lucia, of an agreement between Guyana "
            "and Suriname on the river border.\n")  # fmt: skip
    assert ("agreement", "occurred", "2023-03-15") in [b[:3] for b in brief(text)]


def test_it_speaks_for_the_state_named_before_it() -> None:
    """ "Brazil raised tariffs ..., and later it announced that ...": "it" is Brazil, a speaker."""
    text = HEAD + "Brazil raised tariffs on Argentine steel on Monday, and on Tuesday it announced new quotas.\n"
    assert ("statement", "occurred", "2023-03-14") in [b[:3] for b in brief(text)]


def test_a_date_that_cannot_be_read_in_an_old_story_lends_no_other_date() -> None:
    """ "In the spring of 2015 Brazil raised tariffs ..., and in May it announced that the tariffs would
    be cut": "in May" cannot be read against publication in a story of 2015, so the announcement and
    the cut it announced are undated, not dated spring 2015 like the rise."""
    text = (HEAD + "In the spring of 2015 Brazil raised tariffs on Argentine steel, and in May it announced that the "
            "sanctions on Argentina would be lifted.\n")  # fmt: skip
    found = brief(text, "2021-06-10")
    assert [b[2] for b in found if b[0] == "statement"] == [None]
    assert "2015-03/2015-05" not in [b[2] for b in found if b[1] == "planned"]


def test_a_happening_told_inside_an_earlier_dated_report_takes_the_report_month() -> None:
    """ "The WHO said on Wednesday it had delivered 30 tonnes of supplies": on or before the report,
    so the report's month; and the supplies are what was delivered, not an announcement before it."""
    text = (HEAD + "Talks resumed in Geneva. The Red Cross said on Wednesday it had delivered 40 tonnes of food aid "
            "to Yemen but could not reach Sanaa.\n")  # fmt: skip
    assert ("aid", "occurred", "2023-03") in [b[:3] for b in brief(text)]


def test_an_object_is_not_looked_for_behind_a_subject_or_inside_a_clause() -> None:
    """ "Brazil raised tariffs on Argentine steel, and then it announced that the sanctions ... would be
    lifted": neither the tariffs behind "it" nor the sanctions inside the that-clause were announced."""
    text = (HEAD + "Brazil raised tariffs on Argentine steel on Monday, and on Tuesday it announced that the sanctions "
            "on Argentina would be lifted.\n")  # fmt: skip
    found = [b[:2] for b in brief(text)]
    assert ("statement", "occurred") in found
    assert [b for b in found if b[0] == "sanctions"] == [("sanctions", "planned")]  # the lifting only


@pytest.mark.parametrize(
    "sentence",
    [
        "The French and German ministers called on Austria to complete the ratification of the treaty.",
        "The ECOWAS chairman urged Mali's junta to hold elections next year.",
    ],
)
def test_what_a_call_asks_for_is_not_a_happening(sentence: str) -> None:
    """ "called on Austria to complete the ratification": the ratification is asked for, not done; the
    call is made now, not at the date of what it asks for ("next year")."""
    assert [b[:3] for b in brief(HEAD + sentence + "\n")] == [("statement", "occurred", "2023-03-16")]


def test_a_count_of_votes_is_part_of_the_vote() -> None:
    """ "adopted the resolution by 141 votes to 7": one vote, the adoption; the count is not another."""
    text = HEAD + "The UN General Assembly on Thursday adopted a resolution on Yemen by 141 votes to 7.\n"
    assert [b[:3] for b in brief(text)] == [("vote", "occurred", "2023-03-16")]


def test_a_date_after_since_is_not_the_date_of_what_comes_before() -> None:
    """ "met Blinken on Thursday, their first encounter since February, when they met in Munich": February
    is the Munich meeting's, and only a bound for the encounter."""
    text = (HEAD + "Wang also met U.S. Secretary of State Antony Blinken on Thursday, their first encounter since "
            "February, when they met in Munich.\n")  # fmt: skip
    found = [b[:3] for b in brief(text, "2023-07-14")]
    assert found.count(("meeting", "occurred", "2023-02")) == 1


def test_the_ministers_are_the_officials_just_named() -> None:
    """ "Tajani met Baerbock in Rome on Monday. The ministers adopted a joint declaration": the
    declaration's parties are the two ministers and their states."""
    text = (HEAD + "Italian Foreign Minister Antonio Tajani met German Foreign Minister Annalena Baerbock in Rome on "
            "Monday. The ministers adopted a joint declaration on migration.\n")  # fmt: skip
    adopted = [e for e in events(text, "2023-03-16") if e.type.value == "agreement"]
    assert [sorted(a.code for a in e.actors if a.kind.value == "person") for e in adopted] == [
        ["Annalena Baerbock", "Antonio Tajani"]
    ]


def test_the_assembly_and_the_court_are_the_bodies_named_before() -> None:
    """ "the UN General Assembly ... The assembly first voted on Moldova in 2008": the vote is the UN's."""
    text = (HEAD + "The UN General Assembly met in New York on Monday. The assembly first voted on Moldova's "
            "territorial integrity in May 2008.\n")  # fmt: skip
    assert ("vote", "2008-05") in [(b[0], b[2]) for b in brief(text) if "UN" in b[3]]


def test_a_speaker_before_a_relative_clause_still_speaks() -> None:
    """ "Saudi Foreign Minister Prince Faisal bin Farhan, who opened the talks in the city on Saturday,
    said ...": Faisal speaks, and the Saturday is the talks', not the saying's."""
    text = (HEAD + "Saudi Foreign Minister Prince Faisal bin Farhan, who opened the talks in the port city on "
            "Saturday, said the kingdom hoped the document would end the conflict.\n")  # fmt: skip
    statements = [b for b in brief(text) if b[0] == "statement"]
    assert [b[:2] for b in statements] == [("statement", "occurred")]
    assert statements[0][2] != "2023-03-11"


def test_a_relative_clause_ends_at_its_comma() -> None:
    """ "Netanyahu, who landed on Wednesday for a visit, is the subject of an ICC warrant over Gaza":
    the visit's actors are the visitor and the host of the story, not the warrant's."""
    text = ("Hungary rolls out the red carpet for Netanyahu\n"
            "Israeli Prime Minister Benjamin Netanyahu, who landed on Wednesday for a four-day visit, is the subject "
            "of an arrest warrant of the International Criminal Court over Gaza.\n")  # fmt: skip
    (visit,) = [b for b in dated(text, "2025-04-03") if b[0] == "visit"]
    assert visit[3] == ("HUN", "ISR")


def test_a_summit_is_the_body_s_and_what_it_does_is_too() -> None:
    """ "the bloc's chairman ... four days later an extraordinary summit in Abuja imposed sanctions on
    Niamey": an ECOWAS summit, and ECOWAS's sanctions, both on the summit's day."""
    text = (HEAD + "When soldiers detained Niger's President Mohamed Bazoum on 26 July 2023, the ECOWAS chairman "
            "promised a firm response, and four days later an extraordinary summit in Abuja imposed financial "
            "sanctions on Niamey.\n")  # fmt: skip
    found = dated(text, "2024-03-01")
    assert ("sanctions", "occurred", "2023-07-30") in [b[:3] for b in found]
    assert all("ECOWAS" in b[3] for b in found if b[0] in ("sanctions", "conference"))


def test_the_host_named_in_a_relative_clause_takes_part() -> None:
    """ "the Arab League summit, which Saudi Arabia will host in Jeddah on May 19": Saudi Arabia takes part."""
    text = HEAD + "Sudan's war will dominate the Arab League summit, which Saudi Arabia will host on May 19.\n"
    (summit,) = [b for b in dated(text, "2023-05-12") if b[0] == "conference"]
    assert summit[:3] == ("conference", "planned", "2023-05-19") and "SAU" in summit[3]


def test_a_date_that_modifies_a_noun_dates_only_that_noun() -> None:
    """ "the winners of Italy's March 4 election ... the expulsion": March 4 is the election's day,
    not the expulsion's; "the July 12, 2016 arbitral ruling" is the ruling's."""
    text = (HEAD + "The League, one of the winners of Italy's March 4 election, said the expulsion of two Russian "
            "diplomats was a mistake.\nThe Philippines marked the anniversary of the July 12, 2016 arbitral ruling "
            "against China on Wednesday.\n")  # fmt: skip
    found = dated(text, "2019-05-10")
    assert "2019-03-04" not in [b[2] for b in found if b[0] == "expulsion"]
    assert ("legal", "occurred", "2016-07-12") in [b[:3] for b in found]


def test_a_meeting_on_the_margins_of_another_is_another_on_its_day() -> None:
    """ "On the margins of the meeting, X held a bilateral meeting with Y, their first since he took office
    on 13 December": the side meeting is dated by the main one (not by the bound) and stays apart."""
    text = (
        HEAD + "The foreign ministers of France, Germany and Poland met in La Celle-Saint-Cloud on Monday.\n"
        "On the margins of the meeting, Polish Foreign Minister Radoslaw Sikorski held a bilateral meeting with "
        "German Foreign Minister Annalena Baerbock, their first since he took office on 13 December 2023.\n"
    )
    meetings = [b for b in dated(text, "2024-02-13") if b[0] == "meeting"]
    assert [(b[2], b[3]) for b in meetings] == [("2024-02-12", ("DEU", "FRA", "POL")), ("2024-02-12", ("DEU", "POL"))]


def test_a_negation_closing_a_quotation_does_not_negate_the_verb_after_it() -> None:
    """'"... if they do not," said Under Secretary Brian E. Nelson': a statement, by Nelson, not Brendan Nelson."""
    text = (HEAD + '"We will reverse course if they do not," said Under Secretary Brian E. Nelson of the U.S. '
            "Treasury on Monday.\n")  # fmt: skip
    (statement,) = [e for e in events(text, "2023-10-18") if e.type.value == "statement"]
    assert "Brendan Nelson" not in {a.code for a in statement.actors}


def test_this_year_is_the_writer_s_year_after_an_old_story() -> None:
    """ "... the July 12, 2016 ruling ... Earlier this year, Manila summoned China's ambassador": 2023, not 2016."""
    text = (HEAD + "The Philippines on Wednesday marked the anniversary of the July 12, 2016 arbitral ruling against "
            "China. Earlier this year, Manila summoned China's ambassador over a laser incident.\n")  # fmt: skip
    assert ("expulsion", "occurred", "2023") in [b[:3] for b in dated(text, "2023-07-14")]


def test_the_source_of_a_report_is_not_a_statement() -> None:
    """ "X spoke by telephone with Y on Tuesday, the ministry in Ankara said": a call, no statement."""
    text = (HEAD + "Turkish Foreign Minister Mevlut Cavusoglu spoke by telephone with his Egyptian counterpart Sameh "
            "Shoukry on Tuesday, the ministry in Ankara said.\n")  # fmt: skip
    assert [b[0] for b in dated(text, "2023-05-03")] == ["meeting"]


def test_the_first_to_do_something_did_it() -> None:
    """ "he became the first Japanese leader in 12 years to make a bilateral trip to South Korea" is a visit."""
    text = (HEAD + "When Japanese Prime Minister Fumio Kishida landed in Seoul on Sunday, he became the first Japanese "
            "leader in 12 years to make a bilateral trip to South Korea.\n")  # fmt: skip
    assert ("visit", "occurred", "2023-05-07", ("JPN", "KOR")) in dated(text, "2023-05-09")


def test_a_date_followed_by_when_is_a_date_even_after_from() -> None:
    """ "a long way from December 2015, when Modi made a surprise stopover in Lahore": December 2015."""
    text = (HEAD + "It is a long way from December 2015, when Indian Prime Minister Narendra Modi made a surprise "
            "stopover in Lahore.\n")  # fmt: skip
    assert ("visit", "occurred", "2015-12", ("IND", "PAK")) in dated(text, "2025-04-25")


def test_today_is_the_writer_s_day_after_an_old_date() -> None:
    """ "... abandoned in January 2020. Today Lula is attending the summit": the publication day."""
    text = (HEAD + "Brazil left the forum in January 2020 under Jair Bolsonaro. Today Brazilian President Lula is "
            "attending the summit of the forum in Buenos Aires.\n")  # fmt: skip
    assert ("conference", "occurred", "2023-01-24") in [b[:3] for b in dated(text, "2023-01-24")]
