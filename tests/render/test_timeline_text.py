"""Text chronologies: the short cut for lines that fit wraps exactly as textwrap does; colours only style lines."""

from __future__ import annotations

import re
import textwrap

from hypothesis import given
from hypothesis import strategies as st

from dateline.render.chronology import build_chronology
from dateline.render.timeline_text import _wrapped, to_plain_text
from tests.render.sample import EVENTS

WRAPPERS = [
    textwrap.TextWrapper(width=20, break_on_hyphens=False),
    textwrap.TextWrapper(width=20, initial_indent="  ", subsequent_indent="  ", break_on_hyphens=False),
]
# Words, runs of spaces, tabs and newlines, and a few letters textwrap might treat specially.
TEXTS = st.lists(st.sampled_from(["a", "word", "longerword", " ", "  ", "\t", "\n", "é", "•", "\u00a0", "-"]),
                 max_size=12).map("".join)  # fmt: skip


@given(text=TEXTS, which=st.sampled_from(range(len(WRAPPERS))))
def test_wrapped_is_textwrap(text: str, which: int) -> None:
    """Any text, fitting or not, blank or with tabs and newlines, gives textwrap's lines."""
    wrapper = WRAPPERS[which]
    assert _wrapped(wrapper, text) == wrapper.wrap(text)


def test_terminal_colours_wrap_the_plain_layout() -> None:
    """With colours the chronology has the plain text's lines exactly, each styled: dates bold and
    planned entries yellow; without, no escape code at all."""
    chronology = build_chronology(EVENTS, "events between Italy and Ukraine")
    plain = to_plain_text(chronology, width=80)
    coloured = to_plain_text(chronology, width=80, color=True)
    assert "\x1b" not in plain
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured) == plain
    lines = coloured.splitlines()
    planned = [e for g in chronology.groups for e in g.entries if e.planned]
    assert planned and any(line.startswith("\x1b[33m  • ") for line in lines)
    assert any(line.startswith("\x1b[1m") and not line.startswith("\x1b[1;4m") for line in lines)
