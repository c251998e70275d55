"""O(1) lookups of cryptographic digests (md5, sha1, sha256, video_md5).

Digests are uniformly distributed, so their first 64 bits are a perfect hash key: entries are
bucketed by the key's top ``log2(N)`` bits (~1 entry per bucket) and a lookup reads one bucket.
A Python dict would do the same but costs ~150 bytes per entry (1.5 GB at 10M); these arrays cost
16 bytes per entry and load from ``.npy`` files instantly with ``mmap``.  Keys can collide in 64
bits only by accident, so callers verify the full digest of a hit against the store.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import numpy.typing as npt

from childsafe.errors import StoreError

__all__ = ["ExactIndex", "digest_key"]

FORMAT_VERSION = 1


def digest_key(hex_digest: str) -> int:
    """The 64-bit lookup key of a hex digest."""
    return int(hex_digest[:16], 16)


class ExactIndex:
    def __init__(self, keys: npt.NDArray[np.uint64], ids: npt.NDArray[np.int64], *,
                 presorted: bool = False) -> None:
        if presorted:  # loaded from a snapshot we wrote sorted: skip the O(n log n) sort
            self._keys, self._ids = np.ascontiguousarray(keys, np.uint64), np.ascontiguousarray(ids, np.int64)
        else:
            order = np.argsort(keys, kind="stable")
            self._keys = np.ascontiguousarray(keys[order], np.uint64)
            self._ids = np.ascontiguousarray(ids[order], np.int64)
        self._bits = min(24, max(1, math.ceil(math.log2(max(len(keys), 2)))))
        buckets = (self._keys >> np.uint64(64 - self._bits)).astype(np.int64)
        counts = np.bincount(buckets, minlength=1 << self._bits)
        self._offsets = np.zeros((1 << self._bits) + 1, np.int64)
        np.cumsum(counts, out=self._offsets[1:])
        self._delta: dict[int, list[int]] = {}

    @classmethod
    def from_signals(cls, pairs: list[tuple[int, str]]) -> ExactIndex:
        ids = np.fromiter((p[0] for p in pairs), np.int64, len(pairs))
        keys = np.fromiter((digest_key(p[1]) for p in pairs), np.uint64, len(pairs))
        return cls(keys, ids)

    def add(self, entry_id: int, hex_digest: str) -> None:
        self._delta.setdefault(digest_key(hex_digest), []).append(entry_id)

    def lookup(self, hex_digest: str) -> list[int]:
        """Entry ids whose digest shares the 64-bit key (verify the full digest with the store)."""
        key = digest_key(hex_digest)
        bucket = key >> (64 - self._bits)
        lo, hi = int(self._offsets[bucket]), int(self._offsets[bucket + 1])
        found = [int(self._ids[i]) for i in range(lo, hi) if int(self._keys[i]) == key]
        return found + self._delta.get(key, [])

    def __len__(self) -> int:
        return len(self._ids) + sum(len(v) for v in self._delta.values())

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        keys = np.concatenate([self._keys, np.fromiter(
            (k for k, v in self._delta.items() for _ in v), np.uint64)])
        ids = np.concatenate([self._ids, np.fromiter(
            (i for v in self._delta.values() for i in v), np.int64)])
        order = np.argsort(keys, kind="stable")
        keys, ids = keys[order], ids[order]
        for name, arr in (("keys", keys), ("ids", ids)):
            with open(folder / f"{name}.npy", "wb") as fh:
                np.save(fh, arr, allow_pickle=False)
        (folder / "header.json").write_text(json.dumps(
            {"format": "childsafe-exact-index", "version": FORMAT_VERSION, "size": len(ids)}))

    @classmethod
    def load(cls, folder: Path) -> ExactIndex:
        try:
            header = json.loads((folder / "header.json").read_text(encoding="utf-8"))
            if header.get("format") != "childsafe-exact-index" or header.get("version") != FORMAT_VERSION:
                raise StoreError(f"{folder}: not a childsafe exact index v{FORMAT_VERSION}")
            keys = np.load(folder / "keys.npy", allow_pickle=False)
            ids = np.load(folder / "ids.npy", allow_pickle=False)
        except (OSError, ValueError, json.JSONDecodeError) as exc:
            raise StoreError(f"{folder}: unreadable index ({exc})") from exc
        if keys.shape != ids.shape or len(keys) != header.get("size"):
            raise StoreError(f"{folder}: index arrays do not match their header")
        keys = keys.astype(np.uint64, copy=False)
        if len(keys) > 1 and not bool(np.all(keys[1:] >= keys[:-1])):
            raise StoreError(f"{folder}: index keys are not sorted")
        return cls(keys, ids.astype(np.int64, copy=False), presorted=True)
