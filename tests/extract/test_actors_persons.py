"""Persons: the gazetteer at a date, context titles and appositions, name patterns, coreference."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.extract.actors import ActorFinder, ActorMention, Gazetteer, Role
from dateline.extract.records import ActorKind

FIXTURE = """\ufeffname\taliases\tstate\toffice\tstart\tend
# comment lines and blank lines are skipped

Volodymyr Zelensky\tZelenskyy|Zelenskiy|Volodymyr Zelenskyy\tUKR\thead_of_state\t2019-05-20\t
Luigi Di Maio\t\tITA\tforeign_minister\t2019-09-05\t2022-10-22
Luigi Di Maio\t\tITA\tdeputy_head_of_government\t2018-06-01\t2019-09-05
Antonio Tajani\t\tITA\tforeign_minister\t2022-10-22\t
Antonio Tajani\t\tITA\tdeputy_head_of_government\t2022-10-22\t
Dmytro Kuleba\t\tUKR\tforeign_minister\t2020-03-04\t2024-09-05
Andriy Sybiha\t\tUKR\tforeign_minister\t2024-09-05\t
Sergio Mattarella\t\tITA\thead_of_state\t2015\t
George H. W. Bush\tGeorge Bush\tUSA\thead_of_state\t1989-01-20\t1993-01-20
George W. Bush\tGeorge Bush\tUSA\thead_of_state\t2001-01-20\t2009-01-20
Broken Row\t\tITA\tforeign_minister\tnot-a-date\t
"""


@pytest.fixture(scope="module")
def gazetteer(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    folder: Path = tmp_path_factory.mktemp("actors")
    (folder / "persons.tsv").write_text(FIXTURE, encoding="utf-8")
    (folder / "persons.meta.json").write_text('{"reviewed": "2025-06-30"}', encoding="utf-8")
    return Gazetteer.load(folder / "persons.tsv")


@pytest.fixture(scope="module")
def finder(gazetteer: Gazetteer) -> ActorFinder:
    return ActorFinder(gazetteer=gazetteer)


def persons(finder: ActorFinder, text: str, on: dt.date | None) -> list[tuple[str, str, str | None, str | None]]:
    return [(m.text, m.code, m.state, m.via) for m in finder.find(text, on) if m.kind is ActorKind.PERSON]


def person(finder: ActorFinder, text: str, surface: str, on: dt.date | None) -> ActorMention:
    return next(m for m in finder.find(text, on) if m.kind is ActorKind.PERSON and m.text == surface)


# -- the gazetteer ---------------------------------------------------------------------------------


def test_loader_reads_rows_and_reports_bad_ones(gazetteer: Gazetteer) -> None:
    """BOM, comments and blanks are tolerated; a row with a bad date is skipped and reported."""
    assert "Volodymyr Zelensky" in gazetteer.persons
    assert gazetteer.reviewed == dt.date(2025, 6, 30)
    assert len(gazetteer.problems) == 1 and "row" in gazetteer.problems[0]
    assert "Broken Row" not in gazetteer.persons


def test_year_precision_dates(gazetteer: Gazetteer) -> None:
    """A start given as a year starts on January 1."""
    assert gazetteer.persons["Sergio Mattarella"].roles[0].start == dt.date(2015, 1, 1)


def test_missing_file_gives_an_empty_gazetteer(tmp_path: Path) -> None:
    """Before the data file lands, the loader returns an empty gazetteer."""
    assert Gazetteer.load(tmp_path / "none.tsv").persons == {}


def test_the_packaged_gazetteer_loads_cleanly() -> None:
    """The real persons.tsv, when present, has no unreadable rows."""
    gazetteer = Gazetteer.load()
    assert gazetteer.problems == []


def test_person_state_at_the_event_date(finder: ActorFinder) -> None:
    """An office is looked up at the event's date: Kuleba was foreign minister in 2021, not in 2025."""
    assert finder.person_state("Dmytro Kuleba", dt.date(2021, 6, 10)) == ("UKR", "foreign_minister")
    assert finder.person_state("Dmytro Kuleba", dt.date(2025, 1, 1)) is None


def test_open_role_ends_at_the_review_date(finder: ActorFinder) -> None:
    """A role with no end date holds only up to the gazetteer's review date."""
    assert finder.person_state("Zelenskyy", dt.date(2025, 6, 1)) == ("UKR", "head_of_state")
    assert finder.person_state("Zelenskyy", dt.date(2026, 1, 1)) is None


