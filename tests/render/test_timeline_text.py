"""Plain-text chronologies: the short cut for lines that fit wraps exactly as textwrap does."""

from __future__ import annotations

import textwrap

from hypothesis import given
from hypothesis import strategies as st

from dateline.render.timeline_text import _wrapped

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
