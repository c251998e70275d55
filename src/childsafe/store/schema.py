"""Tables.  Changes go in as numbered migrations (:data:`MIGRATIONS`), never by editing v1."""

# long-module: every table of the store in one place, so the migrations test can compare it whole

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
    "metadata", "banks", "bank_entries", "bank_contents", "scans", "scan_items", "schema_info", "face_media", "faces",
    "graph_sources", "graph_accounts", "graph_identifiers", "graph_account_identifiers", "graph_media",
    "graph_media_signals", "graph_posts", "graph_messages", "graph_labels", "author_risk",
    "users", "api_tokens", "audit_log", "audit_head", "jobs", "ix_entries_type_id",
    "review_decisions", "review_exposure", "review_sessions", "text_conversations", "allowlist_scopes",
    "case_stages", "case_findings",
    "cases", "case_inputs",
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
    Column("matching_ratio", Float),  # HMA's matching_enabled_ratio when neither 0 nor 1 (v13)
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
    # The HMA content this entry belongs to (the entry id of its first signal); NULL: itself (v13).
    Column("content_id", BigInteger),
    UniqueConstraint("bank_id", "signal_type", "signal", name="uq_entry_per_bank"),
    Index("ix_entries_signal", "signal_type", "signal"),
    Index("ix_entries_content", "content_id"),
    sqlite_autoincrement=True,
)

# HMA's per-content fields (v13), keyed by the content id (see bank_entries.content_id).
bank_contents = Table(
    "bank_contents",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False),
    Column("bank_id", Integer, ForeignKey("banks.id", ondelete="CASCADE"), nullable=False),
    Column("disable_until_ts", BigInteger, nullable=False),  # HMA's: 1 enabled, 0 disabled, else a time
    Column("note", String(255)),
    Column("meta", Text),  # JSON object: HMA's content_id, content_uri, json
    Column("created_at", DateTime(timezone=True), nullable=False),
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
    # v10 (migration 0009): what the item holds for review, as JSON Finding records
    # (:mod:`childsafe.findings`): '[]' when nothing, NULL when stored before 0009 and not yet
    # worked out (the review queue does it once, from the record).  ``urgency`` is their highest
    # score (NULL when there are none), so the queue selects its items by index, not by LIKE.
    Column("findings", Text),
    Column("urgency", Float),
    Index("ix_scan_items_sha256", "sha256"),
    Index("ix_scan_items_urgency", "urgency"),
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

# A media item is known by the set of its signals, of any registered signal type (v11, migration 0010:
# before it, only a SHA-256/PDQ pair).  ``key`` is the SHA-256 of that set written out
# (``childsafe.store.graph.media_key``), so one item is one row whatever types it carries.
graph_media = Table(
    "graph_media",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("key", String(64), nullable=False),
    UniqueConstraint("key", name="uq_graph_media_key"),
)

# One row per (media item, signal type).  The primary key (type, value, media) is the (type, value)
# index itself: one B-tree to write per signal, not two.  ``value_key`` is the value, or its SHA-256 when
# longer than 64 characters (a vPDQ is a list of frames): keys stay small on every back end (PostgreSQL
# refuses B-tree entries over ~2.7 kB).  ``value`` holds the whole signal only then (NULL: the key is it).
graph_media_signals = Table(
    "graph_media_signals",
    metadata,
    Column("signal_type", String(64), primary_key=True),
    Column("value_key", String(64), primary_key=True),
    Column("media_id", BigInteger, primary_key=True),
    Column("value", Text, nullable=True),
    sqlite_with_rowid=False,
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
    # v9: the conversation analysis' view (NULL on rows written before): suspect > at_risk > other over
    # the conversations scored, the first age stated, the language, the JSON list of taxonomy labels.
    Column("role", String(16)),
    Column("stated_age", Integer),
    Column("language", String(8)),
    Column("labels", Text),
)


# v4: service.  Accounts, API tokens, the audit log and background jobs of `childsafe serve`.
# Passwords are argon2id PHC strings; tokens are kept only as SHA-256 (a stolen database does not
# yield usable tokens).
users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("role", String(32), nullable=False),  # admin | reviewer | api-client
    Column("password_hash", Text),  # null: no password login (API clients use tokens)
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    sqlite_autoincrement=True,
)

