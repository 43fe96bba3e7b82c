"""A chronology for the terminal (Rich), and as plain text when piped."""

from __future__ import annotations

import textwrap

from rich.console import Group
from rich.padding import Padding
from rich.text import Text

from dateline.render.chronology import Chronology, Entry, SourceNote, heading


def document_citations(entry: Entry, notes: dict[int, SourceNote]) -> list[str]:
    """The documents an entry cites, once each: title, source and publication date."""
    seen: dict[str, str] = {}
    for number in entry.notes:
        note = notes[number]
        seen.setdefault(note.source.document, note.citation())
    return list(seen.values())


def chronology_renderable(chronology: Chronology) -> Group:
    """Title, then each date in bold with its entries: sentence, summary, sources."""
    notes = {n.number: n for n in chronology.notes}
    parts: list[Text | Padding] = [Text(chronology.title, style="bold underline"), Text("")]
    if not chronology.groups:
        parts.append(Text("No events match.", style="italic"))
    for group in chronology.groups:
        parts.append(Text(heading(group.date), style="bold"))
        for entry in group.entries:
            line = Text("• ")
            line.append(entry.text, style="yellow" if entry.planned else "")
            body = [line, Text(entry.detail, style="dim")]
            cited = document_citations(entry, notes)
            if cited:
                body.append(Text("Sources: " + "; ".join(cited), style="dim cyan"))
            parts.append(Padding(Group(*body), (0, 0, 0, 2), expand=False))
        parts.append(Text(""))
    return Group(*parts)


def _wrapped(wrapper: textwrap.TextWrapper, text: str) -> list[str]:
    """`wrapper.wrap(text)`, without textwrap's work for the usual line that already fits.

    Such a line (printable, so no tab or newline to expand, and not blank) is textwrap's one
    line as it is: the indent, then the text without its trailing spaces.
    """
    indent = wrapper.initial_indent
    if text and not text.isspace() and text.isprintable() and len(indent) + len(text) <= wrapper.width:
        return [indent + text.rstrip(" ")]
    return wrapper.wrap(text)


def to_plain_text(chronology: Chronology, width: int = 100) -> str:
    """The terminal rendering without colours, wrapped at `width` (for files and pipes).

    Written with textwrap rather than through Rich: the same layout, at a fraction of the cost
    for long chronologies.
    """
    notes = {n.number: n for n in chronology.notes}
    wrap = textwrap.TextWrapper(width=width, break_on_hyphens=False)
    indented = textwrap.TextWrapper(width=width, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False)
    lines = [*_wrapped(wrap, chronology.title), ""]
    if not chronology.groups:
        lines.append("No events match.")
    for group in chronology.groups:
        lines.extend(_wrapped(wrap, heading(group.date)))
        for entry in group.entries:
            lines.extend(_wrapped(indented, "• " + entry.text))
            lines.extend(_wrapped(indented, entry.detail))
            cited = document_citations(entry, notes)
            if cited:
                lines.extend(_wrapped(indented, "Sources: " + "; ".join(cited)))
        lines.append("")
    return "\n".join(line.rstrip() for line in lines) + "\n"
