"""The network in the store: streaming, idempotent ingest of events, and loading for analysis.

Ingest reads a file with :func:`childsafe.graph.events.iter_events`, interns accounts, identifiers
and media to integer ids (kept in memory for the run: a million accounts is ~100 MB) and writes
narrow edge rows in batches.  Idempotence has two layers: a file whose SHA-256 was ingested before
is skipped whole, and every edge table is keyed on the whole row (``ON CONFLICT DO NOTHING``), so
overlapping exports add each message, post and identifier use once.  A crash mid-file leaves the
committed batches; ingesting the file again completes it without doubling anything.

Bulk writes and reads go through the DB-API cursor (``executemany``, ``fetchmany``): SQLAlchemy's
per-row parameter and ``Row`` processing would dominate at ten million rows.
"""
# long-module: ingest and load share the interned id tables and the DB-API batching of the edge tables (the speed at
#   ten million rows comes from both); apart, each would need the other's table layout.

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final

import numpy as np
from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from childsafe.errors import ConfigError, PermissionDeniedError
from childsafe.graph.events import (
    AccountEvent,
    Event,
    IdentifierEvent,
    MediaEvent,
    MessageEvent,
    RowError,
    hash_identifier,
    iter_events,
)
from childsafe.graph.network import (
    ADULT_AGE,
    LABELS,
    NO_TIME,
    AccountLabel,
    AuthorRisk,
    MediaEvidence,
    Network,
)
from childsafe.graph.network import signal_key as signal_value_key
from childsafe.matching import Matcher
from childsafe.media.signals import signal_type_registry
from childsafe.store.schema import (
    author_risk,
    graph_account_identifiers,
    graph_accounts,
    graph_identifiers,
    graph_labels,
    graph_media,
    graph_media_signals,
    graph_messages,
    graph_posts,
    graph_sources,
    scan_items,
)
from childsafe.store.sql import SqlStore
from childsafe.text.messages import RecordError

__all__ = ["GraphStore", "IngestReport", "MediaMatcher", "media_key", "media_matcher"]

_BATCH: Final = 50_000
_FETCH: Final = 100_000
_MAX_PLATFORMS: Final = 500
_OTHER_PLATFORM: Final = "(other)"

#: Matches media hashes against hash lists: (signal_type, signals) -> evidence per signal.
MediaMatcher = Callable[[str, Sequence[str]], list[list[MediaEvidence]]]


@dataclass
class IngestReport:
    """What one file gave: rows read, rows new to the store, and the bad rows."""

    path: str
    kind: str
    sha256: str
    rows: int = 0
    added: int = 0
    skipped_file: bool = False
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0

    def to_record(self) -> dict[str, Any]:
        return {"path": self.path, "kind": self.kind, "sha256": self.sha256, "rows": self.rows,
                "added": self.added, "errors": self.error_count, "already_ingested": self.skipped_file}


