"""Bytes to text: refuse binary files, decode UTF-8 or detect the legacy encoding."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

# Control characters other than tab, newline, carriage return and form feed are rare in text and
# common in binary formats; a file where they pass this share of the first 8 KiB is binary.
_BINARY_SHARE = 0.05
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13} | {127}


class DecodeError(ValueError):
    """The bytes are not text in any encoding we can recognise."""


def looks_binary(data: bytes) -> bool:
    """Whether `data` is a binary file (NUL bytes, or many control bytes near the start)."""
    head = data[:8192]
    if b"\x00" in head:
        return not _is_utf16(head)
    if not head:
        return False
    controls = sum(1 for b in head if b in _CONTROL)
    return controls / len(head) > _BINARY_SHARE


def _is_utf16(head: bytes) -> bool:
    return head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def decode(data: bytes) -> str:
    """Text from `data`: UTF-8 (with or without BOM), UTF-16 with a BOM, else the detected charset."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif _is_utf16(data):
        return data.decode("utf-16")
    if looks_binary(data):
        raise DecodeError("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("cannot tell the text encoding")
    return str(best)
