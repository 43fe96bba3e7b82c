"""From the sentences of an article, with its dates and actors, to candidate events.

For each sentence that is news (not page furniture, not a heading), every trigger of the lexicon
becomes a candidate event unless it is negated, hypothetical, habitual, an aim, quoted, or the
setting of another event. Its date comes from dating.date_event (never from a citation); its
actors from participants.actor_refs, persons counting for the state they served. Every trigger
leaves a Decision saying what became of it, for `dateline explain`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from dateline.extract.actors.model import ActorMention
from dateline.extract.events import cues
from dateline.extract.events import participants as who
from dateline.extract.events.dating import assign_dates, date_event, deictic, usable
from dateline.extract.events.lexicon import Lexicon
from dateline.extract.events.state import Candidate, Context, Decision, Discourse
from dateline.extract.events.triggers import Token, Trigger, find_triggers, may_hold_trigger, tokenize
from dateline.extract.records import (
    ActorKind,
    ActorRef,
    ActorRole,
    Anchor,
    EventStatus,
    EventType,
    Evidence,
    Precision,
    Timex,
)
from dateline.extract.sentences import Sentence

_DEFINITE = frozenset("the this that these those his her their its".split())
_STOP = frozenset(
    "with that this their from between into which were have been also about against bilateral agreement "
    "agreements signed sign signing deal deals contract contracts".split()
)
_QUOTE = re.compile(r"[\"“][^\"“”]*[\"”]")
# "suspected of espionage", "accused of spying": the reason for another event, not an event.
_REASON = re.compile(r"\b(?:suspected|accused|convicted|charged|suspicion|allegations?|charges?) (?:of|with)\s*$", re.I)
# An agreement or a meeting has two sides at least.
_TWO_PARTIES = frozenset({EventType.AGREEMENT, EventType.MEETING})
# "a forum that Bolsonaro abandoned": an indefinite noun with a relative clause describes a thing.
_DESCRIBED = re.compile(r"\s+(?:that|which|where|whose)\b")
# "earlier this year", "last month": the writer's own year or month, whatever story came before.
_OF_THE_PRESENT = re.compile(r"\b(?:(?:this|last|next|past|coming) (?:year|month)|today|tomorrow)\b", re.IGNORECASE)


_GATHERINGS = frozenset({EventType.MEETING, EventType.CONFERENCE})
_MODIFIES = re.compile(
    r"\s+(?:bureau|secretariat|room|hall|cent(?:re|er)|venue|site|organi[sz]ers?|hosts?|presidency|chairmanship|"
    r"point|facilities)\b",
    re.IGNORECASE,
)
_ACTS = r"(?:decree|law|bill|ordinance|legislation)s?"
_ACT_BEFORE = re.compile(r"\b(?:order|" + _ACTS + r")\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
_ACT_AFTER = re.compile(r"\s+(?:into law\b|(?:(?:a|an|the|its|his|her)\s+)?(?:[\w-]+\s+){0,2}" + _ACTS + r"\b)", re.I)


def _domestic_act(trigger: Trigger, text: str) -> bool:
    """A decree, bill or law signed: a government's act, not an agreement between parties."""
    return bool(
        _ACT_BEFORE.search(text, max(0, trigger.start - 30), trigger.start) or _ACT_AFTER.match(text, trigger.end)
    )


_AIM = "an aim or a call, not a happening"
_SETTING = "the setting of another event"
_ONE_PARTY = "one party only: an agreement or a meeting needs two"
_CONFIDENCE = {"text": 0.8, "discourse": 0.65, "side": 0.65, "since": 0.6, "report": 0.6, "publication": 0.55}
_ASIDE = re.compile(r"\s*\([^)]*\)")
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that)\s+(?:[\w-]+\s+){0,3}$")


def _words(tokens: list[Token], lo: int, hi: int) -> frozenset[str]:
    return frozenset(
        t.lower for t in tokens if lo <= t.start and t.end <= hi and len(t.lower) > 3 and t.lower not in _STOP
    )


