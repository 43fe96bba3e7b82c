"""Events as a Rich table for the terminal, and one event in full."""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from dateline.views import StoredEvent


def events_table(events: Iterable[StoredEvent]) -> Table:
    """A table with a row an event: id, date, type, status, actors, summary, sources."""
    table = Table(show_lines=False, expand=False)
    for name, style in (("id", "dim"), ("date", "bold"), ("type", ""), ("status", ""), ("actors", "cyan"),
                        ("summary", ""), ("sources", "dim")):  # fmt: skip
        table.add_column(name, style=style, overflow="fold")
    for e in events:
        status = Text(e.status, style="yellow" if e.status == "planned" else "")
        actors = ", ".join([*e.codes, *e.persons])
        sources = ", ".join(dict.fromkeys(s.document for s in e.sources))
        table.add_row(str(e.id), e.date or "undated", e.type, status, actors, e.summary, sources)
    return table


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
