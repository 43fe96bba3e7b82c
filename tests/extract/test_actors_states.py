"""States and organisations in text: names, demonyms, capitals, places, and the classic false hits."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.extract.actors import ActorFinder, ActorMention
from dateline.extract.actors.persons import Gazetteer
from dateline.extract.records import ActorKind


@pytest.fixture(scope="module")
def finder() -> ActorFinder:
    """A finder with an empty gazetteer, so that only state and organisation rules apply."""
    return ActorFinder(gazetteer=Gazetteer())


def codes(finder: ActorFinder, text: str) -> list[str]:
    return [m.code for m in finder.find(text, dt.date(2021, 6, 10))]


def mention(finder: ActorFinder, text: str, surface: str) -> ActorMention | None:
    return next((m for m in finder.find(text, None) if m.text == surface), None)


def test_names_short_names_and_iso_names(finder: ActorFinder) -> None:
    """ISO names from pycountry and the short names news uses resolve to alpha-3 codes."""
    text = "Russia, the Russian Federation, Türkiye, Turkey, Viet Nam and the United Kingdom met."
    assert codes(finder, text) == ["RUS", "RUS", "TUR", "TUR", "VNM", "GBR"]


def test_former_names_including_the_soviet_union_as_rus(finder: ActorFinder) -> None:
    """The Soviet Union and USSR are coded RUS as CAMEO does; Burma, Swaziland, Zaire keep their successors."""
    text = "The Soviet Union, the USSR, Burma, Swaziland and Zaire."
    assert codes(finder, text) == ["RUS", "RUS", "MMR", "SWZ", "COD"]
    assert mention(finder, text, "Burma").via == "former_name"  # type: ignore[union-attr]


def test_demonyms_and_plural_nouns(finder: ActorFinder) -> None:
    """Demonyms and their plurals name the state: "Italian", "Ukrainians", "Russian-backed"."""
    text = "Italian diplomats met Ukrainians and Russian-backed separatists."
    found = finder.find(text, None)
    assert [(m.code, m.via) for m in found] == [("ITA", "demonym"), ("UKR", "demonym"), ("RUS", "demonym")]


def test_moscow_backed_is_russia_not_a_place(finder: ActorFinder) -> None:
    """ "Moscow-backed" stands for Russia."""
    m = mention(finder, "the Moscow-backed militias", "Moscow")
    assert m is not None and m.code == "RUS" and not m.is_place


def test_capital_standing_for_state_is_metonymic(finder: ActorFinder) -> None:
    """ "Rome and Kyiv agreed": both capitals stand for their states."""
    found = finder.find("Rome and Kyiv agreed to work together.", None)
    assert [(m.code, m.via, m.is_place) for m in found] == [("ITA", "capital", False), ("UKR", "capital", False)]


def test_capital_after_locative_is_a_place(finder: ActorFinder) -> None:
    """ "visited Rome", "in Kyiv", "a visit to Moscow" name places, still coded with their state."""
    found = finder.find("Putin visited Rome; talks in Kyiv and Warsaw; a visit to Moscow.", None)
    assert [(m.code, m.is_place) for m in found] == [("ITA", True), ("UKR", True), ("POL", True), ("RUS", True)]


def test_both_spellings_of_a_capital(finder: ActorFinder) -> None:
    """Kyiv and Kiev are both Ukraine's capital."""
    assert codes(finder, "Kyiv said. Kiev said.") == ["UKR", "UKR"]


def test_seats_of_power(finder: ActorFinder) -> None:
    """The Kremlin, the White House, Downing Street and the Elysee are metonyms for their states."""
    text = "The Kremlin, the White House, Downing Street and the Elysee all replied."
    found = finder.find(text, None)
    assert [(m.code, m.via) for m in found] == [
        ("RUS", "metonym"),
        ("USA", "metonym"),
        ("GBR", "metonym"),
        ("FRA", "metonym"),
    ]


def test_washington_and_us_forms(finder: ActorFinder) -> None:
    """ "U.S.", "US", "America", "American", "the United States" and "Washington" are USA; "us" is not."""
    text = "The U.S. and the US, America, American troops, the United States and Washington told us."
    assert codes(finder, text) == ["USA"] * 6


def test_regions_are_places_of_their_state(finder: ActorFinder) -> None:
    """Crimea, Donbas, Donetsk and Luhansk are places in Ukraine."""
    found = finder.find("Crimea, Donbas, Donetsk and Luhansk", None)
    assert all(m.code == "UKR" and m.is_place and m.via == "place" for m in found) and len(found) == 4


