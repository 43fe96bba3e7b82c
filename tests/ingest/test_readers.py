"""Reading articles: each format, metadata precedence, and each kind of bad file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dateline.ingest.errors import ReadError
from dateline.ingest.metadata import Metadata, Sidecars
from dateline.ingest.readers import read_file
from dateline.ingest.records import SourceArticle
from dateline.ingest.walk import Found, find_files

NONE = Metadata()


def read(path: Path, sidecar: Metadata = NONE, fallback: Metadata = NONE) -> list[SourceArticle | ReadError]:
    return list(read_file(path, sidecar, fallback))


def one(path: Path, sidecar: Metadata = NONE, fallback: Metadata = NONE) -> SourceArticle:
    (item,) = read(path, sidecar, fallback)
    assert isinstance(item, SourceArticle), item
    return item


def error(path: Path) -> str:
    (item,) = read(path)
    assert isinstance(item, ReadError), item
    return item.reason


def test_plain_text_title_is_first_non_empty_line(tmp_path: Path) -> None:
    """A .txt file's title is its first non-empty line; the identifier is the file name."""
    path = tmp_path / "a.txt"
    path.write_text("\n\n  Italy and Ukraine sign  \nOn June 10 they signed.\n", encoding="utf-8")
    item = one(path)
    assert item.article.title == "Italy and Ukraine sign"
    assert item.article.identifier == "a.txt"
    assert item.article.text.startswith("\n\n  Italy")


def test_front_matter_fields(tmp_path: Path) -> None:
    """Front matter gives title, published, url, source and language; the body is the text."""
    path = tmp_path / "b.md"
    path.write_text(
        "---\ntitle: Talks in Rome\npublished: 2021-06-11\nurl: https://example.org/x\n"
        "source: Example News\nlanguage: en\n---\nThe ministers met on Thursday.\n",
        encoding="utf-8",
    )
    article = one(path).article
    assert (article.title, article.published, article.url, article.source, article.language) == (
        "Talks in Rome", dt.date(2021, 6, 11), "https://example.org/x", "Example News", "en",
    )  # fmt: skip
    assert article.text == "The ministers met on Thursday.\n"


def test_sidecar_overrides_file_and_fallback_fills_gaps(tmp_path: Path) -> None:
    """Sidecar metadata beats front matter; --published only fills a missing date."""
    path = tmp_path / "c.md"
    path.write_text("---\ntitle: Own title\n---\nText.\n", encoding="utf-8")
    sidecar = Metadata(title="Sidecar title")
    fallback = Metadata(published=dt.date(2020, 1, 2))
    article = one(path, sidecar, fallback).article
    assert article.title == "Sidecar title"
    assert article.published == dt.date(2020, 1, 2)


def test_sidecar_lookup_walks_up_to_root(tmp_path: Path) -> None:
    """A metadata.json in a parent folder describes the files below it by name."""
    (tmp_path / "articles").mkdir()
    path = tmp_path / "articles" / "d.txt"
    path.write_text("Title\nBody.\n", encoding="utf-8")
    (tmp_path / "metadata.json").write_text(
        json.dumps({"articles": {"d.txt": {"published": "2019-10-08", "published_precision": "day"}}}),
        encoding="utf-8",
    )
    meta = Sidecars().lookup(path, tmp_path)
    assert meta.published == dt.date(2019, 10, 8)
    assert meta.published_precision == "day"


def test_malformed_sidecar_is_an_error(tmp_path: Path) -> None:
    """A sidecar that is not JSON is reported with its path."""
    (tmp_path / "metadata.json").write_text("{not json", encoding="utf-8")
    path = tmp_path / "e.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(ReadError, match="malformed metadata sidecar"):
        Sidecars().lookup(path, tmp_path)


def test_html_main_text_title_and_date(tmp_path: Path) -> None:
    """HTML gives its main text, title and date; scripts, styles and navigation are dropped."""
    path = tmp_path / "f.html"
    path.write_text(
        "<html><head><title>Deal signed</title><style>p{color:red}</style>"
        '<meta property="article:published_time" content="2021-06-11T10:00:00Z">'
        "<script>alert('x')</script></head><body><nav>Home | World</nav><article><h1>Deal signed</h1>"
        "<p>On June 10, Italian Foreign Minister Luigi Di Maio paid an official visit to Kyiv, where he met "
        "Ukrainian President Volodymyr Zelensky and signed a police cooperation agreement.</p>"
        "<p>The two ministers also discussed trade, energy and the reconstruction of infrastructure.</p>"
        "</article><footer>Copyright</footer></body></html>",
        encoding="utf-8",
    )
    article = one(path).article
    assert article.title == "Deal signed"
    assert article.published == dt.date(2021, 6, 11)
    assert "paid an official visit to Kyiv" in article.text
    assert "alert" not in article.text and "color:red" not in article.text


