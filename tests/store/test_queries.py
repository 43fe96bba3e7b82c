"""Queries: each filter, and date overlap at each precision."""

from __future__ import annotations

import datetime as dt
import pickle
import random
from dataclasses import FrozenInstanceError, fields, replace
from pathlib import Path

import pytest
from sqlalchemy import select

from dateline.api.ingest import ingest
from dateline.store.engine import Database
from dateline.store.models import Actor, Document, Event, EventActor, EventSource, link_entry
from dateline.store.queries import EventFilter, event_query, find_events, get_event, iter_events
from dateline.views import StoredActor, StoredEvent, StoredSource, builder

pytestmark = pytest.mark.usefixtures("scripted")

CORPUS = {
    "a.txt": "A\n@event visit 2021-06-10 ITA,UKR Luigi_Di_Maio=ITA Di Maio in Kyiv\n"
    "@event agreement 2021-06 ITA,UKR police deal\n"
    "@event statement 2021 UKR,RUS Volodymyr_Zelensky=UKR condemned\n",
    "b.txt": "B\n@event sanctions 2014 EU,RUS sanctions\n@event vote 2016-06-27 ITA,RUS,EU senate vote\n"
    "@event conference 2025-07 ITA,UKR planned reconstruction conference\n@event meeting - ITA,RUS undated talks\n",
    "c.txt": "C\n@event visit 2020 UKR,ITA Volodymyr_Zelensky=UKR visit to Italy\n",
}


@pytest.fixture
def stocked(db: Database, tmp_path: Path) -> Database:
    for name, text in CORPUS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    ingest(db, [tmp_path])
    return db


def summaries(db: Database, **kw: object) -> list[str]:
    with db.session() as s:
        return [e.summary for e in find_events(s, EventFilter(**kw))]  # type: ignore[arg-type]


def test_all_events_sorted_by_date_undated_last(stocked: Database) -> None:
    """Events come in date order; a less precise date sorts before the days it holds; undated last."""
    assert summaries(stocked) == [
        "sanctions", "senate vote", "visit to Italy", "condemned", "police deal", "Di Maio in Kyiv",
        "planned reconstruction conference", "undated talks",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("lo", "hi", "expected"),
    [
        ((2021, 6, 10), (2021, 6, 10), ["condemned", "police deal", "Di Maio in Kyiv"]),
        ((2021, 6, 1), (2021, 6, 30), ["condemned", "police deal", "Di Maio in Kyiv"]),
        ((2021, 7, 1), (2021, 12, 31), ["condemned"]),
        ((2020, 12, 31), (2021, 1, 1), ["visit to Italy", "condemned"]),
        ((2014, 1, 1), (2016, 6, 26), ["sanctions"]),
        ((2016, 6, 27), (2016, 6, 27), ["senate vote"]),
    ],
)
def test_dates_match_by_overlap(stocked: Database, lo: tuple[int, int, int], hi: tuple[int, int, int],
                                expected: list[str]) -> None:  # fmt: skip
    """A range matches every event whose interval overlaps it, at day, month and year precision."""
    assert summaries(stocked, date_from=dt.date(*lo), date_to=dt.date(*hi)) == expected


def test_open_ended_ranges(stocked: Database) -> None:
    """--from alone and --to alone bound one side; undated events never match a date filter."""
    assert summaries(stocked, date_from=dt.date(2021, 1, 1)) == [
        "condemned", "police deal", "Di Maio in Kyiv", "planned reconstruction conference",
    ]  # fmt: skip
    assert summaries(stocked, date_to=dt.date(2015, 1, 1)) == ["sanctions"]


def test_country_filters_all_must_match(stocked: Database) -> None:
    """Each --country must be involved; organisations count like states."""
    assert summaries(stocked, countries=("RUS",)) == [
        "sanctions",
        "senate vote",
        "condemned",
        "undated talks",
    ]
    assert summaries(stocked, countries=("RUS", "EU")) == ["sanctions", "senate vote"]


