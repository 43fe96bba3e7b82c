"""Looking actors up in the database by their stored names and aliases."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from dateline.store.models import Actor, ActorAlias
from dateline.store.text import fold


def stored_persons(session: Session, query: str) -> list[str]:
    """Canonical names of stored persons whose name or an alias is `query`, or ends in it."""
    q = fold(query)
    if not q:
        return []
    stmt = (
        select(Actor.code)
        .join(ActorAlias, ActorAlias.actor_id == Actor.id)
        .where(
            Actor.kind == "person",
            or_(ActorAlias.folded == q, ActorAlias.folded.like(f"% {_escape(q)}", escape="\\")),
        )
        .distinct()
        .order_by(Actor.code)
    )
    return list(session.scalars(stmt))


def stored_person_names(session: Session) -> list[str]:
    """Every stored person's canonical name (for suggestions)."""
    return list(session.scalars(select(Actor.code).where(Actor.kind == "person").order_by(Actor.code)))


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
