"""Folding names for case- and accent-insensitive lookups."""

from __future__ import annotations

import unicodedata


def fold(name: str) -> str:
    """Lower case, accents removed, white space collapsed: "Zelenskyy " -> "zelenskyy"."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.casefold().split())
