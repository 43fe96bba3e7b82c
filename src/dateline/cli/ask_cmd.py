"""`dateline ask`: a plain question read into filters, answered with a chronology."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from dateline.api import queries
from dateline.api.ask import read_question
from dateline.api.dates import date_bounds
from dateline.api.timeline import describe
from dateline.api.timeline import timeline as build_timeline
from dateline.cli.common import DbOption, open_db, user_errors
from dateline.cli.query_cmd import LimitOption
from dateline.cli.timeline_cmd import Lanes, LanesOption, OutputOption, TimelineFormatOption, emit
from dateline.store.engine import DEFAULT_DB


def ask(
    question: Annotated[
        str, typer.Argument(help='A question, e.g. "what happened between Italy and Ukraine in 2021".')
    ],
    limit: LimitOption = None,
    format_: TimelineFormatOption = None,
    output: OutputOption = None,
    lanes: LanesOption = Lanes.type,
    today: Annotated[
        str | None, typer.Option("--today", help="The date 'last year' and 'this year' count from (default: today).")
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Answer a plain question with a chronology, saying on stderr how the question was read.

    Understands states, organisations and people by name ("Italy", "Italian", "the EU", "Di Maio"),
    dates ("in 2021", "in June 2021", "since 2014", "between 2014 and 2016", "before 2020",
    "last year", "the 1990s"), kinds of event ("visits", "meetings", "agreements", "sanctions
    votes", "expulsions", "summits") and "planned" or "upcoming". Two countries mean events
    between them. Output as `dateline timeline`: --format, or --output FILE by extension.
    """
    with user_errors():
        anchor = date_bounds(today, "--today")[0] if today else dt.date.today()
        reading = read_question(question, today=anchor)
        database = open_db(db)
        flt = queries.filter_from_options(database, limit=limit, **reading.options())
        typer.echo(f"Read as: {reading.description}", err=True)
        emit(build_timeline(database, flt, description=describe(flt)), format_, output, lanes)
