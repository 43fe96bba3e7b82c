"""ActorFinder: every state, organisation and person mentioned in an article, resolved at a date."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from dataclasses import replace
from functools import cached_property
from pathlib import Path

from dateline.extract.actors import rules
from dateline.extract.actors.context import ContextReader, Description, PersonClue
from dateline.extract.actors.lexicon import Entry, Lexicon
from dateline.extract.actors.model import ActorMention
from dateline.extract.actors.organisations import GENERIC_BODIES
from dateline.extract.actors.persons import Gazetteer, ascii_fold, surname_of
from dateline.extract.actors.scanner import PhraseScanner
from dateline.extract.actors.titles import title_table
from dateline.extract.records import ActorKind


class ActorFinder:
    """Finds actor mentions in texts. Build once and reuse: the data loads on first use."""

    def __init__(self, gazetteer: Gazetteer | None = None, persons_path: Path | None = None) -> None:
        if gazetteer is None and persons_path is not None:
            gazetteer = Gazetteer.load(persons_path)
        self.lexicon = Lexicon(gazetteer)

    @property
    def gazetteer(self) -> Gazetteer:
        """The office-holder gazetteer in use."""
        return self.lexicon.gazetteer

    @cached_property
    def _known_words(self) -> frozenset[str]:
        """Single words that are state or organisation names (never part of a person's name)."""
        words = {p for p in self.lexicon.scanner.phrases() if " " not in p and self.lexicon.is_known_word(p)}
        return frozenset(words)

    @cached_property
    def _reader(self) -> ContextReader:
        titles = title_table()
        return ContextReader(titles, lambda word: word in self._known_words or bool(titles.scanner.get(word)))

    @cached_property
    def _not_given_names(self) -> frozenset[str]:
        return self._known_words | self._reader.titles.not_name_words

    def _after_given_name(self, text: str, start: int) -> bool:
        """A surname after another capitalised word that is not a title: someone else's name."""
        if not rules.preceded_by_given_name(text, start, self._not_given_names):
            return False
        before = rules.word_before(text, start)
        if before is None:
            return True  # a middle initial: "Brian E. Nelson"
        titles = self._reader.titles
        return not titles.scanner.get(before[0]) and before[0] not in titles.honorifics  # "Mr Albanese"

    def person_state(self, name: str, on: dt.date | None) -> tuple[str, str] | None:
        """The (state, office) a gazetteer person held on `on` (None: their latest role)."""
        canonical = self._canonical(name)
        if canonical is None:
            return None
        roles = self.gazetteer.active(canonical, on)
        return (roles[0].state, roles[0].office) if roles else None

    def _canonical(self, name: str) -> str | None:
        if name in self.gazetteer.persons:
            return name
        spellings = self.lexicon.spellings
        names = spellings.get(name) or spellings.get(ascii_fold(name))
        if not names and (" al-" in name or " el-" in name):  # "al-Sabah" as the gazetteer's "Al-Sabah"
            names = spellings.get(name.replace(" al-", " Al-").replace(" el-", " El-"))
        return self.gazetteer.choose(names, None, strict=False) if names else None

    # -- the whole article ---------------------------------------------------------------------

    def find(self, text: str, on: dt.date | None = None) -> list[ActorMention]:
        """Every actor mention in `text`, sorted and non-overlapping, persons resolved at `on`."""
        found: list[ActorMention] = []
        pending: list[tuple[int, int, tuple[str, ...], str]] = []
        last_place_end = -10
        for start, end, entries in self.lexicon.scanner.scan(text):
            entry = entries[0]
            if entry.kind is None:
                continue
            if entry.candidates:
                if not rules.inside_feature(text, start, end, self.lexicon.states):
                    via = "demonym" if text[start:end].endswith(("n", "ns", "se")) else "short_name"
                    pending.append((start, end, entry.candidates, via))
                continue
            mention = self._mention(text, start, end, entry, entries, on, last_place_end)
            if mention is not None:
                if (
                    found
                    and found[-1].is_place
                    and found[-1].code == mention.code
                    and text[found[-1].end : start] == ", "
                ):
                    mention = replace(mention, is_place=True)  # "in Bridgetown, Barbados": where, not who
                found.append(mention)
                if mention.is_place:
                    last_place_end = end
        clues, descriptions = self._reader.read(text, found)
        found = self._merge_clues(text, found, clues, on)
        found = self._corefer(text, found)
        found = self._describe(text, found, descriptions, on)
        found = self._resolve_ambiguous(text, found, pending)
        return self._fill_persons(found, clues, on)

    @staticmethod
    def in_span(mentions: list[ActorMention], start: int, end: int) -> list[ActorMention]:
        """The mentions of `find()` that lie within [start, end) (one sentence, say)."""
        starts = [m.start for m in mentions]
        i = bisect_left(starts, start)
        out = []
        while i < len(mentions) and mentions[i].start < end:
            if mentions[i].end <= end:
                out.append(mentions[i])
            i += 1
        return out

    def find_in_span(self, text: str, start: int, end: int, on: dt.date | None = None) -> list[ActorMention]:
        """The mentions within [start, end) of `text`, found with the whole text as context."""
        return self.in_span(self.find(text, on), start, end)

    # -- one lexicon hit -------------------------------------------------------------------------

    def _mention(
        self,
        text: str,
        start: int,
        end: int,
        entry: Entry,
        entries: list[Entry],
        on: dt.date | None,
        last_place_end: int,
    ) -> ActorMention | None:
        surface = text[start:end]
        states = self.lexicon.states
        known = self._known_words
        if entry.kind is ActorKind.PERSON:
            names = [e.code for e in entries]
            if entry.short and (
                surface in _PRONOUNS_AND_NEGATIONS
                or self._after_given_name(text, start)
                or _names_a_body(text, start, end)
                or _inside_other_name(text, start, end, self._not_given_names)
            ):
                return None
            code = self.gazetteer.choose(names, on, strict=entry.short)
            if code is None:
                return None
            return ActorMention(start, end, surface, ActorKind.PERSON, code, code, "gazetteer")
        if entry.kind is ActorKind.ORGANISATION:
            org = self.lexicon.organisations[entry.code]
            if surface in GENERIC_BODIES and rules.generic_body_qualified(text, start, end):
                return None
            return ActorMention(start, end, surface, ActorKind.ORGANISATION, org.code, org.display, entry.via)
        # States.
        if rules.inside_feature(text, start, end, states) or rules.after_arabic_article(text, start):
            return None  # "the Niger River"; "Sheikh Sabah al-Ahmad al-Sabah" (not Malaysia's Sabah)
        if surface in states.given_names and rules.part_of_person_name(text, start, end, known):
            return None
        homonym = states.homonyms.get(surface)
        if homonym is not None and rules.homonym_elsewhere(text, start, end, surface, homonym):
            return None
        code, via, is_place = entry.code, entry.via, entry.via == "place"
        if via in ("capital", "place") and rules.part_of_proper_name(text, start, end, known):
            return None
        if via == "capital":
            between = text[last_place_end:start]
            is_place = rules.is_locative(text, start) or (
                last_place_end > 0 and between.strip() in ("and", "or", ",", ", and")
            )
            override = states.metonym_overrides.get(surface)
            if override and not is_place and override in self.lexicon.organisations:
                org = self.lexicon.organisations[override]
                return ActorMention(start, end, surface, ActorKind.ORGANISATION, org.code, org.display, "metonym")
        return ActorMention(
            start, end, surface, ActorKind.STATE, code, states.display[code], via, state=code, is_place=is_place
        )

    # -- persons from context --------------------------------------------------------------------

    def _merge_clues(
        self, text: str, found: list[ActorMention], clues: list[PersonClue], on: dt.date | None
    ) -> list[ActorMention]:
        """Add the context persons; a span already covered by a longer or equal mention keeps it."""
        candidates = list(found)
        for clue in clues:
            name = clue.name
            code = self._canonical(name.text)
            if code is None and len(name.tokens) == 1:
                names = self.lexicon.surnames.get(name.text)
                code = self.gazetteer.choose(names, on, strict=True) if names else None
            via = "gazetteer" if code is not None else clue.via
            code = code or name.text
            candidates.append(
                ActorMention(name.start, name.end, text[name.start : name.end], ActorKind.PERSON, code, code, via)
            )
        return _non_overlapping(candidates)

    def _corefer(self, text: str, found: list[ActorMention]) -> list[ActorMention]:
        """Short mentions ("Di Maio", "Zazo's") of persons named in full in the article."""
        persons = [m for m in found if m.kind is ActorKind.PERSON]
        full = sorted({m.code for m in persons if " " in m.code}, key=len, reverse=True)
        # A context person known only by a short name takes the full name it ends with.
        renamed: dict[str, str] = {}
        for m in persons:
            if m.via in ("title", "apposition", "pattern"):
                longer = [f for f in full if f != m.code and f.endswith(" " + m.code)]
                if not longer and " " not in m.code:
                    # "Sheikh Ahmad", "Prince Faisal": the one person named in full with that given name.
                    longer = [f for f in full if f.startswith(m.code + " ")]
                    longer = longer if len(longer) == 1 else []
                if longer:
                    renamed[m.code] = longer[0]
        scanner: PhraseScanner[str] = PhraseScanner()
        for code in full:
            person = self.gazetteer.persons.get(code)
            forms = person.spellings() if person is not None else [code]
            for form in forms:
                short = person.short_name(form) if person is not None else surname_of(form)
                if short and short not in self._known_words and short not in scanner:
                    scanner.add(short, code)
        taken = bytearray(len(text) + 1)
        out = []
        for m in found:
            if m.code in renamed:
                m = replace(m, code=renamed[m.code], name=renamed[m.code], via="coreference")
            taken[m.start : m.end] = b"\x01" * (m.end - m.start)
            out.append(m)
        for start, end, codes in scanner.scan(text):
            if any(taken[start:end]) or len(set(codes)) != 1:
                continue
            if self._after_given_name(text, start):
                continue
            out.append(ActorMention(start, end, text[start:end], ActorKind.PERSON, codes[0], codes[0], "coreference"))
        out.sort(key=lambda m: m.start)
        return out

    def _describe(
        self, text: str, found: list[ActorMention], descriptions: list[Description], on: dt.date | None
    ) -> list[ActorMention]:
        """Titles without a name resolved to the person meant ("Italy's foreign minister")."""
        if not descriptions:
            return found
        offices = {m.code: self._offices(m.code, on) for m in found if m.kind is ActorKind.PERSON}
        added = []
        replaced: set[int] = set()
        for d in descriptions:
            if d.one_of_many and _other_year_near(text, d.start, on):
                continue  # "established in 1991 by the foreign ministers of ...": not today's holders
            code = None
            for m in reversed([m for m in found if m.end <= d.start and m.kind is ActorKind.PERSON]):
                held = offices.get(m.code, set())
                if _office_matches(d.office, held) and (d.state is None or any(s == d.state for s, _ in held)):
                    code = m.code
                    break
            via = "coreference"
            if code is None and d.state is not None and not d.office.startswith("other:"):
                code, via = self.gazetteer.holder(d.state, d.office, on), "gazetteer"
            if code is not None:
                added.append(ActorMention(d.start, d.end, text[d.start : d.end], ActorKind.PERSON, code, code, via))
                if d.one_of_many:
                    replaced.add(d.start)  # the holder stands for the state named: "the presidents of <Tajikistan>"
        if replaced:
            found = [m for m in found if m.start not in replaced or m.kind is not ActorKind.STATE]
            added = sorted(added, key=lambda m: m.start not in replaced)
        return _non_overlapping(found + added, keep_first=True)

    def _offices(self, code: str, on: dt.date | None) -> set[tuple[str, str]]:
        return {(r.state, r.office) for r in self.gazetteer.active(code, on)}

    def _resolve_ambiguous(
        self, text: str, found: list[ActorMention], pending: list[tuple[int, int, tuple[str, ...], str]]
    ) -> list[ActorMention]:
        """ "Congo" or "Korea" alone: the one of its states the article names otherwise, else nothing."""
        if not pending:
            return found
        codes = {m.state or m.code for m in found}
        added = []
        for start, end, candidates, via in pending:
            named = [c for c in candidates if c in codes]
            if len(named) == 1:
                code = named[0]
                display = self.lexicon.states.display[code]
                added.append(ActorMention(start, end, text[start:end], ActorKind.STATE, code, display, via, state=code))
        return _non_overlapping(found + added, keep_first=True)

    def _fill_persons(
        self, found: list[ActorMention], clues: list[PersonClue], on: dt.date | None
    ) -> list[ActorMention]:
        """Each person's state and office: the gazetteer's at `on`, else what the context said."""
        info: dict[str, tuple[str | None, str | None]] = {}
        for m in found:
            if m.kind is ActorKind.PERSON and m.code not in info:
                roles = self.gazetteer.active(m.code, on)
                if roles:
                    info[m.code] = (roles[0].state, roles[0].office)
        from_gazetteer = set(info)
        by_start = {m.start: m for m in found if m.kind is ActorKind.PERSON}
        for _ in range(2):  # a second round lets "Chief of Zelensky's Office" use Zelensky's state
            for clue in clues:
                m = by_start.get(clue.name.start)
                if m is None or m.code in from_gazetteer:
                    continue
                state = clue.state
                if state is None and clue.state_person is not None:
                    state = info.get(clue.state_person, (None, None))[0]
                old = info.get(m.code, (None, None))
                info[m.code] = (old[0] or state, old[1] or clue.office)
        for code in {m.code for m in found if m.kind is ActorKind.PERSON} - from_gazetteer:
            state, office = info.get(code, (None, None))
            person = self.gazetteer.persons.get(code)
            if state is None and person is not None and len({r.state for r in person.roles}) == 1:
                info[code] = (person.roles[0].state, office)  # out of office, but only ever served one state
        out = []
        for m in found:
            if m.kind is ActorKind.PERSON:
                state, office = info.get(m.code, (None, None))
                m = replace(m, state=state, office=office)
            out.append(m)
        return out


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _other_year_near(text: str, pos: int, on: dt.date | None) -> bool:
    """Whether the sentence around `pos` names a year other than the year of `on` (or `on` is unknown)."""
    if on is None:
        return True
    start = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    stops = [i for i in (text.find(". ", pos), text.find("\n", pos)) if i >= 0]
    end = min(stops) if stops else len(text)
    return any(int(y.group()) != on.year for y in _YEAR.finditer(text, start, end))


def _office_matches(title_office: str, held: set[tuple[str, str]]) -> bool:
    offices = {o for _, o in held}
    if title_office in offices:
        return True
    if title_office == "other:Minister":
        return any("minister" in o.lower() for o in offices)
    return False


def _non_overlapping(mentions: list[ActorMention], *, keep_first: bool = False) -> list[ActorMention]:
    """A non-overlapping selection, sorted by position.

    With `keep_first`, mentions earlier in the list win (those already accepted); otherwise the
    earlier start wins, then the longer span, then the better way of finding it.
    """
    if keep_first:
        chosen: list[ActorMention] = []
        taken = bytearray(max((m.end for m in mentions), default=0) + 1)
        for m in mentions:
            if not any(taken[m.start : m.end]):
                chosen.append(m)
                taken[m.start : m.end] = b"\x01" * (m.end - m.start)
        return sorted(chosen, key=lambda m: m.start)
    order = {"gazetteer": 0, "title": 1, "apposition": 1, "pattern": 2, "coreference": 3}
    ranked = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start), order.get(m.via, 1)))
    out: list[ActorMention] = []
    last_end = -1
    for m in ranked:
        if m.start >= last_end:
            out.append(m)
            last_end = m.end
    return out


