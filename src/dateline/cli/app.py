"""The `dateline` command: the root Typer app and its command groups."""

from __future__ import annotations

from typing import Annotated

import typer

from dateline import __version__
from dateline.cli import actors_cmd, dates_cmd, db_cmd, distribute_cmd, explain_cmd, ingest_cmd, query_cmd
from dateline.cli.ask_cmd import ask
from dateline.cli.timeline_cmd import timeline

app = typer.Typer(
    name="dateline",
    help="dateline: a diplomatic event timeline database. Ingest news articles, then ask for "
    "dated, sourced chronologies of what states, organisations and officials did.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"dateline {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """dateline: a diplomatic event timeline database.

    Ingest news articles, then ask for dated, sourced chronologies of what states,
    organisations and officials did. The database is --db PATH (or DATELINE_DB), by default
    dateline.db in the current folder. Exit codes: 0 success, 1 error (some input failed, or
    a bad value), 2 usage error.
    """


app.command("ingest")(ingest_cmd.ingest)
app.command("events")(query_cmd.events)
app.command("show")(query_cmd.show)
app.command("export")(query_cmd.export)
app.command("timeline")(timeline)
app.command("ask")(ask)
app.command("dates")(dates_cmd.dates)
app.command("explain")(explain_cmd.explain)
app.command("extract")(distribute_cmd.extract)
app.command("load")(distribute_cmd.load)
app.command("actors")(actors_cmd.actors)
app.command("actor")(actors_cmd.actor)
app.add_typer(db_cmd.app, name="db")


def main() -> None:
    """Entry point of the console script."""
    app()
