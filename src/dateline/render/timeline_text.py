"""A chronology for the terminal (Rich), and as plain text when piped."""

from __future__ import annotations

import io

from rich.console import Console, Group
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


def to_plain_text(chronology: Chronology, width: int = 100) -> str:
    """The terminal rendering without colours, wrapped at `width` (for files and pipes)."""
    console = Console(record=True, width=width, file=io.StringIO(), color_system=None, force_terminal=False)
    console.print(chronology_renderable(chronology))
    return "\n".join(line.rstrip() for line in console.export_text().splitlines()) + "\n"
