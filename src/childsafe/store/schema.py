"""Tables.  Changes go in as numbered migrations (:data:`MIGRATIONS`), never by editing v1."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.types import BigInteger

__all__ = ["metadata", "banks", "bank_entries", "scans", "scan_items", "schema_info", "face_media", "faces"]

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


# v2: faces.  One row per indexed media item and one per face in it: boxes, scores and 128-d
# descriptors (512 bytes), never crops or thumbnails.
face_media = Table(
    "face_media",
    metadata,
    Column("key", Text, primary_key=True),
    Column("size", BigInteger),
    Column("mtime_ns", BigInteger),
    Column("faces", Integer, nullable=False, default=0),
    Column("error", Text),
    Column("indexed_at", DateTime(timezone=True), nullable=False),
)

faces = Table(
    "faces",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("media_key", Text, ForeignKey("face_media.key", ondelete="CASCADE"), nullable=False),
    Column("x", Integer, nullable=False),
    Column("y", Integer, nullable=False),
    Column("w", Integer, nullable=False),
    Column("h", Integer, nullable=False),
    Column("score", Float, nullable=False),
    Column("frame_time", Float),  # seconds into a video; null for photos
    Column("descriptor", LargeBinary, nullable=False),
    Index("ix_faces_media", "media_key"),
    sqlite_autoincrement=True,
)
