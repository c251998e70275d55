"""Matcher.match_signals: one result per signal, the same as match_signal, on either search path."""

from __future__ import annotations

import numpy as np
import pytest
from tests.graph.graphkit import flip_bits, pdq_of, sha_of

import childsafe.media.signal_index as signal_index
from childsafe.errors import InvalidSignalError
from childsafe.matching import Matcher, MatchResult
from childsafe.media.signal_index import PdqSignalIndex
from childsafe.store.base import NewEntry
from childsafe.store.sql import SqlStore

ENTRIES = [pdq_of(100 + i) for i in range(5)]


@pytest.fixture
def banked(store: SqlStore) -> SqlStore:
    store.create_bank("wide")  # threshold 31
    store.create_bank("tight", pdq_threshold=8)
    store.create_bank("benign", allowlist=True)
    store.add_entries("wide", [NewEntry("pdq", p, label=f"w{i}") for i, p in enumerate(ENTRIES[:3])]
                      + [NewEntry("sha256", sha_of("w"), label="w-sha")])
    store.add_entries("tight", [NewEntry("pdq", ENTRIES[3], label="t0"), NewEntry("pdq", ENTRIES[0], label="t-dup")])
    store.add_entries("benign", [NewEntry("pdq", ENTRIES[4], label="meme"), NewEntry("pdq", ENTRIES[2], label="meme2")])
    return store


def queries(n_random: int) -> list[str]:
    rng = np.random.default_rng(5)
    out = []
    for entry in ENTRIES:
        for bits in (0, 1, 5, 8, 9, 20, 31, 32, 45):
            out.append(flip_bits(entry, rng.choice(256, bits, replace=False).tolist()))
    out += [pdq_of(900 + i) for i in range(n_random)]
    out += ["not a hash", "", ENTRIES[0].upper(), "  " + ENTRIES[3] + " "]
    return out


def one_by_one(matcher: Matcher, signals: list[str]) -> list[MatchResult]:
    out = []
    for s in signals:
        try:
            out.append(matcher.match_signal("pdq", s))
        except InvalidSignalError:
            out.append(MatchResult())
    return out


def as_tuples(results: list[MatchResult]) -> list[tuple[object, ...]]:
    return [(r.matches, r.allowlisted, r.suppressed) for r in results]


@pytest.mark.parametrize("n_random", [0, 40])
def test_match_signals_equals_match_signal_per_item(banked: SqlStore, n_random: int,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    matcher = Matcher(banked)
    calls = []
    original = PdqSignalIndex._inverted  # the PDQ index turns the search around itself

    def spy(self: PdqSignalIndex, values: list[str], radius: int) -> object:
        calls.append(len(values))
        return original(self, values, radius)

    monkeypatch.setattr(PdqSignalIndex, "_inverted", spy)
    signals = queries(n_random)
    assert len(matcher._pdq) == 7  # every PDQ entry of every bank, allowlists included
    inverted = len(signals) - 2 > signal_index.INVERT_FACTOR * 7  # two of the signals are invalid
    assert inverted == (n_random > 0)  # both search paths are exercised
    got = matcher.match_signals("pdq", signals)
    assert len(got) == len(signals)
    assert calls == ([len(signals) - 2] if inverted else [])
    assert as_tuples(got) == as_tuples(one_by_one(matcher, signals))
    # and the comparison is not vacuous: near copies match, far ones do not, allowlists suppress
    first = got[: 9]  # ENTRIES[0] at 0..45 bits: wide (31) and tight (8) banks
    assert [sorted(m.label or "" for m in r.matches) for r in first] == [
        ["t-dup", "w0"], ["t-dup", "w0"], ["t-dup", "w0"], ["t-dup", "w0"], ["w0"], ["w0"], ["w0"], [], []]
    assert [m.distance for m in first[4].matches] == [9]
    meme = got[36:45]  # ENTRIES[4]: only on the allowlist
    assert all(not r.matches and r.allowlisted for r in meme[:7])
    both = got[18:27]  # ENTRIES[2]: on the wide list and the allowlist: suppressed
    assert not both[0].matches and [m.label for m in both[0].suppressed] == ["w2"]
    assert got[-2].matches and got[-1].matches  # upper case and padding normalise
    assert got[-4] == MatchResult() and got[-3] == MatchResult()


def test_inverted_search_respects_deleted_entries_and_bank_filters(banked: SqlStore) -> None:
    banked.remove_entries("wide", "pdq", [ENTRIES[1]])
    signals = queries(60)
    for banks in (None, ["tight"]):
        matcher = Matcher(banked, banks=banks)
        got = matcher.match_signals("pdq", signals)
        assert as_tuples(got) == as_tuples(one_by_one(matcher, signals))
        assert not any(r.matches for r in got[9:18])  # ENTRIES[1] was removed
        labels = {m.label for r in got for m in r.matches}
        assert labels == ({"t0", "t-dup"} if banks else {"w0", "t0", "t-dup"})


def test_exact_signals_in_bulk(banked: SqlStore) -> None:
    matcher = Matcher(banked)
    signals = [sha_of("w"), sha_of("w").upper(), sha_of("x"), "zz"]
    got = matcher.match_signals("sha256", signals)
    assert [[m.label for m in r.matches] for r in got] == [["w-sha"], ["w-sha"], [], []]
    assert matcher.match_signals("pdq", []) == []


def test_an_empty_pdq_index_matches_nothing_in_bulk(store: SqlStore) -> None:
    store.create_bank("empty")
    assert as_tuples(Matcher(store).match_signals("pdq", queries(10))) == [([], [], [])] * len(queries(10))
