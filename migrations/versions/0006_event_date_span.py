"""The width class of each event's date, indexed with its type and status: the cross-article merge
finds the events that hold a day by reading the few of each width that could, not a year of events.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 03:10:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# dateline.store.models.SPAN_DAYS when this revision was written: the class is the first bound the
# width (in days) does not pass, and one past the last for wider dates.
_SPAN_DAYS = (0, 7, 31, 92, 183, 366)


def _width() -> str:
    """The width in days of an event's date, in the SQL of the database being migrated."""
    if op.get_bind().dialect.name == "sqlite":
        return "(julianday(date_latest) - julianday(date_earliest))"
    return "(date_latest - date_earliest)"


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("date_span", sa.Integer(), nullable=True))
    width = _width()
    classes = " ".join(f"WHEN {width} <= {most} THEN {i}" for i, most in enumerate(_SPAN_DAYS))
    op.execute(
        f"UPDATE event SET date_span = CASE WHEN date_earliest IS NULL OR date_latest IS NULL THEN NULL "
        f"{classes} ELSE {len(_SPAN_DAYS)} END"
    )
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.create_index(
            "ix_event_type_status_date_span_date_earliest",
            ["type", "status", "date_span", "date_earliest"],
            unique=False,
        )


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_index("ix_event_type_status_date_span_date_earliest")
        batch_op.drop_column("date_span")
