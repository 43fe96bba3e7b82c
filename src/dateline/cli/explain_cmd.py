"""`dateline explain`: sentence by sentence, what extraction found and why."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from dateline.api.dates import date_bounds
from dateline.cli.common import stdout, user_errors
from dateline.ingest.errors import ReadError


def explain(
    paths: Annotated[list[Path], typer.Argument(help="Article files (or folders), read as ingest reads them.")],
    published: Annotated[
        str | None, typer.Option(help="Publication date (YYYY-MM-DD) for articles whose metadata gives none.")
    ] = None,
    all_sentences: Annotated[bool, typer.Option("--all", help="Show sentences with no trigger too.")] = False,
) -> None:
    """Explain extraction, sentence by sentence: the dates, actors and triggers found, and why
    each candidate became an event or did not; then the events, with the sentences merged into each.
    """
    from dateline.api.reading import read_articles
    from dateline.extract.pipeline import analyse  # loads the tagger and gazetteers

    with user_errors():
        reference = date_bounds(published, "--published")[0] if published else None
    failed = False
    for item in read_articles(paths, reference):
        if isinstance(item, ReadError):
            typer.echo(f"Error: {item.location}: {item.reason}", err=True)
            failed = True
            continue
        article = item.article
        analysis = analyse(article)
        stdout.rule(
            f"{article.identifier}  published {article.published or 'unknown'} ({article.published_precision or '-'})"
        )
        decisions: dict[int, list] = {}
        for d in analysis.decisions:
            decisions.setdefault(d.sentence_index, []).append(d)
        for view in analysis.sentences:
            s = view.sentence
            mine = decisions.get(view.index, [])
            if not mine and not all_sentences:
                continue
            line = Text(f"[{view.index}] ", style="dim")
            line.append(s.text if len(s.text) < 400 else s.text[:397] + "...", style="dim" if view.skipped else "")
            stdout.print(line)
            if view.skipped:
                stdout.print(Text(f"    skipped: {view.skipped}", style="yellow"))
                continue
            dates = [t for t in analysis.timexes if s.start <= t.start < s.end]
            if dates:
                shown = ", ".join(
                    f"{t.text!r}={t.date.edtf if t.date else t.value}" + (" (citation)" if t.citation else "")
                    for t in dates
                )
                stdout.print(Text(f"    dates: {shown}", style="cyan"))
            actors = [m for m in analysis.mentions if s.start <= m.start < s.end]
            if actors:
                shown = ", ".join(
                    f"{m.text!r}={m.code}"
                    + (f"({m.state})" if m.kind.value == "person" and m.state else "")
                    + (" place" if m.is_place else "")
                    for m in actors
                )
                stdout.print(Text(f"    actors: {shown}", style="green"))
            for d in mine:
                if d.outcome == "event":
                    desc = (
                        f"    + {d.type.value} {d.trigger!r}: {d.status}, date {d.date or 'none'} "
                        f"({d.date_source}), actors {', '.join(d.actors)}"
                    )
                    stdout.print(Text(desc, style="bold"))
                else:
                    stdout.print(Text(f"    - {d.type.value} {d.trigger!r}: dropped, {d.outcome}", style="red"))
        stdout.rule("events")
        for event, sentences in zip(analysis.events, analysis.event_sentences, strict=True):
            codes = ", ".join([*event.states, *event.persons])
            stdout.print(
                f"{event.date.edtf if event.date else 'undated':<24} {event.type.value:<11} {event.status.value:<9} "
                f"{codes}  (sentences {', '.join(map(str, sentences))})"
            )
    if failed:
        raise typer.Exit(1)
