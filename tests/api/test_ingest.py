"""Ingest: idempotence, replacement, isolation of bad files, whole articles in batched transactions."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from dateline.api.ingest import ingest
from dateline.extract.records import Article, Extraction
from dateline.store.check import check_database
from dateline.store.engine import Database
from dateline.store.models import Actor, Document, Event, EventActor, EventSource
from tests.conftest import scripted_extract

pytestmark = pytest.mark.usefixtures("scripted")


def counts(db: Database) -> dict[str, int]:
    with db.session() as s:
        return {m.__tablename__: s.scalar(select(func.count()).select_from(m)) or 0
                for m in (Document, Event, EventSource, EventActor, Actor)}  # fmt: skip


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


ARTICLE = "Title\n@event visit 2021-06-10 ITA,UKR Luigi_Di_Maio=ITA visit to Kyiv\n@event arrest 2021-05 ITA arrest\n"


def test_reingest_changes_nothing(db: Database, tmp_path: Path) -> None:
    """Ingesting the same folder twice stores the same rows and reports the articles unchanged."""
    write(tmp_path / "a.txt", ARTICLE)
    first = ingest(db, [tmp_path])
    before = counts(db)
    second = ingest(db, [tmp_path])
    assert (first.new, first.events) == (1, 2)
    assert (second.new, second.unchanged, second.replaced, second.events) == (0, 1, 0, 0)
    assert counts(db) == before


def test_changed_article_replaces_its_events(db: Database, tmp_path: Path) -> None:
    """A changed article with the same identifier replaces its old events and sources."""
    path = write(tmp_path / "a.txt", ARTICLE)
    ingest(db, [tmp_path])
    path.write_text("Title\n@event meeting 2022 FRA,DEU talks\n", encoding="utf-8")
    report = ingest(db, [tmp_path])
    assert report.replaced == 1
    with db.session() as s:
        assert s.scalars(select(Event.type)).all() == ["meeting"]
        assert s.scalar(select(func.count()).select_from(EventSource)) == 1


def test_new_extractor_version_reextracts(db: Database, tmp_path: Path) -> None:
    """An article stored by an older extractor is re-extracted, not reported unchanged."""
    write(tmp_path / "a.txt", ARTICLE)
    ingest(db, [tmp_path], extractor_version="old")
    assert ingest(db, [tmp_path], extractor_version="new").replaced == 1


def test_bad_file_does_not_stop_the_others(db: Database, tmp_path: Path) -> None:
    """Good files go in, each bad one is reported with its path and reason."""
    write(tmp_path / "good.txt", ARTICLE)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 50)
    report = ingest(db, [tmp_path])
    assert report.new == 1
    assert sorted((Path(f.location).name, f.reason) for f in report.failures) == [
        ("bin.txt", "binary file, not text"),
        ("empty.txt", "empty file"),
    ]


def test_failed_extraction_leaves_nothing_half_written(db: Database, tmp_path: Path) -> None:
    """When storing an article fails, none of its rows remain and the next article still goes in."""
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", "Title\n@event visit 2021-06-10 ITA,UKR\n@event visit not-a-date ITA\n")
    report = ingest(db, [tmp_path])
    assert report.new == 1
    assert [Path(f.location).name for f in report.failures] == ["b.txt"]
    with db.session() as s:
        assert s.scalars(select(Document.identifier)).all() == ["a.txt"]
    assert counts(db)["event"] == 2


def test_error_inside_the_transaction_rolls_back(db: Database, tmp_path: Path) -> None:
    """An exception while writing an article rolls back its document row too."""
    write(tmp_path / "a.txt", ARTICLE)

    def broken(article: Article) -> Extraction:
        events = scripted_extract(article).events
        return Extraction(events=(*events, "not an event"))  # type: ignore[arg-type]

    report = ingest(db, [tmp_path], extractor=broken)
    assert report.failed == 1
    assert counts(db) == {"document": 0, "event": 0, "event_source": 0, "event_actor": 0, "actor": 0}


def test_bad_article_in_a_batch_fails_alone(db: Database, tmp_path: Path) -> None:
    """An article the database refuses inside a batch is rolled back to its savepoint and reported
    in one line; the articles before and after it in the same batch are stored, and a person only
    the bad article had introduced is created afresh for a later article that names him too."""
    person = "Title\n@event visit 2021-06-10 ITA,UKR Anna_Novak=ITA visit to Kyiv\n"
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", person)  # refused: its evidence has no sentence (NOT NULL)
    write(tmp_path / "c.txt", "Title\n@event meeting 2022-03-01 FRA,DEU talks\n")
    write(tmp_path / "d.txt", person + "\n")  # same person, after b was rolled back
    write(tmp_path / "e.txt", "Title\n@event arrest 2020-01 POL arrest\n")

    def refused(article: Article) -> Extraction:
        extraction = scripted_extract(article)
        if article.identifier != "b.txt":
            return extraction
        event = extraction.events[0]
        return Extraction(events=(replace(event, evidence=(replace(event.evidence[0], sentence=None),)),))

    report = ingest(db, [tmp_path], extractor=refused)
    assert (report.new, report.failed) == (4, 1)
    (failure,) = report.failures
    assert Path(failure.location).name == "b.txt"
    assert failure.reason.startswith("not stored (IntegrityError: ") and "\n" not in failure.reason
    assert "null" in failure.reason.lower()
    with db.session() as s:
        assert s.scalars(select(Document.identifier).order_by(Document.identifier)).all() == [
            "a.txt", "c.txt", "d.txt", "e.txt"
        ]  # fmt: skip
        novak = s.scalar(select(Actor.id).where(Actor.code == "Anna Novak"))
        assert novak is not None
        assert s.scalar(select(func.count()).select_from(EventActor).where(EventActor.actor_id == novak)) == 1
    assert [f.ok for f in check_database(db.engine, lambda kind, code: True)] == [True] * 7
    again = ingest(db, [tmp_path], extractor=refused)
    assert (again.new, again.unchanged, again.failed) == (0, 4, 1)


def test_batch_that_cannot_commit_is_written_an_article_at_a_time(
    db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When a whole batch fails (as a failed COMMIT would), its articles are written again one
    transaction each: the good ones are stored and only the one that fails alone is reported."""
    import dateline.api.ingest as api_ingest

    real = api_ingest.save_batch

    def fragile(session, batch, **kwargs):  # type: ignore[no-untyped-def]
        if len(batch) > 1 or batch[0].article.identifier == "b.txt":
            raise RuntimeError("the batch could not commit")
        return real(session, batch, **kwargs)

    monkeypatch.setattr(api_ingest, "save_batch", fragile)
    for name in "abc":
        write(tmp_path / f"{name}.txt", f"Title\n@event visit 2021-06-1{ord(name) - 96} ITA,UKR visit\n")
    report = ingest(db, [tmp_path])
    assert report.new == 2
    assert [(Path(f.location).name, f.reason) for f in report.failures] == [
        ("b.txt", "not stored (RuntimeError: the batch could not commit)")
    ]
    with db.session() as s:
        assert s.scalars(select(Document.identifier).order_by(Document.identifier)).all() == ["a.txt", "c.txt"]


