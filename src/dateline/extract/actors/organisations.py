"""International organisations: codes, names, acronyms and bodies, from organisations.json."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from dateline.extract.actors.states import load_json

#: Names of bodies that several organisations and states have ("the National Security Council",
#: "Russia's Security Council"): they count for the organisation only when nothing qualifies them.
GENERIC_BODIES = frozenset(
    {"Security Council", "General Assembly", "Human Rights Council", "Foreign Affairs Council", "Minsk Group"}
)


@dataclass(frozen=True, slots=True)
class Organisation:
    """One organisation: its code, display name, full names (and its bodies'), and acronyms."""

    code: str
    display: str
    names: tuple[str, ...]
    acronyms: tuple[str, ...]


@cache
def organisations() -> dict[str, Organisation]:
    """Every organisation by code, loaded once."""
    data = load_json("organisations.json")
    return {
        code: Organisation(code, entry["display"], tuple(entry["names"]), tuple(entry["acronyms"]))
        for code, entry in data["organisations"].items()
    }
