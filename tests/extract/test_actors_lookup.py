"""Query lookups: --country and --person accept any known spelling; unknown names get suggestions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.extract.actors import (
    Gazetteer,
    Lookup,
    UnknownActorError,
    all_organisations,
    all_states,
    country_name,
    resolve_country,
)
from dateline.extract.actors.lexicon import Lexicon

FIXTURE = """name\taliases\tstate\toffice\tstart\tend
Volodymyr Zelensky\tZelenskyy|Zelenskiy\tUKR\thead_of_state\t2019-05-20\t
Luigi Di Maio\t\tITA\tforeign_minister\t2019-09-05\t2022-10-22
Recep Tayyip Erdoğan\t\tTUR\thead_of_state\t2014-08-28\t
George H. W. Bush\tGeorge Bush\tUSA\thead_of_state\t1989-01-20\t1993-01-20
George W. Bush\tGeorge Bush\tUSA\thead_of_state\t2001-01-20\t2009-01-20
"""


@pytest.fixture(scope="module")
def lookup(tmp_path_factory: pytest.TempPathFactory) -> Lookup:
    path: Path = tmp_path_factory.mktemp("lookup") / "persons.tsv"
    path.write_text(FIXTURE, encoding="utf-8")
    return Lookup(Lexicon(Gazetteer.load(path)))


@pytest.mark.parametrize(
    ("query", "code"),
    [
        ("Italy", "ITA"),
        ("italian", "ITA"),
        ("ITA", "ITA"),
        ("it", "ITA"),
        ("Rome", "ITA"),
        ("the Kremlin", "RUS"),
        ("Soviet Union", "RUS"),
        ("USSR", "RUS"),
        ("kiev", "UKR"),
        ("Kyiv", "UKR"),
        ("Burma", "MMR"),
        ("U.S.", "USA"),
        ("american", "USA"),
        ("Cote d'Ivoire", "CIV"),
        ("Kosovo", "XKX"),
        ("nato", "NATO"),
        ("European Commission", "EU"),
        ("Security Council", "UN"),
        ("G-7", "G7"),
        ("Arab League", "LAS"),
    ],
)
def test_resolve_country_accepts_names_demonyms_capitals_and_codes(lookup: Lookup, query: str, code: str) -> None:
    """Names, demonyms, capitals, former names, ISO codes and organisation names all resolve."""
    assert lookup.resolve_country(query) == code


def test_unknown_country_suggests_the_closest_names(lookup: Lookup) -> None:
    """An unknown name raises UnknownActorError with three suggestions, the closest first."""
    with pytest.raises(UnknownActorError) as caught:
        lookup.resolve_country("Itally")
    assert caught.value.query == "Itally"
    assert len(caught.value.suggestions) == 3 and caught.value.suggestions[0] == "Italy"
    assert "Did you mean: Italy" in str(caught.value)


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("zelenskyy", "Volodymyr Zelensky"),
        ("Volodymyr Zelensky", "Volodymyr Zelensky"),
        ("Zelensky", "Volodymyr Zelensky"),
        ("di maio", "Luigi Di Maio"),
        ("Erdogan", "Recep Tayyip Erdoğan"),
    ],
)
def test_resolve_person_accepts_any_spelling_and_surnames(lookup: Lookup, query: str, name: str) -> None:
    """Spellings, a surname alone and a spelling without diacritics give the canonical name."""
    assert lookup.resolve_person(query) == name


def test_ambiguous_person_lists_the_candidates(lookup: Lookup) -> None:
    """ "Bush" fits two persons: the error names both."""
    with pytest.raises(UnknownActorError) as caught:
        lookup.resolve_person("Bush")
    assert caught.value.suggestions == ["George H. W. Bush", "George W. Bush"]


def test_unknown_person_suggests_the_closest(lookup: Lookup) -> None:
    """A misspelt name gets the closest gazetteer names."""
    with pytest.raises(UnknownActorError) as caught:
        lookup.resolve_person("Zelenski")
    assert caught.value.suggestions[0] == "Volodymyr Zelensky"


def test_person_roles(lookup: Lookup) -> None:
    """person_roles lists the terms of office."""
    roles = lookup.person_roles("Di Maio")
    assert [(r.state, r.office, r.start) for r in roles] == [("ITA", "foreign_minister", dt.date(2019, 9, 5))]


def test_country_name_and_listings() -> None:
    """Display names, and the listings for an `actors` command."""
    assert country_name("ITA") == "Italy"
    assert country_name("NATO") == "North Atlantic Treaty Organization"
    states = {code: (name, aliases) for code, name, aliases in all_states()}
    assert states["RUS"][0] == "Russia" and "Soviet Union" in states["RUS"][1]
    assert "XKX" in states and len(states) >= 249
    orgs = {code: name for code, name, _ in all_organisations()}
    for code in ("EU", "NATO", "UN", "G7", "G8", "G20", "OSCE", "AU", "ASEAN", "ECOWAS", "WTO", "IAEA", "WHO", "ICC"):
        assert code in orgs


def test_module_level_resolve_uses_packaged_data() -> None:
    """The module functions work over the packaged data."""
    assert resolve_country("Ukrainian") == "UKR"