def test_several_roles_at_once_show_the_most_prominent(finder: ActorFinder) -> None:
    """Tajani, deputy prime minister and foreign minister, is shown as foreign minister."""
    assert finder.person_state("Antonio Tajani", dt.date(2024, 2, 22)) == ("ITA", "foreign_minister")


def test_role_covers(finder: ActorFinder) -> None:
    """Role.covers is inclusive of its end and closed at the review date when open."""
    role = Role("ITA", "foreign_minister", dt.date(2019, 9, 5), None)
    assert role.covers(dt.date(2020, 1, 1), dt.date(2025, 6, 30))
    assert not role.covers(dt.date(2025, 7, 1), dt.date(2025, 6, 30))


# -- gazetteer persons in text ----------------------------------------------------------------------


def test_gazetteer_spellings_resolve_to_the_canonical_name(finder: ActorFinder) -> None:
    """Any spelling of the gazetteer, and a surname alone, give the canonical name."""
    text = "Volodymyr Zelenskyy met Di Maio; Zelenskiy's office thanked him."
    assert persons(finder, text, dt.date(2021, 6, 10)) == [
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky", "UKR", "gazetteer"),
        ("Di Maio", "Luigi Di Maio", "ITA", "gazetteer"),
        ("Zelenskiy", "Volodymyr Zelensky", "UKR", "gazetteer"),
    ]


def test_shared_spelling_is_resolved_by_date(finder: ActorFinder) -> None:
    """ "George Bush" is the one in office at the event's date."""
    assert person(finder, "George Bush spoke.", "George Bush", dt.date(1990, 5, 1)).code == "George H. W. Bush"
    assert person(finder, "George Bush spoke.", "George Bush", dt.date(2003, 5, 1)).code == "George W. Bush"


def test_a_surname_after_another_given_name_is_someone_else(finder: ActorFinder) -> None:
    """ "Olena Zelenska" is not matched, and "Maria Tajani" is not Antonio Tajani."""
    assert persons(finder, "Maria Tajani arrived.", dt.date(2024, 1, 1)) == []


# -- persons from context --------------------------------------------------------------------------


def test_title_before_name_with_demonym(finder: ActorFinder) -> None:
    """ "Italian Foreign Minister Paolo Rossi": a person of Italy, foreign minister, found by title."""
    m = person(finder, "Italian Foreign Minister Paolo Rossi arrived.", "Paolo Rossi", dt.date(2021, 1, 1))
    assert (m.code, m.state, m.office, m.via) == ("Paolo Rossi", "ITA", "foreign_minister", "title")


def test_title_before_name_with_possessive_and_comma(finder: ActorFinder) -> None:
    """ "Italy's Minister of Defense, Guido Rossi" reads the state from the possessive."""
    m = person(finder, "This was announced by Italy's Minister of Defense, Guido Rossi.", "Guido Rossi", None)
    assert (m.state, m.office) == ("ITA", "defence_minister")


def test_ambassador_title(finder: ActorFinder) -> None:
    """ "Ambassador Pier Francesco Zazo" is a person; the state comes from "of Italy" when given."""
    m = person(finder, "He met Ambassador Pier Francesco Zazo.", "Pier Francesco Zazo", None)
    assert (m.code, m.office, m.via) == ("Pier Francesco Zazo", "other:Ambassador", "title")


def test_apposition_after_the_name(finder: ActorFinder) -> None:
    """ "Pier Zazo, Ambassador of Italy to Ukraine": the state is the sending one."""
    m = person(finder, "They met Pier Zazo, Ambassador of Italy to Ukraine, on Monday.", "Pier Zazo", None)
    assert (m.state, m.office, m.via) == ("ITA", "other:Ambassador", "apposition")


def test_apposition_with_two_titles_keeps_the_most_prominent(finder: ActorFinder) -> None:
    """ "Mario Bianchi, Italy's deputy prime minister and foreign minister" is foreign minister of Italy."""
    text = "Mario Bianchi, Italy's deputy prime minister and foreign minister, announced it."
    m = person(finder, text, "Mario Bianchi", None)
    assert (m.state, m.office) == ("ITA", "foreign_minister")


def test_apposition_state_from_a_person(finder: ActorFinder) -> None:
    """ "Andriy Yermak, Chief of Zelensky's Office" serves Zelensky's state."""
    text = "Andriy Yermak, Chief of Zelensky's Office, met him."
    m = person(finder, text, "Andriy Yermak", dt.date(2024, 2, 1))
    assert (m.state, m.via) == ("UKR", "apposition")


