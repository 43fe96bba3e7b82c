"""Hostile and broken input through `dateline ingest`: one clear line each, the rest still goes in.

Each case puts one bad input beside a good article and checks the exact stderr line, the exit
code, an empty stdout, no traceback, and that the good article was stored.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli.app import app

runner = CliRunner()
pytestmark = pytest.mark.usefixtures("scripted")
GOOD = "Good news\n@event visit 2021-06-10 ITA,UKR Di Maio in Kyiv\n"
SUMMARY_ONE_BAD = "1 new, 0 unchanged, 0 replaced, 1 failed; 1 events stored"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def documents(db: Path) -> dict[str, str]:
    """Stored documents: identifier -> text."""
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT identifier, text FROM document"))


def folder_with_good(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    return folder


def front(fields: str) -> bytes:
    return f"---\n{fields}\n---\n@event visit 2021 ITA,UKR body\n".encode()


# name, content, the reason on stderr (None: the file is read and goes in).
BAD_FILES: list[tuple[str, bytes, str]] = [
    ("empty.txt", b"", "empty file"),
    ("blank.md", b" \n\t\r\n  \n", "empty file"),
    ("binary.txt", bytes(range(256)) * 64, "binary file, not text"),
    ("image.txt", PNG, "binary file, not text"),
    ("photo.md", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01" + bytes(range(200)), "binary file, not text"),
    ("unclosed.md", front("title: [unclosed"), "malformed front matter (while parsing a flow sequence)"),
    ("list.md", front("- a\n- b"), "malformed front matter (not a mapping of fields)"),
    ("tag.md", front("title: !!python/object:os.system echo"),
     "malformed front matter (could not determine a constructor for the tag "
     "'tag:yaml.org,2002:python/object:os.system')"),
    ("bomb.md", front("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                      "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: [*c, *c, *c, *c, *c, *c, *c, *c, *c]"),
     "field 'title' must be a single value, not a list"),
    ("feb31.md", front("published: 2021-02-31"),
     "published date '2021-02-31' is impossible (day is out of range for month)"),
    ("year0.md", front("published: 0000-06-10"), "published date '0000-06-10' is impossible (year 0 does not exist)"),
    ("month13.md", front("published: 2021-13-01"),
     "published date '2021-13-01' is impossible (month must be in 1..12)"),
    ("words.md", front("published: next Tuesday"), "published date 'next Tuesday' is not an ISO date (YYYY-MM-DD)"),
    ("scripts.html", b"<html><head><script>" + b"var x = 1;" * 5000 + b"</script><style>" + b"p{color:red}" * 5000
     + b"</style></head><body><script>document.write('hi')</script></body></html>",
     "no article text found in the HTML page"),
    ("notes.pdf", b"%PDF-1.4 binary", "unsupported file type .pdf: use .txt, .md, .html or .jsonl"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "content", "reason"), BAD_FILES, ids=[c[0] for c in BAD_FILES])
def test_bad_file_is_one_line_and_the_good_one_goes_in(
    db_path: Path, tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    """A bad file is one `Error: PATH: REASON` line; the good article beside it is stored; exit 1."""
    folder = folder_with_good(tmp_path)
    bad = folder / name
    bad.write_bytes(content)
    # An unsupported type is only read when named; inside a folder it is passed over.
    code, out, err = run("ingest", str(folder), *([str(bad)] if name.endswith(".pdf") else []), "--db", str(db_path))
    assert (code, out) == (1, "")
    assert err.splitlines() == [f"Error: {bad}: {reason}", SUMMARY_ONE_BAD]
    assert list(documents(db_path)) == ["good.txt"]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("latin1.txt", "T\nLe ministre à Zürich, où il était reçu. Ça va.\n".encode("latin-1"),
         "Le ministre à Zürich, où il était reçu. Ça va."),
        ("cp1252.txt", "T\nThe minister’s visit to Zürich — “historic”, officials said.\n".encode("cp1252"),
         "The minister’s visit to Zürich — “historic”, officials said."),
        ("utf16.txt", "T\nVisit to Kyiv (Київ) by the minister.\n".encode("utf-16"),
         "Visit to Kyiv (Київ) by the minister."),
        ("bom.txt", b"\xef\xbb\xbfT\nVisit to M\xc3\xa1laga.\n", "Visit to Málaga."),
        ("damaged.txt", "T\nVisit to Zürich and Málaga, ".encode() + b"then \xff\xfe to Gen\xe8ve.\n",
         "Visit to Zürich and Málaga, then \ufffd\ufffd to Gen\ufffdve."),
    ],
    ids=["latin-1", "windows-1252", "utf-16", "utf-8-bom", "invalid-utf-8"],
)  # fmt: skip
def test_legacy_and_damaged_encodings_are_decoded(
    db_path: Path, tmp_path: Path, name: str, data: bytes, expected: str
) -> None:
    """Latin-1, Windows-1252, UTF-16 and UTF-8 with a BOM are decoded; broken UTF-8 bytes become U+FFFD."""
    (tmp_path / name).write_bytes(data)
    assert run("ingest", str(tmp_path / name), "--db", str(db_path)) == (
        0, "", "1 new, 0 unchanged, 0 replaced, 0 failed; 0 events stored\n"
    )  # fmt: skip
    assert documents(db_path)[name].splitlines()[1] == expected


def test_malformed_json_lines_among_good_ones(db_path: Path, tmp_path: Path) -> None:
    """Each bad JSON line is reported by its number; every good line still goes in."""
    lines = [
        json.dumps({"id": "one", "text": "@event visit 2021-06-10 ITA,UKR one"}),
        "{broken",
        "[" * 100_000,
        '{"id": "surrogate", "text": "half a character \\ud800 here"}',
        json.dumps({"id": "two", "text": "@event meeting 2020 FRA,DEU two", "published": "2021-02-31"}),
        json.dumps({"id": "year0", "text": "x", "published": "0000-01-01"}),
        json.dumps({"id": "nested", "text": "x", "title": {"a": 1}}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "three", "text": "@event meeting 2020 FRA,DEU three"}),
        "",
        json.dumps({"id": "four", "text": "@event aid 2022 ITA,UKR four", "published": "2022-03-01"}),
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run("ingest", str(path), "--db", str(db_path))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"Error: {path}:2: malformed JSON (Expecting property name enclosed in double quotes at column 2)",
        f"Error: {path}:3: malformed JSON (nested too deeply)",
        f"Error: {path}:4: malformed JSON (a \\u escape of a lone surrogate, which is no character)",
        f"Error: {path}:5: published date '2021-02-31' is impossible (day is out of range for month)",
        f"Error: {path}:6: published date '0000-01-01' is impossible (year 0 does not exist)",
        f"Error: {path}:7: field 'title' must be a single value, not a dict",
        f"Error: {path}:8: a JSON Lines record must be an object",
        "3 new, 0 unchanged, 0 replaced, 7 failed; 3 events stored",
    ]
    assert sorted(documents(db_path)) == ["four", "one", "three"]


def test_impossible_dates_in_a_sidecar(db_path: Path, tmp_path: Path) -> None:
    """A sidecar entry with 31 February is reported once for its file; a broken sidecar once in all."""
    folder = folder_with_good(tmp_path)
    (folder / "feb.txt").write_text("Feb\n@event visit 2021 ITA,UKR feb\n", encoding="utf-8")
    (folder / "metadata.json").write_text(json.dumps({"articles": {"feb.txt": {"published": "2021-02-31"}}}))
    sub = folder / "sub"
    sub.mkdir()
    for name in ("x.txt", "y.txt", "z.txt"):
        (sub / name).write_text(f"{name}\n@event meeting 2020 FRA,DEU {name}\n", encoding="utf-8")
    (sub / "metadata.json").write_text('{"articles": {"x.txt": ', encoding="utf-8")
    code, out, err = run("ingest", str(folder), "--db", str(db_path))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"Error: {folder / 'metadata.json'}: feb.txt: published date '2021-02-31' is impossible "
        "(day is out of range for month)",
        f"Error: {sub / 'metadata.json'}: malformed metadata sidecar (Expecting value: line 1 column 24 (char 23))",
        "5 new, 0 unchanged, 0 replaced, 2 failed; 5 events stored",
    ]


def test_html_full_of_scripts_and_styles_keeps_only_the_article(db_path: Path, tmp_path: Path) -> None:
    """Scripts, styles, inline handlers and navigation are dropped; the article text goes in."""
    junk = "<script>var tracker = {a: 1};</script><style>.ad{display:none}</style>" * 300
    page = (
        f"<html><head><title>Deal signed</title>{junk}</head><body onload=\"alert('x')\">{junk}"
        "<nav>Home | World</nav><article><h1>Deal signed</h1><p>On June 10, Italian Foreign Minister Luigi "
        "Di Maio paid an official visit to Kyiv, where he met Ukrainian officials and signed an agreement.</p>"
        f"<p>The ministers also discussed trade, energy and reconstruction.</p>{junk}</article></body></html>"
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    assert run("ingest", str(tmp_path / "page.html"), "--db", str(db_path))[0] == 0
    text = documents(db_path)["page.html"]
    assert "paid an official visit to Kyiv" in text
    assert not any(bad in text for bad in ("tracker", "display:none", "alert", "Home | World"))


def test_oversized_file_is_refused_before_it_is_read(db_path: Path, tmp_path: Path) -> None:
    """A 200 MB file is refused by its size with the limit and the option that raises it."""
    folder = folder_with_good(tmp_path)
    big = folder / "big.txt"
    with big.open("wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: nothing is written, the size is what counts
    code, out, err = run("ingest", str(folder), "--db", str(db_path))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"Error: {big}: file is 200.0 MiB, over the limit of 50 MiB (raise it with --max-size MB)",
        SUMMARY_ONE_BAD,
    ]
    code, _, err = run("ingest", str(big), "--max-size", "100", "--db", str(db_path))
    assert err.startswith(f"Error: {big}: file is 200.0 MiB, over the limit of 100 MiB")


def test_oversized_file_does_not_blow_up_memory(db_path: Path, tmp_path: Path) -> None:
    """A real `dateline ingest` of a 200 MB file stays far below 200 MB of memory."""
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(200 * 1024 * 1024)
    dateline = Path(sys.executable).parent / "dateline"
    probe = (
        "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
        "print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); print(r.stderr, end='')"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe, str(dateline), "ingest", str(big), "--db", str(db_path)],
        capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    first, *err = result.stdout.splitlines()
    code, max_rss_kib = (int(x) for x in first.split())
    assert code == 1 and err[0].endswith("over the limit of 50 MiB (raise it with --max-size MB)")
    # Measured in a process of its own (RUSAGE_CHILDREN of the probe covers only this run).
    assert max_rss_kib < 150 * 1024, f"{max_rss_kib} KiB"


def test_one_megabyte_line_without_newline(db_path: Path, tmp_path: Path) -> None:
    """A 1 MB file with no newline at all goes in; its title is cut to 500 characters."""
    path = tmp_path / "line.txt"
    text = "@event visit 2021-06-10 ITA,UKR " + "the ministers met again and again " * 31_000
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size > 1_000_000 and b"\n" not in path.read_bytes()
    code, out, err = run("ingest", str(path), "--db", str(db_path))
    assert (code, out, err) == (0, "", "1 new, 0 unchanged, 0 replaced, 0 failed; 1 events stored\n")
    with sqlite3.connect(db_path) as conn:
        (title,) = conn.execute("SELECT title FROM document").fetchone()
    assert len(title) == 500


def _special_files(folder: Path) -> list[tuple[Path, str]]:
    """Make every awkward entry a walked folder can hold; returns (path, reason) for those refused."""
    (folder / "a folder with spaces" / "ünïcødé — 東京").mkdir(parents=True)
    (folder / "a folder with spaces" / "ünïcødé — 東京" / "état des lieux.txt").write_text(
        "Lieux\n@event meeting 2020 FRA,DEU Paris talks\n", encoding="utf-8"
    )
    (folder / "a folder with spaces" / "loop").symlink_to(folder, target_is_directory=True)
    (folder / "self").symlink_to(folder / "self")  # a link to itself
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    os.mkfifo(folder / "pipe.txt")
    (folder / "dir.txt").mkdir()
    raw = os.fsencode(folder) + b"/latin1-\xe9t\xe9.txt"  # a name that is not UTF-8
    with open(raw, "wb") as f:
        f.write(b"Name\n@event aid 2022 ITA,UKR aid\n")
    return [
        (folder / "dangling.txt", "cannot read (No such file or directory)"),
        (folder / "pipe.txt", "not a regular file (a device, pipe or socket)"),
        (folder / "zero.txt", "not a regular file (a device, pipe or socket)"),
    ]


def test_awkward_folder_entries(db_path: Path, tmp_path: Path) -> None:
    """Loops, dangling links, devices, pipes, spaces, non-ASCII and non-UTF-8 names: no hang, one line each."""
    folder = folder_with_good(tmp_path)
    refused = _special_files(folder)
    code, out, err = run("ingest", str(folder), "--db", str(db_path))
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        *(f"Error: {path}: {reason}" for path, reason in refused),
        "3 new, 0 unchanged, 0 replaced, 3 failed; 3 events stored",
    ]
    assert sorted(documents(db_path)) == ["good.txt", "latin1-\ufffdt\ufffd.txt", "état des lieux.txt"]


def test_unreadable_file_and_folder(db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file or folder that cannot be opened is one line each; the rest goes in."""
    folder = folder_with_good(tmp_path)
    secret = folder / "secret.txt"
    secret.write_text("S\n@event visit 2020 FRA,DEU s\n", encoding="utf-8")
    locked = folder / "locked"
    locked.mkdir()
    (locked / "inside.txt").write_text("I\n@event visit 2020 FRA,DEU i\n", encoding="utf-8")
    if os.geteuid() == 0:  # root reads whatever the mode says: make the system calls refuse instead
        real_open, real_scandir = Path.open, os.scandir

        def no_open(self: Path, *args: object, **kwargs: object) -> object:
            if self == secret:
                raise PermissionError(13, "Permission denied", str(self))
            return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

        def no_scandir(path: object) -> object:
            if Path(str(path)) == locked:
                raise PermissionError(13, "Permission denied", str(path))
            return real_scandir(path)  # type: ignore[arg-type]

        monkeypatch.setattr(Path, "open", no_open)
        monkeypatch.setattr(os, "scandir", no_scandir)
    else:  # pragma: no cover - CI runs the tests as root
        secret.chmod(0)
        locked.chmod(0)
    try:
        code, out, err = run("ingest", str(folder), "--db", str(db_path))
    finally:
        locked.chmod(0o755)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        f"Error: {locked}: cannot read folder (Permission denied)",
        f"Error: {secret}: permission denied",
        "1 new, 0 unchanged, 0 replaced, 2 failed; 1 events stored",
    ]


