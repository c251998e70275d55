from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from childsafe.errors import BankNotFoundError
from childsafe.matching import Matcher
from childsafe.media import hash_file
from childsafe.media.pdq_index import pdq_words_to_hex
from childsafe.store import NewEntry, SqlStore, open_store

BASE = "d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22"


def flip(hex_hash: str, bits: int) -> str:
    value = int(hex_hash, 16)
    for b in range(bits):
        value ^= 1 << (b * 7 % 256)
    return f"{value:064x}"


@pytest.fixture
def store(tmp_path: Path) -> SqlStore:
    s = open_store(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    yield s
    s.close()


@pytest.fixture
def index_dir(tmp_path: Path) -> Path:
    return tmp_path / "index"


def test_pdq_threshold_per_bank(store: SqlStore, index_dir: Path) -> None:
    store.create_bank("strict", pdq_threshold=10)
    store.create_bank("loose")
    store.add_entries("strict", [NewEntry("pdq", BASE, "cat-a", "src")])
    store.add_entries("loose", [NewEntry("pdq", BASE, "cat-b", "src")])
    m = Matcher(store, index_dir)
    assert {x.bank for x in m.match_signal("pdq", flip(BASE, 5)).matches} == {"strict", "loose"}
    assert {x.bank for x in m.match_signal("pdq", flip(BASE, 20)).matches} == {"loose"}
    assert m.match_signal("pdq", flip(BASE, 32)).matches == []
    record = m.match_signal("pdq", flip(BASE, 20)).to_record()
    assert record["matches"] == [{"bank": "loose", "signal_type": "pdq", "signal": BASE,
                                  "distance": 20, "label": "cat-b", "source": "src"}]


def test_exact_signals_match_only_when_equal(store: SqlStore, index_dir: Path) -> None:
    md5 = "9e107d9d372bb6826bd81d3542a419d6"
    store.create_bank("b")
    store.add_entries("b", [NewEntry("md5", md5, "x")])
    m = Matcher(store, index_dir)
    assert [x.distance for x in m.match_signal("md5", md5.upper()).matches] == [0]
    assert m.match_signal("md5", md5[:-1] + "7").matches == []
    assert m.match_signal("sha1", "0" * 40).matches == []
    # video_md5 is its own signal type even with equal digests
    assert m.match_signal("video_md5", md5).matches == []


def test_new_entries_are_matchable_without_a_rebuild(store: SqlStore, index_dir: Path) -> None:
    store.create_bank("b")
    rng = np.random.default_rng(0)
    words = rng.integers(0, 2**64 - 1, size=(3000, 4), dtype=np.uint64, endpoint=True)
    store.add_entries("b", [NewEntry("pdq", h) for h in pdq_words_to_hex(words)])
    Matcher(store, index_dir)  # builds and saves a snapshot
    snapshots = sorted(p.name for p in index_dir.iterdir())
    assert any(s.startswith("pdq.") for s in snapshots)
    store.add_entries("b", [NewEntry("pdq", BASE, "late")])
    m = Matcher(store, index_dir)
    assert sorted(p.name for p in index_dir.iterdir()) == snapshots  # no rebuild
    assert [x.label for x in m.match_signal("pdq", BASE).matches] == ["late"]
    # a long-running matcher picks entries up on refresh
    store.add_entries("b", [NewEntry("md5", "9e107d9d372bb6826bd81d3542a419d6", "later")])
    m.refresh()
    assert [x.label for x in m.match_signal("md5", "9e107d9d372bb6826bd81d3542a419d6").matches] == ["later"]


def test_deleted_entries_and_disabled_banks_do_not_match(store: SqlStore, index_dir: Path) -> None:
    store.create_bank("a")
    store.create_bank("b")
    store.add_entries("a", [NewEntry("pdq", BASE)])
    store.add_entries("b", [NewEntry("pdq", BASE)])
    Matcher(store, index_dir)
    store.remove_entries("a", "pdq", [BASE])
    store.set_bank_enabled("b", False)
    assert Matcher(store, index_dir).match_signal("pdq", BASE).matches == []
    store.set_bank_enabled("b", True)
    assert [x.bank for x in Matcher(store, index_dir).match_signal("pdq", BASE).matches] == ["b"]


def test_allowlist_suppresses_and_explains(store: SqlStore, index_dir: Path) -> None:
    store.create_bank("known")
    store.create_bank("fp", allowlist=True)
    store.add_entries("known", [NewEntry("pdq", BASE, "cat")])
    store.add_entries("fp", [NewEntry("pdq", flip(BASE, 3), "meme")])
    result = Matcher(store, index_dir).match_signal("pdq", BASE)
    assert result.matches == []
    assert [x.bank for x in result.allowlisted] == ["fp"]
    assert [x.bank for x in result.suppressed] == ["known"]
    assert "suppressed" in result.to_record()


def test_bank_filter(store: SqlStore, index_dir: Path) -> None:
    store.create_bank("a")
    store.create_bank("b")
    store.add_entries("a", [NewEntry("pdq", BASE)])
    store.add_entries("b", [NewEntry("pdq", BASE)])
    assert [x.bank for x in Matcher(store, index_dir, banks=["b"]).match_signal("pdq", BASE).matches] == ["b"]
    with pytest.raises(BankNotFoundError):
        Matcher(store, index_dir, banks=["nope"])


def test_snapshot_is_rebuilt_after_mass_deletion(store: SqlStore, index_dir: Path) -> None:
    store.create_bank("b")
    hexes = [f"{i:064x}" for i in range(1, 101)]
    store.add_entries("b", [NewEntry("pdq", h) for h in hexes])
    Matcher(store, index_dir)
    store.remove_entries("b", "pdq", hexes[:50])
    Matcher(store, index_dir)
    (snap,) = [p for p in index_dir.iterdir() if p.name.startswith("pdq.")]
    assert json.loads((snap / "header.json").read_text())["size"] == 50


def test_corrupt_snapshot_is_rebuilt(store: SqlStore, index_dir: Path) -> None:
    store.create_bank("b")
    store.add_entries("b", [NewEntry("pdq", BASE)])
    Matcher(store, index_dir)
    (snap,) = [p for p in index_dir.iterdir() if p.name.startswith("pdq.")]
    (snap / "words.npy").write_bytes(b"junk")
    assert len(Matcher(store, index_dir).match_signal("pdq", BASE).matches) == 1


def test_file_matching_with_dihedral_and_quality(
    store: SqlStore, index_dir: Path, picture_file, tmp_path: Path
) -> None:
    from PIL import Image

    from childsafe.media import HashOptions

    original = picture_file("o.png", seed=31)
    with Image.open(original) as im:
        im.transpose(Image.Transpose.FLIP_LEFT_RIGHT).save(tmp_path / "mirror.png")
    h = hash_file(original)
    store.create_bank("b")
    store.add_entries("b", [NewEntry("pdq", h.pdq.hash, "x")])
    m = Matcher(store, index_dir)
    mirror_plain = hash_file(tmp_path / "mirror.png")
    mirror_dih = hash_file(tmp_path / "mirror.png", HashOptions(dihedral=True))
    assert m.match_file(mirror_plain).matches == []
    assert len(m.match_file(mirror_dih).matches) == 1
    # a low-quality hash is reported but never matched
    flat = tmp_path / "flat.png"
    Image.new("RGB", (64, 64), (200, 200, 200)).save(flat)
    hf = hash_file(flat)
    assert hf.pdq is not None and hf.pdq.quality < 50
    store.add_entries("b", [NewEntry("pdq", hf.pdq.hash)])
    assert Matcher(store, index_dir).match_file(hf).matches == []


def test_in_memory_store_needs_no_index_dir() -> None:
    s = open_store("sqlite:///:memory:")
    s.create_bank("b")
    s.add_entries("b", [NewEntry("pdq", BASE)])
    assert len(Matcher(s, None).match_signal("pdq", BASE).matches) == 1


def test_refresh_picks_up_a_wider_threshold(store: SqlStore, index_dir: Path) -> None:
    store.create_bank("b", pdq_threshold=10)
    store.add_entries("b", [NewEntry("pdq", BASE)])
    m = Matcher(store, index_dir)
    assert m.match_signal("pdq", flip(BASE, 40)).matches == []
    store.set_bank_threshold("b", 45)
    m.refresh()
    assert [x.distance for x in m.match_signal("pdq", flip(BASE, 40)).matches] == [40]


def test_emptied_bank_leaves_no_snapshot(store: SqlStore, index_dir: Path) -> None:
    store.create_bank("b")
    store.add_entries("b", [NewEntry("pdq", BASE)])
    Matcher(store, index_dir)
    store.delete_bank("b")
    Matcher(store, index_dir)
    assert not [p for p in index_dir.iterdir() if p.name.startswith("pdq.")]


def test_a_scoped_allowlist_entry_silences_only_matches_at_least_as_far_and_never_exact(
        store: SqlStore, index_dir: Path) -> None:
    from sqlalchemy import insert

    from childsafe.matching import scope_suppresses
    from childsafe.store.base import AllowlistScope
    from childsafe.store.schema import allowlist_scopes

    sha = "ab" * 32
    scopes = [AllowlistScope("known", "pdq", BASE, 6)]
    assert scope_suppresses(scopes, "known", "pdq", BASE, 6) and scope_suppresses(scopes, "known", "pdq", BASE, 9)
    assert not scope_suppresses(scopes, "known", "pdq", BASE, 5)  # closer to the listed item than the reviewed file
    assert not scope_suppresses(scopes, "other", "pdq", BASE, 9)  # a bank entry the reviewer did not see
    assert not scope_suppresses([AllowlistScope("known", "sha256", sha, 0)], "known", "sha256", sha, 0)  # exact
    store.create_bank("known")
    store.create_bank("fp", allowlist=True)
    store.add_entries("known", [NewEntry("pdq", BASE, "cat"), NewEntry("sha256", sha, "cat")])
    store.add_entries("fp", [NewEntry("pdq", flip(BASE, 6), "reviewed")])
    [entry] = list(store.iter_entries("fp"))
    with store.engine.begin() as conn:
        conn.execute(insert(allowlist_scopes).values(
            entry_id=entry.id, review_item="media:/r.jpg", bank="known", signal_type="pdq", signal=BASE, distance=6,
            actor="rita", added_at=entry.added_at))
    matcher = Matcher(store, index_dir)
    far = matcher.match_signal("pdq", flip(BASE, 8))  # 8 bits from the entry, 2 from the reviewed file
    assert far.matches == [] and [m.label for m in far.suppressed] == ["cat"]
    close = matcher.match_signal("pdq", flip(BASE, 3))  # 3 bits: closer than the reviewed file
    assert [m.label for m in close.matches] == ["cat"] and close.allowlisted == [] and close.suppressed == []