class GraphStore:
    """Network tables of a :class:`SqlStore`."""

    def __init__(self, store: SqlStore) -> None:
        self.store = store
        self.engine = store.engine
        self._mark = "?" if self.engine.dialect.paramstyle == "qmark" else "%s"

    # -- ingest --------------------------------------------------------------------------------
    def ingest_file(self, path: Path, kind: str = "auto", *, hmac_key: bytes | None = None,
                    progress: Callable[[int], None] | None = None, keep_errors: int = 1000) -> IngestReport:
        """Ingest one event file; bad rows are counted and the first ``keep_errors`` kept."""
        return self.ingest_events(iter_events(path, kind), str(path), _file_sha256(path), kind=kind,
                                  hmac_key=hmac_key, progress=progress, keep_errors=keep_errors)

    def ingest_events(self, events: Iterable[Event | RowError | RecordError], source: str, digest: str, *,
                      kind: str = "auto", hmac_key: bytes | None = None,
                      progress: Callable[[int], None] | None = None, keep_errors: int = 1000) -> IngestReport:
        """Ingest events from any iterable (a chat export's participants and messages, a file's rows).

        ``digest`` names the source for idempotence: a source whose digest was ingested before is
        skipped whole (pass ``""`` to always ingest; edge rows are still added once).  A chat reader's
        :class:`~childsafe.text.messages.RecordError` counts as a bad row (its record number as the row).
        """
        report = IngestReport(source, kind, digest)
        if digest:
            with self.engine.connect() as conn:
                seen = conn.execute(select(graph_sources.c.kind).where(graph_sources.c.sha256 == digest)).first()
            if seen is not None:
                report.kind = seen[0]
                report.skipped_file = True
                return report
        writer = _Writer(self, hmac_key)
        for event in events:
            if isinstance(event, RecordError):  # a chat record: the reader goes on past it
                report.error_count += 1
                if len(report.errors) < keep_errors:
                    report.errors.append(RowError(event.record, event.message))
                continue
            if isinstance(event, RowError):
                report.error_count += 1
                if len(report.errors) < keep_errors:
                    report.errors.append(event)
                if event.row == 0:  # the file itself is unusable: nothing more will come
                    break
                continue
            report.rows += 1
            if report.kind == "auto":
                report.kind = _kind_of(event)
            writer.add(event)
            if writer.pending >= _BATCH:
                report.added += writer.flush()
                if progress is not None:
                    progress(report.rows)
        report.added += writer.flush()
        if progress is not None:
            progress(report.rows)
        # A source none of whose rows could be used (unreadable, or read as the wrong kind) is not
        # remembered: ingesting it again, e.g. with the right ``--kind``, must not be skipped.
        if digest and (report.rows or not report.error_count):
            with self.engine.begin() as conn:
                conn.execute(insert(graph_sources).values(
                    sha256=digest, path=source, kind=report.kind, rows=report.rows,
                    errors=report.error_count, ingested_at=datetime.now(UTC)))
        return report

    # -- labels and text risk ------------------------------------------------------------------
    def add_label(self, account: str, label: str, *, reason: str | None = None, source: str = "cli",
                  admin: bool = False) -> None:
        """Label an account.  Confirming an account that looks like a minor as an offender labels a child
        as an offender unless it is an adult posing as one: it needs an administrator and a reason."""
        if label not in LABELS:
            raise ConfigError(f"unknown label {label!r}: use {', '.join(LABELS)}")
        if label == "confirmed":
            why = self.looks_minor(account)
            if why and not (admin and reason and reason.strip()):
                raise PermissionDeniedError(
                    f"account {account!r} looks like a minor ({why}): confirming it as an offender needs an "
                    "administrator and a reason (an adult posing as a child)")
        with self.engine.begin() as conn:
            conn.execute(insert(graph_labels).values(account=account, label=label, reason=reason,
                                                     source=source, labelled_at=datetime.now(UTC)))

    def looks_minor(self, account: str) -> str | None:
        """Why ``account`` looks like a minor (declared age, a ``minor`` column, the conversation
        analysis), or None."""
        with self.engine.connect() as conn:
            row = conn.execute(select(graph_accounts.c.declared_age, graph_accounts.c.attributes)
                               .where(graph_accounts.c.name == account)).first()
            risk = conn.execute(select(author_risk).where(author_risk.c.author == account)).first()
        if row is not None and row[0] is not None and row[0] < ADULT_AGE:
            return f"declared age {row[0]}"
        if row is not None and row[1] and _attributes(row[1]).get("minor", "").lower() in ("1", "true", "yes", "y"):
            return "marked minor in the account data"
        if risk is not None:
            m = risk._mapping
            if m.get("role") == "at_risk":
                return "the conversation analysis sees the child at risk"
            if m.get("stated_age") is not None and int(m["stated_age"]) < ADULT_AGE:
                return f"stated age {m['stated_age']} in a conversation"
        return None

    def save_author_risk(self, author: str, risk: float, alert: bool, indicators: Iterable[str],
                         role: str | None = None, stated_age: int | None = None, language: str | None = None,
                         labels: Iterable[str] = ()) -> None:
        """Keep the highest risk seen for ``author`` and count the conversations scored; keep the most
        serious role (``suspect`` > ``at_risk`` > ``other``), the first stated age, the latest language
        and every taxonomy label seen."""
        cats = sorted(set(indicators))
        tags = sorted(set(labels))
        with self.engine.begin() as conn:
            row = conn.execute(select(author_risk).where(author_risk.c.author == author)).first()
            now = datetime.now(UTC)
            if row is None:
                conn.execute(insert(author_risk).values(
                    author=author, risk=risk, alert=alert, conversations=1, indicators=json.dumps(cats),
                    updated_at=now, role=role, stated_age=stated_age, language=language, labels=json.dumps(tags)))
                return
            merged = sorted(set(json.loads(row.indicators or "[]")) | set(cats))
            merged_labels = sorted(set(json.loads(row.labels or "[]")) | set(tags))
            conn.execute(author_risk.update().where(author_risk.c.author == author).values(
                risk=max(risk, row.risk), alert=alert or row.alert, conversations=row.conversations + 1,
                indicators=json.dumps(merged), updated_at=now, role=_graver_role(row.role, role),
                stated_age=row.stated_age if row.stated_age is not None else stated_age,
                language=language or row.language, labels=json.dumps(merged_labels)))

    # -- loading ---------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        tables = {"accounts": graph_accounts, "identifiers": graph_identifiers, "media": graph_media,
                  "media_signals": graph_media_signals, "messages": graph_messages, "posts": graph_posts,
                  "identifier_uses": graph_account_identifiers,
                  "sources": graph_sources, "labels": graph_labels}
        with self.engine.connect() as conn:
            return {name: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
                    for name, t in tables.items()}

    def load(self, match_media: MediaMatcher | None = None, *, faces: bool = False) -> Network:
        """The whole network as arrays, with media evidence, text risk and labels joined.

        ``faces``: also join the face index (``childsafe faces index``): media whose scanned file shows
        the same face (clustered descriptors) are tied to one face person (:attr:`Network.media_faces`).
        """
        with self.engine.connect() as conn:
            ids: list[int] = []
            names: list[str] = []
            ages: list[float] = []
            created: list[int] = []
            attributes: dict[int, dict[str, str]] = {}
            for row in _rows(conn, "SELECT id, name, declared_age, created_at, attributes FROM graph_accounts "
                                   "ORDER BY id"):
                if row[4]:
                    attributes[len(ids)] = _attributes(row[4])
                ids.append(row[0])
                names.append(row[1])
                ages.append(np.nan if row[2] is None else row[2])
                created.append(NO_TIME if row[3] is None else row[3])
            account_ids = np.asarray(ids, np.int64)
            platforms = [r[0] for r in _rows(conn, "SELECT DISTINCT platform FROM graph_messages ORDER BY platform")]
            if len(platforms) > _MAX_PLATFORMS:  # hostile input: keep the query bounded
                platforms = [*platforms[: _MAX_PLATFORMS - 1], _OTHER_PLATFORM]
            # Platforms come back as small integers (a CASE built from the distinct names) so that
            # 10M rows stay integer tuples; the names are bound parameters, never spliced in.
            case = " ".join(f"WHEN {self._mark} THEN {i}" for i in range(len(platforms)))
            other = len(platforms) - 1
            sql = (f"SELECT sender_id, recipient_id, ts, CASE platform {case} ELSE {other} END "  # noqa: S608
                   "FROM graph_messages" if platforms else "SELECT sender_id, recipient_id, ts, 0 FROM graph_messages")
            sender, recipient, ts, platform = _columns(conn, sql, 4, tuple(platforms))
            ident_rows = list(_rows(conn, "SELECT id, kind, value, hashed FROM graph_identifiers ORDER BY id"))
            ident_ids = np.asarray([r[0] for r in ident_rows], np.int64)
            uses_a, uses_i = _columns(conn, "SELECT account_id, identifier_id FROM graph_account_identifiers", 2)
            media_ids = np.asarray([r[0] for r in _rows(conn, "SELECT id FROM graph_media ORDER BY id")], np.int64)
            media_signals = _media_signals(conn, media_ids)
            post_a, post_m, post_ts = _columns(conn, "SELECT account_id, media_id, ts FROM graph_posts", 3)
            network = Network(
                accounts=names,
                declared_age=np.asarray(ages, np.float32),
                created_at=np.asarray(created, np.int64),
                msg_sender=_dense(account_ids, sender), msg_recipient=_dense(account_ids, recipient),
                msg_ts=ts, msg_platform=platform.astype(np.int16), platforms=platforms,
                ident_kind=[r[1] for r in ident_rows], ident_value=[r[2] for r in ident_rows],
                ident_hashed=np.asarray([bool(r[3]) for r in ident_rows], bool),
                uses_account=_dense(account_ids, uses_a), uses_identifier=_dense(ident_ids, uses_i),
                media_sha256=media_signals.pop("sha256"), media_pdq=media_signals.pop("pdq"),
                media_signals=media_signals,
                post_account=_dense(account_ids, post_a), post_media=_dense(media_ids, post_m), post_ts=post_ts,
            )
            network.attributes = attributes
            index = network.account_index()
            # ``role`` and ``stated_age`` come from the conversation analysis where the store keeps them
            # (optional columns: a store without them loads as before).
            for row in conn.execute(select(author_risk)):
                m = row._mapping
                if m["author"] in index:
                    role = m.get("role")
                    stated = m.get("stated_age")
                    network.author_risk[index[m["author"]]] = AuthorRisk(
                        float(m["risk"]), bool(m["alert"]), int(m["conversations"]),
                        tuple(json.loads(m["indicators"] or "[]")), str(role) if role else None,
                        int(stated) if stated is not None else None)
            for account, label, reason, source in conn.execute(
                    select(graph_labels.c.account, graph_labels.c.label, graph_labels.c.reason,
                           graph_labels.c.source).order_by(graph_labels.c.id)):
                if account in index:
                    network.labels.setdefault(index[account], []).append(AccountLabel(label, reason, source))
            network.media_evidence = self._media_evidence(conn, network, match_media)
            if faces:
                network.media_faces = self._media_faces(conn, network)
        return network

    def _media_faces(self, conn: Connection, network: Network) -> list[tuple[int, int]]:
        """(media number, face person) for every face person seen in two or more network media.

        Face rows are keyed by the scanned file's path; the scan record of that path gives its SHA-256,
        which is how the network knows the file.  Only descriptors are read, never pixels.
        """
        from childsafe.faces.indexing import load_face_index  # optional extra: faiss and dlib

        indexed = load_face_index(self.store)
        if not len(indexed.index):
            return []
        by_sha = {sha: i for i, sha in enumerate(network.media_sha256) if sha}
        paths = set(indexed.keys)
        sha_of = {key: sha for key, sha in conn.execute(select(scan_items.c.key, scan_items.c.sha256))
                  if key in paths and sha}
        out: list[tuple[int, int]] = []
        for group in indexed.index.cluster():
            media = sorted({by_sha[sha_of[indexed.keys[r]]] for r in group
                            if indexed.keys[r] in sha_of and sha_of[indexed.keys[r]] in by_sha})
            if len(media) >= 2:
                person = len({p for _, p in out})
                out += [(m, person) for m in media]
        return out

    def _media_evidence(self, conn: Connection, network: Network,
                        match_media: MediaMatcher | None) -> dict[int, list[MediaEvidence]]:
        found: dict[int, list[MediaEvidence]] = {}
        if match_media is not None:
            registered = signal_type_registry.entries()
            for signal_type, values in network.media_signals.items():
                if signal_type not in registered:  # a plug-in type stored earlier, not installed now
                    continue
                present = [i for i, v in enumerate(values) if v]
                results = match_media(signal_type, [values[i] for i in present])
                for i, evidence in zip(present, results, strict=True):
                    if evidence:
                        found.setdefault(i, []).extend(evidence)
        # A scan of the same file may have matched on signals the event lacks (vPDQ, MD5).
        by_sha = {sha: i for i, sha in enumerate(network.media_sha256) if sha}
        query = select(scan_items.c.sha256, scan_items.c.record).where(scan_items.c.sha256.is_not(None))
        for sha, record in conn.execute(query):
            found_at = by_sha.get(sha)
            if found_at is None:
                continue
            i = found_at
            try:
                matches = json.loads(record).get("matches") or []
            except (ValueError, AttributeError):
                continue
            known = {(e.bank, e.signal_type) for e in found.get(i, [])}
            for m in matches:
                if isinstance(m, dict) and (m.get("bank"), m.get("signal_type")) not in known:
                    found.setdefault(i, []).append(MediaEvidence(
                        str(m.get("bank")), str(m.get("signal_type")), str(m.get("signal") or ""),
                        int(m.get("distance") or 0), m.get("label"), source="scan"))
        return found

    def _insert_ignore(self, conn: Connection, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> int:
        if not rows:
            return 0
        marks = ", ".join([self._mark] * len(columns))
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks}) ON CONFLICT DO NOTHING"  # noqa: S608
        before = _total_changes(conn)
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        try:
            cursor.executemany(sql, rows)
            count = cursor.rowcount
        finally:
            cursor.close()
        after = _total_changes(conn)
        if before is not None and after is not None:
            return after - before
        return max(int(count), 0)


