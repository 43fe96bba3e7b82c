"""A timeline chart (matplotlib, PNG or SVG): events on a time axis, one lane per type or country.

Up to LABELLED events carry a short label; up to DETAILED events each get a marker at the
midpoint of their date and a bar over its interval; beyond that the chart counts events per
month or per year. Output is reproducible: no timestamps, fixed SVG ids, text kept as text.
"""

from __future__ import annotations

import datetime as dt
import io
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib
import matplotlib.dates as mdates
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.ticker import MaxNLocator

from dateline.render.chronology import actor_name, headline
from dateline.render.dates import date_label
from dateline.views import StoredEvent

LABELLED = 30
DETAILED = 100
MAX_LANES = 12
TYPES = ("visit", "meeting", "agreement", "statement", "arrest", "legal",
         "sanctions", "vote", "expulsion", "aid", "conference", "other")  # fmt: skip
COLOURS = dict(zip(TYPES, ("#1f77b4", "#ff7f0e", "#2ca02c", "#7f7f7f", "#d62728", "#9467bd",
                           "#8c564b", "#e377c2", "#bcbd22", "#17becf", "#393b79", "#aaaaaa"), strict=True))  # fmt: skip
_RC = {"svg.hashsalt": "dateline", "svg.fonttype": "none", "font.family": "DejaVu Sans", "font.size": 9}
_FIG_WIDTH = 12.0
_AXES_SHARE = 0.78  # of the figure's width, left for the time axis after lane names and margins
_CHAR_INCHES = 0.058  # an average character at 7.5 pt
_ROW_INCHES = 0.3


@dataclass(frozen=True, slots=True)
class _Mark:
    event: StoredEvent
    lane: str
    start: float
    end: float
    mid: float


def _lane_keys(event: StoredEvent, lanes: str) -> list[str]:
    if lanes == "type":
        return [event.type]
    return list(event.codes) or ["(none)"]


def _lane_order(events: Sequence[StoredEvent], lanes: str) -> list[str]:
    counts = Counter(k for e in events for k in _lane_keys(e, lanes))
    if lanes == "type":
        return [t for t in TYPES if t in counts] + sorted(k for k in counts if k not in TYPES)
    ranked = sorted(counts, key=lambda k: (-counts[k], k))
    return ranked[:MAX_LANES] + (["other"] if len(ranked) > MAX_LANES else [])


def _lane_name(key: str, lanes: str) -> str:
    if lanes == "type" or key in ("other", "(none)"):
        return key
    name = actor_name(key)
    return name[:1].upper() + name[1:]


def _short(event: StoredEvent, limit: int = 56) -> str:
    text = f"{date_label(event)}: {headline(event, people=False).rstrip('.')}"
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _save(fig: Figure, fmt: str) -> bytes:
    out = io.BytesIO()
    FigureCanvasAgg(fig)
    metadata = {"Date": None, "Creator": "dateline"} if fmt == "svg" else {"Software": "dateline"}
    fig.savefig(out, format=fmt, dpi=110, metadata=metadata)
    return out.getvalue()


def _subtitle(shown: int, undated: int, extra: str = "") -> str:
    text = f"{shown} dated event{'s' if shown != 1 else ''}"
    if undated:
        text += f"; {undated} undated not shown"
    return text + extra


def _stack_rows(
    marks: list[_Mark], label_days: dict[int, float], x_max: float
) -> tuple[dict[int, int], dict[int, bool]]:
    """Rows within a lane so no bar or label overlaps another; labels flip left at the right edge."""
    rows: list[list[tuple[float, float]]] = []
    row_of: dict[int, int] = {}
    left_of: dict[int, bool] = {}
    for m in sorted(marks, key=lambda m: (m.start, m.end)):
        width = label_days.get(m.event.id, 0.0)
        flip = m.end + width > x_max
        lo = m.start - width if flip else m.start
        hi = m.end if flip else m.end + width
        for index, row in enumerate(rows):
            if all(hi < a or lo > b for a, b in row):
                row.append((lo, hi))
                row_of[m.event.id] = index
                break
        else:
            rows.append([(lo, hi)])
            row_of[m.event.id] = len(rows) - 1
        left_of[m.event.id] = flip
    return row_of, left_of


