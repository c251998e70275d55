"""v9: author roles (what the conversation analysis says about each author)

``author_risk`` keeps, besides the highest risk, the author's role in the conversations scored
(``suspect`` over ``at_risk`` over ``other``), the first age they stated, their language and the taxonomy
labels that fired on them, so the network analysis and the review queue see the child at risk.  Rows
written before this revision keep NULL in the new columns and load as before.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("author_risk") as batch:
        batch.add_column(sa.Column("role", sa.String(length=16), nullable=True))
        batch.add_column(sa.Column("stated_age", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("language", sa.String(length=8), nullable=True))
        batch.add_column(sa.Column("labels", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("author_risk") as batch:
        batch.drop_column("labels")
        batch.drop_column("language")
        batch.drop_column("stated_age")
        batch.drop_column("role")