api_tokens = Table(
    "api_tokens",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("label", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True)),
    sqlite_autoincrement=True,
)

# Append-only, hash-chained.  Ids are assigned by the appender (1, 2, 3... with no gap) under the
# lock on ``audit_head``, and ``at``/``details`` are stored as the exact text that was hashed, so
# the chain can be recomputed byte for byte on any back end.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=False),
    Column("at", String(40), nullable=False),  # ISO 8601, UTC, microseconds
    Column("actor", Text, nullable=False),
    Column("action", String(64), nullable=False),
    Column("target", Text),
    Column("details", Text, nullable=False),  # canonical JSON object
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    # v6 (issue 10): HMAC-SHA256 with the audit key (kept outside the database) and the key's public
    # id; both null for entries written before the log had a key ("legacy").  See store.audit_chain.
    Column("key_id", String(64)),
    Column("mac", String(64)),
)

# One row (id 1): the last entry's id and hash and the number of entries, updated in the same
# transaction as every append.  It is the lock appends serialise on, and it makes a deleted last
# entry visible (the chain alone cannot tell a truncated log from a shorter one).
audit_head = Table(
    "audit_head",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("last_id", BigInteger, nullable=False),
    Column("entries", BigInteger, nullable=False),
    Column("hash", String(64), nullable=False),
    Column("mac", String(64)),  # v6: the last entry's MAC (null while the log has no key)
)

# Background work submitted through the API (scan jobs): state and progress survive a restart.
jobs = Table(
    "jobs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(32), nullable=False),
    Column("state", String(16), nullable=False),  # queued | running | done | failed | interrupted
    Column("params", Text, nullable=False),  # JSON
    Column("progress", Text),  # JSON, updated about once a second while running
    Column("result", Text),  # JSON summary when done
    Column("error", Text),
    Column("created_by", Text, nullable=False),
    Column("owner", Text),  # "<host>:<pid>" of the server process running it
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("started_at", DateTime(timezone=True)),
    Column("finished_at", DateTime(timezone=True)),
    sqlite_autoincrement=True,
)

# Entries by (type, id): every index refresh reads "entries of this type added since id N", which
# the (signal_type, signal) index answers only by visiting every entry of the type (0.13 s at a
# million PDQ hashes, in every server process, every refresh).  Stores made before v4 get it from
# ServiceStore, which creates it if missing.
ix_entries_type_id = Index("ix_entries_type_id", bank_entries.c.signal_type, bank_entries.c.id)


# v5: review.  The review queue is *computed* from its sources each time it is shown (scan items
# with matches, ``author_risk``, graph leads) and only what people do is stored: decisions, the
# exposure of each reviewer, UI sessions.  A ``review_items`` copy of the sources would go stale after
# every scan, text score or graph ingest and need its own refresh job; a decision instead records the
# fingerprint of what was reviewed (a file's SHA-256, an author's conversation count), so an item
# comes back when its evidence changes.  Hashes, scores, paths and metadata only: no media bytes,
# no thumbnails, no message text.
review_decisions = Table(
    "review_decisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("item_key", Text, nullable=False),  # "<source>:<id>": media:/evidence/a.jpg, text:<author>, graph:<account>
    Column("source", String(16), nullable=False),  # media | text | graph
    Column("fingerprint", Text, nullable=False),  # what was reviewed (see above)
    Column("decision", String(16), nullable=False),  # confirmed | false_positive | escalate
    Column("reason", Text, nullable=False),
    Column("actor", Text, nullable=False),
    Column("audit_id", BigInteger, nullable=False),  # the audit entry written in the same transaction
    Column("decided_at", DateTime(timezone=True), nullable=False),
    Index("ix_review_decisions_item", "item_key"),
    sqlite_autoincrement=True,
)

# One row per exposure: an item page opened (view), a blurred item revealed (reveal), media streamed.
review_exposure = Table(
    "review_exposure",
    metadata,
    Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
    Column("reviewer", Text, nullable=False),
    Column("item_key", Text, nullable=False),
    Column("kind", String(16), nullable=False),  # view | reveal | media
    Column("at", DateTime(timezone=True), nullable=False),
    Index("ix_review_exposure_reviewer", "reviewer", "kind", "at"),
    sqlite_autoincrement=True,
)