ABSURD: list[tuple[list[str], int, str]] = [
    (["events", "--from", "2021-13-45"], 1,
     "Error: --from '2021-13-45' is not a valid date (month must be in 1..12). Use YYYY, YYYY-MM or YYYY-MM-DD."),
    (["events", "--to", "2021-02-30"], 1,
     "Error: --to '2021-02-30' is not a valid date (day is out of range for month). Use YYYY, YYYY-MM or YYYY-MM-DD."),
    (["events", "--from", "0000-01-01"], 1,
     "Error: --from '0000-01-01' is not a valid date (year 0 does not exist). Use YYYY, YYYY-MM or YYYY-MM-DD."),
    (["events", "--year", "abc"], 1, "Error: --year 'abc' is not a year. Use four digits, like 2021."),
    (["events", "--year", "99999"], 1, "Error: --year '99999' is not a year. Use four digits, like 2021."),
    (["events", "--country", "Atlantis"], 1,
     "Error: unknown country or organisation 'Atlantis'. Did you mean North Atlantic Treaty Organization, "
     "Alandish, CIS?"),
    (["events", "--between", "Italy", "Atlantis"], 1,
     "Error: unknown country or organisation 'Atlantis'. Did you mean North Atlantic Treaty Organization, "
     "Alandish, CIS?"),
    (["events", "--type", ""], 1, "Error: unknown event type ''. Use one of: visit, meeting, agreement, statement, "
     "arrest, legal, sanctions, vote, expulsion, aid, conference, other."),
    (["events", "--limit", "-1"], 1, "Error: --limit -1 must be at least 1."),
    (["ingest", "x", "--published", "2021-02-31"], 1,
     "Error: --published '2021-02-31' is not a valid date (day is out of range for month). "
     "Use YYYY, YYYY-MM or YYYY-MM-DD."),
    (["ingest", "x", "--published", "2021"], 2, "Invalid value for --published: give a full date, YYYY-MM-DD"),
    (["ingest", "x", "--max-size", "0"], 2,
     "Invalid value for '--max-size': Input should be greater than or equal to 1"),
    (["ingest", "x", "--max-size", "lots"], 2, "Invalid value for '--max-size': Input should be a valid integer"),
    (["show", "abc"], 2, "Invalid value for 'event_id': Input should be a valid integer"),
]  # fmt: skip


@pytest.mark.parametrize(("args", "code", "message"), ABSURD, ids=[" ".join(a[0]) for a in ABSURD])
def test_absurd_arguments(db_path: Path, args: list[str], code: int, message: str) -> None:
    """A value that makes no sense is one error line (exit 1), a malformed one a usage error (exit 2)."""
    got, out, err = run(*args, "--db", str(db_path))
    assert (got, out, "Traceback" in err) == (code, "", False)
    if code == 1:
        assert err == message + "\n"
    else:
        assert message in err


def test_suggestions_name_the_closest_person(db_path: Path) -> None:
    """An unknown person is an error suggesting the closest names known."""
    code, out, err = run("events", "--person", "Luigi Di Mayo", "--db", str(db_path))
    assert (code, out) == (1, "")
    assert err.startswith("Error: unknown person 'Luigi Di Mayo'. Did you mean Luigi Di Maio")
