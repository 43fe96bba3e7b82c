"""Index on event precision and start, so that date filters reach long spans (decades, ranges) quickly.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22 23:55:07.684123
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_event_date_precision_date_earliest", ["date_precision", "date_earliest"], unique=False
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index("ix_event_date_precision_date_earliest")
