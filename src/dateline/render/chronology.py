"""A chronology: events grouped by date, each as a readable sentence with numbered source notes.

Every document format (terminal, Markdown, HTML, DOCX, CSV, JSON, iCalendar) renders a
`Chronology`; building it once keeps the wording and the note numbers the same in all of them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from dateline.extract.actors import country_name, person_state
from dateline.render.dates import UNDATED, date_label, day_label, sort_key
from dateline.views import StoredActor, StoredEvent, StoredSource

# Names a briefing uses, where the gazetteer's display name is the long official one.
SHORT_NAMES = {
    "EU": "the EU", "UN": "the UN", "NATO": "NATO", "G7": "the G7", "G8": "the G8", "G20": "the G20",
    "OSCE": "the OSCE", "AU": "the African Union", "IAEA": "the IAEA", "WHO": "the WHO", "WTO": "the WTO",
    "ICC": "the ICC", "IMF": "the IMF", "WB": "the World Bank", "OPEC": "OPEC", "CIS": "the CIS",
    "CSTO": "the CSTO", "SCO": "the SCO", "BRICS": "BRICS", "OAS": "the OAS", "LAS": "the Arab League",
    "GCC": "the GCC", "COE": "the Council of Europe", "EAEU": "the EAEU", "OECD": "the OECD",
    "ASEAN": "ASEAN", "ECOWAS": "ECOWAS", "UNSC": "the UN Security Council",
    "USA": "the United States", "GBR": "the United Kingdom", "NLD": "the Netherlands",
    "PHL": "the Philippines", "ARE": "the United Arab Emirates", "VAT": "the Holy See",
    "CZE": "the Czech Republic", "COD": "the Democratic Republic of the Congo",
    "CAF": "the Central African Republic", "DOM": "the Dominican Republic", "BHS": "the Bahamas",
    "GMB": "the Gambia", "MDV": "the Maldives",
}  # fmt: skip

# What each type of event says its subjects did: (past, planned).
_VERBS = {
    "visit": ("visited", "to visit"),
    "meeting": ("met", "to meet"),
    "agreement": ("reached an agreement with", "to reach an agreement with"),
    "statement": ("made a statement on", "to make a statement on"),
    "arrest": ("made an arrest concerning", "to make an arrest concerning"),
    "legal": ("had a court case concerning", "to have a court case concerning"),
    "sanctions": ("imposed sanctions on", "to impose sanctions on"),
    "vote": ("held a vote concerning", "to hold a vote concerning"),
    "expulsion": ("expelled diplomats of", "to expel diplomats of"),
    "aid": ("gave aid to", "to give aid to"),
    "conference": ("held a conference with", "to hold a conference with"),
    "other": ("was involved in an event with", "to be involved in an event with"),
}
# The same, when nobody is on the receiving end.
_INTRANSITIVE = {
    "visit": ("made a visit", "to make a visit"),
    "meeting": ("met", "to meet"),
    "agreement": ("reached an agreement", "to reach an agreement"),
    "statement": ("made a statement", "to make a statement"),
    "arrest": ("made an arrest", "to make an arrest"),
    "legal": ("had a court case", "to have a court case"),
    "sanctions": ("imposed sanctions", "to impose sanctions"),
    "vote": ("held a vote", "to hold a vote"),
    "expulsion": ("expelled diplomats", "to expel diplomats"),
    "aid": ("gave aid", "to give aid"),
    "conference": ("took part in a conference", "to take part in a conference"),
    "other": ("took part in an event", "to take part in an event"),
}
# Directed types with no one named as acting: a noun phrase, not a guess at who did it.
_NOUNS = {
    "visit": "a visit", "statement": "a statement", "arrest": "an arrest", "legal": "a court case",
    "sanctions": "sanctions", "vote": "a vote", "expulsion": "an expulsion of diplomats", "aid": "aid",
}  # fmt: skip
# Types where the parties act together: "Italy and Ukraine met", not "Italy met Ukraine".
_JOINT = {"meeting", "agreement", "conference", "other"}
_MAX_PERSONS = 3


@lru_cache(maxsize=1 << 12)
def actor_name(code: str) -> str:
    """The name of a state or organisation as a sentence uses it ("the EU", "Italy"); from packaged
    data, so the answer keeps (a chronology asks it for every state of every event)."""
    return SHORT_NAMES.get(code) or country_name(code)


def office_words(office: str | None) -> str | None:
    """ "foreign_minister" as "foreign minister"; "other:Prime Minister" as "prime minister"."""
    if not office:
        return None
    words = office.split(":", 1)[1] if office.startswith("other:") else office.replace("_", " ")
    words = words.strip()
    return None if words.lower() in {"official", ""} else words[0].lower() + words[1:]


def _person(actor: StoredActor, attached: bool) -> str:
    office = office_words(actor.office)
    if office is None:
        return actor.name
    return f"{actor.name}, {office}" if attached else f"{actor.name} ({office})"


def _join(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _others(n: int) -> str:
    return f"{n} other" if n == 1 else f"{n} others"


def _party(bodies: Sequence[StoredActor], people: Sequence[StoredActor], placed: dict[str, str | None],
           people_too: bool = True) -> str:  # fmt: skip
    """States and organisations with their people in parentheses: "Italy (Luigi Di Maio, foreign minister)".

    A person goes with the state they served (`placed`); people of no state named here follow
    ("Italy and Ukraine, with Vitaly Markiv"). Without `people_too`, people are named only where
    no state or organisation is.
    """
    if not people:  # what the general case below comes to, without its loops
        return _join([actor_name(b.code) for b in bodies])
    if not bodies:
        names = [_person(p, attached=False) for p in people[:_MAX_PERSONS]]
        extra = len(people) - _MAX_PERSONS
        return _join(names + ([_others(extra)] if extra > 0 else []))
    if not people_too:
        return _join([actor_name(b.code) for b in bodies])
    codes = {b.code for b in bodies}
    names = []
    for body in bodies:
        own = [p for p in people if placed.get(p.code) == body.code]
        shown = "; ".join(_person(p, attached=True) for p in own[:_MAX_PERSONS])
        if len(own) > _MAX_PERSONS:
            shown += f"; {_others(len(own) - _MAX_PERSONS)}"
        names.append(f"{actor_name(body.code)} ({shown})" if own else actor_name(body.code))
    loose = [p for p in people if placed.get(p.code) not in codes]
    text = _join(names)
    if loose:
        extra = len(loose) - _MAX_PERSONS
        text += ", with " + _join([_person(p, attached=False) for p in loose[:_MAX_PERSONS]]
                                  + ([_others(extra)] if extra > 0 else [])) + ","  # fmt: skip
    return text


@lru_cache(maxsize=1 << 16)
def _held(code: str, name: str, on: dt.date | None) -> tuple[str, str] | None:
    """The (state, office) a person held on `on`, else in their latest role: the gazetteer is
    packaged data, so the answer keeps, and a chronology asks it twice per person per event."""
    return person_state(code, on) or person_state(name, None)


def _placement(event: StoredEvent, groups: Sequence[Sequence[StoredActor]]) -> list[list[StoredActor]]:
    """Each group's states and organisations, then every person moved to the group of the state they
    served at the event's date (the gazetteer knows); a person of unknown state stays in their group,
    with its only state when it has one."""
    if not any(a.kind == "person" for g in groups for a in g):  # no one to move
        return [list(g) for g in groups]
    on = event.earliest
    bodies = [[a for a in g if a.kind != "person"] for g in groups]
    people: list[list[StoredActor]] = [[] for _ in groups]
    for index, group in enumerate(groups):
        for person in (a for a in group if a.kind == "person"):
            held = _held(person.code, person.name, on)
            home = next((i for i, b in enumerate(bodies) if held and any(x.code == held[0] for x in b)), index)
            # A group of people only (no state named) keeps them: they are its subject.
            people[home if bodies[index] else index].append(person)
    return [b + p for b, p in zip(bodies, people, strict=True)]


def _placed_states(event: StoredEvent, group: Sequence[StoredActor]) -> dict[str, str | None]:
    bodies = [a.code for a in group if a.kind != "person"]
    placed: dict[str, str | None] = {}
    for person in (a for a in group if a.kind == "person"):
        held = _held(person.code, person.name, event.earliest)
        state = held[0] if held else None
        placed[person.code] = state if state in bodies else (bodies[0] if len(bodies) == 1 else state)
    return placed


def _roles(event: StoredEvent) -> tuple[list[StoredActor], list[StoredActor]]:
    """Subjects and objects of the sentence; an actor named in two roles counts in the first."""
    by_role: dict[str, list[StoredActor]] = {"initiator": [], "participant": [], "target": []}
    for actor in event.actors:
        if actor.role in by_role:
            by_role[actor.role].append(actor)
    if len({a.code for a in event.actors}) < len(event.actors):  # an actor may be named twice
        seen: set[tuple[bool, str]] = set()
        for role, found in by_role.items():  # in the order of the roles
            kept = []
            for actor in found:
                key = (actor.kind == "person", actor.code)
                if key not in seen:
                    seen.add(key)
                    kept.append(actor)
            by_role[role] = kept
    if event.type in _JOINT and not by_role["initiator"]:
        return by_role["participant"], by_role["target"]
    if by_role["initiator"]:
        return by_role["initiator"], by_role["participant"] + by_role["target"]
    if by_role["participant"]:
        return by_role["participant"], by_role["target"]
    return by_role["target"], []


def _capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def headline(event: StoredEvent, people: bool = True) -> str:
    """Who did what with whom, and where: "Italy (Luigi Di Maio, foreign minister) visited Ukraine."

    Planned events say so: "Planned: Italy to visit Ukraine." Without `people`, the sentence names
    states and organisations only (for chart labels).
    """

    planned = event.status == "planned"
    subjects, objects = _placement(event, _roles(event))
    acted = any(a.role == "initiator" for a in event.actors)

    def _phrase(group: list[StoredActor]) -> str:
        bodies = [a for a in group if a.kind != "person"]
        people_in = [a for a in group if a.kind == "person"]
        return _party(bodies, people_in, _placed_states(event, group) if people_in else {}, people)

    kind = event.type if event.type in _VERBS else "other"
    if not subjects:
        text = f"{_NOUNS.get(kind, 'an event')}"
    elif kind in _NOUNS and not acted:
        involved = [a for a in subjects + objects if a.role == "participant"]
        concerned = [a for a in subjects + objects if a.role != "participant"]
        text = _NOUNS[kind] + (f" involving {_phrase(involved)}" if involved else "")
        if concerned:
            text += ("," if involved else "") + f" concerning {_phrase(concerned)}"
    elif event.type in _JOINT and objects and len(subjects) > 1 and kind != "conference":
        text = f"{_phrase(subjects)} {_INTRANSITIVE[kind][planned]} with {_phrase(objects)}"
    elif event.type in _JOINT and not objects and len(subjects) > 1:
        text = f"{_phrase(subjects)} {_INTRANSITIVE[kind][planned]}"
    elif objects:
        text = f"{_phrase(subjects)} {_VERBS[kind][planned]} {_phrase(objects)}"
    else:
        text = f"{_phrase(subjects)} {_INTRANSITIVE[kind][planned]}"
    named = {a.code for a in event.actors}
    if event.location and event.location not in named:
        text += f" in {actor_name(event.location)}"
    text = text.removesuffix(",")
    return f"Planned: {text}." if planned else _capitalise(text) + "."


@dataclass(frozen=True, slots=True)
class SourceNote:
    """A numbered note: one sentence of one document."""

    number: int
    source: StoredSource

    def citation(self) -> str:
        """Title, source and date of the document: "Italy and Ukraine ..., Eurasia Daily Monitor, 1 July 2021"."""
        parts = [self.source.title or self.source.document]
        if self.source.source:
            parts.append(self.source.source)
        if self.source.published:
            parts.append(published_label(self.source.published))
        return ", ".join(parts)


def published_label(day: dt.date) -> str:
    """A publication date as a note writes it: "1 July 2021"."""
    return day_label(day)


def as_sentence(text: str) -> str:
    """Text as a sentence: a capital first letter and a final stop (the stored summaries lack both at times)."""
    text = " ".join(text.split())
    if not text:
        return text
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…", "...", "”", '"')) else text + "."


def heading(label: str) -> str:
    """A date label at the start of a line: "The 1960s", "Late 2020"."""
    return label[:1].upper() + label[1:]


@dataclass(frozen=True, slots=True)
class Entry:
    """One event of a chronology: its sentence, its date label and its note numbers."""

    event: StoredEvent
    date: str
    text: str
    notes: tuple[int, ...]

    @property
    def detail(self) -> str:
        """The event's stored summary, as a sentence."""
        return as_sentence(self.event.summary)

    @property
    def planned(self) -> bool:
        """Whether the event is planned rather than reported as done."""
        return self.event.status == "planned"