def _themes(tokens: list[Token], trigger: Trigger) -> list[frozenset[str]]:
    """Content words of the trigger's object (of each, for "X and Y"), to tell two agreements of one day apart."""
    after = tokens[trigger.last + 1 : trigger.last + 7]
    end = after[-1].end if after else trigger.end
    if trigger.second_object is not None:
        return [_words(tokens, trigger.end, trigger.second_object[0]), _words(tokens, *trigger.second_object)]
    words = _words(after, trigger.end, end)  # the words after the trigger are all in `after`: no need to read the rest
    if trigger.object_span is not None:
        lo, hi = trigger.object_span
        words |= _words(tokens, lo - 40, hi)
    return [words]


def _summary(sentence: Sentence, trigger: Trigger) -> str:
    lo, hi = cues.trigger_clause(sentence, trigger)
    text = sentence.text[lo:hi].strip(" ,;:")
    if "(" in text:
        text = _ASIDE.sub("", text)  # citations and asides
    text = " ".join(text.split())  # runs of white space as one space, as re's \s reads white space
    if len(text) > 220:
        text = text[:217].rsplit(" ", 1)[0] + "..."
    return text[:1].upper() + text[1:]


# "AU-led talks", "UN-brokered negotiations": the body mediates talks between others.
_LED = re.compile(r"-?(?:led|brokered|mediated|sponsored|facilitated|backed)\b", re.IGNORECASE)


def _convened(refs: list, trigger: Trigger, ctx: Context) -> bool:
    """Whether a meeting is a multilateral body's own: the body named before the verb, one state at most beside."""
    bodies = [r for r in refs if r.kind is ActorKind.ORGANISATION and r.code in who.MULTILATERAL]
    states = {r.code for r in refs if r.kind is ActorKind.STATE} | {
        r.state for r in refs if r.kind is ActorKind.PERSON and r.state
    }
    if not bodies or len(states) > 1:
        return False
    return any(m.kind is ActorKind.ORGANISATION and m.code in who.MULTILATERAL and m.end <= trigger.start
               and not _LED.match(ctx.text, m.end)
               for m in ctx.mentions_in(max(0, trigger.start - 120), trigger.start))  # fmt: skip


# "leaders will meet", "foreign ministers are to meet again": many members, not two named sides.
_GATHERING = re.compile(
    r"(?<!two )(?<!both )(?<!three )\b(?:leaders|heads of state|heads of government|foreign ministers|ministers)\s+"
    r"(?:(?:will|would|shall|are to|are due to|are expected to|to)\s+)?(?:again\s+)?$",
    re.IGNORECASE,
)


def _two_parties(refs: list) -> bool:
    codes = set(who.codes_of(refs))
    people = {r.code for r in refs if r.kind is ActorKind.PERSON}
    return len(codes) >= 2 or len(people) >= 2


def _refers_back(trigger: Trigger, tokens: list[Token], text: str, before: list[str]) -> bool:
    """A mention of an event told before: "the visit", "Di Maio's trip", "The resolution ... was adopted"."""
    if trigger.pattern.pos == "noun":
        return any(w in _DEFINITE or w.endswith("'s") for w in before)
    if trigger.object_span is not None and trigger.object_span[1] <= trigger.start:
        head = text[max(0, trigger.object_span[0] - 40) : trigger.object_span[0]].lower()
        return bool(_DEFINITE_BEFORE.search(head))
    return False


def _quotes(sentence: Sentence) -> list[tuple[int, int]]:
    if '"' not in sentence.text and "“" not in sentence.text:
        return []  # most sentences quote nobody
    return [(sentence.start + m.start(), sentence.start + m.end()) for m in _QUOTE.finditer(sentence.text)]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(lo <= start and end <= hi for lo, hi in spans)


def _counted(tokens: list[Token], first: int) -> bool:
    """ "141 votes": a number before the noun."""
    return first > 0 and tokens[first - 1].lower.replace(",", "").isdigit()