def test_former_title_gives_no_current_office(finder: ActorFinder) -> None:
    """ "former Prime Minister Marco Verdi" keeps the state but not the office."""
    m = person(finder, "Italian former Prime Minister Marco Verdi spoke.", "Marco Verdi", None)
    assert (m.state, m.office) == ("ITA", None)


def test_name_pattern_with_speech_verb(finder: ActorFinder) -> None:
    """A two-word name before "said" is a person, state unknown."""
    m = person(finder, "Gianluca Savoini said nothing.", "Gianluca Savoini", None)
    assert (m.via, m.state) == ("pattern", None)


def test_organisations_are_not_names(finder: ActorFinder) -> None:
    """ "The Foreign Ministry said" and "NATO said" are no persons."""
    assert persons(finder, "The Foreign Ministry said so. NATO said so. Ukraine said so.", None) == []


def test_short_mentions_resolve_to_the_full_name(finder: ActorFinder) -> None:
    """ "Zazo" and "Zazo's" later in the article are the ambassador named in full earlier."""
    text = "He met Ambassador Pier Francesco Zazo. Later Zazo left; Zazo's car waited."
    found = persons(finder, text, None)
    assert [code for _, code, _, _ in found] == ["Pier Francesco Zazo"] * 3
    assert [via for _, _, _, via in found] == ["title", "coreference", "coreference"]


def test_title_with_short_name_takes_the_full_name(finder: ActorFinder) -> None:
    """ "Minister Rossi" after "Paolo Rossi" is Paolo Rossi, with his state."""
    text = "Italian Foreign Minister Paolo Rossi arrived. Minister Rossi then spoke."
    found = persons(finder, text, None)
    assert [(code, state) for _, code, state, _ in found] == [("Paolo Rossi", "ITA"), ("Paolo Rossi", "ITA")]


def test_definite_description_resolves_to_the_person_named_earlier(finder: ActorFinder) -> None:
    """ "Italy's foreign minister" after Di Maio is Di Maio (in 2021)."""
    text = "Luigi Di Maio visited Kyiv. Kyiv honoured Italy's foreign minister."
    found = persons(finder, text, dt.date(2021, 6, 10))
    assert found[-1] == ("foreign minister", "Luigi Di Maio", "ITA", "coreference")


def test_definite_description_resolves_to_the_office_holder_of_the_day(finder: ActorFinder) -> None:
    """With nobody named earlier, "the Ukrainian foreign minister" is whoever held the office then."""
    text = "The Ukrainian foreign minister arrived."
    assert persons(finder, text, dt.date(2021, 6, 10)) == [("foreign minister", "Dmytro Kuleba", "UKR", "gazetteer")]
    assert persons(finder, text, dt.date(2025, 1, 10)) == [("foreign minister", "Andriy Sybiha", "UKR", "gazetteer")]


def test_plural_titles_are_not_descriptions(finder: ActorFinder) -> None:
    """ "the two foreign ministers" names nobody."""
    assert persons(finder, "Di Maio met the two foreign ministers.", dt.date(2021, 6, 10))[1:] == []


def test_context_state_does_not_override_the_gazetteer(finder: ActorFinder) -> None:
    """A gazetteer person keeps the gazetteer's state and office at the date."""
    m = person(finder, "Ukrainian President Volodymyr Zelensky spoke.", "Volodymyr Zelensky", dt.date(2021, 6, 10))
    assert (m.state, m.office, m.via) == ("UKR", "head_of_state", "gazetteer")


def test_title_word_is_not_part_of_a_pattern_name(finder: ActorFinder) -> None:
    """Regression: "President Zelensky emphasized" is Zelensky, not a person named "President Zelensky"."""
    found = persons(finder, "President Zelensky emphasized it. President Zelensky said so.", dt.date(2024, 1, 1))
    assert {code for _, code, _, _ in found} == {"Volodymyr Zelensky"}


def test_lower_case_generic_title_needs_a_qualifier(finder: ActorFinder) -> None:
    """Regression: "appointed to head Rossi's team" has no person "Rossi's" from the verb "head"."""
    assert persons(finder, "He was appointed to head Italys ministries.", None) == []
    found = persons(finder, "Russian opposition leader Oleksiy Navalny died.", None)
    assert found == [("Oleksiy Navalny", "Oleksiy Navalny", "RUS", "title")]


