"""v10: scan items keep their findings for review (JSON Finding records and the highest score)

The review queue used to find media items by a LIKE over every stored record and rebuild matches
from the JSON.  Items now carry ``findings`` (a JSON list of Finding records) and ``urgency`` (their
highest score, indexed).  Rows stored before this revision that cannot be for review (no match,
no triage priority) get ``'[]'`` here; the few others keep NULL, and the review queue works their
findings out once, with the code of the day, and writes them back.

Revision ID: 0009
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('scan_items', schema=None) as batch_op:
        batch_op.add_column(sa.Column('findings', sa.Text(), nullable=True))
        batch_op.add_column(sa.Column('urgency', sa.Float(), nullable=True))
        batch_op.create_index('ix_scan_items_urgency', ['urgency'], unique=False)
    # The patterns the queue used before this revision: whatever they miss was never for review.
    op.get_bind().execute(sa.text("UPDATE scan_items SET findings = '[]' WHERE NOT (record LIKE :matched "
                                  "OR record LIKE :prioritised)"),
                          {"matched": '%"matches": [{%', "prioritised": '%"priority": %'})


def downgrade() -> None:
    with op.batch_alter_table('scan_items', schema=None) as batch_op:
        batch_op.drop_index('ix_scan_items_urgency')
        batch_op.drop_column('urgency')
        batch_op.drop_column('findings')
