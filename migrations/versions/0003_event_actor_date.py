"""The event's start on event_actor, indexed by actor: "this actor's events in 2021" as one index range.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 23:56:49.157869
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("event_actor", schema=None) as batch_op:
        batch_op.add_column(sa.Column("date_earliest", sa.Date(), nullable=True))
        batch_op.create_index("ix_event_actor_actor_id_date_earliest", ["actor_id", "date_earliest"], unique=False)
    # Existing rows take their event's start.
    op.execute(
        "UPDATE event_actor SET date_earliest = "
        "(SELECT event.date_earliest FROM event WHERE event.id = event_actor.event_id)"
    )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("event_actor", schema=None) as batch_op:
        batch_op.drop_index("ix_event_actor_actor_id_date_earliest")
        batch_op.drop_column("date_earliest")
