"""A fixed set of stored events covering every date precision, for the chronology renderers."""

from __future__ import annotations

import datetime as dt

from dateline.views import StoredActor, StoredEvent, StoredSource

D = dt.date
ARTICLE = dict(
    document="jamestown.txt",
    title="Italy and Ukraine Strengthen Bilateral Cooperation",
    url="https://example.org/italy-ukraine?a=1&b=2",
    source="Eurasia Daily Monitor",
    published=D(2021, 7, 1),
)
REPORT = dict(document="report.txt", title="Italy-Russia <Relations>", source="GlobalSecurity.org")


def src(sentence: str, article: dict[str, object] = ARTICLE) -> StoredSource:
    return StoredSource(sentence=sentence, start=0, end=len(sentence), **article)  # type: ignore[arg-type]


def state(code: str, name: str, role: str) -> StoredActor:
    return StoredActor("state", code, name, role)


def person(name: str, role: str, office: str | None) -> StoredActor:
    return StoredActor("person", name, name, role, office)


ITA_I, UKR_T, RUS_T = (
    state("ITA", "Italy", "initiator"),
    state("UKR", "Ukraine", "target"),
    state("RUS", "Russia", "target"),
)
ITA_P, UKR_P = state("ITA", "Italy", "participant"), state("UKR", "Ukraine", "participant")


def event(
    id_: int,
    type_: str,
    date: str | None,
    first: D | None,
    last: D | None,
    precision: str | None,
    summary: str,
    actors: tuple[StoredActor, ...],
    sources: tuple[StoredSource, ...],
    *,
    status: str = "occurred",
    date_text: str | None = None,
    location: str | None = None,
) -> StoredEvent:
    return StoredEvent(
        id=id_,
        type=type_,
        status=status,
        date=date,
        earliest=first,
        latest=last,
        precision=precision,
        summary=summary,
        actors=actors,
        sources=sources,
        date_text=date_text,
        location=location,
    )


VISIT = "On June 10, Italian Foreign Minister Luigi Di Maio paid an official visit to Kyiv."
POLICE = "The two governments signed a police cooperation agreement."
EVENTS = [
    event(
        1,
        "visit",
        "2021-06-10",
        D(2021, 6, 10),
        D(2021, 6, 10),
        "day",
        "Di Maio paid an official visit to Kyiv",
        (
            ITA_I,
            person("Luigi Di Maio", "initiator", "foreign_minister"),
            UKR_T,
            person("Volodymyr Zelensky", "target", "head_of_state"),
        ),
        (src(VISIT),),
        location="UKR",
    ),
    event(
        2,
        "agreement",
        "2021-06",
        D(2021, 6, 1),
        D(2021, 6, 30),
        "month",
        "police cooperation agreement",
        (ITA_P, UKR_P),
        (src(POLICE), src(VISIT)),
    ),
    event(
        3,
        "statement",
        "2021",
        D(2021, 1, 1),
        D(2021, 12, 31),
        "year",
        "Kyiv condemned the annexation",
        (state("UKR", "Ukraine", "initiator"), RUS_T),
        (src("Kyiv condemned the annexation of Crimea."),),
    ),
    event(
        4,
        "aid",
        "196X",
        D(1960, 1, 1),
        D(1969, 12, 31),
        "decade",
        "industrial equipment <& machinery>",
        (ITA_I, RUS_T),
        (src("Italy supplied half of the equipment in the 1960s.", REPORT),),
        date_text="the 1960s",
    ),
    event(
        5,
        "legal",
        "2020",
        D(2020, 1, 1),
        D(2020, 12, 31),
        "year",
        "Markiv acquitted on appeal",
        (
            state("UKR", "Ukraine", "initiator"),
            person("Vitaly Markiv", "initiator", "other:Official"),
            state("ITA", "Italy", "target"),
        ),
        (src("Markiv was acquitted on appeal in late 2020."),),
        date_text="late 2020",
    ),
    event(
        6,
        "meeting",
        "2021-06-11/2021-06-12",
        D(2021, 6, 11),
        D(2021, 6, 12),
        "range",
        "NATO summit talks",
        (ITA_P, StoredActor("organisation", "NATO", "North Atlantic Treaty Organization", "participant")),
        (src("Italy joined the NATO Brussels Summit (June 11–12)."),),
        location="BEL",
    ),
    event(
        7,
        "conference",
        "2025-07",
        D(2025, 7, 1),
        D(2025, 7, 31),
        "month",
        "reconstruction conference in Rome",
        (ITA_P, UKR_P),
        (src("Italy will host the Ukraine Recovery Conference in July 2025.", REPORT),),
        status="planned",
    ),
    event(
        8,
        "sanctions",
        "2020-06/2020-08",
        D(2020, 6, 1),
        D(2020, 8, 31),
        "season",
        "sanctions renewed",
        (StoredActor("organisation", "EU", "European Union", "initiator"), RUS_T),
        (src("The EU renewed its sanctions over the summer of 2020.", REPORT),),
    ),
    event(
        9,
        "vote",
        "2021-01/2021-03",
        D(2021, 1, 1),
        D(2021, 3, 31),
        "quarter",
        "senate vote on sanctions",
        (ITA_I, RUS_T),
        (src("The senate voted in the first quarter.", REPORT),),
    ),
    event(
        10,
        "expulsion",
        None,
        None,
        None,
        None,
        "Italy expelled two Russian diplomats",
        (ITA_I, RUS_T),
        (src("Italy expelled two Russian diplomats.", REPORT),),
    ),
    event(
        11,
        "other",
        "19XX",
        D(1900, 1, 1),
        D(1999, 12, 31),
        "century",
        "a century of trade",
        (ITA_P, state("RUS", "Russia", "participant")),
        (src("Trade grew through the century.", REPORT),),
    ),
    event(
        12,
        "meeting",
        "2021-06/2021-07",
        D(2021, 6, 1),
        D(2021, 7, 31),
        "range",
        "talks on grain",
        (ITA_P, UKR_P, state("USA", "United States", "participant")),
        (src("Talks ran through June and July.", REPORT),),
    ),
    event(
        13,
        "aid",
        "2014/2016",
        D(2014, 1, 1),
        D(2016, 12, 31),
        "range",
        "humanitarian aid",
        (ITA_I, UKR_T),
        (src("Italy sent humanitarian aid from 2014 to 2016.", REPORT),),
    ),
]
