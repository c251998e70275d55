"""What a reviewer's false positive may allowlist, what it would suppress, and the entries it made.

A false positive on a hash match adds the reviewed file's own signals to the reviewer allowlist
(:data:`~childsafe.store.review.ALLOWLIST_BANK`).  Three rules keep such an entry from silencing
true matches:

* **scoped**: each entry records the bank entries the reviewed file matched and at what distance
  (:class:`~childsafe.store.base.AllowlistScope`); it suppresses a match only to those entries, at
  that distance or farther (:func:`~childsafe.matching.scope_suppresses`).  Exact (cryptographic)
  matches are never suppressed, and a file with an exact match gets no entry at all;
* **previewed**: before the decision is saved, :func:`preview_allowlist` counts the *other* stored
  items (scanned files, media of the network) the entries would suppress; the review UI and the API
  show that count, and a reviewer may not save one that suppresses anything else: an administrator
  decides (:meth:`~childsafe.store.review.ReviewStore.decide`);
* **reversible**: an administrator removes the entries of a decision
  (:meth:`~childsafe.store.review.ReviewStore.remove_allowlist`), which reopens the item.  Adding
  and removing are both audited.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Final

import numpy as np
from sqlalchemy import and_, func, or_, select
from sqlalchemy.engine import Connection

from childsafe.errors import ChildsafeError
from childsafe.matching import scope_suppresses
from childsafe.media.hashing import record_signals
from childsafe.media.pdq_index import pdq_hex_to_words
from childsafe.media.signals import get_signal_type
from childsafe.store.base import AllowlistScope, NewEntry
from childsafe.store.graph import MediaMatcher
from childsafe.store.review import ALLOWLIST_BANK, ALLOWLIST_PDQ_THRESHOLD
from childsafe.store.schema import allowlist_scopes, bank_entries, banks, graph_media, graph_media_signals, scan_items
from childsafe.store.sql import SqlStore

__all__ = ["PREVIEW_NAMES", "AllowlistGrant", "AllowlistPlan", "AllowlistPreview",
           "list_grants", "plan_allowlist", "preview_allowlist", "split_grant"]

#: The preview names at most this many of the items it counts.
PREVIEW_NAMES: Final = 20
_MEDIA_BATCH: Final = 100_000


@dataclass(frozen=True)
class AllowlistPlan:
    """The allowlist entries a false positive on ``review_item`` would add, and what they answer."""

    review_item: str
    subject: str  # the reviewed file's path
    entries: tuple[NewEntry, ...]
    scopes: tuple[AllowlistScope, ...]
    #: Exact matches of the reviewed file: never allowlisted by a review (the bank entry is wrong,
    #: or the file is the listed item); an administrator edits the bank instead.
    left_alone: tuple[AllowlistScope, ...] = ()

    def to_record(self) -> dict[str, Any]:
        return {"entries": [{"signal_type": e.signal_type, "signal": e.signal} for e in self.entries],
                "scopes": [s.to_record() for s in self.scopes],
                "exact_matches_kept": [s.to_record() for s in self.left_alone]}


@dataclass(frozen=True)
class AllowlistPreview:
    """What a plan would suppress besides the reviewed item itself."""

    plan: AllowlistPlan
    suppressed: tuple[str, ...]  # "media:<path>" (scanned files), "graph-media:<sha256>" (network media)

    @property
    def others(self) -> int:
        return len(self.suppressed)

    @property
    def needs_admin(self) -> bool:
        return bool(self.suppressed)

    def to_record(self) -> dict[str, Any]:
        return {"item": self.plan.review_item, **self.plan.to_record(), "suppresses_other_items": self.others,
                "needs_admin": self.needs_admin, "examples": list(self.suppressed[:PREVIEW_NAMES])}


@dataclass(frozen=True)
class AllowlistGrant:
    """The allowlist entries one review decision made (for the list and the undo)."""

    review_item: str
    actor: str
    added_at: datetime
    entries: tuple[tuple[int, str, str], ...]  # (entry id, signal type, signal)
    scopes: tuple[AllowlistScope, ...]

    @property
    def case(self) -> str | None:
        """The case whose decision made it (None: the default case); see ReviewStore.grant_key."""
        return split_grant(self.review_item)[0]

    @property
    def key(self) -> str:
        """The review item's key within its case."""
        return split_grant(self.review_item)[1]

    def to_record(self) -> dict[str, Any]:
        return {"item": self.review_item, "case": self.case or "default", "key": self.key,
                "actor": self.actor, "added_at": self.added_at.isoformat(),
                "entries": [{"id": i, "signal_type": t, "signal": s} for i, t, s in self.entries],
                "scopes": [s.to_record() for s in self.scopes]}


def split_grant(review_item: str) -> tuple[str | None, str]:
    """(case, item key) of an allowlist scope's ``review_item``: ``case/NAME/KEY`` in a case, else (None, item)."""
    if review_item.startswith("case/"):
        name, sep, key = review_item[len("case/"):].partition("/")
        if sep and name and key:
            return name, key
    return None, review_item