def test_jsonl_articles_and_duplicate_identifiers(db: Database, tmp_path: Path) -> None:
    """JSON Lines articles use their id; an id seen twice in one run is an error the second time."""
    records = [
        {"id": "x1", "text": "@event visit 2021 ITA,UKR"},
        {"id": "x1", "text": "@event visit 2022 ITA,UKR"},
    ]
    write(tmp_path / "c.jsonl", "\n".join(json.dumps(r) for r in records))
    report = ingest(db, [tmp_path])
    assert report.new == 1
    assert report.failures[0].reason.startswith("identifier 'x1' was already read from")


def test_sidecar_metadata_is_stored(db: Database, tmp_path: Path) -> None:
    """The publication date and title of a metadata.json sidecar are stored with the document."""
    write(tmp_path / "articles" / "a.txt", ARTICLE)
    write(
        tmp_path / "metadata.json",
        json.dumps({"articles": {"a.txt": {"title": "T", "published": "2021-07-01", "published_precision": "approx"}}}),
    )
    ingest(db, [tmp_path])
    with db.session() as s:
        doc = s.scalar(select(Document))
    assert doc is not None
    assert (doc.title, str(doc.published), doc.published_precision) == ("T", "2021-07-01", "approx")


def test_same_happening_in_two_articles_is_one_event(db: Database, tmp_path: Path) -> None:
    """Two articles reporting one visit make one event with two sources; other events stay apart."""
    write(tmp_path / "a.txt", "A\n@event visit 2021-06 ITA,UKR Luigi_Di_Maio=ITA Di Maio in Kyiv\n")
    write(
        tmp_path / "b.txt", "B\n@event visit 2021-06-10 UKR,ITA Kyiv visit\n@event meeting 2021-06-10 ITA,UKR talks\n"
    )
    ingest(db, [tmp_path])
    with db.session() as s:
        visits = s.scalars(select(Event).where(Event.type == "visit")).all()
        assert len(visits) == 1
        assert sorted(src.document.identifier for src in visits[0].sources) == ["a.txt", "b.txt"]
        assert visits[0].date_edtf == "2021-06-10"  # the more precise report wins
        assert s.scalar(select(func.count()).select_from(Event)) == 2


