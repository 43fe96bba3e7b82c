"""`dateline extract` and `dateline load`: extraction without a database, and loading its output."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from dateline.api.dates import date_bounds
from dateline.cli.common import DbOption, open_db, user_errors
from dateline.ingest.errors import ReadError
from dateline.store.engine import DEFAULT_DB


def extract(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Article files or folders (any format ingest reads); none or '-': JSON Lines on stdin."),
    ] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for articles whose metadata gives none.")
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Extract events without a database: articles in, one JSON line an article out.

    Each output line holds the article (text and metadata), its content hash, the extractor
    version and its events; `dateline load` stores such lines. Run it on many machines (or on a
    Dask cluster, see the README) and load the results into one database.
    """
    from dateline.api.distribute import extract_lines, extract_paths  # loads extraction's code and data

    with user_errors():
        reference = date_bounds(published, "--published")[0] if published else None
        stdin = not paths or paths == [Path("-")]
        results = extract_lines(sys.stdin, reference) if stdin else extract_paths(list(paths or []), reference)
        try:
            out = output.open("w", encoding="utf-8") if output else sys.stdout
        except OSError as exc:
            typer.echo(f"Error: cannot write {output} ({exc.strerror}).", err=True)
            raise typer.Exit(1) from exc
    failed = done = 0
    try:
        for result in results:
            if isinstance(result, ReadError):
                typer.echo(f"Error: {result.location}: {result.reason}", err=True)
                failed += 1
            else:
                out.write(result + "\n")
                done += 1
    finally:
        if output:
            out.close()
    typer.echo(f"{done} articles extracted, {failed} failed", err=True)
    if failed:
        raise typer.Exit(1)


def load(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Files of `dateline extract` output; none or '-': stdin.")
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Load the output of `dateline extract` into the database, one transaction an article.

    Reports of one happening in several articles become one event with several sources, as with
    ingest; articles already stored unchanged are left as they are.
    """
    from dateline.api.distribute import load_records

    with user_errors():
        database = open_db(db)
        if not paths or paths == [Path("-")]:
            report = load_records(database, sys.stdin)
        else:
            report = None
            for path in paths:
                try:
                    with path.open(encoding="utf-8") as handle:
                        part = load_records(database, handle, str(path))
                except OSError as exc:
                    typer.echo(f"Error: {path}: cannot read ({exc.strerror}).", err=True)
                    raise typer.Exit(1) from exc
                report = part if report is None else report.merged(part)
    assert report is not None
    for failure in report.failures:
        typer.echo(f"Error: {failure.location}: {failure.reason}", err=True)
    typer.echo(
        f"{report.new} new, {report.unchanged} unchanged, {report.replaced} replaced, {report.failed} failed; "
        f"{report.events} events stored",
        err=True,
    )
    if report.failed:
        raise typer.Exit(1)
