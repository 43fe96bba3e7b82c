"""The event's type on event_actor too, indexed after the actor: "Russia's sanctions since 2014" is one
index range, instead of a year of the actor's events read row by row for their type.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 06:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("event_actor", schema=None) as batch_op:
        batch_op.add_column(sa.Column("type", sa.String(length=16), nullable=True))
    # Existing rows take their event's type (which merges never change).
    op.execute("UPDATE event_actor SET type = (SELECT event.type FROM event WHERE event.id = event_actor.event_id)")
    with op.batch_alter_table("event_actor", schema=None) as batch_op:
        batch_op.create_index(
            "ix_event_actor_actor_id_type_date_earliest_date_latest_event_id",
            ["actor_id", "type", "date_earliest", "date_latest", "event_id"],
            unique=False,
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("event_actor", schema=None) as batch_op:
        batch_op.drop_index("ix_event_actor_actor_id_type_date_earliest_date_latest_event_id")
        batch_op.drop_column("type")