# Review UI sessions, server side so that logout and disabling a user end them at once in every
# worker.  The cookie carries 256 random bits; only their SHA-256 is stored.
review_sessions = Table(
    "review_sessions",
    metadata,
    Column("token_sha256", String(64), primary_key=True),
    Column("user_name", String(200), nullable=False),
    Column("csrf", String(64), nullable=False),  # the session's form token
    Column("client", Text),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("last_seen", DateTime(timezone=True), nullable=False),
)

# Where `childsafe text score` saw an author's risky conversations (path and id, never the text), so
# the conversation view can re-score the file on demand and highlight the indicator messages.
text_conversations = Table(
    "text_conversations",
    metadata,
    Column("author", Text, primary_key=True),
    Column("path", Text, primary_key=True),
    Column("conversation_id", Text, primary_key=True),
    Column("risk", Float, nullable=False),
    Column("scored_at", DateTime(timezone=True), nullable=False),
)

# v8: allowlist scopes.  A false positive decided in review adds the file's own signals to the
# reviewer allowlist; each such entry answers only the bank entries the reviewed file matched, at
# the distance it matched them (one row per entry and bank entry).  A match to that bank entry is
# suppressed only when it is at least as far from it as the reviewed file, and never when it is
# exact (cryptographic): a reviewer saying "this picture is not the listed item" says nothing about
# copies closer to the listed item.  Allowlist entries without scopes (added by hand with
# ``bank add``) keep the old rule: they silence every match of the file.
allowlist_scopes = Table(
    "allowlist_scopes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("entry_id", BigInteger().with_variant(Integer, "sqlite"),
           ForeignKey("bank_entries.id", ondelete="CASCADE"), nullable=False),  # the allowlist entry
    Column("review_item", Text, nullable=False),  # the review item whose decision made it
    Column("bank", String(200), nullable=False),  # the matched bank entry (not an allowlist) ...
    Column("signal_type", String(32), nullable=False),
    Column("signal", Text, nullable=False),
    Column("distance", Integer, nullable=False),  # ... and how far the reviewed file was from it
    Column("actor", Text, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Index("ix_allowlist_scopes_entry", "entry_id"),
    Index("ix_allowlist_scopes_item", "review_item"),
    sqlite_autoincrement=True,
)

# v12: a case run's stages.  A finished stage keeps the digest of what it ran over (``fingerprint``)
# and its summary (counts, seconds, per-item errors, JSON), so a rerun skips it unless its inputs
# changed; its findings are kept beside it (one Finding record a row, JSON) and replaced together
# with the stage's row, so a run killed mid-stage leaves the previous, complete findings.
case_stages = Table(
    "case_stages",
    metadata,
    Column("case_name", String(200), primary_key=True),
    Column("stage", String(64), primary_key=True),
    Column("fingerprint", String(64), nullable=False),
    Column("summary", Text, nullable=False),
    Column("finished_at", DateTime(timezone=True), nullable=False),
)

case_findings = Table(
    "case_findings",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("case_name", String(200), nullable=False),
    Column("stage", String(64), nullable=False),
    Column("record", Text, nullable=False),
    Index("ix_case_findings_stage", "case_name", "stage"),
    sqlite_autoincrement=True,
)

# v11 (migration 0011): cases.  A case is its own evidence store (see :mod:`childsafe.case.registry`):
# ``cases`` is the registry, used in the main store; ``case_inputs`` lists what was added to a case,
# used in a case's store.  Both tables exist in every store (one schema for all): an unused one is empty.
# A deleted case keeps its row (who deleted it and when, for the audit) under a name no live case
# can take, so the name is free again.
cases = Table(
    "cases",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(200), nullable=False, unique=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("created_by", Text, nullable=False),
    Column("deleted_at", DateTime(timezone=True)),
    Column("note", Text),
    sqlite_autoincrement=True,
)

# One row per path added to the case, with its size and modification time when it was added (a run
# can tell a file that changed or vanished since).  ``banks`` is a JSON list of bank names ('[]': all).
case_inputs = Table(
    "case_inputs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False, unique=True),
    Column("kind", String(64)),
    Column("banks", Text, nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("added_by", Text, nullable=False),
    Column("size", BigInteger),
    Column("mtime_ns", BigInteger),
    sqlite_autoincrement=True,
)