def plan_allowlist(review_item: str, subject: str, record: dict[str, Any], actor: str) -> AllowlistPlan:
    """The reviewed file's own signals (its SHA-256, and each non-exact kind it matched on), scoped.

    Never the bank entry's signal: that would silence every true copy of the entry.
    """
    raw = [m for m in record.get("matches") or [] if isinstance(m, dict)]
    scopes: dict[tuple[str, str, str], int] = {}
    exact: list[AllowlistScope] = []
    for m in raw:
        try:
            kind = get_signal_type(str(m.get("signal_type")))
            signal = kind.validate(str(m.get("signal") or ""))
            distance = int(m.get("distance") or 0)
        except (ChildsafeError, ValueError, TypeError):
            continue
        scope_key = (str(m.get("bank")), kind.name, signal)
        if kind.exact:
            exact.append(AllowlistScope(*scope_key, distance))
        else:
            scopes[scope_key] = min(distance, scopes.get(scope_key, distance))
    if exact or not scopes:
        # A file that matches a bank entry exactly *is* the listed file: if that is wrong, the bank
        # entry is, and an administrator removes it; no allowlist entry answers for it.
        return AllowlistPlan(review_item, subject, (), (), tuple(exact))
    own = {name: hashed.value for name, hashed in record_signals(record).items()}
    kinds = sorted({kind for _, kind, _ in scopes})
    wanted = [k for k in ("sha256", *kinds) if k in own]
    label = f"false positive (review by {actor})"
    entries = tuple(NewEntry(k, own[k], label=label, source="review") for k in dict.fromkeys(wanted))
    return AllowlistPlan(review_item, subject, entries,
                         tuple(AllowlistScope(b, t, s, d) for (b, t, s), d in sorted(scopes.items())), tuple(exact))


def preview_allowlist(store: SqlStore, plan: AllowlistPlan,
                      match_media: Callable[[], MediaMatcher | None] | None = None,
                      banks: SqlStore | None = None) -> AllowlistPreview:
    """The other stored items ``plan`` would suppress: scanned files and media of the network.

    A scanned file counts when an entry matches its own hashes and a match its last scan recorded
    (suppressed or not) is one the scopes let go.  Network media are matched against the banks now
    (``match_media``) for those an entry matches.  Conservative on purpose: it is the count that
    decides whether an administrator must approve.

    ``store`` holds the items (in a case, the case's store); ``banks`` the banks (the main store; by
    default ``store``).  Only the items of ``store`` are counted: a case's preview does not open the
    other cases' stores.
    """
    if not plan.entries:
        return AllowlistPreview(plan, ())
    bank_store = banks or store
    threshold = _threshold(bank_store)
    found: list[str] = []
    query = select(scan_items.c.key, scan_items.c.record).where(or_(
        scan_items.c.record.like('%"matches": [{%'), scan_items.c.record.like('%"suppressed": [{%')))
    with store.engine.connect() as conn:
        for key, text in conn.execute(query):
            if key == plan.subject:
                continue
            try:
                record = json.loads(text)
            except ValueError:
                continue
            if not isinstance(record, dict) or not any(_record_hit(e, record, threshold) for e in plan.entries):
                continue
            recorded = [m for m in [*(record.get("matches") or []), *(record.get("suppressed") or [])]
                        if isinstance(m, dict)]
            if any(_suppressed(plan.scopes, m) for m in recorded):
                found.append(f"media:{key}")
        hit = _media_hits(conn, plan.entries, threshold)
    if hit:
        matcher = match_media() if match_media is not None else None
        if matcher is None:
            from childsafe.matching import Matcher
            from childsafe.store.graph import media_matcher

            matcher = media_matcher(Matcher(bank_store))
        by_sha = matcher("sha256", [sha for sha, _ in hit])
        with_pdq = [i for i, (_, pdq) in enumerate(hit) if pdq]
        by_pdq = dict(zip(with_pdq, matcher("pdq", [hit[i][1] for i in with_pdq]), strict=True))
        for i, (sha, _) in enumerate(hit):
            evidence = [*by_sha[i], *by_pdq.get(i, [])]
            if any(scope_suppresses(plan.scopes, e.bank, e.signal_type, e.signal, e.distance) for e in evidence):
                found.append(f"graph-media:{sha}")
    return AllowlistPreview(plan, tuple(sorted(set(found))))


