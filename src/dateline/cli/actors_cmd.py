"""`dateline actors` and `dateline actor`: the known states, organisations and people."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from dateline.cli.common import DbOption, fail, open_db, stdout, user_errors, write_events, write_table
from dateline.store.engine import DEFAULT_DB

if TYPE_CHECKING:
    from dateline.api.actors import ActorInfo, Office

KINDS = ("state", "organisation", "person")


def _office(o: Office) -> str:
    start = o.start.isoformat() if o.start else "?"
    end = o.end.isoformat() if o.end else "open"
    office = o.office.removeprefix("other:").replace("_", " ")
    return f"{o.state} {office} {start} to {end}" + (" (from an article)" if o.origin != "gazetteer" else "")


def _aliases(info: ActorInfo, most: int = 6) -> str:
    shown = ", ".join(info.aliases[:most])
    return shown + (f" (+{len(info.aliases) - most})" if len(info.aliases) > most else "")


def actors(
    query: Annotated[
        str | None, typer.Argument(help="Part of a name, alias or code (case and accents ignored).")
    ] = None,
    kind: Annotated[
        list[str] | None, typer.Option("--kind", "-k", help="state, organisation or person (repeatable).")
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """List known actors: states, organisations and office holders, with aliases and offices.

    States and organisations come from the data shipped with dateline; people from the
    office-holder gazetteer and from the articles ingested into the database.
    """
    from dateline.api.actors import list_actors  # the actor data's code: only the actor commands need it

    for k in kind or []:
        if k not in KINDS:
            fail(f"unknown kind {k!r}. Use one of: {', '.join(KINDS)}")
    with user_errors():
        found = list_actors(query, tuple(kind or ()), open_db(db))
    rows = [
        (info.kind, info.code, info.name if info.name != info.code else "", _aliases(info),
         "; ".join(_office(o) for o in info.offices[-3:]))
        for info in found
    ]  # fmt: skip
    if rows:
        write_table(("kind", "code", "name", "aliases", "offices"), rows, {2: 16, 3: 16, 4: 24})
    typer.echo(f"{len(found)} actors", err=True)


def actor(
    name: Annotated[str, typer.Argument(help="A name, demonym, code or spelling: Italy, ITA, Zelenskyy, 'Di Maio'.")],
    limit: Annotated[int, typer.Option("--limit", help="At most this many events.", min=1)] = 100,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Show one actor with its other names, its offices and the events it takes part in."""
    from dateline.api.actors import actor_detail

    with user_errors():
        info, events = actor_detail(open_db(db), name, limit)
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    head.add_row("name", info.name)
    head.add_row("kind", info.kind)
    head.add_row("code", info.code)
    if info.aliases:
        head.add_row("aliases", ", ".join(info.aliases))
    for i, o in enumerate(info.offices):
        head.add_row("offices" if i == 0 else "", _office(o))
    stdout.print(head)
    if events:
        stdout.file.flush()
        write_events(events)
    typer.echo(f"{len(events)} events", err=True)