def test_between_needs_both(stocked: Database) -> None:
    """--between A B matches events involving both, in either role."""
    assert summaries(stocked, between=("ITA", "UKR"), date_from=dt.date(2021, 1, 1), date_to=dt.date(2021, 12, 31)) == [
        "police deal", "Di Maio in Kyiv",
    ]  # fmt: skip


def test_person_counts_for_their_state(stocked: Database) -> None:
    """A person's events are found by name, and the person's state is an actor of the event."""
    assert summaries(stocked, persons=("Volodymyr Zelensky",)) == ["visit to Italy", "condemned"]
    assert "Di Maio in Kyiv" in summaries(stocked, countries=("ITA",))


def test_type_and_status(stocked: Database) -> None:
    """--type and --status select by the event's type and status."""
    assert summaries(stocked, types=("visit",)) == ["visit to Italy", "Di Maio in Kyiv"]
    assert summaries(stocked, statuses=("planned",)) == ["planned reconstruction conference"]


def test_document_and_limit(stocked: Database) -> None:
    """--document restricts to one source; --limit cuts the list."""
    assert summaries(stocked, document="c.txt") == ["visit to Italy"]
    assert len(summaries(stocked, limit=2)) == 2


def test_show_and_stream(stocked: Database) -> None:
    """One event reads back with its sources; streaming yields every event once."""
    with stocked.session() as s:
        first = find_events(s, EventFilter(document="a.txt"))[0]
        again = get_event(s, first.id)
        assert again == first
        assert again.sources[0].document == "a.txt"
        assert again.sources[0].sentence.startswith("@event statement")
        assert len(list(iter_events(s, batch=3))) == 8


def test_filter_values_are_parameters(stocked: Database) -> None:
    """Quotes, semicolons and LIKE wildcards in filter values match literally, not as SQL."""
    for hostile in ("ITA' OR '1'='1", "%", "_", "ITA; DROP TABLE event;--", 'x"y'):
        assert summaries(stocked, countries=(hostile,)) == []
        assert summaries(stocked, persons=(hostile,)) == []
        assert summaries(stocked, document=hostile) == []
    assert len(summaries(stocked)) == 8


def test_every_field_reads_back(db: Database) -> None:
    """An event whose every field holds a different value reads back field for field, with its
    actors in order and its source's document (the rows are mapped onto the records by position)."""
    with db.session(write=True) as s, s.begin():
        doc = Document(identifier="d.txt", title="T", source="S", url="U", published=dt.date(2021, 7, 1),
                       content_hash="h", extractor_version="v", text="text")  # fmt: skip
        event = Event(type="visit", status="planned", date_edtf="2021-06", date_earliest=dt.date(2021, 6, 1),
                      date_latest=dt.date(2021, 6, 30), date_precision="month", date_text="in June", summary="sum",
                      trigger="trig", cameo="042", location="UKR", confidence=0.75)  # fmt: skip
        person = Actor(kind="person", code="P", name="Pers")
        event.actors = [
            EventActor(actor=Actor(kind="state", code="ITA", name="Italy"), role="initiator", position=0),
            EventActor(actor=person, role="participant", position=1, office="foreign_minister"),
        ]
        event.sources = [EventSource(document=doc, sentence="sent", start=3, end=9)]
        s.add(event)
    with db.session() as s:
        (found,) = find_events(s, EventFilter(countries=("ITA",)))
    assert found == StoredEvent(
        id=found.id, type="visit", status="planned", date="2021-06", earliest=dt.date(2021, 6, 1),
        latest=dt.date(2021, 6, 30), precision="month", summary="sum",
        actors=(StoredActor("state", "ITA", "Italy", "initiator"),
                StoredActor("person", "P", "Pers", "participant", "foreign_minister")),
        sources=(StoredSource("d.txt", "sent", 3, 9, "T", "U", "S", dt.date(2021, 7, 1)),),
        date_text="in June", trigger="trig", cameo="042", location="UKR", confidence=0.75,
    )  # fmt: skip