@dataclass(frozen=True, slots=True)
class DateGroup:
    """The events of one date label, in order."""

    date: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True, slots=True)
class Chronology:
    """A titled chronology: date groups in order, and the notes the entries cite."""

    title: str
    description: str
    groups: tuple[DateGroup, ...]
    notes: tuple[SourceNote, ...]

    @property
    def events(self) -> tuple[StoredEvent, ...]:
        """The events, in chronological order."""
        return tuple(entry.event for group in self.groups for entry in group.entries)

    @property
    def entries(self) -> tuple[Entry, ...]:
        """The entries, in chronological order."""
        return tuple(entry for group in self.groups for entry in group.entries)

    def _repr_markdown_(self) -> str:
        """How Jupyter shows a chronology: as its Markdown document."""
        from dateline.render.markdown_doc import to_markdown_document  # a cycle at import time otherwise

        return to_markdown_document(self)


def build_chronology(events: Iterable[StoredEvent], description: str = "all events") -> Chronology:
    """Group `events` by date label (in chronological order, undated last) and number their sources.

    Notes are numbered in order of first citation; one sentence of one document is one note.
    """
    ordered = sorted(events, key=sort_key)
    numbers: dict[tuple[str, str], int] = {}
    notes: list[SourceNote] = []
    groups: dict[str, list[Entry]] = {}
    for event in ordered:
        cited: list[int] = []
        for source in event.sources:
            key = (source.document, source.sentence)
            if key not in numbers:
                numbers[key] = len(numbers) + 1
                notes.append(SourceNote(numbers[key], source))
            if numbers[key] not in cited:
                cited.append(numbers[key])
        label = date_label(event)
        groups.setdefault(label, []).append(Entry(event, label, headline(event), tuple(cited)))
    # Dict order keeps first appearance; undated events sort last, so their group is last.
    title = f"Chronology: {description}" if description else "Chronology"
    return Chronology(
        title=title,
        description=description,
        groups=tuple(DateGroup(label, tuple(entries)) for label, entries in groups.items()),
        notes=tuple(notes),
    )


__all__ = [
    "UNDATED",
    "Chronology",
    "DateGroup",
    "Entry",
    "SourceNote",
    "actor_name",
    "as_sentence",
    "build_chronology",
    "heading",
    "headline",
    "published_label",
]
