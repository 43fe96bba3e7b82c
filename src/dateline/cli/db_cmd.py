"""`dateline db`: the database's migrations."""

from __future__ import annotations

import typer

from dateline.cli.common import DbOption, fail, user_errors
from dateline.store import migrate
from dateline.store.engine import DEFAULT_DB, create_db_engine, database_url
from dateline.store.errors import StoreError

app = typer.Typer(help="Database maintenance: migrations.", no_args_is_help=True)


@app.command()
def upgrade(db: DbOption = DEFAULT_DB) -> None:
    """Migrate the database to the newest schema, backing up a SQLite file first."""
    with user_errors():
        engine = create_db_engine(database_url(db))
        before = migrate.current_revision(engine)
        backup = migrate.upgrade(engine)
        after = migrate.current_revision(engine)
    if backup is not None:
        typer.echo(f"Backed up {db} to {backup}", err=True)
    if before == after:
        typer.echo(f"Already at revision {after}", err=True)
    else:
        typer.echo(f"Upgraded from {before or 'an empty database'} to {after}", err=True)


@app.command()
def current(db: DbOption = DEFAULT_DB) -> None:
    """Print the database's schema revision (and the newest one this dateline knows)."""
    try:
        engine = create_db_engine(database_url(db))
        revision = migrate.current_revision(engine)
    except StoreError as exc:
        fail(str(exc))
    head = migrate.head_revision()
    typer.echo(f"{revision or 'none'} (head: {head})")


@app.command()
def downgrade(
    revision: str = typer.Argument(..., help='Revision to go down to ("base" removes every table).'),
    db: DbOption = DEFAULT_DB,
) -> None:
    """Migrate the database down to an older revision (for development)."""
    with user_errors():
        migrate.downgrade(create_db_engine(database_url(db)), revision)
    typer.echo(f"Downgraded to {revision}", err=True)
