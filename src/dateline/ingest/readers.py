"""Reading article files: plain text, Markdown or text with front matter, HTML, JSON Lines."""

from __future__ import annotations

import codecs
import contextlib
import json
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import yaml
from frontmatter.default_handlers import YAMLHandler

from dateline.extract.records import Article
from dateline.ingest.decode import DecodeError, decode, looks_binary
from dateline.ingest.errors import ReadError
from dateline.ingest.metadata import Metadata, from_mapping
from dateline.ingest.records import SourceArticle, content_hash

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md", ".markdown"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
DEFAULT_MAX_BYTES = 50 * 1024 * 1024

Item = SourceArticle | ReadError


class _Loader(yaml.SafeLoader):
    """YAML without timestamp typing: dates stay strings, so that ours say what is wrong with them."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_HANDLER = YAMLHandler()


def _regular_size(path: Path) -> int:
    """The size of the file at `path`, refusing what is not a regular file."""
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        # A pipe would block the read for ever and a device (a link to /dev/zero) never end.
        raise ReadError(str(path), "not a regular file (a device, pipe or socket)")
    return info.st_size


def read_text_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The decoded text of a file, refusing empty, oversized and binary files."""
    where = str(path)
    try:
        size = _regular_size(path)
        if size > max_bytes:
            raise ReadError(where, _too_big(size, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # bounded: the file may have grown since stat
        if len(data) > max_bytes:
            raise ReadError(where, _too_big(len(data), max_bytes))
    except PermissionError as exc:
        raise ReadError(where, "permission denied") from exc
    except OSError as exc:
        raise ReadError(where, f"cannot read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise ReadError(where, "empty file")
    try:
        text = decode(data)
    except DecodeError as exc:
        raise ReadError(where, str(exc)) from exc
    if not text.strip():
        raise ReadError(where, "empty file")
    return text


def _too_big(size: int, max_bytes: int) -> str:
    return (
        f"file is {size / 1_048_576:.1f} MiB, over the limit of {max_bytes / 1_048_576:.0f} MiB "
        "(raise it with --max-size MB)"
    )


def _readable(name: str) -> str:
    """A file name's bytes that are not UTF-8 (kept by Python as lone surrogates) as U+FFFD.

    Such a name cannot be stored or compared as text; the replacement keeps it recognisable.
    """
    return os.fsencode(name).decode("utf-8", "replace")


def _article(text: str, meta: Metadata, path: Path, where: str) -> SourceArticle:
    if not text.strip():
        raise ReadError(where, "no article text")
    article = Article(
        identifier=meta.identifier or _readable(path.name),
        text=text,
        title=meta.title,
        published=meta.published,
        published_precision=meta.published_precision or ("day" if meta.published else None),
        url=meta.url,
        source=meta.source,
        language=meta.language,
    )
    return SourceArticle(article=article, path=_readable(str(path)), content_hash=content_hash(article))


def _first_line(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:500]
    return None


def parse_text(text: str, path: Path, sidecar: Metadata, fallback: Metadata) -> SourceArticle:
    """An article from plain text or Markdown, with an optional front-matter block.

    Metadata precedence: the sidecar, then the front matter, then `fallback` (`--published`);
    the title falls back on the first non-empty line.
    """
    where = str(path)
    body = text
    meta = Metadata()
    if _HANDLER.detect(text):
        try:
            raw, body = _HANDLER.split(text)
            fields = yaml.load(raw, Loader=_Loader)
        except (yaml.YAMLError, ValueError) as exc:
            reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            raise ReadError(where, f"malformed front matter ({reason})") from exc
        if fields is None:
            fields = {}
        if not isinstance(fields, dict):
            raise ReadError(where, "malformed front matter (not a mapping of fields)")
        meta = from_mapping(fields, where)
        body = body.lstrip("\n")
    meta = sidecar.over(meta.over(fallback))
    if meta.title is None:
        meta = Metadata(title=_first_line(body)).over(meta)
    return _article(body, meta, path, where)


def parse_html(html: str, path: Path, sidecar: Metadata, fallback: Metadata) -> SourceArticle:
    """An article from an HTML page: its main text, title and date found by trafilatura."""
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    where = str(path)
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if doc is None or not (doc.text or "").strip():
        raise ReadError(where, "no article text found in the HTML page")
    found = Metadata(title=doc.title or None)
    if doc.date:
        # a page date we cannot read is no reason to refuse the article
        with contextlib.suppress(ReadError):
            found = from_mapping({"title": doc.title, "published": doc.date}, where)
    return _article(doc.text, sidecar.over(found.over(fallback)), path, where)


def _has_lone_surrogate(line: str, record: object) -> bool:
    if "\\u" not in line:  # only an escape can make one: the line itself was decoded as text
        return False
    try:
        json.dumps(record, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def parse_jsonl_line(line: str, where: str, name: str, path: Path, fallback: Metadata) -> SourceArticle | ReadError:
    """One JSON Lines record (id, title, text, published, url, source) as an article, or why not.

    `where` names the line in messages ("file.jsonl:3"); `name` is the identifier when the record has no id.
    """
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return ReadError(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
    except RecursionError:
        return ReadError(where, "malformed JSON (nested too deeply)")
    if _has_lone_surrogate(line, record):
        return ReadError(where, "malformed JSON (a \\u escape of a lone surrogate, which is no character)")
    if not isinstance(record, dict):
        return ReadError(where, "a JSON Lines record must be an object")
    body = record.get("text")
    if not isinstance(body, str) or not body.strip():
        return ReadError(where, 'the record has no "text"')
    try:
        meta = from_mapping(record, where).over(fallback)
    except ReadError as exc:
        return exc
    if meta.identifier is None:
        meta = Metadata(identifier=name).over(meta)
    try:
        return _article(body, meta, path, where)
    except ReadError as exc:
        return exc


def parse_jsonl(text: str, path: Path, sidecar: Metadata, fallback: Metadata, first: int = 1) -> Iterator[Item]:
    """Articles from JSON Lines: one object a line with id, title, text, published, url, source.

    A malformed line yields a ReadError naming the line and the reading goes on. Lines before
    `first` (counted from 1) are passed over: they were read already.
    """
    meta = sidecar.over(fallback)
    for number, line in enumerate(_lines(text), start=1):
        if number >= first and line.strip():
            yield parse_jsonl_line(line, f"{path}:{number}", f"{path.name}:{number}", path, meta)


def _lines(text: str) -> Iterator[str]:
    """The lines of a JSON Lines text, one at a time: split at "\n" only (a JSON string may hold a raw
    U+2028, which str.splitlines would break a record at), without a list of them all in memory."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        yield text[start:end].removesuffix("\r")
        start = end + 1


def _too_long(size: int, max_bytes: int) -> str:
    return (
        f"record is {size / 1_048_576:.1f} MiB, over the limit of {max_bytes / 1_048_576:.0f} MiB "
        "(raise it with --max-size MB)"
    )


def _skip_line(handle: BinaryIO) -> int:
    """Read on to the end of the current line; the bytes passed over."""
    skipped = 0
    while chunk := handle.readline(1_048_576):
        skipped += len(chunk)
        if chunk.endswith(b"\n"):
            break
    return skipped


def read_jsonl(path: Path, fallback: Metadata, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """The articles of a JSON Lines file, read a line at a time: memory stays flat whatever the size of
    the file, and `max_bytes` bounds each record (line) instead of the file.

    JSON Lines is UTF-8 (a UTF-8 BOM is passed over). A file that is not, or is UTF-16 or binary,
    is read whole as other text files are (and refused when over `max_bytes`): from the first
    line that is not UTF-8 on, its lines are taken from that reading, so the outcome is the same.
    """
    where = str(path)
    meta = Metadata().over(fallback)  # a sidecar entry describes one article; this file holds many
    try:
        size = _regular_size(path)
        with path.open("rb") as handle:
            head = handle.read(8192)
            if not head.strip() and size <= len(head):
                raise ReadError(where, "empty file")
            if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or looks_binary(head):
                yield from parse_jsonl(read_text_file(path, max_bytes), path, meta, Metadata())
                return
            handle.seek(len(codecs.BOM_UTF8) if head.startswith(codecs.BOM_UTF8) else 0)
            number, seen = 0, False
            while raw := handle.readline(max_bytes + 1):
                number += 1
                line_where = f"{path}:{number}"
                if len(raw) > max_bytes and not raw.endswith(b"\n"):
                    yield ReadError(line_where, _too_long(len(raw) + _skip_line(handle), max_bytes))
                    continue
                try:
                    line = raw.decode("utf-8").removesuffix("\n").removesuffix("\r")
                except UnicodeDecodeError:
                    if size > max_bytes:  # too big to read whole: this line on its own
                        try:
                            line = decode(raw).removesuffix("\n").removesuffix("\r")
                        except DecodeError as exc:
                            yield ReadError(line_where, str(exc))
                            continue
                    else:
                        yield from parse_jsonl(read_text_file(path, max_bytes), path, meta, Metadata(), number)
                        return
                if line.strip():
                    seen = True
                    yield parse_jsonl_line(line, line_where, f"{path.name}:{number}", path, meta)
            if not seen:
                raise ReadError(where, "empty file")
    except PermissionError:
        yield ReadError(where, "permission denied")
    except OSError as exc:
        yield ReadError(where, f"cannot read ({exc.strerror or exc})")
    except ReadError as exc:
        yield exc


def read_file(path: Path, sidecar: Metadata, fallback: Metadata, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Item]:
    """Every article in the file at `path`, or the errors that stopped them.

    `sidecar` (from metadata.json) overrides what the file says of itself; `fallback` fills in
    what neither gives.
    """
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield ReadError(str(path), f"unsupported file type {suffix or '(none)'}: use .txt, .md, .html or .jsonl")
        return
    if suffix in JSONL_SUFFIXES:
        yield from read_jsonl(path, fallback, max_bytes)
        return
    try:
        text = read_text_file(path, max_bytes)
        if suffix in HTML_SUFFIXES:
            yield parse_html(text, path, sidecar, fallback)
        else:
            yield parse_text(text, path, sidecar, fallback)
    except ReadError as exc:
        yield exc
