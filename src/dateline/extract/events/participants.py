"""Who takes part in an event: the actors of its clause, speakers, pronouns, and back-references."""

from __future__ import annotations

import re
from dataclasses import replace

from dateline.extract.actors.model import ActorMention
from dateline.extract.events import cues
from dateline.extract.events.state import Candidate, Discourse
from dateline.extract.events.triggers import Token, Trigger
from dateline.extract.records import ActorKind, ActorRef, ActorRole, EventType
from dateline.extract.sentences import Sentence

# Types where who-acts-on-whom matters; for the others every actor is a participant.
_DIRECTED = frozenset(
    {EventType.VISIT, EventType.STATEMENT, EventType.ARREST, EventType.LEGAL, EventType.SANCTIONS,
     EventType.EXPULSION, EventType.AID}
)  # fmt: skip
# Events that need a recipient: when the sentence names only one state, the section heading's
# states ("Italy's Ongoing Support to Ukraine") supply the other.
_NEEDS_TWO = frozenset(
    {
        EventType.AID,
        EventType.SANCTIONS,
        EventType.EXPULSION,
        EventType.LEGAL,
        EventType.ARREST,
        EventType.VISIT,
        EventType.STATEMENT,
    }
)
ANAPHORA = re.compile(
    r"^\s*[\"“]?(?:he|she|they|it|this|that|the two(?: \w+)?|both(?: sides| leaders| ministers)?|the sides)\b", re.I
)
_GROUP = re.compile(
    r"\b(?:the|both|all) (?:two|three|four|five|six|seven|eight|nine|ten|\d+)?\s*"
    r"(countries|nations|states|sides|governments|leaders|ministers|presidents|parties|allies|partners|capitals)\b",
    re.IGNORECASE,
)
_GROUP_WORDS = (
    "countries",
    "nations",
    "states",
    "sides",
    "governments",
    "leaders",
    "ministers",
    "presidents",
    "parties",
    "allies",
    "partners",
    "capitals",
)  # every match of _GROUP holds one: a cheap test first
_PEOPLE = frozenset({"leaders", "ministers", "presidents"})
# "condemned the decision", "welcomed the verdict": a reaction, whose target is the event it names.
_REACTION = re.compile(
    r"\b(?:the|this|that|its|their) (?:[\w-]+ ){0,2}(?P<noun>decision|move|step|measures?|announcement|verdict|"
    r"ruling|sentence|expulsions?|sanctions|attack|strike|visit|trip|deal|agreement|accord|vote|resolution|"
    r"arrests?|detention|ban|embargo|talks|meeting|call)\b",
    re.IGNORECASE,
)
_REACTION_TYPES = {
    "verdict": EventType.LEGAL, "ruling": EventType.LEGAL, "sentence": EventType.LEGAL,
    "expulsion": EventType.EXPULSION, "expulsions": EventType.EXPULSION, "sanctions": EventType.SANCTIONS,
    "ban": EventType.SANCTIONS, "embargo": EventType.SANCTIONS, "visit": EventType.VISIT, "trip": EventType.VISIT,
    "deal": EventType.AGREEMENT, "agreement": EventType.AGREEMENT, "accord": EventType.AGREEMENT,
    "vote": EventType.VOTE, "resolution": EventType.VOTE, "arrest": EventType.ARREST, "arrests": EventType.ARREST,
    "detention": EventType.ARREST, "talks": EventType.MEETING, "meeting": EventType.MEETING, "call": EventType.MEETING,
}  # fmt: skip
# "ASEAN leaders met", "NATO ministers are to meet": a meeting of a body of many states is a conference.
MULTILATERAL = frozenset(
    "ASEAN EU NATO G7 G8 G20 AU ECOWAS OSCE UN SCO BRICS GCC OAS CIS CSTO LAS OPEC COE MERCOSUR SADC EAC".split()
)