def test_a_limit_keeps_the_first_events(db: Database) -> None:
    """With a limit, the events are the first of those found without it, for filters that pick the
    first ones in event_actor's index (actors and dates alone) and those that do not; long spans,
    undated events and an actor in two parts of one event included."""
    rng = random.Random(5)
    spans = [("day", 0), ("month", 29), ("year", 364), ("decade", 3652), ("range", 800)]
    with db.session(write=True) as s, s.begin():
        states = {code: Actor(kind="state", code=code, name=code) for code in ("ITA", "UKR", "FRA")}
        for i in range(60):
            precision, length = rng.choice(spans)
            start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000)) if i % 13 else None
            end = start + dt.timedelta(days=length) if start else None
            kind = rng.choice(["visit", "meeting"])
            event = Event(type=kind, status="occurred", summary=f"e{i}", date_precision=precision if start else None,
                          date_earliest=start, date_latest=end)  # fmt: skip
            parts = [(code, "participant") for code in rng.sample(sorted(states), rng.randint(1, 3))]
            if i % 7 == 0:
                parts.append((parts[0][0], "target"))  # the same state in two parts
            event.actors = [EventActor(actor=states[code], role=role, position=n, date_earliest=start, date_latest=end,
                                       type=kind)
                            for n, (code, role) in enumerate(parts)]  # fmt: skip
            s.add(event)
    filters = [
        EventFilter(countries=("ITA",), date_from=dt.date(2017, 1, 1), date_to=dt.date(2019, 12, 31)),
        EventFilter(countries=("ITA",), date_from=dt.date(2018, 3, 1)),
        EventFilter(between=("ITA", "UKR"), date_to=dt.date(2020, 6, 30)),
        EventFilter(countries=("FRA",), types=("visit",), date_from=dt.date(2016, 1, 1), date_to=dt.date(2021, 1, 1)),
        EventFilter(countries=("UKR",)),
    ]
    with db.session() as s:
        for flt in filters:
            every = [e.id for e in find_events(s, flt)]
            assert len(every) > 3, flt
            for limit in range(1, len(every) + 2):
                assert [e.id for e in find_events(s, replace(flt, limit=limit))] == every[:limit], (flt, limit)


def _from_orm(event: Event) -> StoredEvent:
    """The stored event built from the ORM's objects and relationships: the reference for find_events."""
    return StoredEvent(
        event.id, event.type, event.status, event.date_edtf, event.date_earliest, event.date_latest,
        event.date_precision, event.summary,
        tuple(StoredActor(a.actor.kind, a.actor.code, a.actor.name, a.role, a.office) for a in event.actors),
        tuple(StoredSource(s.document.identifier, s.sentence, s.start, s.end, s.document.title, s.document.url,
                           s.document.source, s.document.published) for s in event.sources),
        event.date_text, event.trigger, event.cameo, event.location, event.confidence,
    )  # fmt: skip


