"""SQLAlchemy 2 typed ORM models. The schema itself is owned by the Alembic migrations.

tests/store/test_migrations.py fails when these models and the migrations disagree.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """The current time in UTC, without tzinfo (stored as naive UTC everywhere)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    """Declarative base with a naming convention so that every constraint has a name."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Document(Base):
    """An ingested article."""

    __tablename__ = "document"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    identifier: Mapped[str] = mapped_column(String(512), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[dt.date | None] = mapped_column(Date)
    published_precision: Mapped[str | None] = mapped_column(String(16))
    language: Mapped[str | None] = mapped_column(String(16))
    content_hash: Mapped[str] = mapped_column(String(64))
    extractor_version: Mapped[str] = mapped_column(String(32))
    path: Mapped[str | None] = mapped_column(Text)
    # Loaded only when asked for: a query's sources need the title and link, not the article.
    text: Mapped[str] = mapped_column(Text, deferred=True)
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    sources: Mapped[list[EventSource]] = relationship(back_populates="document")


# An event's actor links, in position order, kept with the event as text so that a query reads them with
# its row instead of a row per link: each link is "actor_id US role", with " US office" when it has one,
# and ends with RS (the ASCII unit and record separators, which no name, role or office holds).
LINK_FIELD, LINK_END = "\x1f", "\x1e"


def link_entry(actor_id: int, role: str, office: str | None) -> str | None:
    """One link as `Event.actor_links` holds it, or None when a field holds a separator (the event
    then keeps NULL there, and its links are read from event_actor)."""
    fields = (str(actor_id), role) if office is None else (str(actor_id), role, office)
    if any(LINK_FIELD in f or LINK_END in f for f in fields):
        return None
    return LINK_FIELD.join(fields) + LINK_END


class Event(Base):
    """One real-world happening, with the sources that report it."""

    __tablename__ = "event"
    __table_args__ = (
        Index("ix_event_date_earliest_date_latest", "date_earliest", "date_latest"),
        Index("ix_event_type_date_earliest", "type", "date_earliest"),
        # Long spans (decades, centuries, ranges) are few: date filters reach them by precision.
        Index("ix_event_date_precision_date_earliest", "date_precision", "date_earliest"),
        # The cross-article merge: the events of a type and status, of a width, that start in a window.
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    date_edtf: Mapped[str | None] = mapped_column(String(32))
    date_earliest: Mapped[dt.date | None] = mapped_column(Date)
    date_latest: Mapped[dt.date | None] = mapped_column(Date)
    date_precision: Mapped[str | None] = mapped_column(String(16))
    date_text: Mapped[str | None] = mapped_column(Text)
    # Its event_actor rows in position order, as `link_entry` writes them; NULL when not kept (see above).
    actor_links: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text)
    trigger: Mapped[str | None] = mapped_column(String(128))
    cameo: Mapped[str | None] = mapped_column(String(8))
    location: Mapped[str | None] = mapped_column(String(16))
    confidence: Mapped[float] = mapped_column(Float, default=0.5)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, default=utcnow)

    actors: Mapped[list[EventActor]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventActor.position"
    )
    sources: Mapped[list[EventSource]] = relationship(
        back_populates="event", cascade="all, delete-orphan", order_by="EventSource.id"
    )


class Actor(Base):
    """A state, an organisation or a person."""

    __tablename__ = "actor"
    __table_args__ = (UniqueConstraint("kind", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(String(256), index=True)
    name: Mapped[str] = mapped_column(String(256))

    aliases: Mapped[list[ActorAlias]] = relationship(back_populates="actor", cascade="all, delete-orphan")
    roles: Mapped[list[PersonRole]] = relationship(back_populates="actor", cascade="all, delete-orphan")


class ActorAlias(Base):
    """Another name an actor goes by; `folded` is the lower-case, accent-free form searched."""

    __tablename__ = "actor_alias"
    __table_args__ = (UniqueConstraint("actor_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(256))
    folded: Mapped[str] = mapped_column(String(256), index=True)

    actor: Mapped[Actor] = relationship(back_populates="aliases")


class PersonRole(Base):
    """An office a person held for a state or organisation, from start to end (open when None)."""

    __tablename__ = "person_role"
    __table_args__ = (UniqueConstraint("actor_id", "office", "state", "start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), index=True)
    office: Mapped[str] = mapped_column(String(128))
    state: Mapped[str] = mapped_column(String(16))
    start: Mapped[dt.date | None] = mapped_column(Date)
    start_precision: Mapped[str | None] = mapped_column(String(16))
    end: Mapped[dt.date | None] = mapped_column(Date)
    end_precision: Mapped[str | None] = mapped_column(String(16))
    origin: Mapped[str] = mapped_column(String(16), default="gazetteer")

    actor: Mapped[Actor] = relationship(back_populates="roles")


class EventActor(Base):
    """An actor's part in an event."""

    __tablename__ = "event_actor"
    __table_args__ = (
        Index("ix_event_actor_actor_id_event_id", "actor_id", "event_id"),
        # Covering: "this actor's events in 2021", and the actors of the events found, read from indexes alone.
        Index(
            "ix_event_actor_actor_id_date_earliest_date_latest_event_id",
            "actor_id",
            "date_earliest",
            "date_latest",
            "event_id",
        ),
        # The same with the event's type: "this actor's sanctions since 2014".
        Index(
            "ix_event_actor_actor_id_type_date_earliest_date_latest_event_id",
            "actor_id",
            "type",
            "date_earliest",
            "date_latest",
            "event_id",
        ),
        Index(
            "ix_event_actor_event_id_position_actor_id_role_office",
            "event_id",
            "position",
            "actor_id",
            "role",
            "office",
        ),
    )

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"), primary_key=True)
    role: Mapped[str] = mapped_column(String(16), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    office: Mapped[str | None] = mapped_column(String(128))
    # The event's start, end and type, copied here so that "this actor's events in 2021" (of a type) is one
    # index range. A merge may narrow the dates (the writer copies them again); it never changes the type.
    date_earliest: Mapped[dt.date | None] = mapped_column(Date)
    date_latest: Mapped[dt.date | None] = mapped_column(Date)
    type: Mapped[str | None] = mapped_column(String(16))

    event: Mapped[Event] = relationship(back_populates="actors")
    actor: Mapped[Actor] = relationship()


class EventSource(Base):
    """A sentence of a document that reports an event."""

    __tablename__ = "event_source"
    __table_args__ = (UniqueConstraint("event_id", "document_id", "start"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), index=True)
    sentence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    date_text: Mapped[str | None] = mapped_column(Text)

    event: Mapped[Event] = relationship(back_populates="sources")
    document: Mapped[Document] = relationship(back_populates="sources")