def _detailed(events: Sequence[StoredEvent], title: str, lanes: str, undated: int) -> Figure:
    order = _lane_order(events, lanes)
    marks: list[_Mark] = []
    for e in events:
        assert e.earliest is not None and e.latest is not None
        start = mdates.date2num(e.earliest)
        end = mdates.date2num(e.latest + dt.timedelta(days=1))
        for key in _lane_keys(e, lanes):
            lane = key if key in order else "other"
            marks.append(_Mark(e, lane, start, end, (start + end) / 2))
    lo, hi = min(m.start for m in marks), max(m.end for m in marks)
    pad = max((hi - lo) * 0.03, 20.0)
    x_min, x_max = lo - pad, hi + pad
    days_per_inch = (x_max - x_min) / (_FIG_WIDTH * _AXES_SHARE)
    labelled = len(events) <= LABELLED
    label_days = {e.id: (len(_short(e)) * _CHAR_INCHES + 0.12) * days_per_inch for e in events} if labelled else {}
    marker_days = {e.id: 0.1 * days_per_inch for e in events}
    lane_rows: dict[str, tuple[dict[int, int], dict[int, bool]]] = {}
    for lane in order:
        in_lane = [m for m in marks if m.lane == lane]
        lane_rows[lane] = _stack_rows(in_lane, label_days or marker_days, x_max)
    heights = {lane: max(lane_rows[lane][0].values(), default=0) + 1 for lane in order}
    total = sum(heights.values())
    fig = Figure(figsize=(_FIG_WIDTH, max(3.0, 1.6 + _ROW_INCHES * total)), layout="constrained")
    ax = fig.add_subplot()
    top = 0.0
    centres = []
    for index, lane in enumerate(order):
        if index % 2 == 0:
            ax.axhspan(top - heights[lane] + 0.5, top + 0.5, color="#f2f4f7", zorder=0)
        centres.append(top - (heights[lane] - 1) / 2)
        row_of, left_of = lane_rows[lane]
        for m in (m for m in marks if m.lane == lane):
            y = top - row_of[m.event.id]
            colour = COLOURS.get(m.event.type, "#555555")
            planned = m.event.status == "planned"
            if m.end - m.start > marker_days[m.event.id]:
                ax.plot([m.start, m.end], [y, y], color=colour, linewidth=5, alpha=0.35,
                        solid_capstyle="butt", linestyle=(0, (2, 1)) if planned else "-", zorder=2)  # fmt: skip
            ax.plot([m.mid], [y], marker="o", markersize=6, color=colour, zorder=3,
                    markerfacecolor="white" if planned else colour, markeredgewidth=1.5)  # fmt: skip
            if labelled:
                flip = left_of[m.event.id]
                anchor = min(m.start, m.mid) if flip else max(m.end, m.mid)
                ax.annotate(_short(m.event), (anchor, y), xytext=(-6 if flip else 6, 0), textcoords="offset points",
                            ha="right" if flip else "left", va="center", fontsize=7.5, zorder=4)  # fmt: skip
        top -= heights[lane]
    ax.set_yticks(centres, [_lane_name(k, lanes) for k in order])
    ax.set_ylim(top + 0.5, 0.5)
    ax.set_xlim(x_min, x_max)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", color="#dddddd", linewidth=0.6, zorder=1)
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_title(_subtitle(len(events), undated), fontsize=8.5, color="#555555", loc="left")
    fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    types = [t for t in TYPES if any(e.type == t for e in events)]
    handles: list[Line2D | Patch] = [Line2D([], [], marker="o", linestyle="", color=COLOURS[t], label=t) for t in types]
    if any(e.status == "planned" for e in events):
        handles.append(Line2D([], [], marker="o", linestyle="", color="#555555", markerfacecolor="white",
                              label="planned"))  # fmt: skip
    fig.legend(handles=handles, loc="outside lower center", ncol=min(len(handles), 7), fontsize=8, frameon=False)
    return fig


