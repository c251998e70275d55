"""v11: network media carry signals of any registered type (graph_media_signals)

``graph_media`` knew an item by a (sha256, pdq) pair of columns.  Its signals now live one row per
(media id, signal type) in ``graph_media_signals``, keyed on (type, value, media id) (the (type,
value) index), and ``graph_media`` keeps one ``key``: the SHA-256 of the item's signals written
out, so an item is one row whatever types it carries.  Existing SHA-256 and PDQ values are moved;
media ids (and so ``graph_posts``) are kept as they were.

The key and value-key rules are copied here, not imported: a migration must keep doing what it did
when it was written, whatever the code of the day does.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

_BATCH = 10_000


def _media_key(signals: Iterable[tuple[str, str]]) -> str:
    text = "\n".join([f"{kind}:{value}" for kind, value in sorted(signals)])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def upgrade() -> None:
    # The primary key (type, value, media) is the (type, value) index: one B-tree per signal row.
    op.create_table('graph_media_signals',
    sa.Column('signal_type', sa.String(length=64), nullable=False),
    sa.Column('value_key', sa.String(length=64), nullable=False),
    sa.Column('media_id', sa.BigInteger(), nullable=False),
    sa.Column('value', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('signal_type', 'value_key', 'media_id'),
    sqlite_with_rowid=False
    )
    with op.batch_alter_table('graph_media', schema=None) as batch_op:
        batch_op.add_column(sa.Column('key', sa.String(length=64), nullable=True))

    bind = op.get_bind()
    media = sa.table('graph_media', sa.column('id', sa.BigInteger), sa.column('sha256', sa.String),
                     sa.column('pdq', sa.String), sa.column('key', sa.String))
    signals = sa.table('graph_media_signals', sa.column('media_id', sa.BigInteger),
                       sa.column('signal_type', sa.String), sa.column('value', sa.Text),
                       sa.column('value_key', sa.String))
    last = -1
    while True:
        rows = bind.execute(sa.select(media.c.id, media.c.sha256, media.c.pdq).where(media.c.id > last)
                            .order_by(media.c.id).limit(_BATCH)).all()
        if not rows:
            break
        last = rows[-1][0]
        moved = []
        keys = []
        for media_id, sha256, pdq in rows:
            own = [(kind, value) for kind, value in (("sha256", sha256), ("pdq", pdq)) if value]
            # SHA-256 and PDQ are 64 characters: the key is the value, ``value`` stays NULL
            moved += [{"media_id": media_id, "signal_type": kind, "value": None, "value_key": value}
                      for kind, value in own]
            keys.append({"b_id": media_id, "b_key": _media_key(own)})
        if moved:
            bind.execute(sa.insert(signals), moved)
        bind.execute(sa.update(media).where(media.c.id == sa.bindparam("b_id"))
                     .values(key=sa.bindparam("b_key")), keys)

    with op.batch_alter_table('graph_media', schema=None) as batch_op:
        batch_op.drop_constraint('uq_graph_media', type_='unique')
        batch_op.drop_column('pdq')
        batch_op.drop_column('sha256')
        batch_op.alter_column('key', existing_type=sa.String(length=64), nullable=False)
        batch_op.create_unique_constraint('uq_graph_media_key', ['key'])


def downgrade() -> None:
    # The old columns hold only SHA-256 and PDQ: media known by other signal types alone cannot be
    # kept, nor can their posts.
    with op.batch_alter_table('graph_media', schema=None) as batch_op:
        batch_op.add_column(sa.Column('sha256', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('pdq', sa.String(length=64), nullable=False, server_default=''))
    bind = op.get_bind()
    for kind in ("sha256", "pdq"):
        bind.execute(sa.text(f"UPDATE graph_media SET {kind} = (SELECT value_key FROM graph_media_signals s "  # noqa: S608
                             "WHERE s.media_id = graph_media.id AND s.signal_type = :kind) "
                             "WHERE id IN (SELECT media_id FROM graph_media_signals WHERE signal_type = :kind)"),
                     {"kind": kind})
    bind.execute(sa.text("DELETE FROM graph_posts WHERE media_id IN "
                         "(SELECT id FROM graph_media WHERE sha256 = '' AND pdq = '')"))
    bind.execute(sa.text("DELETE FROM graph_media WHERE sha256 = '' AND pdq = ''"))
    with op.batch_alter_table('graph_media', schema=None) as batch_op:
        batch_op.drop_constraint('uq_graph_media_key', type_='unique')
        batch_op.drop_column('key')
        batch_op.alter_column('sha256', existing_type=sa.String(length=64), server_default=None)
        batch_op.alter_column('pdq', existing_type=sa.String(length=64), server_default=None)
        batch_op.create_unique_constraint('uq_graph_media', ['sha256', 'pdq'])
    op.drop_table('graph_media_signals')