class _Writer:
    """Buffers one batch of rows and interns names to ids; ``flush`` writes it in one transaction."""

    def __init__(self, graph: GraphStore, hmac_key: bytes | None) -> None:
        self.graph = graph
        self.hmac_key = hmac_key
        with graph.engine.connect() as conn:
            self.accounts: dict[str, int] = {n: i for i, n in conn.execute(
                select(graph_accounts.c.id, graph_accounts.c.name))}
            self.identifiers: dict[tuple[str, str, bool], int] = {
                (k, v, bool(h)): i for i, k, v, h in conn.execute(
                    select(graph_identifiers.c.id, graph_identifiers.c.kind, graph_identifiers.c.value,
                           graph_identifiers.c.hashed))}
            self.media: dict[str, int] = {k: i for i, k in conn.execute(select(graph_media.c.id, graph_media.c.key))}
        self.next_account = max(self.accounts.values(), default=0) + 1
        self.next_identifier = max(self.identifiers.values(), default=0) + 1
        self.next_media = max(self.media.values(), default=0) + 1
        self.media_by_pairs: dict[tuple[tuple[str, str], ...], int] = {}
        self._reset()

    def _reset(self) -> None:
        self.new_accounts: list[tuple[int, str]] = []
        self.new_identifiers: list[tuple[int, str, str, bool]] = []
        self.new_media: list[tuple[int, str]] = []
        self.new_signals: list[tuple[str, str, int, str | None]] = []
        self.messages: list[tuple[int, int, int, str]] = []
        self.uses: list[tuple[int, int]] = []
        self.posts: list[tuple[int, int, int]] = []
        self.attributes: dict[int, AccountEvent] = {}
        self.pending = 0

    def account(self, name: str) -> int:
        found = self.accounts.get(name)
        if found is None:
            found = self.accounts[name] = self.next_account
            self.next_account += 1
            self.new_accounts.append((found, name))
        return found

    def add(self, event: Event) -> None:
        self.pending += 1
        if isinstance(event, MessageEvent):
            self.messages.append((self.account(event.sender), self.account(event.recipient),
                                  _seconds(event.timestamp), event.platform or ""))
        elif isinstance(event, IdentifierEvent):
            kind, value, hashed = event.kind, event.value, event.hashed
            if self.hmac_key is not None and not hashed:
                # Raw identifiers never reach the store when a key is set: only the keyed digest.
                value, hashed = hash_identifier(kind, value, self.hmac_key), True
            key = (kind, value, hashed)
            ident = self.identifiers.get(key)
            if ident is None:
                ident = self.identifiers[key] = self.next_identifier
                self.next_identifier += 1
                self.new_identifiers.append((ident, kind, value, hashed))
            self.uses.append((self.account(event.account), ident))
        elif isinstance(event, MediaEvent):
            pairs = _signal_pairs(event)
            seen = tuple(pairs)
            media = self.media_by_pairs.get(seen)  # an item posted again skips the key's SHA-256 (measured: ~5 %)
            if media is None:
                mkey = _sorted_media_key(pairs)
                media = self.media.get(mkey)
                if media is None:
                    media = self.media[mkey] = self.next_media
                    self.next_media += 1
                    self.new_media.append((media, mkey))
                    for kind, value in pairs:
                        value_key = signal_value_key(value)
                        self.new_signals.append((kind, value_key, media, None if value_key == value else value))
                self.media_by_pairs[seen] = media
            self.posts.append((self.account(event.account), media, _seconds(event.timestamp)))
        else:
            self.attributes[self.account(event.account)] = _merge(self.attributes.get(self.account(event.account)),
                                                                  event)

    def flush(self) -> int:
        if not self.pending:
            return 0
        g = self.graph
        added = 0
        with g.engine.begin() as conn:
            g._insert_ignore(conn, "graph_accounts", ("id", "name"), list(self.new_accounts))
            g._insert_ignore(conn, "graph_identifiers", ("id", "kind", "value", "hashed"),
                             list(self.new_identifiers))
            g._insert_ignore(conn, "graph_media", ("id", "key"), list(self.new_media))
            g._insert_ignore(conn, "graph_media_signals", ("signal_type", "value_key", "media_id", "value"),
                             sorted(self.new_signals))  # in key order: B-tree appends, not page splits
            added += g._insert_ignore(conn, "graph_messages", ("sender_id", "recipient_id", "ts", "platform"),
                                      self.messages)
            added += g._insert_ignore(conn, "graph_account_identifiers", ("account_id", "identifier_id"), self.uses)
            added += g._insert_ignore(conn, "graph_posts", ("account_id", "media_id", "ts"), self.posts)
            added += self._write_attributes(conn)
        self._reset()
        return added

    def _write_attributes(self, conn: Connection) -> int:
        if not self.attributes:
            return 0
        updates: list[tuple[Any, ...]] = []
        ids = list(self.attributes)
        stored: dict[int, Any] = {}
        for start in range(0, len(ids), 500):  # bounded IN lists
            stored.update((row[0], row) for row in conn.execute(
                select(graph_accounts.c.id, graph_accounts.c.declared_age, graph_accounts.c.created_at,
                       graph_accounts.c.attributes).where(graph_accounts.c.id.in_(ids[start:start + 500]))))
        for account_id, event in self.attributes.items():
            old = stored.get(account_id)
            attrs = json.loads(old[3]) if old is not None and old[3] else {}
            attrs.update(event.attributes)
            values = {
                "declared_age": event.declared_age if event.declared_age is not None else (old[1] if old else None),
                "created_at": _seconds(event.created_at) if event.created_at is not None
                else (old[2] if old else None),
                "attributes": json.dumps(attrs, sort_keys=True) if attrs else None,
            }
            if old is None or (old[1], old[2], old[3]) != (values["declared_age"], values["created_at"],
                                                           values["attributes"]):
                updates.append((values["declared_age"], values["created_at"], values["attributes"], account_id))
        if updates:
            m = self.graph._mark
            cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
            try:
                cursor.executemany(f"UPDATE graph_accounts SET declared_age = {m}, created_at = {m}, "  # noqa: S608
                                   f"attributes = {m} WHERE id = {m}", updates)
            finally:
                cursor.close()
        return len(updates)


