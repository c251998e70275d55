"""Match signals and hashed files against the enabled banks of a store.

Indexes are caches of the store: the store is the truth.  Each signal type's index is a
snapshot on disk (``<home>/index/<type>.<max_entry_id>/``) plus, in memory, every entry added
since (read from the store by id, so a new hash is matchable on the next lookup without a
rebuild).  Every hit is resolved against the store, which drops deleted entries and disabled
banks and supplies the bank, label and threshold that explain the match.
"""

from __future__ import annotations

import logging
import shutil
import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from childsafe.errors import ChildsafeError, StoreError
from childsafe.findings import Evidence, Explanation, Finding, Location, context_of
from childsafe.media.exact_index import ExactIndex
from childsafe.media.hashing import FileHashes
from childsafe.media.pdq_index import PdqIndex, pdq_hex_to_words
from childsafe.media.signals import PdqSignal, VpdqSignal, get_signal_type
from childsafe.store.base import AllowlistScope, EntryRef, Store

__all__ = ["Match", "MatchResult", "Matcher", "scope_suppresses"]

log = logging.getLogger(__name__)

EXACT_TYPES = ("md5", "sha1", "sha256", "video_md5")
#: Rebuild a snapshot once this many entries sit in the in-memory delta.
REBUILD_MIN_DELTA = 100_000
REBUILD_FRACTION = 0.10
#: Perceptual distance at which a match's finding score reaches 0 (as triage's default closeness).
MATCH_DISTANCE_SCALE = 64.0


@dataclass(frozen=True)
class Match:
    bank: str
    signal_type: str
    signal: str
    distance: int
    label: str | None
    source: str | None
    entry_id: int
    allowlist: bool = False
    detail: dict[str, Any] = field(default_factory=dict)

    def to_record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"bank": self.bank, "signal_type": self.signal_type,
                               "signal": self.signal, "distance": self.distance,
                               "label": self.label, "source": self.source}
        out.update(self.detail)
        return out

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Match:
        """A match read back from :meth:`to_record` (a stored scan record); ``entry_id`` is not kept there."""
        known = {"bank", "signal_type", "signal", "distance", "label", "source"}
        distance = record.get("distance")
        return cls(str(record.get("bank")), str(record.get("signal_type")), str(record.get("signal") or ""),
                   distance if isinstance(distance, int) and not isinstance(distance, bool) else 0,
                   _text_or_none(record.get("label")), _text_or_none(record.get("source")), 0,
                   detail={k: v for k, v in record.items() if k not in known})

    @property
    def closeness(self) -> float:
        """1 for an exact (cryptographic) match, falling to 0 at :data:`MATCH_DISTANCE_SCALE` bits."""
        if _is_exact(self.signal_type):
            return 1.0
        return max(0.0, 1.0 - self.distance / MATCH_DISTANCE_SCALE)

    def evidence(self, where: Location | None = None) -> Evidence:
        how = "identical file" if _is_exact(self.signal_type) else f"at distance {self.distance}"
        label = f", label {self.label!r}" if self.label else ""
        return Evidence(self.signal_type, f"{self.signal_type} {how}: bank {self.bank!r}{label}", self.distance,
                        where or Location(), self.closeness)

    def finding(self, where: Location | None = None) -> Finding:
        """This match as a :class:`~childsafe.findings.Finding`: known media, scored by closeness."""
        context = context_of([("bank", self.bank), ("signal_type", self.signal_type), ("signal", self.signal),
                              ("label", self.label), ("source", self.source), ("allowlist", self.allowlist or None)])
        return Finding("media", "known_media", self.closeness, where or Location(),
                       Explanation("hash_match", (self.evidence(),), context))


def _is_exact(signal_type: str) -> bool:
    try:
        return get_signal_type(signal_type).exact
    except ChildsafeError:  # a stored record naming a type this version does not know
        return False


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def scope_suppresses(scopes: Sequence[AllowlistScope], bank: str, signal_type: str, signal: str,
                     distance: int) -> bool:
    """Whether an allowlist entry with these scopes (from a review decision) silences this match.

    Only a match to a bank entry the reviewed file matched, at least as far from it as the reviewed
    file was, and never an exact (cryptographic) match: a byte-identical copy of a listed item, or a
    copy closer to it than the file a reviewer looked at, stays a match.
    """
    if get_signal_type(signal_type).exact:
        return False
    return any(s.bank == bank and s.signal_type == signal_type and s.signal == signal and distance >= s.distance
               for s in scopes)


