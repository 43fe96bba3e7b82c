"""`dateline timeline` and `dateline ask`: streams, exit codes, formats by extension, exact errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.api.ingest import ingest
from dateline.cli.app import app
from dateline.store.engine import open_database

pytestmark = pytest.mark.usefixtures("scripted")
runner = CliRunner()

CORPUS = (
    "Report\n"
    "@event visit 2021-06-10 ITA,UKR Luigi_Di_Maio=ITA Di Maio in Kyiv\n"
    "@event agreement 2021-06 ITA,UKR police deal\n"
    "@event statement 2021 UKR,RUS Volodymyr_Zelensky=UKR condemned\n"
    "@event sanctions 2014 EU,RUS sanctions\n"
    "@event vote 2016-06-27 ITA,RUS senate vote\n"
    "@event conference 2025-07 ITA,UKR planned reconstruction conference\n"
    "@event meeting - ITA,UKR undated talks\n"
)


@pytest.fixture
def stocked(db_path: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(CORPUS, encoding="utf-8")
    database = open_database(str(db_path))
    ingest(database, [folder])
    database.dispose()
    return db_path


def run(db: Path, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--db", str(db)])
    return result.exit_code, result.stdout, result.stderr


def test_timeline_prints_a_chronology_grouped_by_date(stocked: Path) -> None:
    """Dates at their precision, less precise first, the sentence and its source; the count on stderr."""
    code, out, err = run(stocked, "timeline", "--between", "Italy", "Ukraine", "--year", "2021")
    assert (code, err) == (0, "2 events\n")
    assert out.splitlines()[0] == "Chronology: events between Italy and Ukraine, in 2021"
    assert out.index("\nJune 2021\n") < out.index("\n10 June 2021\n")
    assert "• A visit involving Italy (Luigi Di Maio) and Ukraine." in out
    assert "Sources: Report" in out


def test_timeline_marks_planned_and_puts_undated_last(stocked: Path) -> None:
    """Planned events say so; undated events come last under "Date unknown"."""
    code, out, _ = run(stocked, "timeline", "--country", "Ukraine")
    assert code == 0
    assert "• Planned: Italy and Ukraine to take part in a conference." in out
    assert out.rstrip().splitlines()[-4] == "Date unknown"


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("t.md", lambda b: b.startswith(b"# Chronology: events between Italy and Ukraine\n")),
        ("t.html", lambda b: b.startswith(b"<!DOCTYPE html>")),
        ("t.docx", lambda b: b[:2] == b"PK"),
        ("t.csv", lambda b: b.startswith(b"date_label,date,")),
        ("t.json", lambda b: len(json.loads(b)) == 4),
        ("t.ics", lambda b: b.count(b"BEGIN:VEVENT") == 3),
        ("t.png", lambda b: b[:4] == b"\x89PNG"),
        ("t.svg", lambda b: b"<svg" in b[:500]),
    ],
)
def test_output_file_format_from_extension(stocked: Path, tmp_path: Path, name: str, check: object) -> None:
    """--output FILE writes the format its extension names; stdout stays empty; stderr says what was written."""
    target = tmp_path / name
    code, out, err = run(stocked, "timeline", "--between", "Italy", "Ukraine", "--output", str(target))
    assert (code, out) == (0, "")
    assert err.startswith("4 events; wrote ")
    assert check(target.read_bytes())  # type: ignore[operator]


def test_text_formats_to_stdout(stocked: Path) -> None:
    """--format picks a text format for stdout."""
    code, out, _ = run(stocked, "timeline", "--year", "2014", "--format", "csv")
    assert code == 0
    assert out.splitlines()[1].startswith("2014,2014,2014-01-01,2014-12-31,year,occurred,sanctions,")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["--format", "docx"],
            "Error: docx is a binary format and cannot go to the terminal. "
            "Write it to a file: --output timeline.docx.\n",
        ),
        (
            ["--format", "png"],
            "Error: png is a binary format and cannot go to the terminal. Write it to a file: --output timeline.png.\n",
        ),
        (
            ["--output", "t.pdf"],
            "Error: cannot tell the format of 't.pdf' from its extension. "
            "Use one of: .csv .docx .htm .html .ics .json .markdown .md .png .svg .txt.\n",
        ),
        (
            ["--format", "csv", "--output", "t.md"],
            "Error: --format csv does not match 't.md'. Give one of them, or a matching file name.\n",
        ),
        (["--country", "Atlantis"], None),
    ],
)
def test_timeline_errors(stocked: Path, args: list[str], message: str | None) -> None:
    """Mistakes get one line on stderr and exit code 1, nothing on stdout."""
    code, out, err = run(stocked, "timeline", *args)
    assert (code, out) == (1, "")
    if message is not None:
        assert err == message
    else:
        assert err.startswith("Error: unknown country or organisation 'Atlantis'.")


def test_unwritable_output(stocked: Path, tmp_path: Path) -> None:
    """A file that cannot be written is a user error."""
    code, _, err = run(stocked, "timeline", "--output", str(tmp_path / "missing" / "t.md"))
    assert code == 1
    assert err.startswith("Error: cannot write ") and err.endswith("Check the folder exists and is writable.\n")


def test_ask_says_how_it_read_the_question(stocked: Path) -> None:
    """The reading goes to stderr, the chronology to stdout."""
    code, out, err = run(stocked, "ask", "what happened between Italy and Ukraine in 2021")
    assert code == 0
    assert err == "Read as: events between Italy and Ukraine, in 2021\n2 events\n"
    assert out.splitlines()[0] == "Chronology: events between Italy and Ukraine, in 2021"


def test_ask_relative_dates_and_types(stocked: Path) -> None:
    """'last year' counts from --today; kinds of event become types."""
    code, out, err = run(stocked, "ask", "sanctions votes involving Russians last year", "--today", "2017-03-01")
    assert code == 0
    assert err.splitlines()[0] == (
        "Read as: sanctions or votes involving Russia, in 2016; "
        "sanctions and votes both count (a vote on sanctions is stored as a vote)"
    )
    assert "• A vote involving Italy and Russia." in out


def test_ask_output_file(stocked: Path, tmp_path: Path) -> None:
    """ask writes files like timeline does."""
    target = tmp_path / "a.md"
    code, out, _ = run(stocked, "ask", "upcoming conferences", "--output", str(target))
    assert (code, out) == (0, "")
    assert "Planned: Italy and Ukraine to take part in a conference." in target.read_text(encoding="utf-8")


def test_ask_unreadable_question_shows_the_forms(stocked: Path) -> None:
    """A question with nothing recognisable gets the forms it understands, exit code 1."""
    code, out, err = run(stocked, "ask", "hello there")
    assert (code, out) == (1, "")
    assert err.startswith("Error: could not read 'hello there' as a question about events. Ask about states, ")
    assert "since 2014" in err and err.count("\n") == 1
