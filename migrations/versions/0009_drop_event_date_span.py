"""Drop the width class of each event's date (0006) and its index: the cross-article merge now finds
the events that may hold or be held by a date through the actors' typed index (0008), so nothing
reads them, and every event insert paid for one more index.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 09:00:00.000000
"""

import sqlite3
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_INDEX = "ix_event_type_status_date_span_date_earliest"
# dateline.store.models.SPAN_DAYS as revision 0006 wrote it, for the downgrade's backfill.
_SPAN_DAYS = (0, 7, 31, 92, 183, 366)


def upgrade() -> None:
    """Apply this revision."""
    op.drop_index(_INDEX, table_name="event")
    if op.get_bind().dialect.name == "sqlite" and sqlite3.sqlite_version_info >= (3, 35, 0):
        # In place: the batch mode below copies the whole table, minutes on a large archive.
        op.execute("ALTER TABLE event DROP COLUMN date_span")
        return
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_column("date_span")


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("date_span", sa.Integer(), nullable=True))
    if op.get_bind().dialect.name == "sqlite":
        width = "(julianday(date_latest) - julianday(date_earliest))"
    else:
        width = "(date_latest - date_earliest)"
    classes = " ".join(f"WHEN {width} <= {most} THEN {i}" for i, most in enumerate(_SPAN_DAYS))
    op.execute(
        f"UPDATE event SET date_span = CASE WHEN date_earliest IS NULL OR date_latest IS NULL THEN NULL "
        f"{classes} ELSE {len(_SPAN_DAYS)} END"
    )
    op.create_index(_INDEX, "event", ["type", "status", "date_span", "date_earliest"], unique=False)