def test_events_found_read_back_as_the_orm_reads_them(db: Database) -> None:
    """find_events (actors looked up by id first, rows read on the DBAPI cursor) returns what the ORM
    reads for the same filter found by code in subqueries: the same events in the same order, field
    for field, with actors in order of position and sources in order of storage. Covered: a code that
    is both a state's and an organisation's, a code no actor has, an actor in two parts of one event,
    persons with offices, events with no source or no actor, shared documents, long spans, undated."""
    rng = random.Random(7)
    with db.session(write=True) as s, s.begin():
        actors = [Actor(kind="state", code=c, name=f"State {c}") for c in ("ITA", "UKR", "FRA", "XKX")]
        actors += [Actor(kind="organisation", code="XKX", name="Organisation XKX")]
        actors += [Actor(kind="person", code=f"Person {i}", name=f"Person {i}") for i in range(3)]
        docs = [Document(identifier=f"d{i}.txt", title=rng.choice([None, f"Title {i}"]), source=rng.choice([None, "S"]),
                         url=rng.choice([None, f"https://example.org/{i}"]), content_hash="h", extractor_version="v",
                         published=rng.choice([None, dt.date(2020, 1, 1) + dt.timedelta(days=i)]), text="text")
                for i in range(5)]  # fmt: skip
        spans = [("day", 0), ("month", 29), ("year", 364), ("decade", 3652), ("range", 800)]
        for i in range(120):
            precision, length = rng.choice(spans)
            start = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3000)) if i % 11 else None
            end = start + dt.timedelta(days=length) if start else None
            event = Event(type=rng.choice(["visit", "meeting", "sanctions"]), summary=f"e{i}",
                          status=rng.choice(["occurred", "planned"]), date_precision=precision if start else None,
                          date_earliest=start, date_latest=end, date_edtf=start.isoformat() if start else None,
                          date_text=rng.choice([None, "then"]), trigger=rng.choice([None, "met"]),
                          cameo=rng.choice([None, "042"]), location=rng.choice([None, "UKR"]),
                          confidence=rng.choice([0.25, 0.5, 0.75]))  # fmt: skip
            parts = [(actor, rng.choice(["initiator", "participant", "target"]))
                     for actor in rng.sample(actors, rng.randint(0, 4))]  # fmt: skip
            if parts and i % 5 == 0:
                parts.append((parts[0][0], "target" if parts[0][1] != "target" else "initiator"))
            event.actors = [
                EventActor(actor=actor, role=role, position=n, date_earliest=start, date_latest=end, type=event.type,
                           office=rng.choice([None, "foreign_minister"]) if actor.kind == "person" else None)
                for n, (actor, role) in enumerate(parts)
            ]  # fmt: skip
            event.sources = [EventSource(document=doc, sentence=f"sentence {i}.{n}", start=n, end=n + 9)
                             for n, doc in enumerate(rng.sample(docs, rng.randint(0, 3)))]  # fmt: skip
            s.add(event)
    filters = [
        EventFilter(),
        EventFilter(countries=("XKX",)),
        EventFilter(countries=("XKX",), date_from=dt.date(2017, 1, 1), date_to=dt.date(2019, 12, 31), limit=7),
        EventFilter(countries=("ITA",), date_from=dt.date(2016, 6, 1), date_to=dt.date(2018, 6, 30)),
        EventFilter(countries=("ITA",), date_from=dt.date(2016, 6, 1), date_to=dt.date(2018, 6, 30), limit=5),
        EventFilter(between=("ITA", "XKX"), date_to=dt.date(2020, 1, 1)),
        EventFilter(persons=("Person 1",)),
        EventFilter(countries=("UKR",), persons=("Person 2",), date_from=dt.date(2016, 1, 1)),
        EventFilter(countries=("NOPE",)),
        EventFilter(countries=("FRA",), types=("visit",), document="d2.txt", limit=3),
    ]
    # First with no actor links kept with the events (read from event_actor), then with them kept
    # for some (as link_entry writes them) and not for others.
    for kept in (False, True):
        if kept:
            with db.session(write=True) as s, s.begin():
                for event in s.scalars(select(Event)):
                    if event.id % 3:
                        entries = [link_entry(a.actor_id, a.role, a.office) for a in event.actors]
                        event.actor_links = None if None in entries else "".join(entries)  # type: ignore[arg-type]
        with db.session() as s:
            for flt in filters:
                expected = [_from_orm(event) for event in s.scalars(event_query(flt))]
                assert expected or flt.countries == ("NOPE",), flt
                assert find_events(s, flt) == expected, (flt, kept)
                assert list(iter_events(s, flt, batch=4)) == expected, (flt, kept)


def test_records_built_the_cheap_way_are_the_records() -> None:
    """views.builder makes the very records the dataclass makes: same class, equal, same hash and repr,
    defaults for the fields not given, frozen, and they pickle."""
    actors = (StoredActor("state", "ITA", "Italy", "initiator"),)
    values = (7, "visit", "planned", "2021-06", dt.date(2021, 6, 1), dt.date(2021, 6, 30), "month", "sum",
              actors, (), "in June", None, "042", "UKR", 0.75)  # fmt: skip
    for cls, args in ((StoredEvent, values), (StoredEvent, values[:10]), (StoredSource, ("d.txt", "sent", 3, 9))):
        built, made = builder(cls)(*args), cls(*args)
        assert type(built) is cls
        assert built == made and hash(built) == hash(made) and repr(built) == repr(made)
        assert pickle.loads(pickle.dumps(built)) == made
        with pytest.raises(FrozenInstanceError):
            setattr(built, fields(cls)[1].name, "changed")