def test_jsonl_records_split_at_newlines_only(tmp_path: Path) -> None:
    """A record whose text holds raw U+2028 or U+0085 (JSON allows both unescaped) is one article;
    Windows line ends are read as well."""
    path = tmp_path / "u.jsonl"
    first = json.dumps({"id": "one", "text": "Rome,\u2028Kyiv\u0085and Paris."}, ensure_ascii=False)
    second = json.dumps({"id": "two", "text": "Second."})
    path.write_bytes((first + "\r\n" + second + "\r\n").encode("utf-8"))
    items = read(path)
    assert [i.article.identifier for i in items if isinstance(i, SourceArticle)] == ["one", "two"]
    assert [i for i in items if isinstance(i, ReadError)] == []


def test_jsonl_good_lines_survive_bad_ones(tmp_path: Path) -> None:
    """Each JSON line is an article; a malformed line is reported by number and the rest go in."""
    path = tmp_path / "g.jsonl"
    lines = [
        json.dumps({"id": "one", "title": "T1", "text": "First.", "published": "2021-06-10"}),
        "{broken",
        json.dumps({"id": "three", "text": ""}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"text": "No id.", "published": "2021-02-31"}),
        json.dumps({"text": "Fourth.", "url": "https://example.org"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read(path)
    ok = [i.article.identifier for i in items if isinstance(i, SourceArticle)]
    bad = {i.location: i.reason for i in items if isinstance(i, ReadError)}
    assert ok == ["one", "g.jsonl:6"]
    assert bad[f"{path}:2"].startswith("malformed JSON")
    assert bad[f"{path}:3"] == 'the record has no "text"'
    assert bad[f"{path}:4"] == "a JSON Lines record must be an object"
    assert "impossible" in bad[f"{path}:5"]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n\t \n", "empty file"),
        (
            "image.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00" + bytes(range(256)),
            "binary file, not text",
        ),
        ("front.md", b"---\ntitle: [unclosed\n---\nBody", "malformed front matter"),
        ("list.md", b"---\n- a\n- b\n---\nBody", "malformed front matter (not a mapping of fields)"),
        ("date.md", b"---\npublished: 2021-02-31\n---\nBody", "published date '2021-02-31' is impossible"),
        ("year0.md", b"---\npublished: 0000-01-01\n---\nBody", "published date '0000-01-01' is impossible"),
        ("notes.pdf", b"%PDF-1.4", "unsupported file type .pdf"),
    ],
)
def test_bad_files_give_one_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    """Each kind of bad file yields one ReadError whose reason says what is wrong."""
    path = tmp_path / name
    path.write_bytes(content)
    assert error(path).startswith(reason)


def test_legacy_encodings_are_detected(tmp_path: Path) -> None:
    """Windows-1252 text is decoded, not refused."""
    path = tmp_path / "cp.txt"
    text = "Title\nThe minister’s visit to Zürich and Málaga — “historic”, officials said. " * 5
    path.write_bytes(text.encode("cp1252"))
    assert "Zürich" in one(path).article.text


def test_oversized_file_is_refused_with_the_limit(tmp_path: Path) -> None:
    """A file over the size limit is refused with a message naming the limit and the option."""
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * (2 * 1024 * 1024))
    (item,) = list(read_file(path, NONE, NONE, max_bytes=1024 * 1024))
    assert isinstance(item, ReadError)
    assert item.reason == "file is 2.0 MiB, over the limit of 1 MiB (raise it with --max-size MB)"


def test_walk_finds_supported_files_once_and_survives_symlink_loops(tmp_path: Path) -> None:
    """Folders are searched recursively in order; links back up do not loop; other types are skipped."""
    (tmp_path / "a b").mkdir()
    (tmp_path / "a b" / "é.txt").write_text("x", encoding="utf-8")
    (tmp_path / "z.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "skip.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "metadata.json").write_text("{}", encoding="utf-8")
    (tmp_path / "a b" / "loop").symlink_to(tmp_path, target_is_directory=True)
    found = [f.path.relative_to(tmp_path).as_posix() for f in find_files([tmp_path]) if isinstance(f, Found)]
    assert found == ["z.html", "a b/é.txt"]


