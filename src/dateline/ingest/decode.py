"""Bytes to text: refuse binary files, decode UTF-8 or detect the legacy encoding."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

# Control characters other than tab, newline, carriage return and form feed are rare in text and
# common in binary formats; a file where they pass this share of the first 8 KiB is binary.
_BINARY_SHARE = 0.05
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13} | {127}
# Bytes that are not UTF-8 come out of the "surrogateescape" handler as U+DC80..U+DCFF.
_ESCAPED = re.compile("[\udc80-\udcff]")
_MULTIBYTE = re.compile("[^\x00-\x7f\udc80-\udcff]")
_WESTERN = ("cp1252", "latin_1", "iso8859_15")


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
    damaged = _damaged_utf8(data)
    if damaged is not None:
        return damaged
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise DecodeError("cannot tell the text encoding")
    # charset-normalizer cannot tell Windows-1252 from 1250 or 1257 when no letter tells them
    # apart and then takes the first; in a tie, the Western encoding is by far the likelier.
    for match in matches:
        if match.encoding in _WESTERN and (match.chaos, match.coherence) == (best.chaos, best.coherence):
            return str(match)
    return str(best)


def _damaged_utf8(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes, each replaced by U+FFFD; None when the text is not UTF-8.

    Text is taken for damaged UTF-8 when it holds a well-formed multi-byte character for every
    two broken bytes: legacy 8-bit text forms valid UTF-8 sequences only by rare accident, and
    a guessed legacy decoding of UTF-8 would garble every accented letter.
    """
    text = data.decode("utf-8", "surrogateescape")
    broken = len(_ESCAPED.findall(text))
    if 2 * len(_MULTIBYTE.findall(text)) < broken:
        return None
    return _ESCAPED.sub("\ufffd", text)
