"""v8: allowlist scopes (what a reviewer's false positive may suppress)

Revision ID: 0008
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('allowlist_scopes',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('entry_id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('review_item', sa.Text(), nullable=False),
    sa.Column('bank', sa.String(length=200), nullable=False),
    sa.Column('signal_type', sa.String(length=32), nullable=False),
    sa.Column('signal', sa.Text(), nullable=False),
    sa.Column('distance', sa.Integer(), nullable=False),
    sa.Column('actor', sa.Text(), nullable=False),
    sa.Column('added_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['entry_id'], ['bank_entries.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    with op.batch_alter_table('allowlist_scopes', schema=None) as batch_op:
        batch_op.create_index('ix_allowlist_scopes_entry', ['entry_id'], unique=False)
        batch_op.create_index('ix_allowlist_scopes_item', ['review_item'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('allowlist_scopes', schema=None) as batch_op:
        batch_op.drop_index('ix_allowlist_scopes_item')
        batch_op.drop_index('ix_allowlist_scopes_entry')
    op.drop_table('allowlist_scopes')
