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
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from childsafe.errors import ChildsafeError, StoreError
from childsafe.findings import Evidence, Explanation, Finding, Location, context_of
from childsafe.media.hashing import FileHashes
from childsafe.media.signal_index import SignalIndex
from childsafe.media.signals import SignalType, get_signal_type, signal_types
from childsafe.store.base import AllowlistScope, EntryRef, Store

__all__ = ["Match", "MatchResult", "Matcher", "scope_suppresses"]

log = logging.getLogger(__name__)

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
    #: HMA's view of the entry (see :class:`~childsafe.store.base.EntryRef`): the id of the content it
    #: belongs to (0: unknown, use ``entry_id``), whether that content matches now, the bank's ratio.
    content_id: int = 0
    content_enabled: bool = True
    matching_ratio: float = 1.0

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


#: (entry id, distance, fields for the match record, the query when the type is exact: a hit of an
#: exact index shares only a 64-bit key with the query, so the stored digest is compared with it).
_Hit = tuple[int, int, dict[str, Any], str | None]


class Matcher:
    """Bank-aware matching.  Build once per process; :meth:`refresh` picks up new entries.

    One index per registered signal type, of the class the type names: the matcher asks the type
    (exact? per-bank threshold? which index?) and never names an algorithm.
    """

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
        self._kinds = {kind.name: kind for kind in signal_types()}
        self._indexes: dict[str, SignalIndex] = {}
        self._seen: dict[str, int] = {}
        for name, kind in self._kinds.items():
            self._indexes[name], self._seen[name] = self._load(kind)

    @property
    def _pdq(self) -> SignalIndex:
        return self._indexes["pdq"]

    def _search_radius(self) -> int:
        """Widest per-bank threshold of any enabled bank: search once, filter per bank after."""
        return max([b.pdq_threshold for b in self.store.list_banks() if b.enabled] or [31])

    def _radius(self, kind: type[SignalType]) -> int:
        return self._max_threshold if kind.bank_threshold else kind.threshold

    # -- index snapshots --------------------------------------------------------------------
    def _load(self, kind: type[SignalType]) -> tuple[SignalIndex, int]:
        name = kind.name
        snapshot = self._newest_snapshot(name) if kind.index.persistent else None
        index: SignalIndex | None = None
        seen = 0
        if snapshot is not None:
            seen = _snapshot_seen(snapshot)
            try:
                index = kind.index.load(kind, snapshot)
            except StoreError as exc:
                log.warning("rebuilding unreadable index %s: %s", snapshot, exc)
                index = None
            if index is not None and self.store.count_entries([name], up_to_id=seen) < (
                1 - REBUILD_FRACTION) * index.static_size:
                index = None  # many deletions since the snapshot: rebuild
        if index is None:
            return self._rebuild(kind)
        delta = 0
        for batch in self.store.iter_signals([name], after_id=seen):
            index.add(batch)
            delta += len(batch)
            seen = batch[-1][0]
        if delta > max(REBUILD_MIN_DELTA, REBUILD_FRACTION * index.static_size):
            return self._rebuild(kind)
        return index, seen

    def _rebuild(self, kind: type[SignalType]) -> tuple[SignalIndex, int]:
        pairs: list[tuple[int, str]] = []
        for batch in self.store.iter_signals([kind.name]):
            pairs.extend(batch)
        seen = pairs[-1][0] if pairs else 0
        index = kind.index.build(kind, pairs)
        if self.index_dir is not None and kind.index.persistent:
            if pairs:
                self._save_snapshot(kind.name, index, seen)
            else:
                self._drop_snapshots(kind.name, keep=None)
        return index, seen

    def _newest_snapshot(self, kind: str) -> Path | None:
        if self.index_dir is None or not self.index_dir.is_dir():
            return None
        found = [p for p in self.index_dir.glob(f"{kind}.*.*")
                 if _snapshot_seen(p) >= 0 and (p / "header.json").exists()]
        return max(found, key=lambda p: (_snapshot_seen(p), p.stat().st_mtime_ns), default=None)

    def _save_snapshot(self, kind: str, index: SignalIndex, seen: int) -> None:
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
        for name, index in self._indexes.items():
            for batch in self.store.iter_signals([name], after_id=self._seen[name]):
                index.add(batch)
                self._seen[name] = batch[-1][0]

    def indexed_up_to(self) -> dict[str, int]:
        """The last entry id each signal type's index holds (0: none)."""
        return dict(self._seen)

    # -- matching ---------------------------------------------------------------------------
    def _kind(self, signal_type: str) -> type[SignalType]:
        kind = get_signal_type(signal_type)
        if kind.name not in self._indexes:  # registered after this matcher was built
            self._kinds[kind.name] = kind
            self._indexes[kind.name], self._seen[kind.name] = self._load(kind)
        return kind

    def match_signal(self, signal_type: str, signal: str) -> MatchResult:
        kind = self._kind(signal_type)
        value = kind.validate(signal)
        return self._resolve(self._hits(kind, value))

    def match_signals(self, signal_type: str, signals: Sequence[str]) -> list[MatchResult]:
        """:meth:`match_signal` for many signals at once (one result each, same order).

        Invalid signals get an empty result.  The type's index may search many at once its own way
        (PDQ's turns the search around when the queries far outnumber the entries).
        """
        kind = self._kind(signal_type)
        valid: list[int] = []
        values: list[str] = []
        for i, signal in enumerate(signals):
            try:
                values.append(kind.validate(signal))
            except ChildsafeError:
                continue
            valid.append(i)
        results = [MatchResult() for _ in signals]
        exact = kind.exact
        per_query = self._indexes[kind.name].search_many(values, self._radius(kind))
        for i, value, hits in zip(valid, values, per_query, strict=True):
            if hits:
                results[i] = self._resolve([(h.entry_id, h.distance, dict(h.detail), value if exact else None)
                                            for h in hits])
        return results

    def match_file(self, hashes: FileHashes) -> MatchResult:
        """Every signal of the file (and its dihedral variants); a photo turned by its EXIF orientation
        matches as shown or as stored, and each match says which (``orientation``)."""
        hits: list[_Hit] = []
        for name, value in hashes.signals(self.pdq_quality_min).items():
            if name not in self._kinds:
                continue  # a signal type no longer installed: reported, not matched
            kind = self._kinds[name]
            signal = hashes.hashed[name]
            shown = {"orientation": "as_shown"} if signal.as_stored else {}
            for variant in signal.dihedral or (value,):
                hits.extend(self._hits(kind, variant, shown))
            if signal.as_stored:
                hits.extend(self._hits(kind, signal.as_stored, {"orientation": "as_stored"}))
        return self._resolve(hits)

    def _hits(self, kind: type[SignalType], value: str, how: dict[str, Any] | None = None) -> list[_Hit]:
        exact = value if kind.exact else None
        return [(h.entry_id, h.distance, {**h.detail, **(how or {})}, exact)
                for h in self._indexes[kind.name].search(value, self._radius(kind))]

    def _resolve(self, hits: list[_Hit]) -> MatchResult:
        if not hits:
            return MatchResult()
        refs = self.store.resolve_entries([h[0] for h in hits])
        best: dict[int, Match] = {}
        for entry_id, distance, detail, exact in hits:
            ref = refs.get(entry_id)
            if ref is None or not self._wanted(ref):
                continue
            if exact is not None and ref.signal != exact:
                continue  # 64-bit key collision, not the same digest
            kind = self._kinds.get(ref.signal_type)
            if kind is not None and kind.bank_threshold and distance > ref.pdq_threshold:
                continue
            current = best.get(entry_id)
            if current is None or distance < current.distance:
                best[entry_id] = Match(ref.bank, ref.signal_type, ref.signal, distance, ref.label,
                                       ref.source, ref.id, ref.allowlist, detail, ref.content_id,
                                       ref.content_enabled, ref.matching_ratio)
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
