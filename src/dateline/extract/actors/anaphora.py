"""Organisations named again by a common noun: "the council", "the alliance", "the bloc"."""

from __future__ import annotations

import re

from dateline.extract.actors.model import ActorMention
from dateline.extract.records import ActorKind

_REFERENCE = re.compile(
    r"\b[Tt]he (?:[\w]+-(?:member|nation|country|state|strong) )?"  # "the 15-member council", "the 27-nation bloc"
    r"(?P<head>council|alliance|bloc|union|organi[sz]ation|commission|body|assembly|court|agency)\b"
)
# Organisations a head noun may stand for besides those whose name holds it.
_HEAD_CODES = {
    "alliance": {"NATO", "CSTO", "AUKUS", "QUAD"},
    "bloc": {"EU", "ASEAN", "AU", "ECOWAS", "BRICS", "GCC", "SCO", "CIS", "MERCOSUR", "EAEU", "SADC", "OPEC",
             "G7", "G20"},
    "union": {"EU", "AU", "EAEU"},
    "organisation": {"UN", "NATO", "OSCE", "WHO", "WTO", "OPEC", "OIC", "SCO", "CSTO", "OPCW", "OECD", "OAS"},
    "organization": {"UN", "NATO", "OSCE", "WHO", "WTO", "OPEC", "OIC", "SCO", "CSTO", "OPCW", "OECD", "OAS"},
    "commission": {"EU"},
    "council": {"UN", "EU", "COE"},
    "body": {"UN", "EU", "NATO", "OSCE", "AU", "ASEAN", "IAEA", "WHO", "WTO", "ICC"},
    "assembly": {"UN"},  # the General Assembly
    "court": {"ICC"},  # others by name: "the International Court of Justice ... the court"
    "agency": {"IAEA"},
}  # fmt: skip


def organisation_references(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """Mentions for "the council" and the like, each standing for the latest organisation named
    before it that the noun fits (by its name, or as a known kind of body)."""
    orgs = [m for m in mentions if m.kind is ActorKind.ORGANISATION]
    if not orgs:
        return []
    taken = [(m.start, m.end) for m in mentions]
    found: list[ActorMention] = []
    for match in _REFERENCE.finditer(text):
        start, end = match.start(), match.end()
        if any(s < end and start < e for s, e in taken):
            continue
        head = match.group("head").lower()
        earlier = [m for m in orgs if m.end <= start]
        for org in reversed(earlier):
            named = head in org.text.lower() or head in org.name.lower()
            if named or org.code in _HEAD_CODES.get(head, ()):
                found.append(ActorMention(start, end, text[start:end], ActorKind.ORGANISATION, org.code, org.name,
                                          "coreference"))  # fmt: skip
                break
    return found
