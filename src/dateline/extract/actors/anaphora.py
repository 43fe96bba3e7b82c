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


# An interview written as questions and answers: "Q: ..." and "A: ..." opening their lines.
_ANSWER = re.compile(r"^A:[ \t]", re.MULTILINE)
_QUESTION = re.compile(r"^Q:[ \t]", re.MULTILINE)
# In an answer, "I", "we", "our" speak for the one interviewed: "We summoned the Chinese envoy", "Our
# ambassador met Chinese officials".
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Mm]y)\b")


def interview_references(text: str, mentions: list[ActorMention]) -> list[ActorMention]:
    """In a question-and-answer interview, the first person of the answers as mentions of the person
    interviewed: the first person with a state named before the first question."""
    first_question = _QUESTION.search(text)
    if first_question is None or _ANSWER.search(text) is None:
        return []  # most articles are no interview
    guest = next((m for m in mentions if m.kind is ActorKind.PERSON and m.state and m.end <= first_question.start()),
                 None)  # fmt: skip
    if guest is None:
        return []
    taken = [(m.start, m.end) for m in mentions]
    found: list[ActorMention] = []
    for answer in _ANSWER.finditer(text):
        end = _QUESTION.search(text, answer.end())
        stop = end.start() if end else len(text)
        for match in _FIRST_PERSON.finditer(text, answer.end(), stop):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            found.append(ActorMention(match.start(), match.end(), match.group(), ActorKind.PERSON, guest.code,
                                      guest.name, "coreference", guest.state, guest.office))  # fmt: skip
    return found
