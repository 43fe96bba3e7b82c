"""Events as a table of text for the terminal and for pipes, and one event in full (Rich)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from dateline.views import StoredEvent

HEADERS = ("id", "date", "type", "status", "actors", "summary", "sources")
_FLEXIBLE = {4: 12, 5: 24, 6: 12}  # columns that wrap when the table is too wide, with their narrowest width
_GAP = "  "
_BOLD, _YELLOW, _RESET = "\x1b[1m", "\x1b[33m", "\x1b[0m"


def _cells(e: StoredEvent) -> tuple[str, ...]:
    actors = ", ".join([*e.codes, *e.persons])
    sources = ", ".join(dict.fromkeys(s.document for s in e.sources))
    return (str(e.id), e.date or "undated", e.type, e.status, actors, " ".join(e.summary.split()), sources)


def _widths(rows: list[tuple[str, ...]], width: int) -> list[int]:
    """Each column's width: its longest cell, the wrapping columns narrowed (widest first) to fit `width`."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(HEADERS)]
    excess = sum(widths) + len(_GAP) * (len(widths) - 1) - width
    while excess > 0:
        column = max(_FLEXIBLE, key=lambda i: widths[i] - _FLEXIBLE[i])
        room = widths[column] - _FLEXIBLE[column]
        if room <= 0:
            break  # as narrow as it goes: the terminal wraps the rest
        cut = min(room, excess, max(1, widths[column] // 4))
        widths[column] -= cut
        excess -= cut
    return widths


def _wrap(text: str, width: int) -> list[str]:
    if len(text) <= width:
        return [text]
    return textwrap.wrap(text, width, break_on_hyphens=False) or [""]


def events_text(events: Sequence[StoredEvent], width: int = 200, color: bool = False) -> str:
    """A table with a row an event (id, date, type, status, actors, summary, sources), fitted to
    `width` columns: the actors, summary and sources wrap within their columns when the table is
    too wide. With `color`, the header is bold and planned events yellow (ANSI codes).

    Written here rather than with Rich's table, whose layout of a few thousand rows takes
    seconds: this one takes milliseconds.
    """
    rows = [_cells(e) for e in events]
    widths = _widths(rows, width)
    last = len(widths) - 1
    out: list[str] = []

    def line(cells: Sequence[str]) -> str:
        return _GAP.join(c if i == last else c.ljust(widths[i]) for i, c in enumerate(cells)).rstrip()

    header = line(HEADERS)
    out.append(f"{_BOLD}{header}{_RESET}" if color else header)
    out.append(_GAP.join("─" * w for w in widths))
    for row in rows:
        parts = [_wrap(cell, widths[i]) for i, cell in enumerate(row)]
        height = max(len(p) for p in parts)
        for k in range(height):
            text = line([p[k] if k < len(p) else "" for p in parts])
            out.append(f"{_YELLOW}{text}{_RESET}" if color and row[3] == "planned" else text)
    return "\n".join(out) + "\n"


def event_panel(event: StoredEvent) -> Group:
    """One event with its actors, sources and evidence sentences."""
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    date = event.date or "undated"
    if event.earliest and event.latest:
        date += f"  ({event.earliest.isoformat()} to {event.latest.isoformat()}, {event.precision})"
    rows = [
        ("id", str(event.id)),
        ("type", event.type + (f"  (CAMEO {event.cameo})" if event.cameo else "")),
        ("status", event.status),
        ("date", date),
        ("date phrase", event.date_text or "-"),
        ("summary", event.summary),
        ("confidence", f"{event.confidence:.2f}"),
    ]
    for key, value in rows:
        head.add_row(key, value)
    actors = Table("role", "kind", "code", "name", "office", title="actors", title_justify="left")
    for a in event.actors:
        actors.add_row(a.role, a.kind, a.code, a.name, a.office or "")
    sources = []
    for number, s in enumerate(event.sources, start=1):
        title = f"[{number}] {s.document}"
        if s.published:
            title += f", published {s.published.isoformat()}"
        sources.append(
            Panel(Text(s.sentence), title=title, title_align="left", subtitle=f"characters {s.start}-{s.end}")
        )
    return Group(head, actors, *sources)