def _bucket(day: dt.date, monthly: bool) -> dt.date:
    return dt.date(day.year, day.month if monthly else 1, 1)


def _counts(events: Sequence[StoredEvent], title: str, lanes: str, undated: int) -> Figure:
    mids = {e.id: e.earliest + (e.latest - e.earliest) / 2 for e in events if e.earliest and e.latest}
    span_days = (max(mids.values()) - min(mids.values())).days
    monthly = span_days <= 6 * 366
    order = _lane_order(events, lanes)
    buckets = sorted({_bucket(d, monthly) for d in mids.values()})
    first, last = buckets[0], buckets[-1]
    axis: list[dt.date] = []
    current = first
    while current <= last:
        axis.append(current)
        current = dt.date(current.year + (current.month == 12), current.month % 12 + 1, 1) if monthly \
            else dt.date(current.year + 1, 1, 1)  # fmt: skip
    counts = {lane: Counter[dt.date]() for lane in order}
    for e in events:
        for key in _lane_keys(e, lanes):
            counts[key if key in order else "other"][_bucket(mids[e.id], monthly)] += 1
    fig = Figure(figsize=(_FIG_WIDTH, 5.0), layout="constrained")
    ax = fig.add_subplot()
    x = [mdates.date2num(d) for d in axis]
    width = 25 if monthly else 330
    bottom = [0] * len(axis)
    palette = matplotlib.colormaps["tab20"]
    for index, lane in enumerate(order):
        values = [counts[lane][d] for d in axis]
        colour = COLOURS.get(lane, "#555555") if lanes == "type" else palette(index % 20)
        ax.bar(x, values, width=width, bottom=bottom, color=colour, label=_lane_name(lane, lanes), align="edge")
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    ax.xaxis_date()
    locator = mdates.AutoDateLocator(minticks=4, maxticks=12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_ylabel("events per month" if monthly else "events per year")
    ax.grid(axis="y", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    extra = "; an event counts in each country it involves" if lanes == "country" else ""
    ax.set_title(_subtitle(len(events), undated, extra), fontsize=8.5, color="#555555", loc="left")
    fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.legend(loc="outside lower center", ncol=min(len(order), 7), fontsize=8, frameon=False)
    return fig


def _empty(title: str, undated: int) -> Figure:
    fig = Figure(figsize=(_FIG_WIDTH, 2.5), layout="constrained")
    ax = fig.add_subplot()
    ax.set_axis_off()
    ax.text(0.5, 0.5, "No dated events to show" + (f" ({undated} undated)" if undated else ""),
            ha="center", va="center", fontsize=11, color="#555555")  # fmt: skip
    fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    return fig


def timeline_chart(events: Sequence[StoredEvent], title: str, lanes: str = "type", fmt: str = "png") -> bytes:
    """The chart of `events` as PNG or SVG bytes; `lanes` is "type" or "country".

    Undated events cannot be placed on the axis; the subtitle counts them.
    """
    if lanes not in ("type", "country"):
        raise ValueError(f"lanes must be 'type' or 'country', not {lanes!r}")
    if fmt not in ("png", "svg"):
        raise ValueError(f"chart format must be png or svg, not {fmt!r}")
    dated = [e for e in events if e.earliest is not None and e.latest is not None]
    undated = len(events) - len(dated)
    with matplotlib.rc_context(_RC):
        if not dated:
            fig = _empty(title, undated)
        elif len(dated) > DETAILED:
            fig = _counts(dated, title, lanes, undated)
        else:
            fig = _detailed(dated, title, lanes, undated)
        return _save(fig, fmt)
