"""Finding event triggers in a sentence with the compiled lexicon."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dateline.extract.events.lexicon import GAP, MAX_GAP, Lexicon, Pattern, TokenSpec
from dateline.extract.records import EventType

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'’\-]*|\d+(?:[.,]\d+)*")
OBJECT_WINDOW = 8
_CLAUSE_OPENERS = frozenset({"that", "which", "who", "whom", "whether", "if"})
_BACK_STOPS = _CLAUSE_OPENERS | {"and", "but", "it", "he", "she", "they", "we"}
_BE = frozenset({"was", "were", "been", "being", "is", "are", "be", "get", "got", "gets"})
_ADVERBS = frozenset(
    "also reportedly already just recently officially formally jointly finally eventually allegedly not never "
    "successfully duly then".split()
)
# Before these a verb form is a noun: "Italy's support", "the visit", "a deal".
_NOUN_CUES = frozenset(
    "the a an its his her their our your this that these those whose of such any no every each further continued "
    "strong full new similar previous several many numerous recent other multiple various".split()
)


# Objects looked for after the verb only; after an active verb only ("X welcomed the president", but
# "the president was welcomed by X").
_AFTER_ONLY = frozenset({"money"})
_AFTER_ACTIVE = frozenset({"visitor"})
# Types whose events have names ("the NATO Summit", "the Business Forum", "the Geneva Talks"); a
# capitalised noun of another type names a document or a body ("the Joint Declaration").
_NAMED_EVENTS = frozenset({EventType.CONFERENCE, EventType.MEETING, EventType.VOTE})


# Not frozen: a frozen dataclass sets each field through object.__setattr__, which makes building
# the tokens of every sentence four times slower; nothing changes a token once made.
@dataclass(slots=True)
class Token:
    """A word of the text with its offsets."""

    start: int
    end: int
    lower: str
    capital: bool = False


@dataclass(slots=True)  # not frozen, for the same reason as Token
class Trigger:
    """A lexicon pattern matched in a sentence."""

    pattern: Pattern
    first: int  # index of the first token
    last: int  # index of the last token
    start: int
    end: int
    passive: bool
    object_span: tuple[int, int] | None = None
    second_object: tuple[int, int] | None = None
    # The bounds of its clause in its sentence, once cues.trigger_clause has worked them out (not
    # an argument, so that a trigger made anew, or by dataclasses.replace, starts without them).
    clause: tuple[int, int] | None = field(default=None, init=False, compare=False, repr=False)

    @property
    def text_span(self) -> tuple[int, int]:
        """Offsets of the trigger with its object, when it needed one."""
        if self.object_span is None:
            return self.start, self.end
        return min(self.start, self.object_span[0]), max(self.end, self.object_span[1])


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of text[start:end], lower-cased, with offsets into `text`."""
    end = len(text) if end is None else end
    out: list[Token] = []
    append = out.append
    find = text.find
    # findall and str.find cost less than a match object per word. A word starts where it first
    # occurs after the word before it: no character between two words can start one.
    pos = start
    for word in _WORD.findall(text, start, end):
        s = find(word, pos)
        pos = s + len(word)
        append(Token(s, pos, word.lower().replace("’", "'"), word[0].isupper()))
    return out


def _match(tokens: list[Token], i: int, specs: tuple[TokenSpec, ...]) -> int | None:
    """Index of the last token when `specs` match from token i, else None (shortest gaps first)."""
    for k, spec in enumerate(specs):  # words in a loop; only a gap needs the rest tried at each of its widths
        if spec is GAP:
            rest = specs[k + 1 :]
            for skip in range(MAX_GAP + 1):
                found = _match(tokens, i + skip, rest)
                if found is not None:
                    return found
                if i + skip < len(tokens) and tokens[i + skip].lower in _CLAUSE_OPENERS:
                    return None  # "announced that the sanctions would be lifted": a gap never enters a clause
            return None
        if i >= len(tokens) or tokens[i].lower not in spec:
            return None
        i += 1
    return i - 1