def _why_not(trigger: Trigger, triggers: list[Trigger], tokens: list[Token], ctx: Context, sentence: Sentence,
             quotes: list[tuple[int, int]], reported: int | None, conditional: bool) -> str | None:  # fmt: skip
    """The reason a trigger is not an event, read from the words around it; None when it is one.

    The checks run in order and stop at the first that holds (they are the hot loop of extraction).
    """
    noun = trigger.pattern.pos == "noun"
    if quotes and _inside(quotes, trigger.start, trigger.end):
        return "inside a quotation"
    if cues.negated(tokens, trigger.first, ctx.text) or (
        noun and cues.negated_alternative(tokens, trigger.first, ctx.text)
    ):
        return "negated"
    if cues.hypothetical(tokens, trigger.first, reported, ctx.text):
        return "hypothetical or conditional"
    if cues.habitual(tokens, trigger.first, trigger.last, noun, ctx.text):
        return "repeated or generic, not one happening"
    if not noun and cues.toll(ctx.text, trigger.start, trigger.end):
        return "a growing toll, not one happening"
    if not noun and cues.unrealised(tokens, trigger.first) == "aim":
        return _AIM
    if noun and cues.called_for(tokens, trigger.first):
        return _AIM
    if len(triggers) > 1 and cues.setting(ctx.text, sentence.start, trigger.start) and not _new_trip(trigger, tokens):
        return _SETTING
    if noun and _REASON.search(ctx.text, max(0, trigger.start - 30), trigger.start):
        return "the reason for another event"
    if trigger.pattern.type is EventType.VOTE and _counted(tokens, trigger.first):
        return "a count of votes, not a happening"  # "adopted ... by 141 votes to 7", "with 100 votes in favour"
    if noun and _DESCRIBED.match(ctx.text, trigger.end) and tokens[trigger.first - 1].lower in {"a", "an"}:
        return "a description, not a happening"
    if trigger.pattern.type is EventType.AGREEMENT and trigger.object_span is None and _domestic_act(trigger, ctx.text):
        return "a domestic act, not an agreement"  # "a decree signed late last month", "signed the bill into law"
    if noun and trigger.pattern.type in _GATHERINGS and _MODIFIES.match(ctx.text, trigger.end):
        return "a modifier of another noun, not a happening"  # "the conference bureau", "the meeting point"
    if conditional:
        return "conditional"
    statement = trigger.pattern.type is EventType.STATEMENT
    if statement and not noun and cues.participle_adjunct(tokens, trigger.first, trigger.last):
        return "a participle describing another event"
    return None


_NEW_SETTINGS = frozenset({EventType.VISIT, EventType.CONFERENCE})


def _new_trip(trigger: Trigger, tokens: list[Token]) -> bool:
    """ "signed the deal during a visit to Beijing", "pledged $600 million at a virtual conference on Thursday": a
    trip or a conference told for the first time is an event of its own."""
    if trigger.pattern.type not in _NEW_SETTINGS:
        return False
    before = [t.lower for t in tokens[max(0, trigger.first - 2) : trigger.first]]
    return bool(before) and (before[-1] in ("a", "an") or (len(before) == 2 and before[0] in ("a", "an")))


# "approved it", "ratified them": the object is a matter told before.
_PRONOUN_OBJECT = re.compile(r"\s+(?:it|them)\b")


def _person_after(trigger: Trigger, mentions: list[ActorMention], tokens: list[Token]) -> bool:
    """Whether a person is named right after the trigger: "received Kristersson", "received Sweden's Kristersson"."""
    nxt = next((t for t in tokens[trigger.last + 1 : trigger.last + 4]), None)
    if nxt is None:
        return False
    return any(m.kind is ActorKind.PERSON and nxt.start <= m.start <= nxt.start + 30 for m in mentions)


@dataclass(frozen=True)
class _Parties:
    """Who takes part in one trigger's event."""

    refs: list[ActorRef]
    location: str | None
    speaks: bool
    gathering: bool = False  # "when leaders will meet again": a meeting of a body's members


