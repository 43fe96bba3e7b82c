"""Quotes, semicolons, `%` and `_` through every filter: exact matches only, never SQL."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli.app import app
from tests.conftest import scripted_extract

runner = CliRunner()

IDENTIFIERS = ["plain", "it's", "a;b", "100%", "100_", "1000", "x' OR '1'='1", "%", "_", 'say "hi"', "a\\b", "--"]
HOSTILE = ["' OR '1'='1", "'; DROP TABLE event; --", "%", "_", "%%", "a%", "_a", '"', "\\", ";"]


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def stocked(template_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One event per hostile document identifier, and a person known only from an article.

    Made once for the module: every test only reads it (and checks that it is still whole).
    """
    tmp_path = tmp_path_factory.mktemp("injection")
    db_path = tmp_path / "stocked.db"
    shutil.copyfile(template_db, db_path)
    records = [
        {"id": ident, "text": f"@event visit 2021-06-{i + 1:02d} ITA,UKR event of {ident}"}
        for i, ident in enumerate(IDENTIFIERS)
    ]
    records.append({"id": "person", "text": "@event meeting 2020-01-02 IRL,GBR Seán_O'Brien%=IRL talks"})
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("dateline.api.ingest.extract", scripted_extract)
        assert run("ingest", str(tmp_path / "feed.jsonl"), "--db", str(db_path))[0] == 0
    yield db_path


def events(db: Path, *args: str) -> list[dict]:
    code, out, err = run("events", *args, "--format", "jsonl", "--db", str(db))
    assert (code, err) == (0, ""), err
    return [json.loads(line) for line in out.splitlines()]


@pytest.mark.parametrize("identifier", IDENTIFIERS)
def test_document_filter_matches_exactly(stocked: Path, identifier: str) -> None:
    """--document finds the one document with that identifier, wildcards and quotes included."""
    (found,) = events(stocked, "--document", identifier)
    assert found["summary"] == f"event of {identifier}"
    assert [s["document"] for s in found["sources"]] == [identifier]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_in_every_filter(stocked: Path, value: str) -> None:
    """Each filter takes a hostile value literally: no match, or one error line; nothing is harmed."""
    expected = 13
    assert len(events(stocked)) == expected
    if value not in IDENTIFIERS:
        assert events(stocked, "--document", value) == []
    for option in ("--country", "--person", "--type", "--status", "--from", "--to", "--year"):
        code, out, err = run("events", option, value, "--db", str(stocked))
        assert (code, out) == (1, ""), (option, err)
        assert err.startswith("Error: ") and err.count("\n") == 1 and "Traceback" not in err, (option, err)
        assert "SQL" not in err and "syntax" not in err
    code, out, err = run("events", "--between", value, "Italy", "--db", str(stocked))
    assert (code, out, err.startswith(f"Error: unknown country or organisation {value!r}.")) == (1, "", True)
    code, out, err = run("actor", value, "--db", str(stocked))
    assert (code, out) == (1, "") and err.startswith("Error: ")
    code, out, err = run("actors", value, "--kind", "person", "--db", str(stocked))
    assert code == 0 and err.count("\n") == 1
    assert len(events(stocked)) == expected  # the table is still there, and whole


def test_wildcards_are_no_wildcards(stocked: Path) -> None:
    """`%` and `_` match themselves only: "100_" is not "1000", "%" is not everything."""
    assert [e["summary"] for e in events(stocked, "--document", "100_")] == ["event of 100_"]
    assert [e["summary"] for e in events(stocked, "--document", "%")] == ["event of %"]
    code, _, err = run("events", "--person", "%", "--db", str(stocked))
    assert (code, err.startswith("Error: unknown person '%'.")) == (1, True)


def test_person_with_quote_and_percent(stocked: Path) -> None:
    """A person known only from an article, with a quote and a % in the name, is found by that name."""
    (found,) = events(stocked, "--person", "Seán O'Brien%")
    assert found["summary"] == "talks"
    code, out, err = run("actors", "o'brien%", "--kind", "person", "--db", str(stocked))
    assert code == 0 and "Seán O'Brien%" in out and err == "1 actors\n"