_PRONOUNS = frozenset({"he", "she"})
_SUBORDINATORS = frozenset("when after before as while because since until once".split())
_POSSESSIVE_PRONOUNS = frozenset({"his", "her"})
OBJECT_REACH = 3  # "ordered him held", "froze his assets", "banned him": a few words after the verb
_RELATIVE = re.compile(r",\s+(?:who|which)\s*$")
_CLOSED_ASIDE = re.compile(r",\s+(?:who|which)\b[^,;\"“”]*,\s*$")
SPEAKER_REACH = 10


def mention_ref(m: ActorMention, role: ActorRole) -> ActorRef:
    """An event actor for a mention: a place counts for its state."""
    if m.is_place:
        return ActorRef(ActorKind.STATE, m.state or m.code, m.state or m.code, role)
    return ActorRef(m.kind, m.code, m.name, role, state=m.state, office=m.office)


def has_state(mentions: list[ActorMention]) -> bool:
    """Whether mentions name a state or organisation, or a person whose state is known."""
    return any((m.kind is not ActorKind.PERSON and not m.is_place) or m.state for m in mentions)


def has_actor(refs: list[ActorRef]) -> bool:
    """Whether an event has at least one state, organisation or person with a state."""
    return any(r.kind is not ActorKind.PERSON or r.state for r in refs)


def sentence_mentions(sentence: Sentence, own: list[ActorMention], discourse: Discourse) -> list[ActorMention]:
    """The mentions a sentence's events may draw on: its own, plus those its pronouns and group
    nouns stand for ("He said", "the three countries agreed")."""
    mentions = list(own)
    known = {m.code for m in mentions}
    group = _GROUP.search(sentence.text) if cues.may_hold(sentence.text, _GROUP_WORDS) else None
    if group:
        for states in reversed(discourse.recent_states):
            for m in states:
                if m.code not in known and not m.is_place:
                    mentions.append(m)
                    known.add(m.code)
        if group.group(1).lower() in _PEOPLE and len(discourse.last_people) > 1:
            # "The ministers adopted a joint declaration": the officials just named, with their states.
            mentions += [m for m in discourse.last_people if m.code not in known]
        elif len({m.state for m in discourse.recent_persons if m.state} - known) > 1:
            # "Ali and Maduro held talks ... At the end of the meeting the two sides adopted": the states of the
            # officials named lately, when the sentences before named them rather than their states.
            mentions += [m for m in discourse.recent_persons if m.code not in known]
    if ANAPHORA.match(sentence.text) or not has_state(mentions):
        mentions += [m for m in discourse.last_mentions if m.code not in known]
    return mentions


def resolve_pronouns(mentions: list[ActorMention], tokens: list[Token], triggers: list[Trigger],
                     discourse: Discourse, text: str = "") -> list[ActorMention]:  # fmt: skip
    """Add the person a subject pronoun stands for: "..., he said" is the last person named before it."""
    out = list(mentions)
    for trigger in triggers:
        earlier = [m for m in mentions if m.kind is ActorKind.PERSON and m.end <= trigger.start]
        # The subject is the last person before the verb, unless a clause ends in between ("Dodik signed
        # the laws, and prosecutors opened an investigation into him").
        subject = (
            earlier[-1].code if earlier and not cues.CLAUSE_JOIN.search(text, earlier[-1].end, trigger.start) else None
        )
        after = _object_pronoun(tokens[trigger.last + 1 : trigger.last + 1 + OBJECT_REACH], subject is not None)
        if after is not None:
            # "Orban invited him", "Britain froze his assets": the person the story is most about, among
            # those named lately, who is not the subject.
            candidates = [m for m in [*discourse.recent_persons, *earlier] if m.code != subject]
            if candidates:
                rank = {m.code: (discourse.person_counts.get(m.code, 0), i) for i, m in enumerate(candidates)}
                best = max(candidates, key=lambda m: rank[m.code])
                if all(m.code != best.code for m in out):
                    out.append(replace(best, start=after.start, end=after.end))
        k = next((k for k in range(trigger.first - 1, max(-1, trigger.first - 3), -1) if tokens[k].lower in _PRONOUNS),
                 None)  # fmt: skip
        if k is None:
            k = _pronoun_and_name(tokens, trigger.first)
        if k is None:
            continue
        pronoun = tokens[k]
        earlier = [m for m in mentions if m.kind is ActorKind.PERSON and m.end <= pronoun.start]
        if earlier and k > 0 and tokens[k - 1].lower in _SUBORDINATORS and earlier[0].code != earlier[-1].code:
            # "Hunt raised the case with Sheikh Abdullah when he visited Abu Dhabi": the subject's trip,
            # told where the pronoun stands.
            out.append(replace(earlier[0], start=pronoun.start, end=pronoun.end))
            continue
        person = earlier[-1] if earlier else discourse.last_person
        if person is not None and all(m.code != person.code for m in out):
            out.append(person)
    return out


