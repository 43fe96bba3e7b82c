"""A chronology as an iCalendar file: one all-day VEVENT per dated event."""

from __future__ import annotations

import datetime as dt

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from dateline.render.chronology import Chronology, SourceNote


def _description(summary: str, notes: list[SourceNote]) -> str:
    lines = [summary, "", "Sources:"]
    for note in notes:
        line = f"[{note.number}] {note.citation()}"
        if note.source.url:
            line += f" {note.source.url}"
        lines.append(line)
        lines.append(f"  “{note.source.sentence}”")
    return "\n".join(lines)


def to_ics(chronology: Chronology, stamp: dt.datetime | None = None) -> bytes:
    """The dated events as all-day calendar entries spanning their date's days; undated ones left out.

    UIDs come from event ids, so importing the file again updates the entries instead of
    doubling them. `stamp` is the DTSTAMP (now, in UTC, unless given).
    """
    stamp = stamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    notes = {n.number: n for n in chronology.notes}
    cal = Calendar()
    cal.add("prodid", "-//dateline//chronology//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", chronology.title)
    for entry in chronology.entries:
        event = entry.event
        if event.earliest is None or event.latest is None:
            continue
        item = CalendarEvent()
        item.add("uid", f"dateline-event-{event.id}@dateline")
        item.add("dtstamp", stamp)
        item.add("dtstart", event.earliest)
        item.add("dtend", event.latest + dt.timedelta(days=1))
        item.add("summary", entry.text)
        item.add("description", _description(f"{entry.date}: {event.summary}", [notes[n] for n in entry.notes]))
        item.add("categories", [event.type])
        item.add("status", "TENTATIVE" if entry.planned else "CONFIRMED")
        urls = [notes[n].source.url for n in entry.notes if notes[n].source.url]
        if urls:
            item.add("url", urls[0])
        cal.add_component(item)
    return cal.to_ical()