def _is_participle(word: str, pattern: Pattern) -> bool:
    base = pattern.lemma.split()[0].lower()
    return (word != base and not word.endswith(("ing", "s"))) or word in {"met", "held", "sent", "given", "made"}


def _passive(tokens: list[Token], first: int, pattern: Pattern) -> bool:
    if not _is_participle(tokens[first].lower, pattern):
        return False
    j = first - 1
    while j >= 0 and tokens[j].lower in _ADVERBS:
        j -= 1
    return j >= 0 and tokens[j].lower in _BE


def _find_object(lex: Lexicon, tokens: list[Token], trig_first: int, trig_last: int, name: str,
                 look_back: bool) -> tuple[int, int] | None:  # fmt: skip
    table = lex.objects.get(name, {})
    stop = min(len(tokens), trig_last + 1 + OBJECT_WINDOW)
    opener = next((k for k in range(trig_last + 1, stop) if tokens[k].lower in _CLAUSE_OPENERS), stop)
    spans = range(trig_last + 1, opener)  # the object is not inside a clause of its own ("announced that ...")
    back = range(trig_first - 1, max(-1, trig_first - 1 - OBJECT_WINDOW), -1) if look_back else range(0)
    # Looking back ("the sanctions announced on Monday") stops at a clause or a subject: in "raised
    # tariffs, and in May it announced that ...", the tariffs are not what was announced.
    back = range(back.start, next((k for k in back if tokens[k].lower in _BACK_STOPS), back.stop), -1)
    for i in [*spans, *back]:
        for specs in table.get(tokens[i].lower, ()):
            last = _match(tokens, i, specs)
            if last is not None:
                return tokens[i].start, tokens[last].end
    return None


_WORDS = re.compile(r"[a-z]+")


def may_hold_trigger(lex: Lexicon, sentence: str) -> bool:
    """A cheap test before tokenizing: does any word of the sentence start a trigger pattern?"""
    return not lex.first_words.isdisjoint(_WORDS.findall(sentence.lower()))


def find_triggers(lex: Lexicon, tokens: list[Token], text: str | None = None) -> list[Trigger]:
    """Non-overlapping triggers in a sentence's tokens, the most specific pattern at each place.

    With `text`, a capitalised word inside the sentence is read as part of a name ("the Joint
    Declaration on Support for Ukraine"): it can start a noun trigger ("NATO Summit") but not a verb.
    """
    found: list[Trigger] = []
    by_first = lex.by_first
    free = 0  # the first token after the last trigger found
    # Only the words that start a pattern are visited: most words of a sentence start none.
    for i in [k for k, t in enumerate(tokens) if t.lower in by_first]:
        if i < free:
            continue
        best: tuple[tuple[int, int], Trigger] | None = None
        capitalised = text is not None and i > 0 and text[tokens[i].start].isupper()
        for pattern in by_first[tokens[i].lower]:
            if capitalised and (pattern.pos == "verb" or pattern.type not in _NAMED_EVENTS):
                continue
            last = _match(tokens, i, pattern.tokens)
            if last is None:
                continue
            trigger = _qualify(lex, tokens, i, last, pattern)
            if trigger is None:
                continue
            # A court's or a parliament's verb before the same verb said by anyone ("the tribunal rejected").
            rank = (2 if trigger.object_span else 1, len(pattern.tokens), pattern.subject is not None)
            if best is None or rank > best[0]:
                best = (rank, trigger)
        if best is not None:
            found.append(best[1])
            free = best[1].last + 1
    return found