#: Account columns the analyses read (households, services, declared minors); others stay in the store.
_USED_ATTRIBUTES: Final = ("surname", "household", "family", "relation", "account_type", "minor")


def _attributes(text: str) -> dict[str, str]:
    try:
        found = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(found, dict):
        return {}
    return {k: str(found[k]) for k in _USED_ATTRIBUTES if found.get(k) not in (None, "")}


def _merge(old: AccountEvent | None, new: AccountEvent) -> AccountEvent:
    if old is None:
        return new
    return AccountEvent(new.account, new.declared_age if new.declared_age is not None else old.declared_age,
                        new.created_at or old.created_at, {**old.attributes, **new.attributes}, new.row)


def _kind_of(event: Event) -> str:
    if isinstance(event, MessageEvent):
        return "messages"
    if isinstance(event, IdentifierEvent):
        return "identifiers"
    if isinstance(event, MediaEvent):
        return "media"
    return "accounts"


def _seconds(when: datetime | None) -> int:
    return NO_TIME if when is None else int(when.timestamp())


def media_key(signals: Iterable[tuple[str, str]]) -> str:
    """The store's key of a media item: the SHA-256 of its (type, signal) pairs written out, sorted.

    One item is one row whatever types it carries; migration 0010 keys the rows it moves the same way.
    """
    return _sorted_media_key(sorted(signals))