def _parties(trigger: Trigger, tokens: list[Token], mentions: list[ActorMention], ctx: Context,
             sentence: Sentence, discourse: Discourse) -> _Parties | str:  # fmt: skip
    """The parties of a trigger's event, or the reason it has none that make an event."""
    pattern = trigger.pattern
    refs, location = who.actor_refs(mentions, trigger, pattern.type, sentence)
    refs = who.with_context_states(
        refs, pattern.type, discourse, _PRONOUN_OBJECT.match(ctx.text, trigger.end) is not None
    )
    refs = who.with_convening_body(refs, pattern.type, mentions, trigger, discourse)
    refs = who.with_host(refs, pattern.type, mentions, trigger, ctx.text)
    refs = who.with_reaction_target(refs, pattern.type, sentence, trigger, discourse)
    refs = who.with_treaty_parties(refs, pattern.type, trigger, ctx.text, discourse)
    if not who.has_actor(refs):
        return "no state, organisation or official named"
    if pattern.needs_person and not any(r.kind is ActorKind.PERSON for r in refs):
        return "needs a person"
    if pattern.person_object and trigger.object_span is None and not _person_after(trigger, mentions, tokens):
        return "needs a person received"  # "received a letter", but "received Kristersson in Budapest"
    if pattern.type is EventType.MEETING and _GATHERING.search(ctx.text, max(0, trigger.start - 60), trigger.start):
        # "when leaders will meet again in Abuja": the members of the body the text is about.
        with_body = who.with_convening_body(refs, EventType.CONFERENCE, mentions, trigger, discourse)
        if len(with_body) > len(refs):
            return _Parties(with_body, location, False, gathering=True)
    # A sum given ("announced $57 million for police boats") is aid only with a giver and a receiver.
    if (pattern.type in _TWO_PARTIES or pattern.needs == "money") and not _two_parties(refs):
        # The clause may name one side only ("Sudan's warring parties signed"): the sentence may name more.
        whole, _ = who.actor_refs(mentions, trigger, EventType.STATEMENT, sentence)
        if not _two_parties(whole):
            return _ONE_PARTY
        refs = refs + [r for r in whole if r not in refs]
    speaks = pattern.type is EventType.STATEMENT and who.speaker(mentions, trigger, tokens, ctx.text)
    if pattern.type is EventType.STATEMENT and not speaks and not who.ANAPHORA.match(sentence.text):
        return "no speaker named"
    return _Parties(refs, location, speaks)


_TOO = re.compile(r"\b(?:too|as well|also)\b")
_JOINABLE = frozenset({EventType.AGREEMENT, EventType.MEETING, EventType.CONFERENCE})


def _join_earlier(trigger: Trigger, mentions: list[ActorMention], text: str, sentence: Sentence,
                  discourse: Discourse) -> None:  # fmt: skip
    """ "Egypt's foreign minister, Sameh Shoukry, signed too": the one party named joins the agreement,
    meeting or conference of that type told just before."""
    earlier = discourse.last_of_type.get(trigger.pattern.type)
    if earlier is None or trigger.pattern.type not in _JOINABLE or not _TOO.search(sentence.text):
        return
    before = [m for m in mentions if m.kind is ActorKind.PERSON and sentence.start <= m.start < trigger.start]
    if not before or cues.CLAUSE_JOIN.search(text, before[-1].end, trigger.start):
        return
    subject = before[-1]
    if all(r.code != subject.code for r in earlier.actors):
        earlier.actors.append(who.mention_ref(subject, ActorRole.PARTICIPANT))


