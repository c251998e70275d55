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

__all__ = [
    "metadata", "banks", "bank_entries", "scans", "scan_items", "schema_info", "face_media", "faces",
    "graph_sources", "graph_accounts", "graph_identifiers", "graph_account_identifiers", "graph_media",
    "graph_posts", "graph_messages", "graph_labels", "author_risk",
]

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


# v3: the network.  Accounts, identifiers and media are interned to integer ids so that edge tables
# stay narrow (10M messages is about 300 MB in SQLite).  Edge tables are keyed on the whole row, so
# re-ingesting overlapping exports adds nothing twice; ``graph_sources`` remembers whole files by
# SHA-256.  Timestamps are Unix seconds; -1 means unknown.  No message text is stored.
graph_sources = Table(
    "graph_sources",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("path", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("rows", BigInteger, nullable=False),
    Column("errors", BigInteger, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)

graph_accounts = Table(
    "graph_accounts",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("name", Text, nullable=False, unique=True),
    Column("declared_age", Integer),
    Column("created_at", BigInteger),
    Column("attributes", Text),  # JSON object of the columns the reader does not interpret
)

graph_identifiers = Table(
    "graph_identifiers",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("value", Text, nullable=False),  # normalised, or the HMAC hex when ``hashed``
    Column("hashed", Boolean, nullable=False),
    UniqueConstraint("kind", "value", "hashed", name="uq_graph_identifier"),
)

graph_account_identifiers = Table(
    "graph_account_identifiers",
    metadata,
    Column("account_id", BigInteger, primary_key=True),
    Column("identifier_id", BigInteger, primary_key=True),
    sqlite_with_rowid=False,
)

# A media item is known by its SHA-256 and/or PDQ; '' stands for a missing one so the pair is a key.
graph_media = Table(
    "graph_media",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("sha256", String(64), nullable=False),
    Column("pdq", String(64), nullable=False),
    UniqueConstraint("sha256", "pdq", name="uq_graph_media"),
)

graph_posts = Table(
    "graph_posts",
    metadata,
    Column("account_id", BigInteger, primary_key=True),
    Column("media_id", BigInteger, primary_key=True),
    Column("ts", BigInteger, primary_key=True),
    sqlite_with_rowid=False,
)

graph_messages = Table(
    "graph_messages",
    metadata,
    Column("sender_id", BigInteger, primary_key=True),
    Column("recipient_id", BigInteger, primary_key=True),
    Column("ts", BigInteger, primary_key=True),
    Column("platform", String(64), primary_key=True),  # '' when not given
    sqlite_with_rowid=False,
)

# Confirmed offenders, cleared accounts and reports about accounts: reviewer decisions and imports.
graph_labels = Table(
    "graph_labels",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("account", Text, nullable=False),
    Column("label", String(32), nullable=False),  # confirmed | cleared | reported
    Column("reason", Text),
    Column("source", Text, nullable=False),
    Column("labelled_at", DateTime(timezone=True), nullable=False),
    Index("ix_graph_labels_account", "account"),
)

# Grooming/sextortion risk per author from `childsafe text score`: the highest risk seen, and why.
author_risk = Table(
    "author_risk",
    metadata,
    Column("author", Text, primary_key=True),
    Column("risk", Float, nullable=False),
    Column("alert", Boolean, nullable=False),
    Column("conversations", Integer, nullable=False),
    Column("indicators", Text),  # JSON list of the indicator categories that fired
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