def _sorted_media_key(pairs: Sequence[tuple[str, str]]) -> str:
    return hashlib.sha256("\n".join([f"{kind}:{value}" for kind, value in pairs]).encode("utf-8")).hexdigest()


def _signal_pairs(event: MediaEvent) -> list[tuple[str, str]]:
    """The event's (type, signal) pairs sorted, without a dict or a sort for the common SHA-256/PDQ item
    (ingest runs this per media row)."""
    own = [(kind, value) for kind, value in (("pdq", event.pdq), ("sha256", event.sha256)) if value]
    return sorted([*event.other_signals, *own]) if event.other_signals else own


def _media_signals(conn: Connection, media_ids: np.ndarray) -> dict[str, list[str]]:
    """Per signal type, a list parallel to ``media_ids`` ('' where an item lacks the type);
    ``sha256`` and ``pdq`` are always there (the network's callers read them by name)."""
    out: dict[str, list[str]] = {"sha256": [""] * len(media_ids), "pdq": [""] * len(media_ids)}
    n = len(media_ids)
    first = int(media_ids[0]) if n else 0
    dense = n == 0 or int(media_ids[-1]) - first + 1 == n  # ids 1..n as ingest numbers them: no lookup
    position = None if dense else {int(m): i for i, m in enumerate(media_ids.tolist())}
    for kind, media_id, key, value in _rows(conn, "SELECT signal_type, media_id, value_key, value "
                                                  "FROM graph_media_signals"):
        at = media_id - first if position is None else position.get(media_id, -1)
        if not 0 <= at < n:
            continue
        column = out.get(kind)
        if column is None:
            column = out[kind] = [""] * n
        column[at] = key if value is None else value
    return out


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    except OSError:
        return ""  # iter_events reports the unreadable file as a row-0 error
    return digest.hexdigest()


