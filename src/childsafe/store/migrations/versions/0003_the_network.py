"""v3: the network

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('author_risk',
    sa.Column('author', sa.Text(), nullable=False),
    sa.Column('risk', sa.Float(), nullable=False),
    sa.Column('alert', sa.Boolean(), nullable=False),
    sa.Column('conversations', sa.Integer(), nullable=False),
    sa.Column('indicators', sa.Text(), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('author')
    )
    op.create_table('graph_account_identifiers',
    sa.Column('account_id', sa.BigInteger(), nullable=False),
    sa.Column('identifier_id', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('account_id', 'identifier_id'),
    sqlite_with_rowid=False
    )
    op.create_table('graph_accounts',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('declared_age', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.BigInteger(), nullable=True),
    sa.Column('attributes', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('graph_identifiers',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('hashed', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('kind', 'value', 'hashed', name='uq_graph_identifier')
    )
    op.create_table('graph_labels',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('account', sa.Text(), nullable=False),
    sa.Column('label', sa.String(length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('labelled_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('graph_labels', schema=None) as batch_op:
        batch_op.create_index('ix_graph_labels_account', ['account'], unique=False)

    op.create_table('graph_media',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('pdq', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('sha256', 'pdq', name='uq_graph_media')
    )
    op.create_table('graph_messages',
    sa.Column('sender_id', sa.BigInteger(), nullable=False),
    sa.Column('recipient_id', sa.BigInteger(), nullable=False),
    sa.Column('ts', sa.BigInteger(), nullable=False),
    sa.Column('platform', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('sender_id', 'recipient_id', 'ts', 'platform'),
    sqlite_with_rowid=False
    )
    op.create_table('graph_posts',
    sa.Column('account_id', sa.BigInteger(), nullable=False),
    sa.Column('media_id', sa.BigInteger(), nullable=False),
    sa.Column('ts', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('account_id', 'media_id', 'ts'),
    sqlite_with_rowid=False
    )
    op.create_table('graph_sources',
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('path', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('rows', sa.BigInteger(), nullable=False),
    sa.Column('errors', sa.BigInteger(), nullable=False),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('sha256')
    )


def downgrade() -> None:
    op.drop_table('graph_sources')
    op.drop_table('graph_posts')
    op.drop_table('graph_messages')
    op.drop_table('graph_media')
    with op.batch_alter_table('graph_labels', schema=None) as batch_op:
        batch_op.drop_index('ix_graph_labels_account')

    op.drop_table('graph_labels')
    op.drop_table('graph_identifiers')
    op.drop_table('graph_accounts')
    op.drop_table('graph_account_identifiers')
    op.drop_table('author_risk')
