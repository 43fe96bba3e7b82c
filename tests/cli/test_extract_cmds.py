"""dates and explain: what the tagger and the extractor found, from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dateline.cli.app import app

runner = CliRunner()


def write_article(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Ministers meet\nOn June 10, Italian Foreign Minister Luigi Di Maio paid an official visit to Kyiv "
        "(Ansa, June 11). The NATO summit took place on June 14-15.\n",
        encoding="utf-8",
    )
    (folder / "metadata.json").write_text(json.dumps({"articles": {"a.txt": {"published": "2021-07-01"}}}))
    return folder


def test_dates_jsonl_fields_citations_and_ranges(tmp_path: Path) -> None:
    """dates --format jsonl gives offsets, values and anchors; citations are marked; a range gives its ends."""
    folder = write_article(tmp_path)
    result = runner.invoke(app, ["dates", str(folder), "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    text = (folder / "a.txt").read_text(encoding="utf-8")
    first = rows[0]
    assert (first["document"], first["text"], first["value"], first["anchor"]) == (
        "a.txt", "June 10", "2021-06-10", "publication",
    )  # fmt: skip
    assert text[first["start"] : first["end"]] == "June 10"
    assert first["citation"] is False
    assert [r["citation"] for r in rows if r["text"] == "June 11"] == [True]
    ends = [r for r in rows if r["range"]]
    assert {r["range"] for r in ends} == {"2021-06-14/2021-06-15"}
    assert [r["value"] for r in ends] == ["2021-06-14", "2021-06-15"]


def test_dates_reports_unreadable_files(tmp_path: Path) -> None:
    """A file that cannot be read is an error line and exit code 1; the others are still tagged."""
    folder = write_article(tmp_path)
    (folder / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["dates", str(folder), "--format", "jsonl"])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {folder / 'empty.txt'}: empty file\n"
    assert result.stdout.count("\n") >= 3


def test_explain_shows_decisions_and_events(tmp_path: Path) -> None:
    """explain shows the triggers with their dates and actors, and the events made."""
    folder = write_article(tmp_path)
    result = runner.invoke(app, ["explain", str(folder / "a.txt")])
    assert result.exit_code == 0
    assert "+ visit 'paid an official visit': occurred, date 2021-06-10 (text), actors ITA, UKR" in result.stdout
    assert "'June 11'=2021-06-11 (citation)" in result.stdout
    assert "2021-06-10" in result.stdout.split("events")[-1]
