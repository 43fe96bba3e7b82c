"""Which renderer writes which chronology format, and the format a file name asks for."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from dateline.render.chronology import Chronology
from dateline.render.chronology_data import to_chronology_csv, to_chronology_json
from dateline.render.html_doc import to_html_document
from dateline.render.markdown_doc import to_markdown_document
from dateline.render.timeline_text import to_plain_text

# Format name by file extension.
EXTENSIONS = {
    ".txt": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
    ".docx": "docx", ".csv": "csv", ".json": "json", ".ics": "ics", ".png": "png", ".svg": "svg",
}  # fmt: skip
FORMATS = ("terminal", "text", "markdown", "html", "docx", "csv", "json", "ics", "png", "svg")
BINARY = frozenset({"docx", "png"})


class FormatError(ValueError):
    """A file name or format that no renderer writes."""


def format_for_path(path: Path) -> str:
    """The format a file's extension asks for: timeline.md is markdown, timeline.png a chart."""
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None:
        known = " ".join(sorted(EXTENSIONS))
        raise FormatError(f"cannot tell the format of {path.name!r} from its extension. Use one of: {known}")
    return fmt


def render_chronology(chronology: Chronology, fmt: str, lanes: str = "type", stamp: dt.datetime | None = None) -> bytes:
    """The chronology in `fmt` as bytes (UTF-8 for the text formats).

    `stamp` fixes the creation time written into .ics and .docx files (for reproducible output).
    The chart, Word and calendar writers load matplotlib, python-docx and icalendar, which take
    longer to import than a query takes to run: they are imported here, when asked for.
    """
    if fmt in ("png", "svg"):
        from dateline.render.chart import timeline_chart

        return timeline_chart(chronology.events, chronology.title, lanes=lanes, fmt=fmt)
    if fmt == "docx":
        from dateline.render.docx_doc import to_docx

        return to_docx(chronology, created=stamp)
    if fmt == "ics":
        from dateline.render.ics import to_ics

        return to_ics(chronology, stamp=stamp)
    writers = {
        "terminal": to_plain_text,
        "text": to_plain_text,
        "markdown": to_markdown_document,
        "html": to_html_document,
        "csv": to_chronology_csv,
        "json": to_chronology_json,
    }
    if fmt not in writers:
        raise FormatError(f"unknown format {fmt!r}. Use one of: {', '.join(FORMATS)}")
    return writers[fmt](chronology).encode("utf-8")
