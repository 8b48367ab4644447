"""Inbox: original bytes kept as base64 text (backups are JSON); emails point to their proposal."""

from __future__ import annotations

import base64

import sqlalchemy as sa
from alembic import op

revision = "inbox_0002"
down_revision = "inbox_0001"
branch_labels = None
depends_on = None

_RAW_TABLES = ("inbox_messages", "inbox_quarantine")


def _table(name: str) -> sa.TableClause:
    return sa.table(
        name,
        sa.column("id", sa.Integer),
        sa.column("raw", sa.LargeBinary),
        sa.column("raw_base64", sa.Text),
    )


def _copy(name: str, to_base64: bool) -> None:
    bind = op.get_bind()
    t = _table(name)
    source = t.c.raw if to_base64 else t.c.raw_base64
    rows = bind.execute(sa.select(t.c.id, source).where(source.is_not(None))).fetchall()
    for row_id, value in rows:
        values: dict[str, str | bytes]
        if to_base64:
            values = {"raw_base64": base64.b64encode(bytes(value)).decode("ascii")}
        else:
            values = {"raw": base64.b64decode(value)}
        bind.execute(t.update().where(t.c.id == row_id).values(**values))


def upgrade() -> None:
    # SQLite rebuilds a table to alter it, and dropping the old copy fires ON DELETE
    # actions: so the link from proposals to emails (CASCADE) goes before emails are rebuilt.
    with op.batch_alter_table("inbox_proposals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_inbox_proposals_message_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_inbox_proposals_message_id_inbox_messages"), type_="foreignkey"
        )
        batch_op.drop_column("message_id")
    for name in _RAW_TABLES:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.add_column(sa.Column("raw_base64", sa.Text(), nullable=True))
        _copy(name, to_base64=True)
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_column("raw")
    with op.batch_alter_table("inbox_messages", schema=None) as batch_op:
        batch_op.create_foreign_key(
            batch_op.f("fk_inbox_messages_proposal_id_inbox_proposals"),
            "inbox_proposals", ["proposal_id"], ["id"], ondelete="SET NULL",
        )  # fmt: skip


def downgrade() -> None:
    # Reverse order, for the same reason: no rebuilt table may be the target of a live link.
    with op.batch_alter_table("inbox_messages", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_inbox_messages_proposal_id_inbox_proposals"), type_="foreignkey"
        )
    for name in _RAW_TABLES:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.add_column(sa.Column("raw", sa.LargeBinary(), nullable=True))
        _copy(name, to_base64=False)
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_column("raw_base64")
    with op.batch_alter_table("inbox_proposals", schema=None) as batch_op:
        batch_op.add_column(sa.Column("message_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_inbox_proposals_message_id_inbox_messages"),
            "inbox_messages", ["message_id"], ["id"], ondelete="CASCADE",
        )  # fmt: skip
        batch_op.create_index(batch_op.f("ix_inbox_proposals_message_id"), ["message_id"])
