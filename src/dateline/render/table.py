"""Events as a table of text for the terminal and for pipes, and one event in full (Rich)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Sequence

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from dateline.render.ansi import BOLD, YELLOW, paint
from dateline.views import StoredEvent

HEADERS = ("id", "date", "type", "status", "actors", "summary", "sources")
_EVENT_WRAPS = {4: 12, 5: 24, 6: 12}  # columns that wrap when the table is too wide, with their narrowest width
_GAP = "  "


def _cells(e: StoredEvent) -> tuple[str, ...]:
    actors = ", ".join([*e.codes, *e.persons])
    sources = ", ".join(dict.fromkeys(s.document for s in e.sources))
    return (str(e.id), e.date or "undated", e.type, e.status, actors, " ".join(e.summary.split()), sources)


def _widths(headers: Sequence[str], rows: list[tuple[str, ...]], wraps: dict[int, int], width: int) -> list[int]:
    """Each column's width: its longest cell, the wrapping columns narrowed (widest first) to fit `width`."""
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(headers)]
    excess = sum(widths) + len(_GAP) * (len(widths) - 1) - width
    while excess > 0:
        column = max(wraps, key=lambda i: widths[i] - wraps[i])
        room = widths[column] - wraps[column]
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


def text_table(
    headers: Sequence[str],
    rows: list[tuple[str, ...]],
    wraps: dict[int, int],
    width: int = 200,
    color: bool = False,
    highlight: Callable[[tuple[str, ...]], bool] | None = None,
) -> str:
    """Rows under a header and a rule, fitted to `width` columns: the columns in `wraps` (index:
    narrowest width) wrap within themselves when the table is too wide. With `color`, the header
    is bold and the rows `highlight` picks yellow (ANSI codes).

    Written here rather than with Rich's table, whose layout of a few thousand rows takes
    seconds: this one takes milliseconds.
    """
    widths = _widths(headers, rows, wraps, width)
    last = len(widths) - 1

    def line(cells: Sequence[str]) -> str:
        return _GAP.join(c if i == last else c.ljust(widths[i]) for i, c in enumerate(cells)).rstrip()

    header = line(headers)
    out = [paint(header, BOLD) if color else header, _GAP.join("─" * w for w in widths)]
    for row in rows:
        parts = [_wrap(cell, widths[i]) for i, cell in enumerate(row)]
        marked = color and highlight is not None and highlight(row)
        for k in range(max(len(p) for p in parts)):
            text = line([p[k] if k < len(p) else "" for p in parts])
            out.append(paint(text, YELLOW) if marked else text)
    return "\n".join(out) + "\n"


def events_text(events: Sequence[StoredEvent], width: int = 200, color: bool = False) -> str:
    """A table with a row an event (id, date, type, status, actors, summary, sources), fitted to
    `width` columns: the actors, summary and sources wrap within their columns when the table is
    too wide. With `color`, the header is bold and planned events yellow."""
    rows = [_cells(e) for e in events]
    return text_table(HEADERS, rows, _EVENT_WRAPS, width, color, highlight=lambda row: row[3] == "planned")


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
