"""The trigger lexicon: data/events/triggers.json compiled into token patterns.

An entry such as "pay ~ visit+" becomes a sequence of token sets: every inflection of "pay", a
gap of up to three words, then "visit" or "visits". Matching walks the words of a sentence and
looks each up by its first token, so the cost does not grow with the size of the lexicon.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from lemminflect import getAllInflections

from dateline.extract.records import EventType

GAP = None  # a token spec standing for up to MAX_GAP words
MAX_GAP = 3
_ALTERNATIVES = re.compile(r"^\((.+)\)([+]?)$")

TokenSpec = frozenset[str] | None


@dataclass(frozen=True, slots=True)
class Pattern:
    """A sequence of token sets (GAP for a gap) with what a match of it means."""

    tokens: tuple[TokenSpec, ...]
    type: EventType
    cameo: str | None
    pos: str  # "verb" or "noun"
    lemma: str
    needs: str | None = None
    needs_optional: bool = False
    voice: str = "any"  # "any", "active" (not as a participle after be) or "passive"
    needs_person: bool = False
    subject: str | None = None  # counts only with a subject of this kind: "court" ("the tribunal rejected"), ...
    infinitive: str = "any"  # "needed": only before a "to" infinitive ("called on X to"); "barred": only without
    person_object: bool = False  # without its object, only with a person named right after the verb


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Trigger patterns by their first word, and object patterns by list name."""

    by_first: dict[str, tuple[Pattern, ...]]
    objects: dict[str, dict[str, tuple[tuple[TokenSpec, ...], ...]]]
    first_words: frozenset[str] = frozenset()


def _inflect(word: str, upos: str, tags: frozenset[str] | None = None) -> frozenset[str]:
    forms = set() if tags else {word.lower()}
    for tag, variants in getAllInflections(word, upos=upos).items():
        if tags is None or tag in tags:
            forms.update(v.lower() for v in variants)
    if upos == "VERB" and word.endswith(("ize", "ise")):
        forms |= {f.replace("iz", "is") for f in forms} | {f.replace("is", "iz") for f in forms}
    return frozenset(forms)


def _token(spec: str, upos: str | None, tags: frozenset[str] | None = None) -> TokenSpec:
    if spec == "~":
        return GAP
    inflect_noun = spec.endswith("+")
    word = spec.rstrip("+")
    alt = _ALTERNATIVES.match(spec)
    words = alt.group(1).split("|") if alt else [word]
    forms: set[str] = set()
    for w in words:
        if upos is not None:
            forms |= _inflect(w, upos, tags)
        elif inflect_noun or (alt and alt.group(2)):
            forms |= _inflect(w, "NOUN")
        else:
            forms.add(w.lower())
    return frozenset(forms)


def compile_entry(text: str, first_upos: str | None, tags: frozenset[str] | None = None) -> tuple[TokenSpec, ...]:
    """Token specs for an entry; the first word is inflected as `first_upos` (None: literally),
    limited to the Penn Treebank `tags` when given."""
    parts = text.split()
    return tuple(_token(p, first_upos if i == 0 else None, tags if i == 0 else None) for i, p in enumerate(parts))


def _entries(items: list[Any]) -> list[dict[str, Any]]:
    return [item if isinstance(item, dict) else {"entry": item} for item in items]


def build(data: dict[str, Any]) -> Lexicon:
    """A Lexicon from the parsed JSON data."""
    by_first: dict[str, list[Pattern]] = {}
    for type_name, spec in data["types"].items():
        event_type = EventType(type_name)
        for pos, upos in (("verb", "VERB"), ("noun", "NOUN")):
            for item in _entries(spec.get(f"{pos}s", [])):
                tags = frozenset(item["forms"]) if "forms" in item else None
                tokens = compile_entry(item["entry"], upos, tags)
                pattern = Pattern(
                    tokens=tokens,
                    type=event_type,
                    cameo=item.get("cameo", spec.get("cameo")) or None,
                    pos=pos,
                    lemma=item["entry"],
                    needs=item.get("needs"),
                    needs_optional=bool(item.get("optional_needs", False)),
                    voice=item.get("voice", "any"),
                    needs_person=bool(item.get("needs_person", False)),
                    subject=item.get("subject"),
                    infinitive=item.get("infinitive", "any"),
                    person_object=bool(item.get("person_object", False)),
                )
                first = tokens[0]
                assert first is not None, f"an entry cannot start with a gap: {item['entry']!r}"
                for form in first:
                    by_first.setdefault(form, []).append(pattern)
    objects: dict[str, dict[str, list[tuple[TokenSpec, ...]]]] = {}
    for group in ("objects", "extra_objects"):
        for name, entries in data.get(group, {}).items():
            table = objects.setdefault(name, {})
            for entry in entries:
                tokens = compile_entry(entry, None)
                first = tokens[0]
                assert first is not None
                for form in first:
                    table.setdefault(form, []).append(tokens)
    return Lexicon(
        by_first={k: tuple(sorted(v, key=lambda p: -len(p.tokens))) for k, v in by_first.items()},
        objects={n: {k: tuple(v) for k, v in t.items()} for n, t in objects.items()},
        first_words=frozenset(w for w in by_first if w.isalpha())
        | frozenset(part for w in by_first if not w.isalpha() for part in re.findall(r"[a-z]+", w)),
    )


@cache
def lexicon() -> Lexicon:
    """The lexicon shipped with the package, compiled once."""
    raw = resources.files("dateline.data").joinpath("events/triggers.json").read_text(encoding="utf-8")
    return build(json.loads(raw))
