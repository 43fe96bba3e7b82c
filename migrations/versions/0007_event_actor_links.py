"""Each event's actor links kept with it as text: a query reads an event's actors with its row
instead of reading a row of event_actor for each of them.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 05:40:00.000000
"""

from collections.abc import Iterator, Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# dateline.store.models.link_entry when this revision was written: "actor_id US role [US office] RS",
# or NULL for the whole event when a field holds a separator.
_FIELD, _END = "\x1f", "\x1e"
_BATCH = 20_000


def _entry(actor_id: int, role: str, office: str | None) -> str | None:
    fields = (str(actor_id), role) if office is None else (str(actor_id), role, office)
    if any(_FIELD in f or _END in f for f in fields):
        return None
    return _FIELD.join(fields) + _END


def _lists(bind: sa.Connection) -> Iterator[tuple[str | None, int]]:
    """(the links of an event as text, its id) for every event with links, in order of id."""
    rows = bind.execute(
        sa.text("SELECT event_id, actor_id, role, office FROM event_actor ORDER BY event_id, position"),
        execution_options={"stream_results": True, "yield_per": _BATCH},  # for this statement only
    )
    current, entries = None, []
    for event_id, actor_id, role, office in rows:
        if event_id != current:
            if current is not None:
                yield (None if None in entries else "".join(entries)), current  # type: ignore[arg-type]
            current, entries = event_id, []
        entries.append(_entry(actor_id, role, office))
    if current is not None:
        yield (None if None in entries else "".join(entries)), current  # type: ignore[arg-type]


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("actor_links", sa.Text(), nullable=True))
    bind = op.get_bind()
    op.execute("UPDATE event SET actor_links = ''")  # events without actors; the others follow
    update = sa.text("UPDATE event SET actor_links = :links WHERE id = :id")
    batch: list[dict[str, object]] = []
    # The links are read in slices while the events are updated (another table, so the read is not disturbed).
    for links, event_id in _lists(bind):
        batch.append({"links": links, "id": event_id})
        if len(batch) == _BATCH:
            bind.execute(update, batch)
            batch = []
    if batch:
        bind.execute(update, batch)


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("event", schema=None) as batch_op:
        batch_op.drop_column("actor_links")