def sentence_candidates(lex: Lexicon, ctx: Context, index: int, sentence: Sentence, lede: bool, headline: bool,
                        discourse: Discourse) -> tuple[list[Candidate], list[Decision]]:  # fmt: skip
    """The candidate events of one sentence, and a decision for each trigger in it.

    Triggers are judged first (the words around them, then their parties); dates are then shared
    out among the triggers that remain, so that a dropped one takes no date from a kept one.
    """
    if not may_hold_trigger(lex, sentence.text):
        return [], []
    tokens = tokenize(ctx.text, sentence.start, sentence.end)
    triggers = find_triggers(lex, tokens, ctx.text)
    if not triggers:
        return [], []
    own = ctx.mentions_in(sentence.start, sentence.end)
    mentions = who.resolve_pronouns(who.sentence_mentions(sentence, own, discourse), tokens, triggers, discourse,
                                    ctx.text)  # fmt: skip
    quotes = _quotes(sentence)
    inside = ctx.timexes_in(sentence.start, sentence.end)
    timexes = [t for t in inside if usable(t, ctx.text) and not _inside(quotes, t.start, t.end)]
    if len(timexes) > 1:
        timexes = _without_vague_before_dates(timexes)
    paragraph_end = ctx.text.find("\n", sentence.end)
    paragraph_end = len(ctx.text) if paragraph_end < 0 else paragraph_end
    # Once a paragraph has moved into an old story (it named a date two years or more back), "18 May",
    # "Thursday", "this year" read against the publication date are more often wrong than right. Such
    # a date is kept without its reading: the trigger it belongs to is undated, rather than taking
    # another trigger's date ("In the summer of 2019 Tokyo tightened ..., and in March it announced").
    timexes = [
        t if t.anchor is not Anchor.PUBLICATION
        or _OF_THE_PRESENT.search(t.text)
        or not ctx.old_story(discourse.paragraph_start, paragraph_end, t.start, deictic(t))
        else replace(t, date=None)
        for t in timexes
    ]  # fmt: skip
    reported = cues.reported_speech(tokens)
    conditional = cues.conditional(sentence.text)
    decisions: list[Decision] = []
    kept: list[tuple[Trigger, _Parties]] = []
    own_dates: list[Trigger] = []  # dropped triggers that still own the dates near them
    settings: list[Trigger] = []  # "at a conference on Thursday": dates the event set there
    for trigger in triggers:
        text = ctx.text[trigger.start : trigger.end]
        reason = _why_not(trigger, triggers, tokens, ctx, sentence, quotes, reported, conditional)
        parties = _parties(trigger, tokens, mentions, ctx, sentence, discourse) if reason is None else reason
        if isinstance(parties, str):
            decisions.append(Decision(index, text, trigger.pattern.type, parties))
            if parties == _ONE_PARTY:
                _join_earlier(trigger, mentions, ctx.text, sentence, discourse)
            if parties in (_AIM, _ONE_PARTY):
                own_dates.append(trigger)  # still a happening's words: its date is its own
            elif (
                parties == _SETTING
                and trigger.pattern.type in _SETTING_TYPES
                and _SAME_TIME_SETTING.search(ctx.text, max(0, trigger.start - 60), trigger.start)
            ):
                settings.append(trigger)
        else:
            kept.append((trigger, parties))
    attributions = _attributions(kept, ctx.text)
    kept = _with_subject_bodies(kept, ctx.text)
    out: list[Candidate] = []
    # An attribution still dates what it reports, and an aim or a meeting whose other party is not
    # named keeps its own date ("urged the junta to hold elections next year": next year is the
    # elections', not the urging's; "Faisal, who opened the talks on May 6, said": not the saying's).
    survivors = sorted([*(t for t, _ in kept), *own_dates], key=lambda t: t.start)
    owner = assign_dates(survivors, timexes, ctx.text) if timexes and survivors else {}
    if settings and timexes and kept:
        owner = _with_setting_dates(survivors, settings, [t for t, _ in kept], timexes, ctx.text, owner)
    if owner and len(kept) > 1:
        owner = _with_trip_dates(survivors, [t for t, _ in kept], ctx.text, owner)
    for trigger, parties in kept:
        if trigger.start in attributions:
            decisions.append(Decision(index, ctx.text[trigger.start : trigger.end], trigger.pattern.type,
                                      "the source of the news before it, not a statement"))  # fmt: skip
            continue
        candidates, decision = _build(trigger, parties, survivors, tokens, timexes, ctx, index, sentence,
                                      lede and not headline, headline, discourse, owner)  # fmt: skip
        decisions.append(decision)
        out.extend(candidates)
    decisions.sort(key=lambda d: ctx.text.find(d.trigger, sentence.start))
    return out, decisions