def _total_changes(conn: Connection) -> int | None:
    raw = conn.connection.driver_connection
    value = getattr(raw, "total_changes", None)  # sqlite3 only; rowcount is exact elsewhere
    return int(value) if isinstance(value, int) else None


def _rows(conn: Connection, sql: str) -> Iterator[tuple[Any, ...]]:
    # The DB-API cursor: SQLAlchemy's Row objects cost about 3x more per row on large reads.
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        while batch := cursor.fetchmany(_FETCH):
            yield from batch
    finally:
        cursor.close()


def _columns(conn: Connection, sql: str, n: int, params: tuple[Any, ...] = ()) -> list[np.ndarray]:
    """Integer columns of a query as int64 arrays, fetched in chunks to bound the tuple overhead."""
    parts: list[np.ndarray] = []
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql, params)
        while batch := cursor.fetchmany(_FETCH):
            parts.append(np.asarray(batch, np.int64).reshape(-1, n))
    finally:
        cursor.close()
    table = np.concatenate(parts) if parts else np.zeros((0, n), np.int64)
    return [np.ascontiguousarray(table[:, j]) for j in range(n)]


def _dense(ids: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Store ids -> positions in the sorted ``ids`` array."""
    return np.searchsorted(ids, values).astype(np.int32)


def media_matcher(matcher: Matcher) -> MediaMatcher:
    """Adapts a bank :class:`Matcher` to :meth:`GraphStore.load`: allowlists and thresholds apply."""

    def match(signal_type: str, signals: Sequence[str]) -> list[list[MediaEvidence]]:
        return [[MediaEvidence(m.bank, m.signal_type, m.signal, m.distance, m.label) for m in result.matches]
                for result in matcher.match_signals(signal_type, signals)]

    return match


#: Roles of the conversation analysis, gravest first.
_ROLE_ORDER = ("suspect", "at_risk", "other")


def _graver_role(old: str | None, new: str | None) -> str | None:
    """The graver of two roles (an author suspect in one conversation stays a suspect)."""
    known = [r for r in (old, new) if r in _ROLE_ORDER]
    return min(known, key=_ROLE_ORDER.index) if known else (new or old)
