"""States: ISO 3166-1 codes and names from pycountry, and the curated rest from states.json.

pycountry gives every state and territory its alpha-2 and alpha-3 code and its ISO names;
states.json (see data/actors/PROVENANCE.md) adds the short names news uses, former names,
demonyms, capitals and seats of power, places within the state, and the rules for names that are
ambiguous ("Congo", "Korea"), also given names ("Jordan", "Chad") or also something else
("Georgia" the US state, "New Mexico").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import pycountry

# pycountry's names that are not how anyone writes the state, or that politics makes unusable.
_SKIP_ISO_NAMES = frozenset({"Taiwan, Province of China", "Congo"})


def load_json(name: str) -> dict[str, Any]:
    """A JSON file of the package's data/actors folder."""
    text = resources.files("dateline.data").joinpath("actors", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@dataclass(frozen=True, slots=True)
class Homonym:
    """A state name that is also something else, told apart by words near it."""

    drop_near: tuple[str, ...]
    keep_near: tuple[str, ...]
    window: int


@dataclass(slots=True)
class StateTable:
    """Every state's code, display name and surface forms, by how each is used."""

    display: dict[str, str] = field(default_factory=dict)
    alpha2: dict[str, str] = field(default_factory=dict)
    forms: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)
    given_names: frozenset[str] = frozenset()
    homonyms: dict[str, Homonym] = field(default_factory=dict)
    blockers: tuple[str, ...] = ()
    metonym_overrides: dict[str, str] = field(default_factory=dict)
    feature_words: frozenset[str] = frozenset()
    feature_prefixes: tuple[str, ...] = ()

    def add_form(self, code: str, via: str, surface: str) -> None:
        """Record one surface form of a state (duplicates are ignored)."""
        surface = surface.strip()
        if not surface or surface in self.ambiguous:
            return
        by_via = self.forms.setdefault(code, {})
        if any(surface in forms for forms in by_via.values()):
            return
        by_via.setdefault(via, []).append(surface)

    def all_forms(self, code: str) -> list[str]:
        """Every surface form of one state, names first."""
        seen: dict[str, None] = {}
        for forms in self.forms.get(code, {}).values():
            for form in forms:
                seen.setdefault(form)
        return list(seen)


def _iso_names(country: Any) -> list[str]:
    """The usable English names pycountry holds for one country, commas and brackets resolved."""
    out: list[str] = []
    for attr in ("common_name", "name", "official_name"):
        raw = getattr(country, attr, None)
        if not raw or raw in _SKIP_ISO_NAMES:
            continue
        raw = re.sub(r"^[Tt]he ", "", raw)
        bracket = re.match(r"^(.*?)\s*\((.*)\)$", raw)
        if bracket:
            out.append(bracket.group(1))
            if "part" not in bracket.group(2):
                out.append(bracket.group(2))
            continue
        head, sep, tail = raw.partition(", ")
        if sep and (tail.endswith(" of") or tail.endswith(" of the")):
            out.append(f"{tail} {head}")
            out.append(head)
        elif sep and " " not in tail:
            out.append(f"{tail} {head}")
        elif sep:
            out.extend((raw, head))
        else:
            out.append(raw)
    return out


def _plural(demonym: str) -> str | None:
    """The plural noun of a demonym ("Italians"), or None when English has none ("the French")."""
    if re.search(r"(s|sh|ch|z|x|ese)$", demonym):
        return None
    return demonym + "s"


@cache
def state_table() -> StateTable:
    """The state table, built once from pycountry and states.json."""
    data = load_json("states.json")
    table = StateTable()
    table.ambiguous = {k: tuple(v) for k, v in data["ambiguous"].items()}
    table.given_names = frozenset(data["given_names"])
    table.homonyms = {
        k: Homonym(tuple(v["drop_near"]), tuple(v["keep_near"]), int(v["window"])) for k, v in data["homonyms"].items()
    }
    table.blockers = tuple(data["blockers"])
    table.metonym_overrides = dict(data["metonym_overrides"])
    table.feature_words = frozenset(data["feature_words"])
    table.feature_prefixes = tuple(data["feature_prefixes"])
    curated: dict[str, dict[str, Any]] = data["states"]
    for country in pycountry.countries:
        code = country.alpha_3
        table.alpha2[country.alpha_2] = code
        entry = curated.get(code, {})
        names = _iso_names(country)
        table.display[code] = entry.get("display") or getattr(country, "common_name", None) or names[0]
        for name in names:
            table.add_form(code, "name", name)
    for code, entry in curated.items():
        if code not in table.display:
            table.display[code] = entry.get("display") or entry["names"][0]
        for via, key in (
            ("short_name", "names"),
            ("former_name", "former_names"),
            ("demonym", "demonyms"),
            ("capital", "capitals"),
            ("metonym", "metonyms"),
            ("place", "places"),
        ):
            for form in entry.get(key, []):
                table.add_form(code, via, form)
                if via == "demonym" and (plural := _plural(form)):
                    table.add_form(code, via, plural)
    table.alpha2.setdefault("XK", "XKX")
    return table
