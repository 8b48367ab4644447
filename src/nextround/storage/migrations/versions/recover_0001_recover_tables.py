"""Recover tables: private journal, user wins, plan slots and settings."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = 'recover_0001'
down_revision = 'core_0001'
branch_labels = ('recover',)
depends_on = None


def upgrade() -> None:
    op.create_table('recover_journal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('mood', sa.Integer(), nullable=True),
    sa.Column('emotions', sa.JSON(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('label', sa.String(length=16), nullable=False),
    sa.Column('analysis', sa.JSON(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_recover_journal_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recover_journal'))
    )
    with op.batch_alter_table('recover_journal', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recover_journal_owner_id'), ['owner_id'], unique=False)

    op.create_table('recover_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('application_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('starts_at', sa.DateTime(), nullable=False),
    sa.Column('minutes', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('ref', sa.String(length=200), nullable=False),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_recover_plan_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recover_plan'))
    )
    with op.batch_alter_table('recover_plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recover_plan_owner_id'), ['owner_id'], unique=False)

    op.create_table('recover_settings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('applications_per_week', sa.Integer(), nullable=False),
    sa.Column('practice_per_week', sa.Integer(), nullable=False),
    sa.Column('restore', sa.JSON(), nullable=False),
    sa.Column('country', sa.String(length=2), nullable=False),
    sa.Column('last_reply', sa.String(length=120), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_recover_settings_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recover_settings')),
    sa.UniqueConstraint('owner_id', name='uq_recover_settings_owner')
    )
    with op.batch_alter_table('recover_settings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recover_settings_owner_id'), ['owner_id'], unique=False)

    op.create_table('recover_wins',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('owner_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['owner_id'], ['users.id'], name=op.f('fk_recover_wins_owner_id_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recover_wins'))
    )
    with op.batch_alter_table('recover_wins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recover_wins_owner_id'), ['owner_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('recover_wins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recover_wins_owner_id'))

    op.drop_table('recover_wins')
    with op.batch_alter_table('recover_settings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recover_settings_owner_id'))

    op.drop_table('recover_settings')
    with op.batch_alter_table('recover_plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recover_plan_owner_id'))

    op.drop_table('recover_plan')
    with op.batch_alter_table('recover_journal', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recover_journal_owner_id'))

    op.drop_table('recover_journal')
