"""`dateline db`: the database's migrations and its consistency check."""

from __future__ import annotations

import typer

from dateline.cli.common import DbOption, fail, user_errors
from dateline.store import migrate
from dateline.store.engine import DEFAULT_DB, create_db_engine, database_url
from dateline.store.errors import StoreError

app = typer.Typer(help="Database maintenance: migrations and checks.", no_args_is_help=True)


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


@app.command()
def check(db: DbOption = DEFAULT_DB) -> None:
    """Check the database: SQLite's integrity check and dateline's own rules.

    Every row points at rows that exist, every event has a source, no event's earliest date is
    after its latest, every actor code in an event is known, and the copy of its actor links each
    event keeps for fast reading is its links. One line per check on stdout;
    the exit code is 1 when a check finds a problem. The database is not changed or migrated.
    """
    from dateline.api.check import check as run_check  # the actor data, for the codes check

    with user_errors():
        findings = run_check(db)
    width = max(len(f.check) for f in findings)
    for finding in findings:
        examples = f" ({', '.join(finding.examples)}{', ...' if finding.problems > len(finding.examples) else ''})"
        line = f"{'ok' if finding.ok else 'FAIL':<5} {finding.check:<{width}}  {finding.detail}"
        typer.echo(line + (examples if finding.examples else ""))
    failed = [f.check for f in findings if not f.ok]
    if failed:
        fail(
            f"{len(failed)} of {len(findings)} checks found problems ({', '.join(failed)}). "
            "Re-ingest the articles concerned, or restore a backup"
        )
    typer.echo(f"{len(findings)} checks, no problems found", err=True)
