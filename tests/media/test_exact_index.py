from __future__ import annotations

import hashlib
from pathlib import Path

from childsafe.media.exact_index import ExactIndex


def _digests(n: int) -> list[str]:
    return [hashlib.md5(str(i).encode()).hexdigest() for i in range(n)]


def test_lookup_finds_each_digest_and_nothing_else(tmp_path: Path) -> None:
    ds = _digests(5000)
    index = ExactIndex.from_signals([(i + 1, d) for i, d in enumerate(ds)])
    for i in (0, 1, 2500, 4999):
        assert index.lookup(ds[i]) == [i + 1]
    assert index.lookup(hashlib.md5(b"absent").hexdigest()) == []
    index.add(9999, hashlib.md5(b"new").hexdigest())
    assert index.lookup(hashlib.md5(b"new").hexdigest()) == [9999]
    index.save(tmp_path / "x")
    loaded = ExactIndex.load(tmp_path / "x")
    assert loaded.lookup(hashlib.md5(b"new").hexdigest()) == [9999]
    assert loaded.lookup(ds[42]) == [43]
    assert len(loaded) == 5001


def test_same_digest_in_two_entries() -> None:
    d = hashlib.sha256(b"x").hexdigest()
    index = ExactIndex.from_signals([(1, d), (2, d)])
    assert sorted(index.lookup(d)) == [1, 2]


def test_empty_index() -> None:
    assert ExactIndex.from_signals([]).lookup("0" * 32) == []


def test_unsorted_snapshot_is_rejected(tmp_path: Path) -> None:
    import numpy as np
    import pytest

    from childsafe.errors import StoreError

    ExactIndex.from_signals([(i + 1, d) for i, d in enumerate(_digests(10))]).save(tmp_path / "x")
    keys = np.load(tmp_path / "x" / "keys.npy")
    np.save(tmp_path / "x" / "keys.npy", keys[::-1].copy(), allow_pickle=False)
    with pytest.raises(StoreError, match="not sorted"):
        ExactIndex.load(tmp_path / "x")
