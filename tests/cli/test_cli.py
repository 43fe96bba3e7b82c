"""The command line: exact error messages and exit codes, output streams, help texts and docs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def run(*args: str, db: Path | None = None) -> tuple[int, str, str]:
    argv = [*args, "--db", str(db)] if db is not None else list(args)
    result = runner.invoke(app, argv)
    return result.exit_code, result.stdout, result.stderr


def commands() -> list[list[str]]:
    """Every command path: ["ingest"], ["db", "upgrade"], ..."""
    import typer.main

    group = typer.main.get_command(app)
    out = []
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        if hasattr(cmd, "commands"):
            out.extend([name, sub] for sub in cmd.commands)
        else:
            out.append([name])
    return out


@pytest.mark.parametrize("path", commands(), ids=lambda p: " ".join(p))
def test_every_command_has_help_and_is_in_the_readme(path: list[str]) -> None:
    """Each command answers --help with a description, and the README names it."""
    code, out, _ = run(*path, "--help")
    assert code == 0
    assert len(out.split("\n\n")[1].strip()) > 20
    assert f"dateline {' '.join(path)}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_version() -> None:
    """--version prints the version on stdout."""
    code, out, _ = run("--version")
    assert (code, out.startswith("dateline ")) == (0, True)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--from", "2021-13-45"],
            "Error: --from '2021-13-45' is not a valid date (month must be in 1..12). "
            "Use YYYY, YYYY-MM or YYYY-MM-DD.\n",
        ),
        (["--to", "June"], "Error: --to 'June' is not a date. Use YYYY, YYYY-MM or YYYY-MM-DD.\n"),
        (["--year", "abc"], "Error: --year 'abc' is not a year. Use four digits, like 2021.\n"),
        (["--from", "2022", "--to", "2021"], "Error: the date range is empty: 2022-01-01 is after 2021-12-31.\n"),
        (
            ["--type", "party"],
            "Error: unknown event type 'party'. Use one of: visit, meeting, agreement, statement, "
            "arrest, legal, sanctions, vote, expulsion, aid, conference, other.\n",
        ),
        (["--status", "maybe"], "Error: unknown status 'maybe'. Use one of: occurred, planned.\n"),
        (["--limit", "0"], "Error: --limit 0 must be at least 1.\n"),
    ],
)
def test_bad_filter_values(db_path: Path, args: list[str], message: str) -> None:
    """A bad filter value gets one exact line on stderr and exit code 1, nothing on stdout."""
    code, out, err = run("events", *args, db=db_path)
    assert (code, out, err) == (1, "", message)


def test_unknown_country_suggests_close_names(db_path: Path) -> None:
    """An unknown country is an error that suggests the closest known names."""
    code, out, err = run("events", "--country", "Itly", db=db_path)
    assert (code, out) == (1, "")
    assert err.startswith("Error: unknown country or organisation 'Itly'. Did you mean ")
    assert "Italy" in err


def test_unknown_event_id(db_path: Path) -> None:
    """show with an unknown id names it and says how to list ids."""
    assert run("show", "999", db=db_path) == (1, "", "Error: no event with id 999. List ids with `dateline events`.\n")


def test_usage_errors_exit_2(db_path: Path) -> None:
    """An unknown option is a usage error: exit code 2."""
    code, _, _ = run("events", "--colour", "red", db=db_path)
    assert code == 2


def test_unusable_database(tmp_path: Path) -> None:
    """A --db that is not a database, or in a missing folder, is one clear error line."""
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    code, out, err = run("events", db=junk)
    assert (code, out) == (1, "")
    assert err.startswith(f"Error: {junk} is not a usable database") and err.endswith("Check --db or DATELINE_DB.\n")
    code, _, err = run("events", db=tmp_path / "missing" / "x.db")
    assert (code, err) == (1, f"Error: the folder {tmp_path / 'missing'} of the database does not exist. "
                              "Check --db or DATELINE_DB.\n")  # fmt: skip


@pytest.mark.usefixtures("scripted")
def test_ingest_reports_failures_and_summary(db_path: Path, tmp_path: Path) -> None:
    """Ingest lists each failed file on stderr with its reason, sums up, and exits 1."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text("T\n@event visit 2021-06-10 ITA,UKR visit\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    code, out, err = run("ingest", str(folder), str(tmp_path / "nope"), db=db_path)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"Error: {tmp_path / 'nope'}: no such file or folder",
        f"Error: {folder / 'empty.txt'}: empty file",
        "1 new, 0 unchanged, 0 replaced, 2 failed; 1 events stored",
    ]
    code, _, err = run("ingest", str(folder / "good.txt"), db=db_path)
    assert (code, err) == (0, "0 new, 1 unchanged, 0 replaced, 0 failed; 0 events stored\n")


