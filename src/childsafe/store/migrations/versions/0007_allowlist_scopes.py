"""v8: allowlist scopes (what a reviewer's false positive may suppress)

Entries that review decisions put on the reviewer allowlist before this revision get their scopes
from the reviewed file's stored scan record (its bank matches, suppressed or not, and their
distances), as a decision makes them now.  One whose record is gone, or whose file matched a bank
exactly, keeps no scope and silences every match as before, until an administrator removes it
(``childsafe bank delete reviewer-allowlist`` or ``DELETE /api/v1/banks/reviewer-allowlist``; the next
false positive creates the bank again).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

#: Kept here, not imported: a migration must not change when the code does.
_EXACT = ("md5", "sha1", "sha256", "video_md5")

revision = "0007"
down_revision = "0006"
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
    scope_review_entries(op.get_bind())


def scope_review_entries(conn: Connection) -> int:
    """Scope allowlist entries made by earlier review decisions; the number of scope rows written."""
    bank = conn.execute(sa.text("SELECT id, allowlist FROM banks WHERE name = 'reviewer-allowlist'")).first()
    if bank is None or not bank[1]:
        return 0
    entries = {(str(t), str(v)): int(i) for i, t, v in conn.execute(sa.text(
        "SELECT id, signal_type, signal FROM bank_entries WHERE bank_id = :b AND source = 'review'"), {"b": bank[0]})}
    scoped = {int(r[0]) for r in conn.execute(sa.text("SELECT DISTINCT entry_id FROM allowlist_scopes"))}
    rows: list[dict[str, Any]] = []
    now = datetime.now(UTC)
    decisions = conn.execute(sa.text("SELECT item_key, actor FROM review_decisions "
                                     "WHERE decision = 'false_positive' AND source = 'media' ORDER BY id")).all()
    for item_key, actor in decisions:
        found = conn.execute(sa.text("SELECT record FROM scan_items WHERE key = :k"),
                             {"k": str(item_key)[len("media:"):]}).first()
        try:
            record = json.loads(found[0]) if found is not None else None
        except ValueError:
            record = None
        if not isinstance(record, dict):
            continue
        own = {("sha256", record.get("sha256")), ("vpdq", record.get("vpdq"))}
        pdq = record.get("pdq")
        if isinstance(pdq, dict):
            own.add(("pdq", pdq.get("hash")))
        matched = [m for m in [*(record.get("matches") or []), *(record.get("suppressed") or [])]
                   if isinstance(m, dict)]
        if any(m.get("signal_type") in _EXACT for m in matched):
            continue  # an exact match: no scope makes such an entry safe; left for an administrator
        scopes: dict[tuple[str, str, str], int] = {}
        for m in matched:
            try:
                key = (str(m["bank"]), str(m["signal_type"]), str(m["signal"]))
                distance = int(m.get("distance") or 0)
            except (KeyError, TypeError, ValueError):
                continue
            scopes[key] = min(distance, scopes.get(key, distance))
        for kind, value in own:
            entry_id = entries.get((kind, str(value)))
            if entry_id is None or entry_id in scoped or not isinstance(value, str):
                continue
            rows += [{"entry_id": entry_id, "review_item": item_key, "bank": b, "signal_type": t, "signal": v,
                      "distance": d, "actor": actor, "added_at": now} for (b, t, v), d in scopes.items()]
    if rows:
        conn.execute(sa.text("INSERT INTO allowlist_scopes (entry_id, review_item, bank, signal_type, signal, "
                             "distance, actor, added_at) VALUES (:entry_id, :review_item, :bank, :signal_type, "
                             ":signal, :distance, :actor, :added_at)"), rows)
    return len(rows)


def downgrade() -> None:
    with op.batch_alter_table('allowlist_scopes', schema=None) as batch_op:
        batch_op.drop_index('ix_allowlist_scopes_item')
        batch_op.drop_index('ix_allowlist_scopes_entry')
    op.drop_table('allowlist_scopes')