@dataclass
class MatchResult:
    matches: list[Match] = field(default_factory=list)
    #: Allowlist entries that matched; ``suppressed`` holds the matches they silenced.  An entry
    #: added by hand silences every match; one made by a review decision only those its scopes allow
    #: (:func:`scope_suppresses`), so ``matches`` may still hold the rest, and it is listed here only
    #: when it silenced something.
    allowlisted: list[Match] = field(default_factory=list)
    suppressed: list[Match] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        out: dict[str, Any] = {"matches": [m.to_record() for m in self.matches]}
        if self.allowlisted:
            out["allowlisted"] = [m.to_record() for m in self.allowlisted]
            out["suppressed"] = [m.to_record() for m in self.suppressed]
        return out


#: Search the other way round when queries outnumber PDQ entries by this factor.
_INVERT_FACTOR = 8


class Matcher:
    """Bank-aware matching.  Build once per process; :meth:`refresh` picks up new entries."""

    def __init__(self, store: Store, index_dir: Path | None = None, *,
                 banks: Sequence[str] | None = None, pdq_quality_min: int = 50) -> None:
        self.store = store
        self.index_dir = index_dir
        self.pdq_quality_min = pdq_quality_min
        self._only_banks = set(banks) if banks else None
        if self._only_banks:
            for name in self._only_banks:
                store.get_bank(name)  # raises BankNotFoundError early
        self._max_threshold = self._search_radius()
        self._pdq, self._pdq_seen = self._load("pdq")
        self._exact: dict[str, ExactIndex] = {}
        self._exact_seen: dict[str, int] = {}
        for kind in EXACT_TYPES:
            self._exact[kind], self._exact_seen[kind] = self._load(kind)
        self._vpdq = _VpdqFrames(store)

    def _search_radius(self) -> int:
        """Widest PDQ threshold of any enabled bank: search once, filter per bank after."""
        return max([b.pdq_threshold for b in self.store.list_banks() if b.enabled] or [31])

    # -- index snapshots --------------------------------------------------------------------
    def _load(self, kind: str) -> tuple[Any, int]:
        snapshot = self._newest_snapshot(kind)
        index: Any = None
        seen = 0
        if snapshot is not None:
            seen = _snapshot_seen(snapshot)
            try:
                index = (PdqIndex.load(snapshot) if kind == "pdq" else ExactIndex.load(snapshot))
            except StoreError as exc:
                log.warning("rebuilding unreadable index %s: %s", snapshot, exc)
                index = None
            if index is not None and self.store.count_entries([kind], up_to_id=seen) < (
                1 - REBUILD_FRACTION) * _static_size(index):
                index = None  # many deletions since the snapshot: rebuild
        if index is None:
            return self._rebuild(kind)
        delta = 0
        for batch in self.store.iter_signals([kind], after_id=seen):
            _add_batch(index, kind, batch)
            delta += len(batch)
            seen = batch[-1][0]
        if delta > max(REBUILD_MIN_DELTA, REBUILD_FRACTION * _static_size(index)):
            return self._rebuild(kind)
        return index, seen

    def _rebuild(self, kind: str) -> tuple[Any, int]:
        pairs: list[tuple[int, str]] = []
        for batch in self.store.iter_signals([kind]):
            pairs.extend(batch)
        seen = pairs[-1][0] if pairs else 0
        if kind == "pdq":
            words = pdq_hex_to_words([s for _, s in pairs]) if pairs else np.empty((0, 4), np.uint64)
            index: Any = PdqIndex.build(words, np.fromiter((i for i, _ in pairs), np.int64, len(pairs)))
        else:
            index = ExactIndex.from_signals(pairs)
        if self.index_dir is not None:
            if pairs:
                self._save_snapshot(kind, index, seen)
            else:
                self._drop_snapshots(kind, keep=None)
        return index, seen

    def _newest_snapshot(self, kind: str) -> Path | None:
        if self.index_dir is None or not self.index_dir.is_dir():
            return None
        found = [p for p in self.index_dir.glob(f"{kind}.*.*")
                 if _snapshot_seen(p) >= 0 and (p / "header.json").exists()]
        return max(found, key=lambda p: (_snapshot_seen(p), p.stat().st_mtime_ns), default=None)

    def _save_snapshot(self, kind: str, index: Any, seen: int) -> None:
        assert self.index_dir is not None
        # Unique names: a reader never sees a half-written snapshot (rename is atomic) and two
        # processes rebuilding at once never clobber each other.
        token = uuid.uuid4().hex[:12]
        final = self.index_dir / f"{kind}.{seen:012d}.{token}"
        tmp = self.index_dir / f".{kind}.{token}.tmp"
        try:
            index.save(tmp)
            tmp.rename(final)
            self._drop_snapshots(kind, keep=final)
        except OSError as exc:  # a cache: failing to save it must not fail the lookup
            log.warning("could not save index snapshot %s: %s", final, exc)
            shutil.rmtree(tmp, ignore_errors=True)

    def _drop_snapshots(self, kind: str, keep: Path | None) -> None:
        if self.index_dir is None or not self.index_dir.is_dir():
            return
        for old in self.index_dir.glob(f"{kind}.*.*"):
            if old != keep and _snapshot_seen(old) >= 0:
                shutil.rmtree(old, ignore_errors=True)

    def refresh(self) -> None:
        """Add entries stored since this matcher loaded (for long-running processes)."""
        self._max_threshold = self._search_radius()
        for batch in self.store.iter_signals(["pdq"], after_id=self._pdq_seen):
            _add_batch(self._pdq, "pdq", batch)
            self._pdq_seen = batch[-1][0]
        for kind in EXACT_TYPES:
            for batch in self.store.iter_signals([kind], after_id=self._exact_seen[kind]):
                _add_batch(self._exact[kind], kind, batch)
                self._exact_seen[kind] = batch[-1][0]
        self._vpdq = _VpdqFrames(self.store)

    # -- matching ---------------------------------------------------------------------------
    def match_signal(self, signal_type: str, signal: str) -> MatchResult:
        kind = get_signal_type(signal_type)
        value = kind.validate(signal)
        return self._resolve(self._hits(kind.name, value))

    def match_signals(self, signal_type: str, signals: Sequence[str]) -> list[MatchResult]:
        """:meth:`match_signal` for many signals at once (one result each, same order).

        Invalid signals get an empty result.  When there are many more PDQ queries than bank
        entries (a million media items of a network against a small list) the search is turned
        around: the queries are indexed and each entry searched once, which gives the same pairs.
        """
        kind = get_signal_type(signal_type)
        valid: list[int] = []
        values: list[str] = []
        for i, signal in enumerate(signals):
            try:
                values.append(kind.validate(signal))
            except ChildsafeError:
                continue
            valid.append(i)
        results = [MatchResult() for _ in signals]
        if kind.name == "pdq" and len(values) > _INVERT_FACTOR * max(len(self._pdq), 1):
            per_query = self._pdq_inverted(values)
        else:
            per_query = [self._hits(kind.name, v) for v in values]
        for i, hits in zip(valid, per_query, strict=True):
            if hits:
                results[i] = self._resolve(hits)
        return results

    def _pdq_inverted(self, values: list[str]) -> list[list[tuple[int, int, dict[str, Any]]]]:
        hits: list[list[tuple[int, int, dict[str, Any]]]] = [[] for _ in values]
        words, ids = self._pdq.entries()
        if not len(ids):
            return hits
        queries = PdqIndex.build(pdq_hex_to_words(values), np.arange(len(values)))
        for entry_words, entry_id in zip(words, ids.tolist(), strict=True):
            for hit in queries.search(entry_words, self._max_threshold):
                hits[hit.id].append((entry_id, hit.distance, {}))
        return hits

    def match_file(self, hashes: FileHashes) -> MatchResult:
        hits: list[tuple[int, int, dict[str, Any]]] = []
        for name, value in hashes.signals(self.pdq_quality_min).items():
            if name == "pdq" and hashes.pdq_dihedral:
                for variant in hashes.pdq_dihedral:
                    hits.extend(self._hits("pdq", variant))
            else:
                hits.extend(self._hits(name, value))
        return self._resolve(hits)

    def _hits(self, kind: str, value: str) -> list[tuple[int, int, dict[str, Any]]]:
        if kind == "pdq":
            return [(h.id, h.distance, {}) for h in self._pdq.search(value, self._max_threshold)]
        if kind == "vpdq":
            return self._vpdq.search(value)
        return [(i, 0, {"_exact": value}) for i in self._exact[kind].lookup(value)]

    def _resolve(self, hits: list[tuple[int, int, dict[str, Any]]]) -> MatchResult:
        if not hits:
            return MatchResult()
        refs = self.store.resolve_entries([h[0] for h in hits])
        best: dict[int, Match] = {}
        for entry_id, distance, detail in hits:
            ref = refs.get(entry_id)
            if ref is None or not self._wanted(ref):
                continue
            exact = detail.pop("_exact", None) if "_exact" in detail else None
            if exact is not None and ref.signal != exact:
                continue  # 64-bit key collision, not the same digest
            if ref.signal_type == PdqSignal.name and distance > ref.pdq_threshold:
                continue
            current = best.get(entry_id)
            if current is None or distance < current.distance:
                best[entry_id] = Match(ref.bank, ref.signal_type, ref.signal, distance, ref.label,
                                       ref.source, ref.id, ref.allowlist, detail)
        ranked = sorted(best.values(), key=lambda m: (m.distance, m.bank, m.entry_id))
        allowed = [m for m in ranked if m.allowlist]
        blocked = [m for m in ranked if not m.allowlist]
        if not allowed:
            return MatchResult(matches=blocked)
        scopes = self.store.allowlist_scopes([m.entry_id for m in allowed])
        if any(m.entry_id not in scopes for m in allowed):  # an entry added by hand: silences every match
            return MatchResult(matches=[], allowlisted=allowed, suppressed=blocked)
        rules = [s for m in allowed for s in scopes[m.entry_id]]
        silenced = [scope_suppresses(rules, m.bank, m.signal_type, m.signal, m.distance) for m in blocked]
        suppressed = [m for m, off in zip(blocked, silenced, strict=True) if off]
        # Only the entries that silenced something explain the result (an exact copy of a listed item
        # near a reviewed file is matched, not "allowlisted").
        used = [a for a in allowed if any(scope_suppresses(scopes[a.entry_id], m.bank, m.signal_type, m.signal,
                                                           m.distance) for m in suppressed)]
        return MatchResult(matches=[m for m, off in zip(blocked, silenced, strict=True) if not off],
                           allowlisted=used, suppressed=suppressed)

    def _wanted(self, ref: EntryRef) -> bool:
        if not ref.enabled:
            return False
        return ref.allowlist or self._only_banks is None or ref.bank in self._only_banks


