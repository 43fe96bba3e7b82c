"""A chronology as Markdown: a heading per date, a bullet per event, numbered source notes."""

from __future__ import annotations

from dateline.render.chronology import Chronology, SourceNote, heading


def _inline(text: str) -> str:
    """Text safe inside a Markdown line: no line breaks, no stray emphasis or links."""
    text = " ".join(text.split())
    for char in ("\\", "*", "_", "[", "]", "<", ">", "`", "#"):
        text = text.replace(char, "\\" + char)
    return text


def note_line(note: SourceNote) -> str:
    """ "1. Title, source, 1 July 2021. <url> “evidence sentence”"."""
    line = f"{note.number}. {_inline(note.citation())}."
    if note.source.url:
        line += f" <{note.source.url}>"
    line += f" Document `{note.source.document}`: “{_inline(note.source.sentence)}”"
    return line


def to_markdown_document(chronology: Chronology) -> str:
    """The chronology as a Markdown document, ready to paste into a briefing."""
    lines = [f"# {_inline(chronology.title)}", ""]
    count = len(chronology.entries)
    lines += [f"{count} event{'s' if count != 1 else ''}.", ""]
    for group in chronology.groups:
        lines += [f"## {_inline(heading(group.date))}", ""]
        for entry in group.entries:
            refs = "".join(f"[{n}]" for n in entry.notes)
            text = f"**{_inline(entry.text)}**" if entry.planned else _inline(entry.text)
            lines.append(f"- {text} {_inline(entry.detail)} {refs}".rstrip())
        lines.append("")
    if chronology.notes:
        lines += ["## Sources", ""]
        lines += [note_line(note) for note in chronology.notes]
        lines.append("")
    return "\n".join(lines)
