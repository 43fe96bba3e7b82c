"""Comparing output with golden files (pytest --update-goldens rewrites them)."""

from __future__ import annotations

from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, text: str, update: bool) -> None:
    """Assert `text` equals golden/<name> byte for byte, or rewrite the file when updating."""
    path = GOLDEN / name
    if update or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        assert update, f"golden file {name} was missing and has been written; run again"
    assert text == path.read_bytes().decode("utf-8"), f"{name} differs from its golden file (pytest --update-goldens)"
