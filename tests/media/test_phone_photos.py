"""Phone photos (issue 15): a photo turned by its EXIF orientation matches lists made either way.

childsafe hashes a photo as shown (orientation applied); HMA and python-threatexchange hash the
pixels as stored (``threatexchange/signal_type/pdq/pdq_hasher.py`` opens the file with Pillow and
hashes it without ``exif_transpose``).  Such a photo gets both, and a match says which matched.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pdqhash
import pytest
from PIL import Image
from tests.conftest import make_picture

from childsafe.matching import Matcher
from childsafe.media import hash_file
from childsafe.media.hashing import FileHashes, HashOptions
from childsafe.media.signals import pdq_distance
from childsafe.store import NewEntry, SqlStore, open_store

ORIENTATION = 0x0112


def phone_photo(path: Path, orientation: int, seed: int = 3) -> Path:
    """A JPEG stored landscape with an EXIF orientation, as a phone held upright writes it."""
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    make_picture(seed, (480, 320)).save(path, exif=exif, quality=95)
    return path


def hma_pdq(path: Path) -> str:
    """PDQ the way HMA and ThreatExchange compute it: the pixels as stored, orientation ignored."""
    with Image.open(path) as im:
        bits, _quality = pdqhash.compute(np.asarray(im.convert("RGB")))
    return np.packbits(bits.astype(np.uint8)).tobytes().hex()


@pytest.fixture
def store(tmp_path: Path) -> SqlStore:
    s = open_store(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    yield s
    s.close()


@pytest.mark.parametrize("orientation", [3, 6, 8, 2, 5])
def test_turned_photo_gets_both_pdq_hashes(tmp_path: Path, orientation: int) -> None:
    path = phone_photo(tmp_path / "phone.jpg", orientation)
    hashes = hash_file(path)
    assert hashes.error is None and hashes.pdq is not None
    stored = hashes.hashed["pdq"].as_stored
    assert stored is not None
    assert pdq_distance(stored, hma_pdq(path)) <= 16  # the same pixels (draft decoding drifts a few bits)
    assert pdq_distance(hashes.pdq.hash, hma_pdq(path)) > 40  # as shown is another picture to PDQ
    record = hashes.to_record()
    assert record["pdq_as_stored"] == stored and record["exif_orientation"] == orientation
    back = FileHashes.from_record(record)  # a stored scan record keeps both (resumed scans rematch)
    assert back.hashed["pdq"].as_stored == stored and back.exif_orientation == orientation


@pytest.mark.parametrize("orientation", [None, 1])
def test_upright_photo_gets_one_hash(tmp_path: Path, orientation: int | None) -> None:
    path = tmp_path / "p.jpg"
    if orientation is None:
        make_picture(3, (480, 320)).save(path)
    else:
        phone_photo(path, orientation)
    hashes = hash_file(path)
    assert hashes.hashed["pdq"].as_stored is None
    record = hashes.to_record()
    assert "pdq_as_stored" not in record and "exif_orientation" not in record
    assert pdq_distance(hashes.pdq.hash if hashes.pdq else "", hma_pdq(path)) <= 16


def test_either_hash_matches_and_the_match_says_which(store: SqlStore, tmp_path: Path) -> None:
    path = phone_photo(tmp_path / "phone.jpg", 6)
    hashes = hash_file(path)
    assert hashes.pdq is not None
    store.create_bank("from-hma")
    store.add_entries("from-hma", [NewEntry("pdq", hma_pdq(path), "hma", "te")])
    store.create_bank("ours")
    store.add_entries("ours", [NewEntry("pdq", hashes.pdq.hash, "ours", "bank add")])
    result = Matcher(store, tmp_path / "index").match_file(hashes)
    by_bank = {m.bank: m.to_record() for m in result.matches}
    assert by_bank["from-hma"]["orientation"] == "as_stored" and by_bank["from-hma"]["signal_type"] == "pdq"
    assert by_bank["ours"]["orientation"] == "as_shown" and by_bank["ours"]["distance"] == 0


def test_a_match_on_an_upright_photo_carries_no_orientation(store: SqlStore, tmp_path: Path) -> None:
    path = tmp_path / "p.jpg"
    make_picture(4, (480, 320)).save(path)
    hashes = hash_file(path)
    assert hashes.pdq is not None
    store.create_bank("b")
    store.add_entries("b", [NewEntry("pdq", hashes.pdq.hash)])
    (match,) = Matcher(store, tmp_path / "index").match_file(hashes).matches
    assert "orientation" not in match.to_record()


def test_dihedral_needs_no_second_set_of_variants(tmp_path: Path) -> None:
    hashes = hash_file(phone_photo(tmp_path / "phone.jpg", 6), HashOptions(dihedral=True))
    signal = hashes.hashed["pdq"]
    assert len(signal.dihedral) == 8 and signal.as_stored is not None
    assert min(pdq_distance(signal.as_stored, v) for v in signal.dihedral) <= 16  # one turn is the stored one
