"""Every chronology format against its golden file; the chart's images checked for their properties."""

from __future__ import annotations

import datetime as dt
import io
import re
import struct

import pytest

from dateline.render.chart import timeline_chart
from dateline.render.chronology import build_chronology
from dateline.render.docx_doc import docx_outline
from dateline.render.timeline_formats import FormatError, format_for_path, render_chronology
from dateline.views import StoredEvent
from tests.render.golden import check_golden
from tests.render.sample import EVENTS, event, state

STAMP = dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC)
CHRONOLOGY = build_chronology(EVENTS, "events between Italy and Ukraine")


@pytest.mark.parametrize(
    ("fmt", "golden"),
    [
        ("text", "chronology.txt"),
        ("markdown", "chronology.md"),
        ("html", "chronology.html"),
        ("csv", "chronology.csv"),
        ("json", "chronology.json"),
        ("ics", "chronology.ics"),
    ],
)
def test_text_formats_match_goldens(fmt: str, golden: str, update_goldens: bool) -> None:
    """Text, Markdown, HTML, CSV, JSON and iCalendar output equal their golden files byte for byte."""
    data = render_chronology(CHRONOLOGY, fmt, stamp=STAMP).decode("utf-8")
    check_golden(golden, data, update_goldens)


def test_docx_matches_golden_outline(update_goldens: bool) -> None:
    """The DOCX has a title, the filter description, a paragraph per date and notes."""
    data = render_chronology(CHRONOLOGY, "docx", stamp=STAMP)
    assert data[:2] == b"PK"
    check_golden("chronology.docx.txt", "\n".join(docx_outline(data)) + "\n", update_goldens)


def test_svg_chart_matches_golden(update_goldens: bool) -> None:
    """The SVG chart is reproducible (no timestamp, fixed ids, text kept as text) and labels its events."""
    svg = timeline_chart(CHRONOLOGY.events, CHRONOLOGY.title, fmt="svg").decode("utf-8")
    assert "<dc:date>" not in svg
    assert "10 June 2021: Italy visited Ukraine" in svg
    check_golden("chart.svg", svg, update_goldens)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_png_chart_by_country_lanes() -> None:
    """The PNG is a wide image; one lane per country makes it taller than one lane per type."""
    by_type = _png_size(timeline_chart(CHRONOLOGY.events, "t", lanes="type"))
    by_country = _png_size(timeline_chart(CHRONOLOGY.events, "t", lanes="country"))
    assert by_type[0] == by_country[0] == 1320
    assert by_country[1] > by_type[1] > 300


def _many(n: int) -> list[StoredEvent]:
    days = [dt.date(2019, 1, 1) + dt.timedelta(days=9 * i) for i in range(n)]
    return [
        event(
            i,
            ("visit", "meeting", "statement")[i % 3],
            d.isoformat(),
            d,
            d,
            "day",
            "s",
            (state("ITA", "Italy", "initiator"), state("UKR", "Ukraine", "target")),
            (),
        )
        for i, d in enumerate(days)
    ]


def test_chart_beyond_a_hundred_events_counts_per_month() -> None:
    """Past 100 events the chart is bars of counts per month (per year over a long span); no labels."""
    svg = timeline_chart(_many(150), "Many", fmt="svg").decode("utf-8")
    assert "events per month" in svg
    assert "Italy visited Ukraine" not in svg
    long_span = [e for e in _many(150)] + [
        event(999, "aid", "1990", dt.date(1990, 1, 1), dt.date(1990, 12, 31), "year", "s", (), ())
    ]
    assert "events per year" in timeline_chart(long_span, "Long", fmt="svg").decode("utf-8")


def test_chart_markers_without_labels_between_30_and_100() -> None:
    """From 31 to 100 events each gets a marker but no label."""
    svg = timeline_chart(_many(60), "Sixty", fmt="svg").decode("utf-8")
    assert "Italy visited Ukraine" not in svg and "events per" not in svg
    assert re.search(r"60 dated events", svg)


def test_chart_with_only_undated_events() -> None:
    """With nothing to place on the axis, the chart says so."""
    undated = [e for e in EVENTS if e.earliest is None]
    assert "No dated events to show (1 undated)" in timeline_chart(undated, "t", fmt="svg").decode("utf-8")


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.md", "markdown"),
        ("a.HTML", "html"),
        ("a.docx", "docx"),
        ("a.csv", "csv"),
        ("a.json", "json"),
        ("a.ics", "ics"),
        ("a.png", "png"),
        ("a.svg", "svg"),
        ("a.txt", "text"),
    ],
)
def test_format_from_extension(name: str, fmt: str) -> None:
    """The output file's extension picks the format."""
    from pathlib import Path

    assert format_for_path(Path(name)) == fmt


def test_unknown_extension() -> None:
    """An extension no renderer writes is an error naming the ones that work."""
    from pathlib import Path

    with pytest.raises(FormatError, match=r"cannot tell the format of 'a\.pdf' from its extension\. Use one of: "):
        format_for_path(Path("a.pdf"))


def test_html_is_self_contained_and_escaped() -> None:
    """No external assets or scripts; text from articles is escaped."""
    html = render_chronology(CHRONOLOGY, "html").decode("utf-8")
    assert "<script" not in html and "src=" not in html and "<link" not in html
    assert "Industrial equipment &lt;&amp; machinery&gt;." in html
    assert "Italy-Russia &lt;Relations&gt;" in html


def test_ics_has_one_all_day_event_per_dated_event() -> None:
    """DTSTART is the first day, DTEND the day after the last; undated events are left out; UIDs are stable."""
    ics = render_chronology(CHRONOLOGY, "ics", stamp=STAMP).decode("utf-8")
    assert ics.count("BEGIN:VEVENT") == len([e for e in EVENTS if e.earliest])
    assert "UID:dateline-event-6@dateline" in ics
    block = next(b for b in ics.split("BEGIN:VEVENT") if "UID:dateline-event-6@dateline" in b)
    assert "DTSTART;VALUE=DATE:20210611" in block and "DTEND;VALUE=DATE:20210613" in block
    assert "dateline-event-10@" not in ics
    assert io.StringIO(ics).readline().startswith("BEGIN:VCALENDAR")