# "at a conference", "during a visit by Niinisto to Ankara", "on the sidelines of the summit": the event set
# there happens at its time (not "after", "before" or "on the eve of" it, and not "at a detention centre").
_SAME_TIME_SETTING = re.compile(
    r"\b(?:at|during|(?:on|in) the (?:sidelines|margins?|occasion|course) of)\s+(?:the |a |an |this |that )?"
    r"(?:[\w-]+ ){0,3}$",
    re.IGNORECASE,
)
_SETTING_TYPES = frozenset({EventType.MEETING, EventType.CONFERENCE, EventType.VISIT})


def _with_setting_dates(survivors: list[Trigger], settings: list[Trigger], kept: list[Trigger], timexes: list[Timex],
                        text: str, owner: dict[int, list[Timex]]) -> dict[int, list[Timex]]:  # fmt: skip
    """A date that belongs to the setting of an event ("pledged $600 million at a conference on Thursday", "during
    a visit to Ankara on 17 March, Erdogan announced") dates the event set there, when it has no date of its own."""
    every = sorted([*survivors, *settings], key=lambda t: t.start)
    theirs = assign_dates(every, timexes, text)
    out = dict(owner)
    dated = {id(survivors[i]) for i in owner}
    setting_ids = {id(t) for t in settings}
    for i, trigger in enumerate(every):
        if id(trigger) not in setting_ids or i not in theirs:
            continue
        free = [k for k in kept if id(k) not in dated]
        if not free:
            continue
        points = [t for t in theirs[i] if t.date is not None and t.date.precision is not Precision.RANGE]
        if not points:
            continue  # "adopted during the July 11-14 gathering": on one of its days, not all of them
        event = min(free, key=lambda k: abs(k.start - trigger.start))
        taken = {id(t) for t in points}
        for j, times in list(out.items()):  # the setting's dates, taken from any other owner
            out[j] = [t for t in times if id(t) not in taken]
        out.setdefault(next(j for j, t in enumerate(survivors) if t is event), []).extend(points)
        dated.add(id(event))
    return {j: times for j, times in out.items() if times}


def _with_trip_dates(survivors: list[Trigger], kept: list[Trigger], text: str,
                     owner: dict[int, list[Timex]]) -> dict[int, list[Timex]]:  # fmt: skip
    """ "During a visit by Niinisto to Ankara on 17 March, Erdogan announced ...", "pledged $600 million at a
    conference on Thursday": a trip or a conference told as the setting of another event is an event of its own, and
    its day is also the day of the event it sets, when that has none."""
    out = owner
    for i, trip in enumerate(survivors):
        if trip.pattern.type not in _SETTING_TYPES or i not in out:
            continue
        if not _SAME_TIME_SETTING.search(text, max(0, trip.start - 60), trip.start):
            continue
        points = [t for t in out[i] if t.date is not None and t.date.precision is not Precision.RANGE]
        free = [j for j, t in enumerate(survivors) if j not in out and any(t is k for k in kept)]
        # The event the trip or conference is the setting of: the verb before it ("pledged ... at a conference on
        # Thursday"), or the clause after it ("During a visit to Ankara on 17 March, Erdogan announced").
        before = [j for j in free if survivors[j].end <= trip.start and ";" not in text[survivors[j].end : trip.start]]
        after = [j for j in free if survivors[j].start > trip.end and "," in text[trip.end : survivors[j].start]]
        event = before[-1] if before else after[0] if after else None
        if points and event is not None:
            out = {**out, event: points}
    return out


_VAGUE = frozenset({"recently", "most recently", "lately", "more recently"})
_VAGUE_REACH = 40


def _without_vague_before_dates(timexes: list[Timex]) -> list[Timex]:
    """ "most recently in Moscow in May", "most recently on December 2": the date after "recently" says when."""
    return [
        t
        for i, t in enumerate(timexes)
        if t.text.lower() not in _VAGUE or not any(0 <= u.start - t.end <= _VAGUE_REACH for u in timexes[i + 1 :])
    ]


_ATTRIBUTION = re.compile(r",\s+(?:[\w'’.-]+\s+){1,6}$")
_ATTRIBUTING = frozenset("say tell confirm report add".split())