def test_walk_reports_missing_paths(tmp_path: Path) -> None:
    """A path that does not exist is an error naming it."""
    (item,) = list(find_files([tmp_path / "nope"]))
    assert isinstance(item, ReadError)
    assert item.reason == "no such file or folder"


def _records(count: int, prefix: str = "r", size: int = 200) -> list[str]:
    return [json.dumps({"id": f"{prefix}{n}", "text": f"Record {n}. " + "x" * size}) for n in range(count)]


def _ids(items: list[SourceArticle | ReadError]) -> list[str]:
    return [i.article.identifier for i in items if isinstance(i, SourceArticle)]


def test_jsonl_limit_bounds_each_record_not_the_file(tmp_path: Path) -> None:
    """A JSON Lines file larger than the limit goes in record by record; a record over the limit is one
    error naming its line (and its size), and the records after it still go in."""
    path = tmp_path / "archive.jsonl"
    lines = _records(40)
    lines[7] = json.dumps({"id": "huge", "text": "y" * 6000})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 4096
    items = list(read_file(path, NONE, NONE, max_bytes=4096))
    errors = [i for i in items if isinstance(i, ReadError)]
    assert [(e.location, e.reason) for e in errors] == [
        (f"{path}:8", "record is 0.0 MiB, over the limit of 0 MiB (raise it with --max-size MB)")
    ]
    assert _ids(items) == [f"r{n}" for n in range(40) if n != 7]


def test_jsonl_is_read_with_flat_memory(tmp_path: Path) -> None:
    """Reading an 8 MiB JSON Lines file takes far less memory than the file: it is read a line at a time."""
    import tracemalloc

    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(_records(8 * 4096, size=230)) + "\n", encoding="utf-8")
    assert path.stat().st_size > 8 * 1024 * 1024
    tracemalloc.start()
    try:
        count = sum(isinstance(item, SourceArticle) for item in read_file(path, NONE, NONE))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 8 * 4096
    assert peak < 1024 * 1024, peak


def test_jsonl_in_a_legacy_encoding_reads_as_a_whole_file(tmp_path: Path) -> None:
    """A JSON Lines file in Windows-1252 (not UTF-8 from its third line on) gives the articles a
    reading of the whole file gives: each once, in order, with its accented letters."""
    path = tmp_path / "legacy.jsonl"
    lines = _records(2) + [json.dumps({"id": f"e{n}", "text": "Café in Zürich, à Genève."}, ensure_ascii=False)
                           for n in range(3)] + _records(2, "s")  # fmt: skip
    path.write_bytes(("\n".join(lines) + "\n").encode("cp1252"))
    items = read(path)
    assert _ids(items) == ["r0", "r1", "e0", "e1", "e2", "s0", "s1"]
    assert all(isinstance(i, SourceArticle) for i in items)
    assert items[2].article.text == "Café in Zürich, à Genève."  # type: ignore[union-attr]


def test_jsonl_with_a_bom_or_in_utf16_is_read(tmp_path: Path) -> None:
    """A UTF-8 byte-order mark does not break the first record; UTF-16 with a BOM is read too."""
    text = "\n".join(_records(3)) + "\n"
    bom = tmp_path / "bom.jsonl"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    wide = tmp_path / "wide.jsonl"
    wide.write_bytes(text.encode("utf-16"))
    assert _ids(read(bom)) == _ids(read(wide)) == ["r0", "r1", "r2"]


def test_non_utf8_line_of_a_file_over_the_limit_is_read_alone(tmp_path: Path) -> None:
    """In a JSON Lines file too big to read whole, a line that is not UTF-8 is decoded on its own (here
    Windows-1252, told by its encoding's detection)."""
    path = tmp_path / "big.jsonl"
    broken = json.dumps({"id": "broken", "text": "Caf\udce9 society."}, ensure_ascii=False)
    data = ("\n".join(_records(30)) + "\n").encode("utf-8") + broken.encode("utf-8", "surrogateescape") + b"\n"
    path.write_bytes(data)
    items = list(read_file(path, NONE, NONE, max_bytes=4096))
    assert _ids(items)[-1] == "broken" and len(_ids(items)) == 31
    assert items[-1].article.text == "Café society."  # type: ignore[union-attr]
