"""Persons recognised from their context rather than from the gazetteer.

- a title before the name: "Italian Foreign Minister Luigi Di Maio", "Ambassador Pier Francesco
  Zazo", "President of Ukraine Volodymyr Zelensky";
- an apposition after it: "Antonio Tajani, Italy's deputy prime minister", "Andriy Yermak, Chef
  of Zelensky's Office";
- a name pattern: "Gianluca Savoini said", "according to Jane Roe".
The state comes from the same context: a demonym, a state's possessive or an organisation before
the title, "of <state>" after it, or the state of a person named there ("Zelensky's Office").
A title with no name ("Italy's foreign minister", "the minister") is returned as a description,
for the finder to resolve to a person named earlier or to the office holder of the day.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dateline.extract.actors.model import ActorMention, office_rank
from dateline.extract.actors.names import NameSpan, name_after, name_before
from dateline.extract.actors.rules import word_before
from dateline.extract.actors.titles import TitleTable
from dateline.extract.records import ActorKind

_AND = re.compile(r"[ \t]+and[ \t]+(?:(?:the|a|an)[ \t]+)?")
_OF = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?")
_TO = re.compile(r"[ \t]+(?:to|in|at)[ \t]+(?:the[ \t]+)?")
# The space before the verb is matched, not looked behind for: a pattern that opens with a
# character class lets re skip from space to space, which is faster than trying every character.
_SPEECH_TEMPLATE = r"[ \t](?:{verbs})\b"
_ACCORDING = re.compile(r"\b[Aa]ccording to ")
# A portfolio after a title, up to a comma: "Minister for Pacific Island Affairs, X".
_PORTFOLIO = re.compile(r"[ \t]+(?:for|of)[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*(?:[ \t]+(?:[A-Z][\w'’-]*|and|&))*(?=, )")
_WORD_AT = re.compile(r"\w*")
_LIST_JOINT = re.compile(r",? and (?:the )?|, (?:the )?")
# Words that end a noun phrase rather than describe its title: "met the president", "said a lawyer".
_NOT_EPITHETS = frozenset(
    "and or but of to for with by in on at from as than that which who whom whose is was are were be been has had "
    "have said says told".split()
)


@dataclass(frozen=True, slots=True)
class PersonClue:
    """A person found from context: where the name is, and what the context says about them."""

    name: NameSpan
    via: str
    state: str | None = None
    state_person: str | None = None
    office: str | None = None


@dataclass(frozen=True, slots=True)
class Description:
    """A title without a name ("Italy's foreign minister"): a person to resolve from elsewhere."""

    start: int
    end: int
    office: str
    state: str | None = None
    state_person: str | None = None
    one_of_many: bool = False  # "the presidents of Tajikistan, Kyrgyzstan and Uzbekistan": the span is the state's


@dataclass(slots=True)
class _Title:
    start: int
    end: int
    office: str


class ContextReader:
    """Reads titles, appositions and name patterns around the mentions already found."""

    def __init__(self, titles: TitleTable, reject: Callable[[str], bool]) -> None:
        self.titles = titles
        self.reject = reject
        verbs = "|".join(sorted(titles.speech_verbs, key=len, reverse=True))
        self._speech = re.compile(_SPEECH_TEMPLATE.format(verbs=verbs))
        self._modifiers = titles.modifiers | titles.past_modifiers  # once, not at every word before a title

    def _name_after(self, text: str, pos: int) -> NameSpan | None:
        while True:
            word = _WORD_AT.match(text, pos)  # not re.match on text[pos:]: copying the rest of the text each time
            honorific = self.titles.honorifics.longest_at(text, pos, word.group() if word else "")
            if honorific is None:
                break
            pos = honorific[0] + 1 if text[honorific[0] : honorific[0] + 1] == " " else honorific[0]
        return name_after(text, pos, self.titles.not_name_words, self.titles.particles, self.reject)

    def _name_before(self, text: str, end: int) -> NameSpan | None:
        name = name_before(text, end, self.titles.not_name_words, self.titles.particles, self.reject)
        if name is None or len(name.tokens) < 2 or name.tokens[0] not in self.titles.honorifics:
            return name
        # "Mr Albanese said", "the Hon Penny Wong, Minister": the name without its courtesy title.
        rest = name.tokens[1:]
        while len(rest) > 1 and rest[0] in self.titles.honorifics:
            rest = rest[1:]
        return NameSpan(text.index(rest[0], name.start + len(name.tokens[0])), name.end, rest)

    def _titles(self, text: str, covered: bytearray) -> list[_Title]:
        """Title hits outside state and organisation names, with "X and Y" chains joined."""
        hits = self.titles.scanner.scan(text)
        found = [_Title(s, e, payloads[0]) for s, e, payloads in hits if not covered[s]]
        joined: list[_Title] = []
        for title in found:
            if joined:
                last = joined[-1]
                gap = _AND.fullmatch(text, last.end, title.start)
                if gap is not None:
                    last.end = title.end
                    if office_rank(title.office) < office_rank(last.office):
                        last.office = title.office
                    continue
            joined.append(title)
        return joined

    def read(self, text: str, mentions: list[ActorMention]) -> tuple[list[PersonClue], list[Description]]:
        """Person clues and descriptions in `text`, given its state/organisation/person mentions."""
        covered = bytearray(len(text) + 1)
        by_end: dict[int, ActorMention] = {}
        by_start: dict[int, ActorMention] = {}
        for mention in mentions:
            by_end[mention.end] = mention
            by_start[mention.start] = mention
            if mention.kind is not ActorKind.PERSON:
                covered[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
        clues: list[PersonClue] = []
        descriptions: list[Description] = []
        titles = self._titles(text, covered)
        title_starts = {title.end: title.start for title in titles}
        for title in titles:
            self._read_title(text, title, by_end, by_start, title_starts, clues, descriptions)
        if " of " in text:
            for start, end, offices in self.titles.plurals.scan(text):
                before = word_before(text, start)
                if not covered[start] and (before is None or before[0].lower() not in self.titles.past_modifiers):
                    descriptions.extend(self._each_of(text, _Title(start, end, offices[0]), by_start))
        clues.extend(self._patterns(text))
        return clues, descriptions

    def _read_title(
        self,
        text: str,
        title: _Title,
        by_end: dict[int, ActorMention],
        by_start: dict[int, ActorMention],
        title_starts: dict[int, int],
        clues: list[PersonClue],
        descriptions: list[Description],
    ) -> None:
        # Before the title: modifiers, then a state, organisation or person (possessive or not), then an article.
        pos, past = title.start, False
        while (word := word_before(text, pos)) is not None and word[0].lower().rstrip("-") in self._modifiers:
            past = past or word[0].lower().rstrip("-") in self.titles.past_modifiers
            pos = word[1]
        if text[max(0, pos - 5) : pos].endswith(("then-", "ex-")):
            past = past or text[pos - 3 : pos] == "ex-"
            pos = pos - (5 if text[pos - 5 : pos] == "then-" else 3)
        source: ActorMention | None = None
        stripped = len(text[:pos].rstrip(" \t"))
        possessive = text[max(0, stripped - 2) : stripped] in ("'s", "’s")
        anchor = stripped - 2 if possessive else stripped
        if anchor in by_end and (possessive or stripped < pos or by_end[anchor].kind is not ActorKind.PERSON):
            source = by_end[anchor]
            pos = source.start
            own_title = len(text[:pos].rstrip(" \t"))
            if source.kind is ActorKind.PERSON and own_title < pos and own_title in title_starts:
                pos = title_starts[own_title]  # "Boulos, President Donald Trump's senior adviser": past Trump's title
        elif possessive and (owner := word_before(text, pos)) is not None and owner[0][:1].isupper():
            pos = owner[1]  # "Brian Nelson, the Treasury's under secretary": a body's possessive, no state
        article = word_before(text, pos)
        has_article = article is not None and article[0].lower() in ("the", "a", "an")
        if not has_article and source is None and text[title.start : title.end].islower():
            pos, article = self._past_epithets(text, pos)  # "the anti-whaling campaigner Paul Watson"
            has_article = article is not None
        if has_article and article is not None:
            pos = article[1]
        # After the title: "of <state>", then "to <state>", then the name.
        after, after_source = title.end, None
        of = _OF.match(text, after)
        if of is not None and of.end() in by_start:
            after_source = by_start[of.end()]
            after = after_source.end
            if after_source.kind is ActorKind.PERSON and text[after : after + 2] in ("'s", "’s"):
                after = text.find(" ", after) if " " in text[after : after + 12] else after
        to = _TO.match(text, after)
        if to is not None and to.end() in by_start:
            after = by_start[to.end()].end
        state, state_person = self._state_of(source or after_source)
        office = None if past else title.office
        portfolio = _PORTFOLIO.match(text, after)
        if portfolio is not None:
            after = portfolio.end()  # "Minister for Pacific Island Affairs, Pat Conroy,": the name after the comma
        comma = text[after : after + 2] == ", "
        name = self._name_after(text, after + 2 if comma else after)
        # A lower-case generic title ("head", "leader") is often a verb or a noun: it needs a qualifier.
        vague = self.titles.is_generic(title.office) and text[title.start : title.end].islower()
        if vague and source is None and after_source is None and not has_article:
            name = None
        if name is not None and text[name.end : name.end + 1] != "(":
            clues.append(PersonClue(name, "title", state, state_person, office))
            return
        if text[max(0, pos - 2) : pos] == ", ":
            name = self._name_before(text, pos - 2)
            if name is not None and (len(name.tokens) > 1 or name.start in by_start):
                clues.append(PersonClue(name, "apposition", state, state_person, office))
                return
        plural = text[title.end : title.end + 1].isalpha()
        if not plural and not past and (has_article or source is not None):
            descriptions.append(Description(title.start, title.end, title.office, state, state_person))

    @staticmethod
    def _each_of(text: str, title: _Title, by_start: dict[int, ActorMention]) -> list[Description]:
        """ "the presidents of Tajikistan, Kyrgyzstan and Uzbekistan", "the foreign ministers of France and
        Germany": the office holder of each state listed, two states at least."""
        of = _OF.match(text, title.end)
        if of is None:
            return []
        found, pos = [], of.end()
        while (state := by_start.get(pos)) is not None and state.kind is ActorKind.STATE and not state.is_place:
            found.append(Description(state.start, state.end, title.office, state.code, one_of_many=True))
            joint = _LIST_JOINT.match(text, state.end)
            if joint is None:
                break
            pos = joint.end()
        return found if len(found) > 1 else []

    @staticmethod
    def _past_epithets(text: str, pos: int) -> tuple[int, tuple[str, int] | None]:
        """Up to two lower-case words before a lower-case title, when an article precedes them ("the
        anti-whaling campaigner", "a veteran opposition activist"): (where the phrase starts, the article)."""
        start = pos
        for _ in range(2):
            word = word_before(text, start)
            if word is None or not word[0].islower() or word[0] in _NOT_EPITHETS:
                return pos, None
            start = word[1]
            article = word_before(text, start)
            if article is not None and article[0].lower() in ("the", "a", "an"):
                return article[1], article
        return pos, None

    @staticmethod
    def _state_of(source: ActorMention | None) -> tuple[str | None, str | None]:
        if source is None:
            return None, None
        if source.kind is ActorKind.PERSON:
            return None, source.code
        return source.code, None

    def _patterns(self, text: str) -> list[PersonClue]:
        """Names followed by a speech verb, or after "according to"; two words at least."""
        clues: list[PersonClue] = []
        for match in self._speech.finditer(text):
            name = self._name_before(text, match.start() + 1)  # the verb starts after the space
            if name is not None and len(name.tokens) > 1:
                clues.append(PersonClue(name, "pattern"))
        for match in _ACCORDING.finditer(text) if "ccording to " in text else ():
            name = self._name_after(text, match.end())
            if name is not None and len(name.tokens) > 1:
                clues.append(PersonClue(name, "pattern"))
        return clues