def test_territories_keep_their_own_codes(finder: ActorFinder) -> None:
    """Palestine and Gaza are PSE, Taiwan TWN, Kosovo XKX."""
    assert codes(finder, "Gaza, Palestine, Taiwan and Kosovo") == ["PSE", "PSE", "TWN", "XKX"]


@pytest.mark.parametrize("text", ["Jordan Peterson spoke.", "Basketball star Michael Jordan spoke."])
def test_jordan_as_a_name_is_not_a_state(finder: ActorFinder, text: str) -> None:
    """ "Jordan" beside a capitalised name is a person's name."""
    assert "JOR" not in codes(finder, text)


def test_chad_as_a_first_name_is_not_a_state(finder: ActorFinder) -> None:
    """ "Chad Smith" is a person (found by the name pattern), not Chad."""
    assert codes(finder, "Chad Smith wrote the report.") == ["Chad Smith"]
    assert codes(finder, "The report by Chad Smith was late.") == []


def test_jordan_and_chad_as_states(finder: ActorFinder) -> None:
    """The states themselves are still found."""
    text = "Jordan and Chad signed; Jordan's King spoke in Amman, Jordan."
    assert codes(finder, text) == ["JOR", "TCD", "JOR", "JOR", "JOR"]


def test_georgia_the_us_state_is_not_a_state(finder: ActorFinder) -> None:
    """Georgia beside US-state words (Atlanta, governor, other US states) is not GEO."""
    assert "GEO" not in codes(finder, "The governor of Georgia spoke in Atlanta.")
    assert "GEO" not in codes(finder, "Voters in Georgia and Arizona went to the polls.")


def test_georgia_the_country(finder: ActorFinder) -> None:
    """Georgia beside Caucasus words is the country."""
    assert codes(finder, "Ukraine, Georgia and Moldova want to join.") == ["UKR", "GEO", "MDA"]
    assert "GEO" in codes(finder, "Georgia's government in Tbilisi protested.")


def test_lower_case_turkey_and_china_are_not_states(finder: ActorFinder) -> None:
    """ "turkey" and "china" in lower case are a bird and porcelain."""
    assert codes(finder, "They served turkey on fine china.") == []
    assert codes(finder, "Turkey and China") == ["TUR", "CHN"]


def test_niger_is_not_nigeria(finder: ActorFinder) -> None:
    """Niger and Nigeria, Nigerien and Nigerian, are told apart."""
    assert codes(finder, "Niger, Nigeria, a Nigerien and a Nigerian") == ["NER", "NGA", "NER", "NGA"]


def test_guinea_and_its_neighbours(finder: ActorFinder) -> None:
    """Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea are four states."""
    text = "Guinea, Guinea-Bissau, Equatorial Guinea and Papua New Guinea"
    assert codes(finder, text) == ["GIN", "GNB", "GNQ", "PNG"]


def test_gulf_of_guinea_is_not_guinea(finder: ActorFinder) -> None:
    """A geographic feature named after a state is not the state."""
    assert codes(finder, "Piracy in the Gulf of Guinea and the Sea of Japan, near the Niger River.") == []


def test_congo_alone_is_resolved_from_the_article_or_dropped(finder: ActorFinder) -> None:
    """ "Congo" alone is one of two states: the one named otherwise in the article, else none."""
    assert codes(finder, "Officials in Congo said.") == []
    assert codes(finder, "The Democratic Republic of the Congo and Congo-Brazzaville met.") == ["COD", "COG"]
    assert codes(finder, "Kinshasa said that Congo would respond.") == ["COD", "COD"]


def test_korea_alone_is_ambiguous(finder: ActorFinder) -> None:
    """ "Korea" alone is dropped unless the article names one Korea; the peninsula is no state."""
    assert codes(finder, "Korea and the Korean Peninsula") == []
    assert codes(finder, "North Korea and South Korea") == ["PRK", "KOR"]
    assert codes(finder, "Seoul said Korea would act.") == ["KOR", "KOR"]


def test_the_gulf_is_not_an_actor(finder: ActorFinder) -> None:
    """ "the Gulf" and "the Persian Gulf" name no state."""
    assert codes(finder, "Tension rose in the Gulf and the Persian Gulf.") == []


def test_capital_inside_a_bigger_name(finder: ActorFinder) -> None:
    """ "Washington Post", "George Washington", "Paris Agreement" and "Berlin Wall" are not their states."""
    assert codes(finder, "The Washington Post cited George Washington, the Paris Agreement and the Berlin Wall.") == []


