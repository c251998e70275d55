"""The PDQ index must return exactly what brute force returns."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from childsafe.errors import StoreError
from childsafe.media import pdq_index
from childsafe.media.pdq_index import PdqIndex, pdq_hex_to_words, pdq_words_to_hex


def _random_words(rng: np.random.Generator, n: int) -> np.ndarray:
    return rng.integers(0, 2**64 - 1, size=(n, 4), dtype=np.uint64, endpoint=True)


def _flip(rng: np.random.Generator, row: np.ndarray, bits: int) -> np.ndarray:
    out = row.copy()
    for b in rng.choice(256, bits, replace=False):
        out[b // 64] ^= np.uint64(1 << (63 - int(b) % 64))
    return out


def _brute(words: np.ndarray, ids: np.ndarray, q: np.ndarray, threshold: int) -> dict[int, int]:
    d = np.bitwise_count(words ^ q).sum(axis=1)
    return {int(ids[i]): int(d[i]) for i in np.nonzero(d <= threshold)[0]}


def _near_duplicate_data(seed: int, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Random hashes plus clusters of near-duplicates, and queries at every distance 0..40."""
    rng = np.random.default_rng(seed)
    words = _random_words(rng, n)
    for i in range(0, n // 10):  # 10% planted near-duplicates of earlier rows
        words[n - 1 - i] = _flip(rng, words[i], int(rng.integers(0, 40)))
    queries = np.stack([_flip(rng, words[int(rng.integers(0, n))], k % 41) for k in range(160)]
                       + [_random_words(rng, 1)[0] for _ in range(40)])
    return words, np.arange(10, 10 + n, dtype=np.int64), queries


@pytest.mark.parametrize("n", [5_000, pdq_index.MIN_MIH_SIZE + 7_000])
@pytest.mark.parametrize("threshold", [0, 8, 16, 31])
def test_search_equals_brute_force(n: int, threshold: int) -> None:
    words, ids, queries = _near_duplicate_data(n + threshold, n)
    index = PdqIndex.build(words, ids)
    for q in queries:
        got = {h.id: h.distance for h in index.search(q, threshold)}
        assert got == _brute(words, ids, q, threshold)


def test_multi_index_layout_is_used_at_size() -> None:
    words, ids, _ = _near_duplicate_data(1, pdq_index.MIN_MIH_SIZE)
    index = PdqIndex.build(words, ids)
    assert index._layout, "chunk tables expected above MIN_MIH_SIZE"
    assert sum(width for _, width in index._layout) == 256


@settings(max_examples=30, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(0, 31))
def test_property_recall_is_one_near_the_threshold(seed: int, threshold: int) -> None:
    rng = np.random.default_rng(seed)
    base = _random_words(rng, 2_000)
    # Force multi-index probing on small data by lowering the size floor for this index.
    index = PdqIndex()
    original = pdq_index.MIN_MIH_SIZE
    pdq_index.MIN_MIH_SIZE = 1
    try:
        index._set_static(base, np.arange(len(base), dtype=np.int64), threads=1)
    finally:
        pdq_index.MIN_MIH_SIZE = original
    q = _flip(rng, base[int(rng.integers(0, len(base)))], threshold)
    got = {h.id: h.distance for h in index.search(q, threshold)}
    assert got == _brute(base, np.arange(len(base)), q, threshold)


def test_results_are_sorted_nearest_first() -> None:
    rng = np.random.default_rng(3)
    base = _random_words(rng, 100)
    words = np.stack([_flip(rng, base[0], k) for k in (20, 5, 0, 12)] + list(base[1:]))
    hits = PdqIndex.build(words, np.arange(len(words))).search(base[0], 31)
    assert [h.distance for h in hits] == sorted(h.distance for h in hits)
    assert hits[0].distance == 0


def test_adds_are_searchable_at_once_and_removes_hide() -> None:
    words, ids, _ = _near_duplicate_data(5, pdq_index.MIN_MIH_SIZE + 100)
    index = PdqIndex.build(words, ids)
    rng = np.random.default_rng(9)
    new = _random_words(rng, 3)
    index.add(new, [900_001, 900_002, 900_003])
    assert {h.id for h in index.search(new[1], 0)} == {900_002}
    near = _flip(rng, new[2], 20)
    assert 900_003 in {h.id for h in index.search(near, 31)}
    index.remove([900_002, int(ids[0])])
    assert index.search(new[1], 0) == []
    assert int(ids[0]) not in {h.id for h in index.search(words[0], 0)}
    assert len(index) == len(words) + 3 - 2
    index.compact()
    assert index.delta_size == 0
    assert {h.id for h in index.search(new[2], 0)} == {900_003}
    assert index.search(new[1], 0) == []


def test_re_adding_an_id_replaces_it() -> None:
    rng = np.random.default_rng(2)
    a, b = _random_words(rng, 2)
    index = PdqIndex()
    index.add(a[None, :], [1])
    index.add(b[None, :], [1])
    assert index.search(a, 0) == [] and [h.id for h in index.search(b, 0)] == [1]


def test_save_and_load_round_trip_without_pickle(tmp_path: Path) -> None:
    words, ids, queries = _near_duplicate_data(4, pdq_index.MIN_MIH_SIZE + 10)
    index = PdqIndex.build(words[:-5], ids[:-5])
    index.add(words[-5:], ids[-5:])
    index.save(tmp_path / "idx")
    for name in ("words", "ids", "order", "offsets"):
        with open(tmp_path / "idx" / f"{name}.npy", "rb") as fh:
            assert fh.read(6) == b"\x93NUMPY"  # plain .npy, loaded with allow_pickle=False
    loaded = PdqIndex.load(tmp_path / "idx")
    for q in queries[:50]:
        assert loaded.search(q, 31) == index.search(q, 31)


def test_corrupt_index_files_raise_store_error(tmp_path: Path) -> None:
    words, ids, _ = _near_duplicate_data(4, 100)
    PdqIndex.build(words, ids).save(tmp_path / "idx")
    (tmp_path / "idx" / "ids.npy").write_bytes(b"garbage")
    with pytest.raises(StoreError):
        PdqIndex.load(tmp_path / "idx")
    (tmp_path / "idx" / "header.json").write_text("{}")
    with pytest.raises(StoreError):
        PdqIndex.load(tmp_path / "idx")


def test_hex_conversion_round_trips() -> None:
    hexes = ["d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22", "0" * 64, "f" * 64]
    words = pdq_hex_to_words(hexes)
    assert words.shape == (3, 4)
    assert pdq_words_to_hex(words) == hexes


def test_re_adding_a_static_id_hides_its_old_hash() -> None:
    words, ids, _ = _near_duplicate_data(8, pdq_index.MIN_MIH_SIZE + 50)
    index = PdqIndex.build(words, ids)
    rng = np.random.default_rng(4)
    replacement = _random_words(rng, 1)
    index.add(replacement, [int(ids[5])])
    assert index.search(words[5], 0) == []
    assert [h.id for h in index.search(replacement[0], 0)] == [int(ids[5])]
    assert len(index) == len(words)


def test_remove_on_a_loaded_read_only_index(tmp_path: Path) -> None:
    words, ids, _ = _near_duplicate_data(6, 1000)
    PdqIndex.build(words, ids).save(tmp_path / "idx")
    loaded = PdqIndex.load(tmp_path / "idx")
    loaded.remove([int(ids[3])])
    assert loaded.search(words[3], 0) == []
    assert [h.id for h in loaded.search(words[4], 0)] == [int(ids[4])]


def test_remove_and_replace_with_unsorted_ids() -> None:
    words, _, _ = _near_duplicate_data(12, pdq_index.MIN_MIH_SIZE + 10)
    ids = np.arange(len(words), dtype=np.int64)[::-1].copy() + 100  # descending ids
    index = PdqIndex.build(words, ids)
    index.remove([int(ids[7])])
    assert index.search(words[7], 0) == []
    assert [h.id for h in index.search(words[8], 0)] == [int(ids[8])]
    new = _random_words(np.random.default_rng(1), 1)
    index.add(new, [int(ids[9])])
    assert index.search(words[9], 0) == [] and [h.id for h in index.search(new[0], 0)] == [int(ids[9])]
