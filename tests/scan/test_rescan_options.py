"""Issue 15: every hashing option change makes a rescan hash again; phone photos match both ways in a scan."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
import pdqhash
import pytest
from PIL import Image
from tests.conftest import make_picture

from childsafe.matching import Matcher
from childsafe.media import hashing
from childsafe.media.archives.limits import ArchiveLimits
from childsafe.media.hashing import HashOptions
from childsafe.media.video import VideoLimits
from childsafe.scan import ScanOptions, run_scan
from childsafe.store import NewEntry
from childsafe.store.sql import open_store

# One changed value per hashing option (pdq_quality_min changes matching, not hashing: left out).
CHANGED_HASH_OPTIONS: dict[str, Any] = {
    "max_image_pixels": 1_000_000,
    "max_file_bytes": 1_000,
    "dihedral": True,
    "perceptual": False,
    "video_limits": VideoLimits(max_frames=7),
}


def test_every_hashing_option_is_covered_here() -> None:
    names = {f.name for f in dataclasses.fields(HashOptions)} - {"pdq_quality_min"}
    assert names == set(CHANGED_HASH_OPTIONS)


@pytest.mark.parametrize(("name", "value"), sorted(CHANGED_HASH_OPTIONS.items()))
def test_a_hashing_option_change_changes_hashed_with(name: str, value: Any) -> None:
    base = ScanOptions()
    changed = ScanOptions(hash_options=dataclasses.replace(HashOptions(), **{name: value}))
    assert changed.hashed_with() != base.hashed_with()


@pytest.mark.parametrize("name", [f.name for f in dataclasses.fields(ArchiveLimits)])
def test_an_archive_limit_change_changes_hashed_with(name: str) -> None:
    limits = ArchiveLimits()
    changed = dataclasses.replace(limits, **{name: getattr(limits, name) + 1})
    assert ScanOptions(archive_limits=changed).hashed_with() != ScanOptions().hashed_with()


def test_a_new_hashing_version_or_signal_type_changes_hashed_with(monkeypatch: pytest.MonkeyPatch) -> None:
    base = ScanOptions().hashed_with()
    monkeypatch.setattr(hashing, "HASHING_VERSION", hashing.HASHING_VERSION + 1)
    assert ScanOptions().hashed_with() != base
    monkeypatch.undo()
    assert ScanOptions().hashed_with() == base
    monkeypatch.setattr(hashing, "signal_types", lambda: [])
    assert ScanOptions().hashed_with() != base


def _phone_photo(path: Path) -> str:
    """Write a photo stored landscape with EXIF orientation 6; its PDQ as HMA computes it."""
    exif = Image.Exif()
    exif[0x0112] = 6
    make_picture(5, (480, 320)).save(path, exif=exif, quality=95)
    with Image.open(path) as im:
        bits, _ = pdqhash.compute(np.asarray(im.convert("RGB")))
    return np.packbits(bits.astype(np.uint8)).tobytes().hex()


def test_scan_matches_a_phone_photo_banked_by_hma_and_a_rescan_with_an_older_version_hashes_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    case = tmp_path / "case"
    case.mkdir()
    hma_hash = _phone_photo(case / "phone.jpg")
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        store.create_bank("hma")
        store.add_entries("hma", [NewEntry("pdq", hma_hash, "from hma", "hma export")])
        # A record as the previous version stored it: hashed with another fingerprint, no as-stored hash.
        monkeypatch.setattr(hashing, "HASHING_VERSION", 1)
        old: list[dict[str, Any]] = []
        run_scan(case, store, Matcher(store), ScanOptions(progress=False), old.append)
        monkeypatch.undo()
        reported: list[dict[str, Any]] = []
        summary = run_scan(case, store, Matcher(store), ScanOptions(progress=False), reported.append)
        assert summary.resumed == 0  # hashed again, not resumed from the older record
        (record,) = reported
        assert record["exif_orientation"] == 6 and record["pdq_as_stored"]
        (match,) = record["matches"]
        assert (match["bank"], match["signal_type"], match["orientation"]) == ("hma", "pdq", "as_stored")
        again: list[dict[str, Any]] = []
        assert run_scan(case, store, Matcher(store), ScanOptions(progress=False), again.append).resumed == 1
        assert again[0]["matches"][0]["orientation"] == "as_stored"  # rematched from the stored record
    finally:
        store.close()
