"""Writing articles and their events: one transaction per article, done by the caller."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Protocol

from sqlalchemy import delete, exists, select
from sqlalchemy.orm import Session

from dateline.extract.actors.model import Role
from dateline.extract.codes import is_state_code
from dateline.extract.records import ActorKind, ActorRef, Article, EventRecord, Extraction
from dateline.store.merge import find_same_happening, narrow_date
from dateline.store.models import (
    Actor,
    ActorAlias,
    Document,
    Event,
    EventActor,
    EventSource,
    PersonRole,
    utcnow,
)
from dateline.store.text import fold


class Outcome(StrEnum):
    """What storing an article did."""

    NEW = "new"
    UNCHANGED = "unchanged"
    REPLACED = "replaced"


class ActorDirectory(Protocol):
    """What the store asks of the reference data when it meets an actor for the first time."""

    def display_name(self, kind: ActorKind, code: str) -> str:
        """The name to show for a state or organisation code, or a person's canonical name."""
        ...

    def aliases(self, kind: ActorKind, code: str) -> Iterable[str]:
        """Other names of the actor, for lookups by name."""
        ...

    def roles(self, name: str) -> Iterable[Role]:
        """A person's terms of office, from the gazetteer."""
        ...


class ActorCache:
    """Actor rows by (kind, code), created on first use within one session."""

    def __init__(self, session: Session, directory: ActorDirectory | None = None) -> None:
        self._session = session
        self._directory = directory
        self._rows: dict[tuple[str, str], Actor] = {}

    def _new(self, ref: ActorRef) -> Actor:
        directory = self._directory
        name = directory.display_name(ref.kind, ref.code) if directory else ref.name
        row = Actor(kind=ref.kind.value, code=ref.code, name=name)
        extra = list(directory.aliases(ref.kind, ref.code)) if directory else []
        names = dict.fromkeys([ref.code, name, ref.name, *extra])
        row.aliases = [ActorAlias(alias=n, folded=fold(n)) for n in names if n]
        if ref.kind is ActorKind.PERSON and directory is not None:
            roles = {(r.office, r.state, r.start): r for r in directory.roles(ref.code)}
            row.roles = [
                PersonRole(office=r.office, state=r.state, start=r.start, end=r.end, origin="gazetteer")
                for r in roles.values()
            ]
        return row

    def get(self, ref: ActorRef) -> Actor:
        """The actor row for `ref`, created (with its names, aliases and roles) when new."""
        key = (ref.kind.value, ref.code)
        row = self._rows.get(key)
        if row is None:
            row = self._session.scalar(select(Actor).where(Actor.kind == key[0], Actor.code == key[1]))
            if row is None:
                row = self._new(ref)
                self._session.add(row)
                self._session.flush()
            self._rows[key] = row
        return row


def event_rows(record: EventRecord, actors: ActorCache) -> Event:
    """An Event row, with its actor rows, for an extracted record (sources added by the caller)."""
    date = record.date
    event = Event(
        type=record.type.value,
        status=record.status.value,
        date_edtf=date.edtf if date else None,
        date_earliest=date.earliest if date else None,
        date_latest=date.latest if date else None,
        date_precision=date.precision.value if date else None,
        date_text=record.date_text,
        summary=record.summary,
        trigger=record.trigger,
        cameo=record.cameo,
        location=record.location,
        confidence=record.confidence,
    )
    attach_actors(event, record, actors)
    return event


def attach_actors(event: Event, record: EventRecord, actors: ActorCache) -> None:
    """Add the record's actors to an event (a person's state too), skipping those it has."""
    seen = {(ea.actor.id, ea.role) for ea in event.actors}
    position = len(event.actors)
    refs = list(record.actors)
    # A person counts for the state they served: the state joins the event as an actor too.
    present = {a.code for a in refs if a.kind is not ActorKind.PERSON}
    for ref in record.actors:
        if ref.kind is ActorKind.PERSON and ref.state and ref.state not in present:
            kind = ActorKind.STATE if is_state_code(ref.state) else ActorKind.ORGANISATION
            refs.append(ActorRef(kind=kind, code=ref.state, name=ref.state, role=ref.role))
            present.add(ref.state)
    for ref in refs:
        row = actors.get(ref)
        if (row.id, ref.role.value) in seen:
            continue
        seen.add((row.id, ref.role.value))
        event.actors.append(EventActor(actor=row, role=ref.role.value, position=position, office=ref.office))
        position += 1


def _drop_document_events(session: Session, document: Document) -> None:
    """Remove a document's sources, and the events no other document reports."""
    session.execute(delete(EventSource).where(EventSource.document_id == document.id))
    orphans = select(Event.id).where(~exists().where(EventSource.event_id == Event.id))
    session.execute(delete(Event).where(Event.id.in_(orphans)))


def save_article(
    session: Session,
    article: Article,
    extraction: Extraction,
    *,
    content_hash: str,
    extractor: str,
    path: str | None = None,
    directory: ActorDirectory | None = None,
) -> Outcome:
    """Store an article and its events, replacing what an earlier version of it left.

    An article whose identifier, content hash and extractor version are already stored is left
    as it is. The caller commits (or rolls back) the session: one transaction per article.
    """
    document = session.scalar(select(Document).where(Document.identifier == article.identifier))
    if document is not None:
        if document.content_hash == content_hash and document.extractor_version == extractor:
            return Outcome.UNCHANGED
        _drop_document_events(session, document)
        outcome = Outcome.REPLACED
    else:
        document = Document(identifier=article.identifier)
        session.add(document)
        outcome = Outcome.NEW
    document.title = article.title
    document.source = article.source
    document.url = article.url
    document.published = article.published
    document.published_precision = article.published_precision
    document.language = article.language
    document.content_hash = content_hash
    document.extractor_version = extractor
    document.path = path
    document.text = article.text
    document.ingested_at = utcnow()
    session.flush()
    actors = ActorCache(session, directory)
    for record in extraction.events:
        event = find_same_happening(session, record, document.id)
        if event is None:
            event = event_rows(record, actors)
        else:
            # Reported before by another article: one event, one more source.
            attach_actors(event, record, actors)
            narrow_date(event, record)
            event.confidence = max(event.confidence, record.confidence)
        for ev in record.evidence:
            event.sources.append(
                EventSource(
                    document=document,
                    sentence=ev.sentence,
                    start=ev.start,
                    end=ev.end,
                    date_text=record.date_text,
                )
            )
        session.add(event)
    session.flush()
    return outcome