def _pronoun_and_name(tokens: list[Token], first: int) -> int | None:
    """ "he and Japarov signed", "she and Austrian Chancellor Karl Wendt signed": the index of a pronoun
    joined by "and" to the capitalised words right before the verb."""
    j = first - 1
    while j >= max(0, first - 6) and tokens[j].capital:
        j -= 1
    if j < first - 1 and j >= 1 and tokens[j].lower == "and" and tokens[j - 1].lower in _PRONOUNS:
        return j - 1
    return None


def _object_pronoun(following: list[Token], has_subject: bool) -> Token | None:
    """The pronoun a verb acts on, among the words after it: "him" ("ordered him held"), "her" right after
    it; "his" or "her" further on ("froze his assets") only when no person precedes the verb, since "met
    his counterpart" is the subject's."""
    for i, token in enumerate(following):
        if token.lower == "him" or (token.lower == "her" and i == 0):
            return token
        if token.lower in _POSSESSIVE_PRONOUNS and not has_subject:
            return token
    return None


def actor_refs(mentions: list[ActorMention], trigger: Trigger, event_type: EventType,
               sentence: Sentence) -> tuple[list[ActorRef], str | None]:  # fmt: skip
    """Actor references for an event, with roles by position, and the state it took place in.

    The actors of the trigger's clause, or of the whole sentence when the clause names none; a
    statement takes the whole sentence, since what is said names its targets.
    """
    lo, hi = cues.trigger_clause(sentence, trigger)
    clause = [m for m in mentions if lo <= m.start - sentence.start and m.end - sentence.start <= hi]
    head = sentence.text[max(0, lo - 8) : lo]
    if "," in head and _RELATIVE.search(head):
        # "Kishida, who pledged ...": the relative clause's subject is the name before it.
        before = [m for m in mentions if sentence.start <= m.start and m.end - sentence.start <= lo]
        if before:
            clause = [before[-1], *clause]
    whole = event_type is EventType.STATEMENT or not has_state(clause)
    chosen = mentions if whole else clause + [m for m in mentions if m.start < sentence.start]
    refs: list[ActorRef] = []
    location = None
    for m in chosen:
        after = m.start >= trigger.start
        if m.is_place:
            location = location or m.state
            refs.append(mention_ref(m, ActorRole.TARGET if after else ActorRole.PARTICIPANT))
        elif event_type in _DIRECTED:
            refs.append(mention_ref(m, ActorRole.TARGET if after else ActorRole.INITIATOR))
        else:
            refs.append(mention_ref(m, ActorRole.PARTICIPANT))
    return refs, location


def with_context_states(refs: list[ActorRef], event_type: EventType, discourse: Discourse,
                        refers_back: bool = False) -> list[ActorRef]:  # fmt: skip
    """An aid, sanctions, expulsion, court or arrest event that names one state takes the other side
    from the section heading ("Italy's Ongoing Support to Ukraine"), else from the sentence before
    ("Markiv, sentenced in Italy ... Markiv was acquitted on appeal"); so does a vote on a matter told
    before (`refers_back`: "Finland applied ... The Hungarian parliament approved it")."""
    if event_type not in _NEEDS_TWO and not (refers_back and event_type is EventType.VOTE):
        return refs
    present = {r.state if r.kind is ActorKind.PERSON else r.code for r in refs} - {None}
    if len(present) != 1:
        return refs
    for source in (discourse.heading, discourse.last_mentions):
        extra = [mention_ref(m, ActorRole.TARGET) for m in source if m.kind is not ActorKind.PERSON]
        extra = [r for r in dict((r.code, r) for r in extra).values() if r.code not in present]
        if extra:
            return refs + extra
    return refs


