"""v13: HMA's "bank content": the signals of one piece of media under one id, with its note and metadata

HMA names a banked piece of media by one ``bank_content_id`` whatever signals it has (a video's MD5
and vPDQ), and keeps a note, user metadata and ``disable_until_ts`` for it.  Entries now carry
``content_id``: the id of the content they belong to, which is the entry id of the content's first
signal (NULL: the entry is a content of its own, as every entry stored before this revision).  The
note, metadata and disabling live in ``bank_contents``, keyed by that id.  Banks get
``matching_ratio`` (HMA's ``matching_enabled_ratio`` when it is neither 0 nor 1; NULL otherwise).

Revision ID: 0013
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('bank_contents',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=False, nullable=False),
    sa.Column('bank_id', sa.Integer(), nullable=False),
    sa.Column('disable_until_ts', sa.BigInteger(), nullable=False),
    sa.Column('note', sa.String(length=255), nullable=True),
    sa.Column('meta', sa.Text(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['bank_id'], ['banks.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('bank_entries', schema=None) as batch_op:
        batch_op.add_column(sa.Column('content_id', sa.BigInteger(), nullable=True))
        batch_op.create_index('ix_entries_content', ['content_id'], unique=False)
    with op.batch_alter_table('banks', schema=None) as batch_op:
        batch_op.add_column(sa.Column('matching_ratio', sa.Float(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('banks', schema=None) as batch_op:
        batch_op.drop_column('matching_ratio')
    with op.batch_alter_table('bank_entries', schema=None) as batch_op:
        batch_op.drop_index('ix_entries_content')
        batch_op.drop_column('content_id')
    op.drop_table('bank_contents')