@pytest.mark.usefixtures("scripted")
def test_events_formats_and_export(db_path: Path, tmp_path: Path) -> None:
    """events prints each format on stdout; export writes the evaluation's JSON Lines."""
    (tmp_path / "a.txt").write_text(
        "T\n@event visit 2021-06-10 ITA,UKR Luigi_Di_Maio=ITA Di Maio visits Kyiv\n@event vote 2016 ITA,RUS vote\n",
        encoding="utf-8",
    )
    assert run("ingest", str(tmp_path / "a.txt"), db=db_path)[0] == 0
    code, out, _ = run("events", "--between", "ITA", "UKR", "--format", "jsonl", db=db_path)
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["actors"] == ["ITA", "UKR"] and record["persons"] == ["Luigi Di Maio"]
    assert (record["date"], record["date_start"], record["date_end"]) == ("2021-06-10", "2021-06-10", "2021-06-10")
    assert record["sources"][0]["document"] == "a.txt"
    code, out, _ = run("events", "--format", "csv", db=db_path)
    assert out.splitlines()[0].startswith("id,date,date_start,date_end,type,status,actors")
    code, out, _ = run("events", "--format", "markdown", db=db_path)
    assert out.splitlines()[0] == "| date | type | status | actors | summary | sources |"
    code, out, err = run("events", db=db_path)
    assert "Di Maio visits Kyiv" in out and err == "2 events\n"
    target = tmp_path / "events.jsonl"
    code, out, _ = run("export", "--output", str(target), db=db_path)
    assert (code, out) == (0, "")
    records = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [r["type"] for r in records] == ["vote", "visit"]
    required = {"id", "type", "status", "date", "date_start", "date_end", "actors", "persons", "summary", "sources"}
    assert all(required <= set(r) for r in records)


def test_db_current_and_upgrade(tmp_path: Path) -> None:
    """db upgrade migrates a new database to head; db current prints the revision."""
    path = tmp_path / "x.db"
    code, _, err = run("db", "upgrade", db=path)
    assert code == 0 and err.startswith("Upgraded from an empty database to ")
    code, out, _ = run("db", "current", db=path)
    assert code == 0 and re.fullmatch(r"(\w+) \(head: \1\)\n", out)
    code, _, err = run("db", "upgrade", db=path)
    assert err.startswith("Already at revision")


def test_actors_lists_people_with_their_offices(db_path: Path) -> None:
    """actors QUERY finds a person by any part of a spelling, with the offices they held."""
    code, out, err = run("actors", "zelenskyy", "--kind", "person", db=db_path)
    assert code == 0 and err == "1 actors\n"
    assert "Volodymyr Zelensky" in out and "UKR head of state 2019-05-20" in out


def test_actor_by_demonym_and_unknown_actor(db_path: Path) -> None:
    """actor resolves a demonym to its state; an unknown name is one error line with suggestions."""
    code, out, err = run("actor", "Italian", db=db_path)
    assert code == 0 and "ITA" in out and "Italy" in out and err == "0 events\n"
    code, out, err = run("actor", "Atlantis", db=db_path)
    assert (code, out) == (1, "")
    assert err.startswith("Error: unknown actor 'Atlantis'. Did you mean ")


def test_actors_rejects_unknown_kind(db_path: Path) -> None:
    """--kind takes state, organisation or person."""
    assert run("actors", "--kind", "planet", db=db_path) == (
        1, "", "Error: unknown kind 'planet'. Use one of: state, organisation, person.\n"
    )  # fmt: skip


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["show", "99999999999999999999999"],
            "Error: no event with id 99999999999999999999999. List ids with `dateline events`.\n",
        ),
        (
            ["events", "--limit", "99999999999999999999"],
            "Error: --limit 99999999999999999999 is more than dateline can return at once. Use at most 1000000000.\n",
        ),
        (["events", "--from", ""], "Error: --from '' is not a date. Use YYYY, YYYY-MM or YYYY-MM-DD.\n"),
    ],
)
def test_absurd_numbers_and_empty_dates(db_path: Path, args: list[str], message: str) -> None:
    """Numbers beyond any id or limit, and an empty date, are one error line, not a traceback."""
    assert run(*args, db=db_path) == (1, "", message)