def test_latin_america_and_new_mexico_are_not_usa_or_mexico(finder: ActorFinder) -> None:
    """Blockers beat the names inside them."""
    assert codes(finder, "Latin America, New Mexico and New Jersey") == []


def test_organisations_names_acronyms_and_bodies(finder: ActorFinder) -> None:
    """Organisations by name, acronym and body, coded as in the guidelines."""
    text = (
        "The European Commission, NATO, the UN Security Council, UNHCR, the G7, G-20, the OSCE, "
        "the African Union, ASEAN, ECOWAS, the WTO, the IAEA, the WHO and the ICC."
    )
    assert codes(finder, text) == [
        "EU",
        "NATO",
        "UN",
        "UN",
        "G7",
        "G20",
        "OSCE",
        "AU",
        "ASEAN",
        "ECOWAS",
        "WTO",
        "IAEA",
        "WHO",
        "ICC",
    ]
    assert all(m.kind is ActorKind.ORGANISATION for m in finder.find(text, None))


def test_regional_bodies_development_banks_and_agencies(finder: ActorFinder) -> None:
    """Regional groupings, development banks and the UN's and EU's agencies and courts by name and
    acronym; a body is coded as its parent ("the European Court of Justice" is EU, ICAO is UN)."""
    text = (
        "The Pacific Islands Forum, CELAC, CARICOM, APEC, SAARC, the Asian Development Bank, the AIIB, "
        "the AfDB, the Arctic Council, the Non-Aligned Movement, the European Court of Justice, Frontex, "
        "ICAO and the International Maritime Organization."
    )
    assert codes(finder, text) == [
        "PIF", "CELAC", "CARICOM", "APEC", "SAARC", "ADB", "AIIB", "AFDB", "ARCTIC", "NAM", "EU", "EU", "UN", "UN",
    ]  # fmt: skip


def test_the_world_court_is_coded_like_the_icc(finder: ActorFinder) -> None:
    """The International Court of Justice has its own code, as the guidelines give the ICC one (and
    as annotators code it), not its parent's: a ruling of the court is told apart from a UN vote."""
    text = "The International Court of Justice (ICJ) ruled; the World Court's order, and the ICC's warrant."
    assert codes(finder, text) == ["ICJ", "ICJ", "ICJ", "ICC"]
    assert all(m.kind is ActorKind.ORGANISATION for m in finder.find(text, None))


def test_saudi_public_investment_fund_is_not_the_pacific_islands_forum(finder: ActorFinder) -> None:
    """ "PIF" in the news is as often Saudi Arabia's Public Investment Fund: only the forum's name counts."""
    assert codes(finder, "Saudi Arabia's PIF bought a stake.") == ["SAU"]


def test_generic_body_of_a_state_is_not_the_un(finder: ActorFinder) -> None:
    """ "Russia's Security Council" and "the National Security Council" are not the UN's."""
    assert codes(finder, "Russia's Security Council met.") == ["RUS"]
    assert codes(finder, "the National Security Council met; the Security Council of Ukraine too") == ["UKR"]
    assert codes(finder, "The Security Council voted.") == ["UN"]


def test_brussels_standing_for_the_eu(finder: ActorFinder) -> None:
    """Brussels as a metonym is the EU; as a place it is in Belgium."""
    found = finder.find("Brussels imposed sanctions at a summit in Brussels.", None)
    assert [(m.code, m.is_place) for m in found] == [("EU", False), ("BEL", True)]


def test_offsets_and_sorting(finder: ActorFinder) -> None:
    """Mentions carry exact offsets, sorted and non-overlapping."""
    text = "On June 10, Italian diplomats visited Kyiv."
    found = finder.find(text, None)
    assert all(text[m.start : m.end] == m.text for m in found)
    assert [m.start for m in found] == sorted(m.start for m in found)


def test_in_span_slices_one_sentence(finder: ActorFinder) -> None:
    """`in_span` returns the mentions of one sentence."""
    text = "Italy spoke. Ukraine answered."
    found = finder.find(text, None)
    assert [m.code for m in ActorFinder.in_span(found, 13, len(text))] == ["UKR"]
    assert [m.code for m in finder.find_in_span(text, 0, 12)] == ["ITA"]


@pytest.mark.parametrize(
    ("text", "surface"),
    [("signed in Bridgetown, Barbados, on Tuesday", "Barbados"), ("met in Geneva, Switzerland.", "Switzerland")],
)
def test_the_country_after_a_place_is_part_of_the_place(finder: ActorFinder, text: str, surface: str) -> None:
    """ "in Bridgetown, Barbados": the country that follows a place of its own names where, not who."""
    found = mention(finder, text, surface)
    assert found is not None and found.is_place
