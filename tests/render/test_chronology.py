"""Entry sentences, grouping by date and numbered notes."""

from __future__ import annotations

from dateline.render.chronology import UNDATED, build_chronology, headline
from dateline.views import StoredActor
from tests.render.sample import EVENTS, RUS_T, event, person, state


def test_headline_says_who_did_what_with_whom_and_where() -> None:
    """People go with the state they served; the location is named when no actor names it."""
    by_id = {e.id: e for e in EVENTS}
    assert (
        headline(by_id[1])
        == "Italy (Luigi Di Maio, foreign minister) visited Ukraine (Volodymyr Zelensky, head of state)."
    )
    assert headline(by_id[6]) == "Italy and NATO met in Belgium."
    assert headline(by_id[8]) == "The EU imposed sanctions on Russia."
    assert headline(by_id[1], people=False) == "Italy visited Ukraine."


def test_planned_events_are_marked() -> None:
    """A planned event reads as planned, in the infinitive."""
    planned = next(e for e in EVENTS if e.status == "planned")
    assert headline(planned) == "Planned: Italy and Ukraine to take part in a conference."


def test_people_of_no_named_state_follow_and_one_sided_events_read() -> None:
    """A person whose state is not in the sentence follows it; an event with no target still reads."""
    e = event(
        50,
        "meeting",
        None,
        None,
        None,
        None,
        "s",
        (
            state("ITA", "Italy", "participant"),
            state("RUS", "Russia", "participant"),
            person("Gianluca Savoini", "participant", "other:Official"),
        ),
        (),
    )
    assert headline(e) == "Italy and Russia, with Gianluca Savoini, met."
    alone = event(51, "statement", None, None, None, None, "s", (person("Matteo Salvini", "initiator", None),), ())
    assert headline(alone) == "Matteo Salvini made a statement."
    org = StoredActor("organisation", "NATO", "North Atlantic Treaty Organization", "target")
    assert (
        headline(event(52, "statement", None, None, None, None, "s", (state("RUS", "Russia", "initiator"), org), ()))
        == "Russia made a statement on NATO."
    )


def test_groups_in_order_with_undated_last_and_notes_numbered_once() -> None:
    """Groups follow the date order; a sentence cited twice is one note."""
    chronology = build_chronology(EVENTS, "events between Italy and Ukraine")
    labels = [g.date for g in chronology.groups]
    assert labels[:3] == ["the 20th century", "the 1960s", "2014-2016"]
    assert labels[-1] == UNDATED
    assert labels.index("June 2021") < labels.index("10 June 2021") < labels.index("11-12 June 2021")
    entries = {e.event.id: e for e in chronology.entries}
    assert entries[2].notes == (entries[2].notes[0], entries[1].notes[0])
    assert len(chronology.notes) == len({(s.document, s.sentence) for e in EVENTS for s in e.sources})
    assert chronology.title == "Chronology: events between Italy and Ukraine"


def test_empty_chronology() -> None:
    """No events: no groups, no notes."""
    chronology = build_chronology([], "events in 1850")
    assert (chronology.groups, chronology.notes) == ((), ())


def test_an_actor_named_in_two_parts_counts_in_the_first_role() -> None:
    """A state listed as target and then as initiator acts (initiator comes first among the roles),
    and is named once; a person and a state of the same code are two actors; no people, no brackets."""
    twice = (
        state("UKR", "Ukraine", "target"),
        state("ITA", "Italy", "participant"),
        state("UKR", "Ukraine", "initiator"),
    )
    assert headline(event(60, "visit", None, None, None, None, "s", twice, ())) == "Ukraine visited Italy."
    shared = (state("ITA", "Italy", "initiator"), person("ITA", "participant", None), state("ITA", "Italy", "target"))
    assert headline(event(61, "statement", None, None, None, None, "s", shared, ())) == "Italy made a statement on ITA."
    bodies = (state("ITA", "Italy", "participant"), state("UKR", "Ukraine", "participant"), RUS_T)
    assert (
        headline(event(62, "meeting", None, None, None, None, "s", bodies, ())) == "Italy and Ukraine met with Russia."
    )