def test_arabic_article_in_names(finder: ActorFinder) -> None:
    """ "President Bashar al-Assad" keeps the whole name."""
    assert persons(finder, "Syrian President Bashar al-Assad spoke.", None)[0][:3] == (
        "Bashar al-Assad",
        "Bashar al-Assad",
        "SYR",
    )


def test_out_of_office_person_keeps_their_only_state(finder: ActorFinder) -> None:
    """A gazetteer person with no role at the date still counts for the one state they ever served."""
    m = person(finder, "Sergio Mattarella spoke.", "Sergio Mattarella", dt.date(2010, 1, 1))
    assert (m.state, m.office) == ("ITA", None)


# -- short names -----------------------------------------------------------------------------------

SHORT_NAMES = """name\taliases\tstate\toffice\tstart\tend
Wang Yi\t\tCHN\tforeign_minister\t2013-03-16\t2022-12-30
Abiy Ahmed\t\tETH\thead_of_government\t2018-04-02\t
Gyula Horn\t\tHUN\thead_of_government\t1994-07-15\t1998-07-06
Duma Boko\t\tBWA\thead_of_state\t2024-11-01\t
Hun Sen\t\tKHM\thead_of_government\t1985-01-14\t2023-08-22
"""


@pytest.fixture(scope="module")
def short_finder(tmp_path_factory: pytest.TempPathFactory) -> ActorFinder:
    folder: Path = tmp_path_factory.mktemp("short")
    (folder / "persons.tsv").write_text(SHORT_NAMES, encoding="utf-8")
    return ActorFinder(gazetteer=Gazetteer.load(folder / "persons.tsv"))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Chinese diplomat Wang Yi arrived. Wang met the press.", "Wang Yi"),  # family name first
        ("Abiy welcomed the agreement.", "Abiy Ahmed"),  # given name and father's name
        ("Hun said on Monday.", "Hun Sen"),
    ],
)
def test_the_short_name_follows_the_naming_custom_of_the_state(short_finder: ActorFinder, text: str,
                                                                code: str) -> None:  # fmt: skip
    """English news shortens "Wang Yi" to "Wang" and "Abiy Ahmed" to "Abiy", not to "Yi" or "Ahmed"."""
    found = [m.code for m in short_finder.find(text, dt.date(2020, 1, 1)) if m.kind is ActorKind.PERSON]
    assert found and set(found) == {code}


@pytest.mark.parametrize(
    "text",
    [
        "The AU envoy for the Horn of Africa spoke.",
        "Boko Haram attacked a village.",
        "Sen. Bernie Sanders spoke.",
        "Ahmed said on Monday.",
    ],
)
def test_a_lone_surname_inside_another_name_is_not_the_office_holder(short_finder: ActorFinder, text: str) -> None:
    """ "the Horn of Africa", "Boko Haram", "Sen." and a common name alone name nobody of the gazetteer."""
    found = [m.code for m in short_finder.find(text, dt.date(2025, 1, 1)) if m.kind is ActorKind.PERSON]
    assert not {"Gyula Horn", "Duma Boko", "Hun Sen", "Abiy Ahmed"} & set(found), found


def test_a_full_stop_ends_a_name_unless_it_follows_an_initial(short_finder: ActorFinder) -> None:
    """ "met Prayut. Hun said" is two names; "George W. Bush" is one."""
    found = [m.text for m in short_finder.find("Hun Sen met Prayut. Hun said.", dt.date(2020, 1, 1))
             if m.kind is ActorKind.PERSON]  # fmt: skip
    assert "Prayut. Hun" not in found and found[-1] == "Hun"


def test_a_shared_surname_out_of_office_is_whoever_left_lately() -> None:
    """Two Trudeaus, neither in office: in mid-2025 "Trudeau" is the one who left in March 2025 (the
    other left in 1984); in 2005 neither is near enough, so the surname alone names nobody."""
    gazetteer = Gazetteer(reviewed=dt.date(2025, 6, 30))
    gazetteer.add_rows([
        "Pierre Trudeau\t\tCAN\thead_of_government\t1968-04-20\t1984-06-30",
        "Justin Trudeau\t\tCAN\thead_of_government\t2015-11-04\t2025-03-14",
    ])  # fmt: skip
    names = ["Pierre Trudeau", "Justin Trudeau"]
    assert gazetteer.choose(names, dt.date(2025, 7, 10), strict=True) == "Justin Trudeau"
    assert gazetteer.choose(names, dt.date(2005, 7, 10), strict=True) is None
    assert gazetteer.choose(names, dt.date(1975, 7, 10), strict=True) == "Pierre Trudeau"
