"""v12: a case run's finished stages and their findings (case_stages, case_findings)

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('case_stages',
    sa.Column('case_name', sa.String(length=200), nullable=False),
    sa.Column('stage', sa.String(length=64), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('finished_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('case_name', 'stage')
    )
    op.create_table('case_findings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_name', sa.String(length=200), nullable=False),
    sa.Column('stage', sa.String(length=64), nullable=False),
    sa.Column('record', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sqlite_autoincrement=True
    )
    op.create_index('ix_case_findings_stage', 'case_findings', ['case_name', 'stage'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_case_findings_stage', table_name='case_findings')
    op.drop_table('case_findings')
    op.drop_table('case_stages')