_DEFINITE_PACT = re.compile(
    r"\s+(?:that|the|this)\s+(?:[\w-]+\s+){0,2}?(?:treaty|agreement|accord|deal|pact|convention)\b", re.IGNORECASE
)


def with_treaty_parties(refs: list[ActorRef], event_type: EventType, trigger: Trigger, text: str,
                        discourse: Discourse) -> list[ActorRef]:  # fmt: skip
    """ "Kyrgyzstan's parliament ratified that treaty": the parties of the treaty told before take
    part in its ratification."""
    if event_type is not EventType.VOTE or not trigger.pattern.lemma.startswith("ratif"):
        return refs
    pact = discourse.last_of_type.get(EventType.AGREEMENT)
    if pact is None or not _DEFINITE_PACT.match(text, trigger.end):
        return refs
    present = {r.state if r.kind is ActorKind.PERSON else r.code for r in refs}
    extra = {r.code: replace(r, role=ActorRole.TARGET) for r in pact.actors
             if r.kind is ActorKind.STATE and r.code not in present}  # fmt: skip
    for r in pact.actors:  # "the presidents of Tajikistan and Kyrgyzstan signed": the states they stand for
        if r.kind is ActorKind.PERSON and r.state and r.state not in present and r.state not in extra:
            extra[r.state] = ActorRef(ActorKind.STATE, r.state, r.state, ActorRole.TARGET)
    return refs + list(extra.values())


def with_convening_body(refs: list[ActorRef], event_type: EventType, mentions: list[ActorMention], trigger: Trigger,
                        discourse: Discourse) -> list[ActorRef]:  # fmt: skip
    """A summit that names no body is the body's the text is about: "the bloc's chairman ... four days
    later an extraordinary summit in Abuja" is an ECOWAS summit."""
    if event_type is not EventType.CONFERENCE or any(r.kind is ActorKind.ORGANISATION for r in refs):
        return refs
    before = [m for m in mentions if m.end <= trigger.start]
    for source in (reversed(before), reversed(discourse.last_mentions)):
        body = next((m for m in source if m.kind is ActorKind.ORGANISATION and m.code in MULTILATERAL), None)
        if body is not None:
            return [*refs, mention_ref(body, ActorRole.PARTICIPANT)]
    return refs


_WHICH = re.compile(r"\s*,?\s*(?:which|that)\s+$", re.IGNORECASE)
_HOSTS = re.compile(r"\s+(?:(?:will|would|is to|is set to|has|had|is due to)\s+)?(?:host|chair)", re.IGNORECASE)


def with_host(refs: list[ActorRef], event_type: EventType, mentions: list[ActorMention], trigger: Trigger,
              text: str) -> list[ActorRef]:  # fmt: skip
    """ "the Arab League summit, which Saudi Arabia will host": the host takes part."""
    if event_type not in (EventType.CONFERENCE, EventType.MEETING):
        return refs
    for m in mentions:
        if not trigger.end < m.start <= trigger.end + 40:
            continue
        if _WHICH.fullmatch(text, trigger.end, m.start) and _HOSTS.match(text, m.end):
            ref = mention_ref(m, ActorRole.INITIATOR)
            if all(r.code != ref.code for r in refs):
                return [*refs, ref]
    return refs