def _snapshot_seen(path: Path) -> int:
    """Highest entry id a snapshot folder covers (``<type>.<id>.<token>``), -1 if not one."""
    parts = path.name.split(".")
    return int(parts[1]) if len(parts) == 3 and parts[1].isdigit() and path.is_dir() else -1


def _static_size(index: Any) -> int:
    return int(index.static_size) if isinstance(index, PdqIndex) else len(index)


def _add_batch(index: Any, kind: str, batch: list[tuple[int, str]]) -> None:
    if kind == "pdq":
        index.add(pdq_hex_to_words([s for _, s in batch]), [i for i, _ in batch])
    else:
        for entry_id, signal in batch:
            index.add(entry_id, signal)


class _VpdqFrames:
    """All frames of all vPDQ entries in one PDQ index (ThreatExchange's matching rule).

    A video matches an entry when at least ``QUERY_MATCH_PERCENT`` of its good frames are within
    the frame threshold of some frame of the entry.  Built from the store on load: vPDQ banks
    are small next to photo banks, and per-frame rows keep the snapshot logic out of the way.
    """

    def __init__(self, store: Store) -> None:
        words: list[np.ndarray] = []
        owners: list[int] = []
        self._frames_per_entry: dict[int, int] = {}
        for batch in store.iter_signals(["vpdq"]):
            for entry_id, signal in batch:
                try:
                    good = VpdqSignal.good_hashes(VpdqSignal.parse(signal))
                except ChildsafeError:
                    continue
                if good:
                    words.append(pdq_hex_to_words(good))
                    owners.extend([entry_id] * len(good))
                    self._frames_per_entry[entry_id] = len(good)
        self._owners = np.asarray(owners, np.int64)
        all_words = np.concatenate(words) if words else np.empty((0, 4), np.uint64)
        self._index = PdqIndex.build(all_words, np.arange(len(owners)))

    def search(self, signal: str) -> list[tuple[int, int, dict[str, Any]]]:
        if not len(self._owners):
            return []
        query = VpdqSignal.good_hashes(VpdqSignal.parse(signal))
        if not query:
            return []
        query_hits: dict[int, set[int]] = defaultdict(set)
        target_hits: dict[int, set[int]] = defaultdict(set)
        for qi, hits in enumerate(self._index.search_many(pdq_hex_to_words(query),
                                                          VpdqSignal.FRAME_THRESHOLD)):
            for hit in hits:
                owner = int(self._owners[hit.id])
                query_hits[owner].add(qi)
                target_hits[owner].add(hit.id)
        out = []
        for owner, matched in query_hits.items():
            q_pct = 100.0 * len(matched) / len(query)
            t_pct = 100.0 * len(target_hits[owner]) / self._frames_per_entry[owner]
            if q_pct >= VpdqSignal.QUERY_MATCH_PERCENT:
                out.append((owner, round(100 - q_pct), {
                    "query_match_percent": round(q_pct, 1), "compared_match_percent": round(t_pct, 1)}))
        return out
