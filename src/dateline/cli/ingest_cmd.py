"""`dateline ingest`: read articles, extract their events, store them."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from dateline.api.dates import date_bounds
from dateline.cli.common import DbOption, is_terminal, open_db, stderr, user_errors
from dateline.store.engine import DEFAULT_DB

if TYPE_CHECKING:
    from dateline.api.ingest import IngestReport


def _summary(report: IngestReport) -> str:
    return (
        f"{report.new} new, {report.unchanged} unchanged, {report.replaced} replaced, "
        f"{report.failed} failed; {report.events} events stored"
    )


def ingest(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Article files and folders (searched recursively): .txt, .md, .html, .jsonl."),
    ],
    published: Annotated[
        str | None,
        typer.Option(help="Publication date (YYYY-MM-DD) for articles whose metadata gives none."),
    ] = None,
    max_size: Annotated[
        int,
        typer.Option(
            "--max-size",
            help="Largest file to read, in MB; larger files are refused. A JSON Lines file is read a line at a "
            "time, so this bounds each of its records instead.",
            min=1,
        ),
    ] = 50,
    jobs: Annotated[
        int | None,
        typer.Option("--jobs", "-j", help="Worker processes for extraction (default: one per core).", min=1),
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Ingest articles: extract their events and store them, each article whole or not at all.

    Metadata comes from front matter, JSON Lines fields, HTML, or a metadata.json sidecar in
    the file's folder or a folder above it (the shape of seeds/metadata.json). Re-ingesting an
    unchanged article changes nothing; a changed one replaces its old events. Bad files are
    reported on stderr and do not stop the others; the exit code is 1 when any failed.
    """
    # Extraction's code and data load here, not when the CLI starts: queries need none of them.
    from dateline.api.ingest import IngestOptions, default_jobs, discover, useful_jobs
    from dateline.api.ingest import ingest as run_ingest

    with user_errors():
        reference = None
        if published is not None:
            lo, hi = date_bounds(published, "--published")
            if lo != hi:
                raise typer.BadParameter("give a full date, YYYY-MM-DD", param_hint="--published")
            reference = lo
        options = IngestOptions(published=reference, max_bytes=max_size * 1024 * 1024)
        database = open_db(db)
        files, walk_errors = discover(paths)
        workers = useful_jobs(files, jobs or default_jobs())
        if is_terminal():
            columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
            with Progress(*columns, console=stderr, transient=True) as progress:
                task = progress.add_task("ingest", total=len(files))
                report = run_ingest(
                    database, paths, options, files=files, on_file=lambda _: progress.advance(task), jobs=workers
                )
        else:
            report = run_ingest(database, paths, options, files=files, jobs=workers)
        report.failures[:0] = walk_errors
    for failure in report.failures:
        typer.echo(f"Error: {failure.location}: {failure.reason}", err=True)
    typer.echo(_summary(report), err=True)
    if report.failed:
        raise typer.Exit(1)