def test_event_actor_keeps_its_events_dates_through_merges(db: Database, tmp_path: Path) -> None:
    """event_actor's copies of its event's start and end (the index searches read them) follow the
    event when a more precise report narrows it, for the links it had and those the report adds."""
    write(tmp_path / "a.txt", "A\n@event visit 2021-06 ITA,UKR Luigi_Di_Maio=ITA Di Maio in Kyiv\n")
    write(tmp_path / "b.txt", "B\n@event visit 2021-06-10 UKR,ITA Volodymyr_Zelensky=UKR Kyiv visit\n"
                              "@event meeting 2021-06-10 ITA,UKR talks\n")  # fmt: skip
    ingest(db, [tmp_path])
    with db.session() as s:
        pairs = s.execute(
            select(EventActor.date_earliest, EventActor.date_latest, Event.date_earliest, Event.date_latest).join(
                Event, Event.id == EventActor.event_id
            )
        ).all()
        assert s.scalar(select(func.count()).select_from(Event)) == 2
    assert len(pairs) == 6  # the visit: Italy, Ukraine, Di Maio, and Zelensky from the merged report; the talks: 2
    assert all((row[0], row[1]) == (row[2], row[3]) for row in pairs), pairs


def test_replacing_one_report_keeps_the_other(db: Database, tmp_path: Path) -> None:
    """When an article changes, an event another article also reports survives with that source."""
    a = write(tmp_path / "a.txt", "A\n@event visit 2021-06-10 ITA,UKR visit\n")
    write(tmp_path / "b.txt", "B\n@event visit 2021-06-10 ITA,UKR visit again\n")
    ingest(db, [tmp_path])
    a.write_text("A\n@event arrest 2020 FRA,RUS arrest\n", encoding="utf-8")
    ingest(db, [tmp_path])
    with db.session() as s:
        (visit,) = s.scalars(select(Event).where(Event.type == "visit")).all()
        assert [src.document.identifier for src in visit.sources] == ["b.txt"]


def test_vague_or_different_reports_are_not_merged(db: Database, tmp_path: Path) -> None:
    """Year-only dates, other parties or another status keep reports apart."""
    write(tmp_path / "a.txt", "A\n@event agreement 2021 ITA,UKR deal\n@event visit 2021-06-10 ITA,UKR visit\n")
    write(tmp_path / "b.txt", "B\n@event agreement 2021 ITA,UKR deal\n@event visit 2021-06-10 FRA,UKR visit\n"
                              "@event visit 2021-06-10 ITA,UKR planned visit\n")  # fmt: skip
    ingest(db, [tmp_path])
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Event)) == 5


def test_pool_keeps_a_bounded_number_of_articles_in_flight(db: Database, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """With worker processes, the articles read but not yet written never pass a batch plus a few
    per worker, however many the input holds: results are stored as they come, in order."""
    from dateline.api import ingest as module

    lines = [json.dumps({"id": f"a{n}", "text": f"T\n@event visit 2021-06-{n % 28 + 1:02d} ITA,UKR v{n}\n"})
             for n in range(400)]  # fmt: skip
    write(tmp_path / "many.jsonl", "\n".join(lines) + "\n")
    read, written, most = 0, 0, 0
    changed, commit = module._changed, module._commit_batch

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        nonlocal read
        for item in changed(*args, **kwargs):
            read += 1
            yield item

    def committing(database, batch):  # type: ignore[no-untyped-def]
        nonlocal written, most
        most = max(most, read - written)
        written += len(batch)
        return commit(database, batch)

    monkeypatch.setattr(module, "_changed", counting)
    monkeypatch.setattr(module, "_commit_batch", committing)
    report = ingest(db, [tmp_path], jobs=2)
    assert report.new == 400 and written == 400
    assert most <= module.BATCH_ARTICLES + 2 * module._IN_FLIGHT + module._CHUNK  # a task's articles are read together


def _failing_on_b(article: Article) -> Extraction:
    """An extractor (at module level, so that workers can run it) that fails on one article."""
    if "boom" in article.text:
        raise ValueError("no such rule")
    return scripted_extract(article)


def test_a_failing_extraction_in_a_worker_loses_only_its_article(db: Database, tmp_path: Path) -> None:
    """Workers extract several articles a task: one that fails is reported with why, and the others
    of its task and of the run are stored, in order."""
    lines = [json.dumps({"id": f"a{n}", "text": f"T\n@event visit 2021-06-{n % 28 + 1:02d} ITA,UKR v{n}"
                         + (" boom" if n == 5 else "") + "\n"}) for n in range(30)]  # fmt: skip
    write(tmp_path / "many.jsonl", "\n".join(lines) + "\n")
    report = ingest(db, [tmp_path], extractor=_failing_on_b, jobs=2)
    assert report.new == 29
    assert [f.reason for f in report.failures] == ["not extracted (ValueError: no such rule)"]
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Document)) == 29
