"""The event's end on event_actor too: an actor's events that end before a date window are passed over in the index.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 01:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("event_actor", schema=None) as batch_op:
        batch_op.add_column(sa.Column("date_latest", sa.Date(), nullable=True))
    # Existing rows take their event's end.
    op.execute(
        "UPDATE event_actor SET date_latest = "
        "(SELECT event.date_latest FROM event WHERE event.id = event_actor.event_id)"
    )
    with op.batch_alter_table("event_actor", schema=None) as batch_op:
        batch_op.drop_index("ix_event_actor_actor_id_date_earliest_event_id")
        batch_op.create_index(
            "ix_event_actor_actor_id_date_earliest_date_latest_event_id",
            ["actor_id", "date_earliest", "date_latest", "event_id"],
            unique=False,
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("event_actor", schema=None) as batch_op:
        batch_op.drop_index("ix_event_actor_actor_id_date_earliest_date_latest_event_id")
        batch_op.create_index(
            "ix_event_actor_actor_id_date_earliest_event_id", ["actor_id", "date_earliest", "event_id"], unique=False
        )
        batch_op.drop_column("date_latest")
