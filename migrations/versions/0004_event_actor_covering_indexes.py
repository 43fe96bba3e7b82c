"""Covering indexes on event_actor: an actor's events by date carry the event id, and an event's actors
carry their part, so that searches and the actors of the events found are read from indexes alone.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 00:58:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_PART = ["event_id", "position", "actor_id", "role", "office"]


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("event_actor", schema=None) as batch_op:
        batch_op.drop_index("ix_event_actor_actor_id_date_earliest")
        batch_op.create_index(
            "ix_event_actor_actor_id_date_earliest_event_id", ["actor_id", "date_earliest", "event_id"], unique=False
        )
        batch_op.create_index("ix_event_actor_event_id_position_actor_id_role_office", _PART, unique=False)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("event_actor", schema=None) as batch_op:
        batch_op.drop_index("ix_event_actor_event_id_position_actor_id_role_office")
        batch_op.drop_index("ix_event_actor_actor_id_date_earliest_event_id")
        batch_op.create_index("ix_event_actor_actor_id_date_earliest", ["actor_id", "date_earliest"], unique=False)
