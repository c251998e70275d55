"""Tables.  Changes go in as numbered migrations (:data:`MIGRATIONS`), never by editing v1."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import BigInteger

__all__ = ["metadata", "banks", "bank_entries", "scans", "scan_items", "schema_info"]

metadata = MetaData()

schema_info = Table(
    "schema_info",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", String(256), nullable=False),
)

banks = Table(
    "banks",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("allowlist", Boolean, nullable=False, default=False),
    Column("pdq_threshold", Integer, nullable=False, default=31),
    Column("enabled", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    sqlite_autoincrement=True,
)

# Entry ids are never reused (AUTOINCREMENT): on-disk indexes refer to entries by id.
bank_entries = Table(
    "bank_entries",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("bank_id", Integer, ForeignKey("banks.id", ondelete="CASCADE"), nullable=False),
    Column("signal_type", String(32), nullable=False),
    Column("signal", Text, nullable=False),
    Column("label", Text),
    Column("source", Text),
    Column("added_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("bank_id", "signal_type", "signal", name="uq_entry_per_bank"),
    Index("ix_entries_signal", "signal_type", "signal"),
    sqlite_autoincrement=True,
)

scans = Table(
    "scans",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("root", Text, nullable=False),
    Column("started_at", DateTime(timezone=True), nullable=False),
    Column("finished_at", DateTime(timezone=True)),
    Column("summary", Text),
    sqlite_autoincrement=True,
)

# One row per scanned item (file or archive member), keyed by its display path.  ``record`` is
# the JSON report line (hashes, matches, error): hashes and metadata only, never media bytes.
scan_items = Table(
    "scan_items",
    metadata,
    Column("key", Text, primary_key=True),
    Column("scan_id", Integer, ForeignKey("scans.id", ondelete="SET NULL")),
    Column("size", BigInteger),
    Column("mtime_ns", BigInteger),
    Column("sha256", String(64)),
    Column("record", Text, nullable=False),
    Column("scanned_at", DateTime(timezone=True), nullable=False),
    Index("ix_scan_items_sha256", "sha256"),
)
