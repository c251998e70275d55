"""Index classes: how the signals of one signal type are searched.

A signal type names its index class (``SignalType.index``); the matcher builds one per type from
the store and never asks which algorithm it holds.  Four come with childsafe:

* :class:`ExactSignalIndex`: digests that match only when equal (:class:`~.exact_index.ExactIndex`);
* :class:`PdqSignalIndex`: 256-bit Hamming space (:class:`~.pdq_index.PdqIndex`, multi-index hashing);
* :class:`VpdqSignalIndex`: every good frame of every video in one PDQ index, ThreatExchange's rule;
* :class:`LinearSignalIndex`: brute force over the type's own ``distance`` - slow past a few
  thousand entries, but any plug-in type that is not exact gets a correct index with no code.

Hits are candidates: the matcher resolves every hit against the store (bank, label, threshold,
deleted entries) and, for an exact type, checks the stored signal equals the query.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

import numpy as np

from childsafe.errors import ChildsafeError, StoreError
from childsafe.media.exact_index import ExactIndex
from childsafe.media.pdq_index import PdqIndex, pdq_hex_to_words

if TYPE_CHECKING:  # signals.py names these classes; importing it here at run time would be a cycle
    from childsafe.media.signals import SignalType

__all__ = ["SignalHit", "SignalIndex", "ExactSignalIndex", "PdqSignalIndex", "VpdqSignalIndex",
           "LinearSignalIndex"]

#: ``(entry id, signal)`` as the store yields them.
Pairs = Sequence[tuple[int, str]]


class SignalHit(NamedTuple):
    """One candidate entry: its id, its distance to the query, and fields the match record gains."""

    entry_id: int
    distance: int
    detail: dict[str, Any] = {}  # noqa: RUF012 - never mutated; NamedTuple defaults cannot be factories


class SignalIndex(ABC):
    """The signals of one type, searchable by distance.  Entries are only added: removals and
    disabled banks are dropped when the hits are resolved against the store."""

    #: True when :meth:`save` and :meth:`load` keep a snapshot on disk, so a process loads it and
    #: reads only the entries added since instead of every entry.
    persistent: ClassVar[bool] = False

    @classmethod
    @abstractmethod
    def build(cls, signal_type: type[SignalType], pairs: Pairs) -> SignalIndex:
        """An index of ``pairs`` (normalised signals of ``signal_type``)."""

    @abstractmethod
    def add(self, pairs: Pairs) -> None:
        """Make more entries searchable at once."""

    @abstractmethod
    def search(self, signal: str, radius: int) -> list[SignalHit]:
        """Entries within ``radius`` of ``signal`` (a normalised signal), nearest first."""

    def search_many(self, signals: Sequence[str], radius: int) -> list[list[SignalHit]]:
        """:meth:`search` for each signal (an index may do better for many at once)."""
        return [self.search(s, radius) for s in signals]

    @abstractmethod
    def __len__(self) -> int: ...

    @property
    def static_size(self) -> int:
        """Entries of the snapshot part (the rest was added since): decides when to rebuild."""
        return len(self)

    def save(self, folder: Path) -> None:
        raise StoreError(f"{type(self).__name__} keeps no snapshot")

    @classmethod
    def load(cls, signal_type: type[SignalType], folder: Path) -> SignalIndex:
        raise StoreError(f"{cls.__name__} keeps no snapshot")


class ExactSignalIndex(SignalIndex):
    """Hex digests, bucketed by their first 64 bits: O(1) lookups, 16 bytes per entry."""

    persistent = True

    def __init__(self, index: ExactIndex) -> None:
        self._index = index

    @classmethod
    def build(cls, signal_type: type[SignalType], pairs: Pairs) -> ExactSignalIndex:
        return cls(ExactIndex.from_signals(list(pairs)))

    def add(self, pairs: Pairs) -> None:
        for entry_id, signal in pairs:
            self._index.add(entry_id, signal)

    def search(self, signal: str, radius: int) -> list[SignalHit]:
        return [SignalHit(i, 0) for i in self._index.lookup(signal)]

    def __len__(self) -> int:
        return len(self._index)

    def save(self, folder: Path) -> None:
        self._index.save(folder)

    @classmethod
    def load(cls, signal_type: type[SignalType], folder: Path) -> ExactSignalIndex:
        return cls(ExactIndex.load(folder))


#: Search the other way round when queries outnumber PDQ entries by this factor.
INVERT_FACTOR = 8


class PdqSignalIndex(SignalIndex):
    """PDQ hashes in a multi-index-hashing :class:`PdqIndex` (exact radius search, mmap snapshots)."""

    persistent = True

    def __init__(self, index: PdqIndex) -> None:
        self.index = index

    @classmethod
    def build(cls, signal_type: type[SignalType], pairs: Pairs) -> PdqSignalIndex:
        words = pdq_hex_to_words([s for _, s in pairs]) if pairs else np.empty((0, 4), np.uint64)
        return cls(PdqIndex.build(words, np.fromiter((i for i, _ in pairs), np.int64, len(pairs))))

    def add(self, pairs: Pairs) -> None:
        self.index.add(pdq_hex_to_words([s for _, s in pairs]), [i for i, _ in pairs])

    def search(self, signal: str, radius: int) -> list[SignalHit]:
        return [SignalHit(h.id, h.distance) for h in self.index.search(signal, radius)]

    def search_many(self, signals: Sequence[str], radius: int) -> list[list[SignalHit]]:
        """When queries far outnumber entries (a million media items of a network against a small
        list) the queries are indexed and each entry searched once: the same pairs, much sooner."""
        if len(signals) <= INVERT_FACTOR * max(len(self.index), 1):
            return super().search_many(signals, radius)
        return self._inverted(signals, radius)

    def _inverted(self, signals: Sequence[str], radius: int) -> list[list[SignalHit]]:
        hits: list[list[SignalHit]] = [[] for _ in signals]
        words, ids = self.index.entries()
        if not len(ids):
            return hits
        queries = PdqIndex.build(pdq_hex_to_words(list(signals)), np.arange(len(signals)))
        for entry_words, entry_id in zip(words, ids.tolist(), strict=True):
            for hit in queries.search(entry_words, radius):
                hits[hit.id].append(SignalHit(entry_id, hit.distance))
        return hits

    def __len__(self) -> int:
        return len(self.index)

    @property
    def static_size(self) -> int:
        return self.index.static_size

    def save(self, folder: Path) -> None:
        self.index.save(folder)

    @classmethod
    def load(cls, signal_type: type[SignalType], folder: Path) -> PdqSignalIndex:
        return cls(PdqIndex.load(folder))


class VpdqSignalIndex(SignalIndex):
    """All good frames of all vPDQ entries in one PDQ index (ThreatExchange's matching rule).

    A video matches an entry when at least ``QUERY_MATCH_PERCENT`` of its good frames are within
    ``FRAME_THRESHOLD`` of some frame of the entry; the distance is the percent of query frames
    unmatched.  Rebuilt from the store by each process (no snapshot): vPDQ banks are small next to
    photo banks, and per-frame rows keep the snapshot logic out of the way.
    """

    def __init__(self, signal_type: Any) -> None:
        # Any: the vPDQ type's parse/good_hashes/thresholds, which the SignalType base does not declare.
        self._type = signal_type
        self._index = PdqIndex.build(np.empty((0, 4), np.uint64), np.empty(0, np.int64))
        self._owners: list[int] = []
        self._frames_per_entry: dict[int, int] = {}

    @classmethod
    def build(cls, signal_type: type[SignalType], pairs: Pairs) -> VpdqSignalIndex:
        index = cls(signal_type)
        words, owners = index._frames(pairs)
        index._owners = owners
        index._index = PdqIndex.build(words, np.arange(len(owners)))
        return index

    def _frames(self, pairs: Pairs) -> tuple[np.ndarray[Any, Any], list[int]]:
        words: list[np.ndarray[Any, Any]] = []
        owners: list[int] = []
        for entry_id, signal in pairs:
            try:
                good = self._type.good_hashes(self._type.parse(signal))
            except ChildsafeError:
                continue
            if good:
                words.append(pdq_hex_to_words(good))
                owners.extend([entry_id] * len(good))
                self._frames_per_entry[entry_id] = len(good)
        return (np.concatenate(words) if words else np.empty((0, 4), np.uint64)), owners

    def add(self, pairs: Pairs) -> None:
        words, owners = self._frames(pairs)
        if owners:
            start = len(self._owners)
            self._index.add(words, np.arange(start, start + len(owners)))
            self._owners.extend(owners)

    def search(self, signal: str, radius: int) -> list[SignalHit]:
        if not self._owners:
            return []
        query = self._type.good_hashes(self._type.parse(signal))
        if not query:
            return []
        query_hits: dict[int, set[int]] = defaultdict(set)
        target_hits: dict[int, set[int]] = defaultdict(set)
        for qi, hits in enumerate(self._index.search_many(pdq_hex_to_words(query), self._type.FRAME_THRESHOLD)):
            for hit in hits:
                owner = self._owners[hit.id]
                query_hits[owner].add(qi)
                target_hits[owner].add(hit.id)
        out = []
        for owner, matched in query_hits.items():
            q_pct = 100.0 * len(matched) / len(query)
            t_pct = 100.0 * len(target_hits[owner]) / self._frames_per_entry[owner]
            if q_pct >= self._type.QUERY_MATCH_PERCENT:
                out.append(SignalHit(owner, round(100 - q_pct), {
                    "query_match_percent": round(q_pct, 1), "compared_match_percent": round(t_pct, 1)}))
        return out

    def __len__(self) -> int:
        return len(self._frames_per_entry)


class LinearSignalIndex(SignalIndex):
    """Every entry compared with the type's own ``distance``: correct for any type, O(N) per query."""

    def __init__(self, signal_type: type[SignalType]) -> None:
        self._type = signal_type
        self._pairs: list[tuple[int, str]] = []

    @classmethod
    def build(cls, signal_type: type[SignalType], pairs: Pairs) -> LinearSignalIndex:
        index = cls(signal_type)
        index.add(pairs)
        return index

    def add(self, pairs: Pairs) -> None:
        self._pairs.extend(pairs)

    def search(self, signal: str, radius: int) -> list[SignalHit]:
        hits = [SignalHit(i, d) for i, s in self._pairs if (d := self._type.distance(signal, s)) <= radius]
        return sorted(hits, key=lambda h: (h.distance, h.entry_id))

    def __len__(self) -> int:
        return len(self._pairs)