def _qualify(lex: Lexicon, tokens: list[Token], i: int, last: int, pattern: Pattern) -> Trigger | None:
    """The trigger for a pattern matched at tokens i..last, or None when its conditions fail."""
    word = tokens[i].lower
    prev = tokens[i - 1].lower if i > 0 else ""
    passive = pattern.pos == "verb" and _passive(tokens, i, pattern)
    if pattern.pos == "verb":
        if pattern.voice == "active" and passive:
            return None
        if pattern.voice == "passive" and not passive:
            return None
        if (prev in _NOUN_CUES or prev.endswith("'s")) and not word.endswith("ed") and word != "met":
            return None  # "Italy's support", "the visit": a noun, matched by the noun list if at all
    if pattern.subject is not None and not _has_subject(tokens, i, _SUBJECTS[pattern.subject]):
        return None
    if pattern.infinitive != "any" and _infinitive_after(tokens, last) != (pattern.infinitive == "needed"):
        return None
    object_span = second = None
    if pattern.needs:
        # "the sanctions announced on Monday"; but a sum before the verb is seldom what it gives
        # ("a bank with $12.5 billion in assets announced a merger").
        look_back = pattern.pos == "verb" and word != pattern.lemma and pattern.needs not in _AFTER_ONLY
        look_back = look_back and (passive or pattern.needs not in _AFTER_ACTIVE)
        object_span = _find_object(lex, tokens, i, last, pattern.needs, look_back=look_back)
        if object_span is None and not pattern.needs_optional:
            return None
        if object_span is not None and object_span[0] > tokens[last].end:
            second = _coordinated(lex, tokens, object_span[1], pattern.needs)
    return Trigger(pattern, i, last, tokens[i].start, tokens[last].end, passive, object_span, second)


# Subjects some verbs need: what a court orders, rejects or finds is a ruling; what a parliament
# approves, passes or rejects is a vote.
_SUBJECTS = {
    "court": frozenset(
        "court courts tribunal tribunals judge judges justices magistrate magistrates icj icc itlos echr".split()
    ),
    "legislature": frozenset(
        "parliament parliaments assembly senate senators congress lawmakers legislators legislature deputies mps house "
        "council duma knesset bundestag riksdag sejm storting folketing eduskunta majlis rada".split()
    ),
}
_SUBJECT_REACH = 6
# What may stand between such a subject and its verb: "the court first ordered", "the ICJ unanimously
# ordered", "the parliament on Tuesday approved", the rest of a name; anything else ("That resolution of the Security
# Council, adopted in 2015, endorsed") makes the named body part of another subject.
_SUBJECT_GAP = _ADVERBS | frozenset(
    "unanimously narrowly overwhelmingly swiftly quickly subsequently later first has have had on in last this "
    "monday tuesday wednesday thursday friday saturday sunday week month year".split()
)


def _has_subject(tokens: list[Token], first: int, subjects: frozenset[str]) -> bool:
    """Whether one of `subjects` is the subject of the verb at `first`, named just before it ("the district
    court first ordered", "the Hungarian parliament approved", "In 2020 the court found"), or "it" in a
    sentence that named one before ("the court found ..., and in April it rejected")."""
    for k in range(first - 1, max(-1, first - 1 - _SUBJECT_REACH), -1):
        word = tokens[k].lower
        if word in subjects:
            return True
        if word == "it":
            return any(t.lower in subjects for t in tokens[:k])
        if word not in _SUBJECT_GAP and word != "of" and not word.isdigit() and not tokens[k].capital:
            return False  # but "the Supreme Court of Kenya ordered": the rest of its name
    return False


_INFINITIVE_REACH = 12


def _infinitive_after(tokens: list[Token], last: int) -> bool:
    """Whether a "to" follows within a few words, before another clause: "called on Russia to withdraw" asks;
    "called on her at her hotel on Friday" visits."""
    for k in range(last + 1, min(len(tokens), last + 1 + _INFINITIVE_REACH)):
        word = tokens[k].lower
        if word == "to":
            return True
        if word in _BACK_STOPS:
            return False
    return False


def _coordinated(lex: Lexicon, tokens: list[Token], after: int, name: str) -> tuple[int, int] | None:
    """A second object joined by "and" to the first: "signed a trade agreement and a memorandum on energy"."""
    index = next((k for k, t in enumerate(tokens) if t.start >= after), None)
    if index is None or tokens[index].lower != "and":
        return None
    table = lex.objects.get(name, {})
    for k in range(index + 1, min(len(tokens), index + 1 + OBJECT_WINDOW)):
        for specs in table.get(tokens[k].lower, ()):
            end = _match(tokens, k, specs)
            if end is not None:
                return tokens[index + 1].start, tokens[end].end
    return None
