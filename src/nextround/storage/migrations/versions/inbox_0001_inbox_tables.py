"""Inbox tables: seen hashes, job emails, quarantine, review queue, learned senders, threads, sync."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'inbox_0001'
down_revision = 'core_0001'
branch_labels = ('inbox',)
depends_on = None


def upgrade() -> None:
    op.create_table('inbox_learned',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sender_key', sa.String(length=400), nullable=False),
    sa.Column('company', sa.String(length=300), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_inbox_learned_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbox_learned')),
    sa.UniqueConstraint('owner_id', 'sender_key', name='uq_inbox_learned_owner_sender_key')
    )
    with op.batch_alter_table('inbox_learned', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbox_learned_owner_id'), ['owner_id'], unique=False)

    op.create_table('inbox_quarantine',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('origin', sa.String(length=500), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('subject', sa.String(length=1000), nullable=False),
    sa.Column('sender', sa.String(length=500), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_inbox_quarantine_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbox_quarantine')),
    sa.UniqueConstraint('owner_id', 'sha256', name='uq_inbox_quarantine_owner_sha256')
    )
    with op.batch_alter_table('inbox_quarantine', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbox_quarantine_owner_id'), ['owner_id'], unique=False)

    op.create_table('inbox_seen',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('message_id', sa.String(length=255), nullable=True),
    sa.Column('job', sa.Boolean(), nullable=False),
    sa.Column('seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_inbox_seen_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbox_seen')),
    sa.UniqueConstraint('owner_id', 'sha256', name='uq_inbox_seen_owner_sha256')
    )
    with op.batch_alter_table('inbox_seen', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbox_seen_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index('ix_inbox_seen_owner_message_id', ['owner_id', 'message_id'], unique=False)

    op.create_table('inbox_sync_state',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('account', sa.String(length=600), nullable=False),
    sa.Column('uidvalidity', sa.BigInteger(), nullable=True),
    sa.Column('last_uid', sa.BigInteger(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_inbox_sync_state_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbox_sync_state')),
    sa.UniqueConstraint('owner_id', 'account', name='uq_inbox_sync_state_owner_account')
    )
    with op.batch_alter_table('inbox_sync_state', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbox_sync_state_owner_id'), ['owner_id'], unique=False)

    op.create_table('inbox_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('proposal_id', sa.Integer(), nullable=True),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('message_id', sa.String(length=255), nullable=True),
    sa.Column('origin', sa.String(length=500), nullable=False),
    sa.Column('subject', sa.String(length=1000), nullable=False),
    sa.Column('sender', sa.String(length=500), nullable=False),
    sa.Column('sender_addr', sa.String(length=320), nullable=False),
    sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('label', sa.String(length=32), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('company', sa.String(length=300), nullable=False),
    sa.Column('role', sa.String(length=300), nullable=False),
    sa.Column('rejection', sa.JSON(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('html', sa.Text(), nullable=True),
    sa.Column('in_reply_to', sa.String(length=255), nullable=True),
    sa.Column('references', sa.JSON(), nullable=False),
    sa.Column('defects', sa.JSON(), nullable=False),
    sa.Column('attachments', sa.JSON(), nullable=False),
    sa.Column('match_evidence', sa.JSON(), nullable=False),
    sa.Column('raw', sa.LargeBinary(), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_inbox_messages_application_id_applications'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_inbox_messages_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbox_messages')),
    sa.UniqueConstraint('owner_id', 'sha256', name='uq_inbox_messages_owner_sha256')
    )
    with op.batch_alter_table('inbox_messages', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbox_messages_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inbox_messages_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index('ix_inbox_messages_owner_message_id', ['owner_id', 'message_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inbox_messages_proposal_id'), ['proposal_id'], unique=False)

    op.create_table('inbox_threads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=False),
    sa.Column('message_id', sa.String(length=255), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_inbox_threads_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_inbox_threads_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbox_threads'))
    )
    with op.batch_alter_table('inbox_threads', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbox_threads_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inbox_threads_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index('ix_inbox_threads_owner_message_id', ['owner_id', 'message_id'], unique=False)

    op.create_table('inbox_proposals',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('message_id', sa.Integer(), nullable=True),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=32), nullable=True),
    sa.Column('round_kind', sa.String(length=32), nullable=True),
    sa.Column('company', sa.String(length=300), nullable=False),
    sa.Column('role', sa.String(length=300), nullable=False),
    sa.Column('label', sa.String(length=32), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('evidence', sa.JSON(), nullable=False),
    sa.Column('sender_key', sa.String(length=400), nullable=False),
    sa.Column('result_application_id', sa.Integer(), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['application_id'], ['applications.id'], name=op.f('fk_inbox_proposals_application_id_applications'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['message_id'], ['inbox_messages.id'], name=op.f('fk_inbox_proposals_message_id_inbox_messages'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_inbox_proposals_owner_id_users'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['result_application_id'], ['applications.id'], name=op.f('fk_inbox_proposals_result_application_id_applications'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_inbox_proposals'))
    )
    with op.batch_alter_table('inbox_proposals', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_inbox_proposals_application_id'), ['application_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inbox_proposals_message_id'), ['message_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_inbox_proposals_owner_id'), ['owner_id'], unique=False)
        batch_op.create_index('ix_inbox_proposals_owner_state', ['owner_id', 'state'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('inbox_proposals', schema=None) as batch_op:
        batch_op.drop_index('ix_inbox_proposals_owner_state')
        batch_op.drop_index(batch_op.f('ix_inbox_proposals_owner_id'))
        batch_op.drop_index(batch_op.f('ix_inbox_proposals_message_id'))
        batch_op.drop_index(batch_op.f('ix_inbox_proposals_application_id'))

    op.drop_table('inbox_proposals')
    with op.batch_alter_table('inbox_threads', schema=None) as batch_op:
        batch_op.drop_index('ix_inbox_threads_owner_message_id')
        batch_op.drop_index(batch_op.f('ix_inbox_threads_owner_id'))
        batch_op.drop_index(batch_op.f('ix_inbox_threads_application_id'))

    op.drop_table('inbox_threads')
    with op.batch_alter_table('inbox_messages', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inbox_messages_proposal_id'))
        batch_op.drop_index('ix_inbox_messages_owner_message_id')
        batch_op.drop_index(batch_op.f('ix_inbox_messages_owner_id'))
        batch_op.drop_index(batch_op.f('ix_inbox_messages_application_id'))

    op.drop_table('inbox_messages')
    with op.batch_alter_table('inbox_sync_state', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inbox_sync_state_owner_id'))

    op.drop_table('inbox_sync_state')
    with op.batch_alter_table('inbox_seen', schema=None) as batch_op:
        batch_op.drop_index('ix_inbox_seen_owner_message_id')
        batch_op.drop_index(batch_op.f('ix_inbox_seen_owner_id'))

    op.drop_table('inbox_seen')
    with op.batch_alter_table('inbox_quarantine', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inbox_quarantine_owner_id'))

    op.drop_table('inbox_quarantine')
    with op.batch_alter_table('inbox_learned', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_inbox_learned_owner_id'))

    op.drop_table('inbox_learned')
