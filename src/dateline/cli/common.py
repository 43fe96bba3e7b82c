"""What every command shares: the database option, the one error path, output helpers."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Annotated, NoReturn

import typer
from rich.console import Console

from dateline.api.errors import UserError
from dateline.ingest.errors import ReadError
from dateline.render.table import events_text, text_table
from dateline.store.engine import DEFAULT_DB, Database, open_database
from dateline.store.errors import StoreError
from dateline.views import StoredEvent

DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="DATELINE_DB",
        help="Database: a SQLite file path or a SQLAlchemy URL (postgresql+psycopg://...).",
        show_default=True,
    ),
]
DEFAULT_DB_PATH = DEFAULT_DB

# Piped output gets wide lines rather than Rich's 80-column default, so rows stay whole.
stdout = Console(soft_wrap=False, width=None if sys.stdout.isatty() else 200)
stderr = Console(stderr=True)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print `Error: message` on stderr and exit with `code` (1: user error, 2: usage)."""
    text = message if message.endswith((".", "?", "!")) else message + "."
    typer.echo(f"Error: {text}", err=True)
    raise typer.Exit(code)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn the errors a user can fix into one line on stderr and exit code 1."""
    try:
        yield
    except (UserError, StoreError, ReadError) as exc:
        fail(str(exc))


def open_db(value: str) -> Database:
    """The database at `value`, migrated, or a one-line error."""
    try:
        return open_database(value)
    except StoreError as exc:
        fail(f"{exc}. Check --db or DATELINE_DB")


def colours() -> bool:
    """Whether stdout takes ANSI colours: a terminal, and neither NO_COLOR nor TERM=dumb set."""
    return stdout.is_terminal and stdout.color_system is not None


def write_out(text: str) -> None:
    """Text on stdout, flushed, so that it comes before what is written to stderr after it."""
    sys.stdout.write(text)
    sys.stdout.flush()


def write_table(headers: Sequence[str], rows: list[tuple[str, ...]], wraps: dict[int, int]) -> None:
    """A text table on stdout, fitted to the terminal's width (200 columns in a pipe), bold header in a terminal."""
    write_out(text_table(headers, rows, wraps, width=stdout.width, color=colours()))


def write_events(events: Sequence[StoredEvent]) -> None:
    """Events as a table on stdout: fitted to the terminal's width (200 columns in a pipe), coloured in a terminal."""
    write_out(events_text(events, width=stdout.width, color=colours()))


def is_terminal() -> bool:
    """Whether stderr is a terminal (progress bars show only there)."""
    return sys.stderr.isatty()
