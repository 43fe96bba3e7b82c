"""ANSI styles for text written to a terminal."""

from __future__ import annotations

BOLD, YELLOW, BOLD_UNDERLINE, DIM, DIM_CYAN = "1", "33", "1;4", "2", "2;36"


def paint(text: str, code: str) -> str:
    """`text` in the ANSI style `code` (SGR parameters such as "1" or "2;36"), reset after it."""
    return f"\x1b[{code}m{text}\x1b[0m"