def with_reaction_target(refs: list[ActorRef], event_type: EventType, sentence: Sentence, trigger: Trigger,
                         discourse: Discourse) -> list[ActorRef]:  # fmt: skip
    """A statement about "the decision", "the verdict", "the trip" also concerns that event's actors."""
    if event_type is not EventType.STATEMENT:
        return refs
    found = _REACTION.search(sentence.text, trigger.end - sentence.start)
    if not found:
        return refs
    kind = _REACTION_TYPES.get(found.group("noun").lower())
    earlier = discourse.last_of_type.get(kind) if kind else discourse.last_event
    if earlier is None or earlier.type is EventType.STATEMENT:
        return refs
    present = {r.state if r.kind is ActorKind.PERSON else r.code for r in refs}
    extra = []
    for r in earlier.actors:
        code = r.state if r.kind is ActorKind.PERSON else r.code
        if code and code not in present and r.kind is not ActorKind.PERSON:
            extra.append(ActorRef(r.kind, r.code, r.name, ActorRole.TARGET))
            present.add(code)
    return refs + extra


def speaker(mentions: list[ActorMention], trigger: Trigger, tokens: list[Token], text: str) -> bool:
    """Whether a statement has someone who speaks: an actor shortly before the verb with no clause
    boundary in between ("Tajani, Italy's foreign minister, announced"), a pronoun standing for
    one ("he said"), or an actor right after the verb ("said Tajani")."""
    first = tokens[max(0, trigger.first - SPEAKER_REACH)].start
    aside = _CLOSED_ASIDE.search(text, max(0, first - 200), trigger.start)
    if aside is not None:
        # "Prince Faisal bin Farhan, who opened the talks on May 6, said": the reach starts before the aside.
        lead = [t for t in tokens if t.end <= aside.start()]
        first = min(first, lead[max(0, len(lead) - SPEAKER_REACH)].start) if lead else first
    before = [t.lower for t in tokens[max(0, trigger.first - 2) : trigger.first]]
    if any(w in _PRONOUNS for w in before) and any(m.kind is ActorKind.PERSON for m in mentions):
        return True
    if before[-1:] == ["it"] and any(m.kind is not ActorKind.PERSON and not m.is_place and m.start < trigger.start
                                     for m in mentions):  # fmt: skip
        return True  # "Tokyo tightened controls ..., and in March it announced": the state named before
    group = (
        _GROUP.search(text, first, trigger.start) if cues.may_hold(text[first : trigger.start], _GROUP_WORDS) else None
    )
    if group is not None and not re.search(r"[;:\"“]|,\s+(?:but|and|which|while)\b", text[group.end() : trigger.start]):
        return True  # "the three governments jointly announced": the states named before
    for m in mentions:
        if m.is_place or not first <= m.start < trigger.start:
            continue
        between = text[m.end : trigger.start]
        if '"' not in between and "“" not in between and not cues.CLAUSE_JOIN.search(between):
            return True
    after = tokens[trigger.last + 1 : trigger.last + 4]
    if not after:
        return False
    return any(not m.is_place and after[0].start <= m.start <= after[-1].end for m in mentions)


def codes_of(refs: list[ActorRef]) -> tuple[str, ...]:
    """State and organisation codes of event actors, persons counting for their states."""
    return tuple(dict.fromkeys((r.state or r.code) if r.kind is ActorKind.PERSON else r.code for r in refs))


def remember(discourse: Discourse, own: list[ActorMention], found: list[Candidate]) -> None:
    """Record what a sentence established, for the sentences after it."""
    if own:
        discourse.last_mentions = own
        people = [m for m in own if m.kind is ActorKind.PERSON]
        if people:
            for m in people:
                discourse.person_counts[m.code] = discourse.person_counts.get(m.code, 0) + 1
            discourse.last_people = people
            discourse.last_person = people[-1]
            discourse.recent_persons = [*discourse.recent_persons, *people][-6:]
        states = [m for m in own if m.kind is not ActorKind.PERSON and not m.is_place]
        if states:
            discourse.recent_states = [*discourse.recent_states[-2:], states]
    doings = [c for c in found if c.type is not EventType.STATEMENT]
    if doings:
        discourse.last_event = doings[-1]