def list_grants(store: SqlStore) -> list[AllowlistGrant]:
    """The entries of every review decision on the reviewer allowlist, newest first."""
    s, e = allowlist_scopes.c, bank_entries.c
    query = (select(s.review_item, s.actor, s.added_at, s.bank, s.signal_type, s.signal, s.distance,
                    e.id.label("entry_id"), e.signal_type.label("entry_type"), e.signal.label("entry_signal"))
             .select_from(allowlist_scopes.join(bank_entries, bank_entries.c.id == s.entry_id)
                          .join(banks, banks.c.id == bank_entries.c.bank_id))
             .order_by(s.id))
    grouped: dict[str, dict[str, Any]] = {}
    with store.engine.connect() as conn:
        for r in conn.execute(query):
            g = grouped.setdefault(r.review_item, {"actor": r.actor, "added_at": r.added_at, "entries": {},
                                                   "scopes": {}})
            g["entries"][int(r.entry_id)] = (int(r.entry_id), r.entry_type, r.entry_signal)
            g["scopes"][(r.bank, r.signal_type, r.signal, int(r.distance))] = None
    grants = [AllowlistGrant(item, g["actor"], _aware(g["added_at"]), tuple(g["entries"].values()),
                             tuple(AllowlistScope(*k) for k in g["scopes"])) for item, g in grouped.items()]
    grants.sort(key=lambda g: g.added_at, reverse=True)
    return grants


def _threshold(store: SqlStore) -> int:
    with store.engine.connect() as conn:
        row = conn.execute(select(banks.c.pdq_threshold, banks.c.allowlist)
                           .where(banks.c.name == ALLOWLIST_BANK)).first()
    return int(row.pdq_threshold) if row is not None and row.allowlist else ALLOWLIST_PDQ_THRESHOLD


def _record_hit(entry: NewEntry, record: dict[str, Any], threshold: int) -> bool:
    """Whether the allowlist entry matches a scanned file's own hashes (as the matcher would)."""
    kind = get_signal_type(entry.signal_type)
    own = record_signals(record).get(kind.name)
    if own is None:
        return False
    if kind.exact:
        return own.value.lower() == entry.signal.lower()
    limit = threshold if kind.bank_threshold else None
    try:
        return any(kind.matches(kind.validate(h), entry.signal, limit) for h in (own.value, *own.dihedral))
    except (ChildsafeError, ValueError):
        return False


def _media_hits(conn: Connection, entries: Sequence[NewEntry], threshold: int) -> list[tuple[str, str]]:
    """Network media (sha256, pdq) that an entry matches: SHA-256 equal, or PDQ within ``threshold``.

    PDQ is compared over the whole table in numpy batches (a page view must stay fast with millions
    of media rows): about 0.1 s per million on one core.
    """
    # Network media keep their signals one row per type (migration 0010): the (sha256, pdq) pair of
    # an item is two outer joins.  Both are 64 characters, so ``value_key`` is the signal itself.
    sha_row, pdq_row = graph_media_signals.alias("sha_row"), graph_media_signals.alias("pdq_row")
    pairs = select(func.coalesce(sha_row.c.value_key, "").label("sha256"),
                   func.coalesce(pdq_row.c.value_key, "").label("pdq"))
    pairs = pairs.select_from(graph_media.outerjoin(sha_row, and_(
        sha_row.c.media_id == graph_media.c.id, sha_row.c.signal_type == "sha256")).outerjoin(pdq_row, and_(
            pdq_row.c.media_id == graph_media.c.id, pdq_row.c.signal_type == "pdq")))
    found: dict[tuple[str, str], None] = {}
    shas = sorted({e.signal.lower() for e in entries if e.signal_type == "sha256"})
    if shas:
        for r in conn.execute(pairs.where(sha_row.c.value_key.in_(shas))):
            found[(str(r.sha256), str(r.pdq))] = None
    pdqs = [e.signal for e in entries if e.signal_type == "pdq"]
    if pdqs:
        wanted = pdq_hex_to_words(pdqs)
        result = conn.execution_options(stream_results=True).execute(
            pairs.where(pdq_row.c.value_key.is_not(None)).order_by(graph_media.c.id))
        while batch := result.fetchmany(_MEDIA_BATCH):
            rows = [(str(sha), str(pdq)) for sha, pdq in batch if isinstance(pdq, str) and len(pdq) == 64]
            try:
                words = pdq_hex_to_words([pdq for _, pdq in rows])
            except ChildsafeError:  # a malformed row: compare one by one
                found.update((r, None) for r in rows if any(_pdq_near(p, r[1], threshold) for p in pdqs))
                continue
            near = np.zeros(len(rows), bool)
            for w in wanted:
                near |= np.bitwise_count(words ^ w).sum(axis=1) <= threshold
            found.update((rows[i], None) for i in np.flatnonzero(near).tolist())
    return list(found)


def _pdq_near(a: str, b: object, threshold: int) -> bool:
    if not isinstance(b, str) or len(b) != 64:
        return False
    try:
        return (int(a, 16) ^ int(b, 16)).bit_count() <= threshold
    except ValueError:
        return False


def _suppressed(scopes: Sequence[AllowlistScope], m: dict[str, Any]) -> bool:
    try:
        return scope_suppresses(scopes, str(m.get("bank")), str(m.get("signal_type")), str(m.get("signal") or ""),
                                int(m.get("distance") or 0))
    except (ChildsafeError, ValueError, TypeError):
        return False


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