def _attributions(kept: list[tuple[Trigger, _Parties]], text: str) -> set[int]:
    """Starts of the reporting verbs that only source the news told before them in the sentence:
    "X spoke by telephone with Y on Tuesday, the ministry in Ankara said"."""
    out = set()
    for i, (trigger, _) in enumerate(kept):
        pattern = trigger.pattern
        told_before = any(t.pattern.type is not EventType.STATEMENT for t, _ in kept[:i])
        if (pattern.type is EventType.STATEMENT and pattern.pos == "verb" and told_before
                and pattern.lemma.split()[0] in _ATTRIBUTING
                and _ATTRIBUTION.search(text, max(0, trigger.start - 60), trigger.start)):  # fmt: skip
            out.add(trigger.start)
    return out


def _with_subject_bodies(kept: list[tuple[Trigger, _Parties]], text: str) -> list[tuple[Trigger, _Parties]]:
    """ "an extraordinary summit in Abuja imposed sanctions": what a summit does, its body does."""
    out = list(kept)
    for i in range(1, len(out)):
        (noun, noun_parties), (verb, parties) = out[i - 1], out[i]
        if noun.pattern.type is not EventType.CONFERENCE or noun.pattern.pos != "noun" or verb.pattern.pos != "verb":
            continue
        between = text[noun.end : verb.start]
        if len(between) >= 50 or "," in between or re.search(r"\b(?:and|that|which|who|when)\b", between):
            continue
        bodies = [r for r in noun_parties.refs if r.kind is ActorKind.ORGANISATION and r not in parties.refs]
        if bodies:
            out[i] = (verb, _Parties(parties.refs + bodies, parties.location, parties.speaks))
    return out


def _build(trigger: Trigger, parties: _Parties, survivors: list[Trigger], tokens: list[Token], timexes: list[Timex],
           ctx: Context, index: int, sentence: Sentence, lede: bool, headline: bool, discourse: Discourse,
           owner: dict[int, list[Timex]]) -> tuple[list[Candidate], Decision]:  # fmt: skip
    """The candidate events of a kept trigger (two for "signed X and Y"), with its decision."""
    pattern = trigger.pattern
    text = ctx.text[trigger.start : trigger.end]
    noun = pattern.pos == "noun"
    intent = None if noun else cues.unrealised(tokens, trigger.first)
    planned = intent == "planned" or cues.future(tokens, trigger.first, trigger.last, noun, ctx.text)
    before = [t.lower for t in tokens[max(0, trigger.first - 2) : trigger.first]]
    definite = _refers_back(trigger, tokens, ctx.text, before)
    date, date_text, source = date_event(trigger, survivors, timexes, ctx, sentence, tokens, lede, planned,
                                         discourse, index, owner, definite)  # fmt: skip
    if headline or (source != "text" and cues.cumulative(sentence.text)):
        # A headline tells of an event its article reports below; a running total has no one day.
        date, date_text, source = None, None, "none"
    if date is not None and ctx.published is not None and date.earliest > ctx.published:
        planned = True
    status = EventStatus.PLANNED if planned else EventStatus.OCCURRED
    event_type, cameo = pattern.type, pattern.cameo
    if event_type is EventType.MEETING and (parties.gathering or _convened(parties.refs, trigger, ctx)):
        event_type, cameo = EventType.CONFERENCE, "043"
    spans = [trigger.text_span, trigger.second_object or trigger.text_span]
    candidates = [
        Candidate(
            type=event_type,
            status=status,
            date=date,
            date_text=date_text,
            trigger=text,
            cameo=cameo,
            actors=list(parties.refs),
            evidence=[Evidence(sentence.text, sentence.start, sentence.end)],
            summary=_summary(sentence, trigger),
            confidence=_CONFIDENCE.get(source, 0.4),
            theme=theme,
            location=parties.location,
            sentence_index=index,
            date_source=source,
            span=span,
            paragraph=discourse.paragraph,
            definite=headline or definite,
            speaker=parties.speaks,
            headline=headline,
            trigger_span=(trigger.start, trigger.end),
        )
        for theme, span in zip(_themes(tokens, trigger), spans, strict=False)
    ]
    decision = Decision(index, text, event_type, "event", date.edtf if date else None, source, status.value,
                        who.codes_of(parties.refs))  # fmt: skip
    return candidates, decision