_BODY_WORDS = frozenset(
    """Group Party Foundation Institute Company Corporation Bank Fund Movement Front Army Brigade Committee
    Center Centre University School Prize Award Doctrine Plan Line Report Commission Agency Club Trust""".split()
)


# "He said", "No date was set": never the surname He or No alone.
_PRONOUNS_AND_NEGATIONS = frozenset("He She It We They I No Not".split())
# "Sen. Bernie Sanders", "Gen. Ali": an abbreviated title, not the surname it is spelt like.
_ABBREVIATED_TITLES = frozenset("Sen Gen Rep Gov Col Lt Sgt Capt Maj Adm Dr Prof Amb Pres Min Cmdr Brig".split())
_OF_NAME = re.compile(r" of (?:the )?[A-Z]")
# "the Trump Administration", "the Meloni Government": the person's government, still theirs.
_GOVERNMENT_WORDS = frozenset("Administration Government Cabinet Presidency Doctrine".split())


def _inside_other_name(text: str, start: int, end: int, known: frozenset[str]) -> bool:
    """A lone surname that is part of another name: "the Horn of Africa", "Boko Haram", "Sen. Sanders"."""
    surface = text[start:end]
    if surface in _ABBREVIATED_TITLES and text[end : end + 1] == ".":
        return True
    if _OF_NAME.match(text, end) and text[max(0, start - 4) : start].lower() == "the ":
        return True  # "the Horn of Africa", "the Son of God"
    after = rules.word_after(text, end)
    return (
        text[end : end + 1] == " "
        and after is not None
        and after[0].isupper()
        and after not in known
        and after not in rules.FUNCTION_WORDS
        and after not in _GOVERNMENT_WORDS
        and not rules.sentence_initial(text, end + 1)
    )


def _names_a_body(text: str, start: int, end: int) -> bool:
    """A surname inside the name of a body: "the Wagner Group", "the Marshall Plan"."""
    following = text[end : end + 20].split()
    return bool(following) and following[0].strip(".,;:") in _BODY_WORDS
