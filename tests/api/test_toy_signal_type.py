"""Adding a signal type is one module plus its entry point: a toy one, installed as a plug-in would be,
is hashed in a scan (worker processes included), matched against a bank, served by the API and exported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from childsafe.media import hash_file
from tests.api.conftest import Service
from tests.cli_runner import Cli
from tests.conftest import make_picture
from tests.media.toy_signal import ToyAhashSignal, toy_installed  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("toy_installed")


def _photos(tmp_path: Path) -> tuple[Path, Path]:
    """A picture and a smaller, re-compressed copy of it: other bytes, the same average hash."""
    original = tmp_path / "original.png"
    make_picture(7, (480, 360)).save(original)
    case = tmp_path / "case"
    case.mkdir()
    copy = case / "copy.jpg"
    make_picture(7, (480, 360)).resize((240, 180)).save(copy, quality=80)
    return original, copy


def test_the_toy_type_is_hashed_in_a_scan_matched_and_exported(tmp_path: Path) -> None:
    original, copy = _photos(tmp_path)
    banked = hash_file(original).value("toy_ahash")
    seen = hash_file(copy).value("toy_ahash")
    assert banked and seen and ToyAhashSignal.matches(banked, seen)
    cli = Cli(tmp_path / "home")
    (tmp_path / "list.te").write_text(f"toy_ahash {banked}\n", encoding="utf-8")
    cli.run("bank", "create", "toys")
    cli.run("bank", "import", "toys", str(tmp_path / "list.te"))

    lines = cli.json_lines("scan", str(tmp_path / "case"), "--workers", "2")
    item = next(line for line in lines if line.get("path", "").endswith("copy.jpg"))
    assert item["toy_ahash"] == seen  # hashed in a worker process, from the plug-in's own hasher
    assert [(m["bank"], m["signal_type"], m["signal"]) for m in item["matches"]] == [("toys", "toy_ahash", banked)]
    assert lines[-1]["matched"] == 1

    assert cli.run("bank", "export", "toys", "--format", "te").stdout == f"toy_ahash {banked}\n"
    csv_rows = cli.run("bank", "export", "toys", "--format", "csv").stdout.splitlines()
    assert csv_rows[1].startswith(f"toy_ahash,{banked},")
    # a hash-list format registered by the same plug-in
    assert cli.run("bank", "export", "toys", "--format", "toy_tab").stdout == f"toy_ahash\t{banked}\t\n"


def test_the_toy_type_is_served_by_the_api(tmp_path: Path, make_service: Any) -> None:
    original, copy = _photos(tmp_path)
    banked = hash_file(original).value("toy_ahash")
    seen = hash_file(copy).value("toy_ahash")
    svc: Service = make_service()  # after the plug-in is installed, as a server started then would be

    r = svc.api.post("/h/hash", params={"types": "toy_ahash"},
                     files={"photo": ("copy.jpg", copy.read_bytes(), "image/jpeg")})
    assert r.status_code == 200, r.text
    assert r.json() == {"toy_ahash": seen}
    assert svc.api.post("/h/hash", files={"photo": ("copy.jpg", copy.read_bytes(), "image/jpeg")}).json()[
        "toy_ahash"] == seen  # a photo type, so in HMA's default answer for photos

    assert svc.admin.post("/c/banks", json={"name": "TOYS"}).status_code == 201
    added = svc.admin.post("/c/bank/TOYS/signal", json={"toy_ahash": banked.upper()})
    assert added.status_code == 200, added.text
    assert added.json()["signals"] == {"toy_ahash": banked}
    entry = added.json()["id"]

    distance = ToyAhashSignal.distance(banked, seen)
    r = svc.api.get("/m/lookup", params={"signal_type": "toy_ahash", "signal": seen})
    assert r.json() == {"TOYS": [{"bank_content_id": entry, "distance": str(distance)}]}
    far = f"{int(banked, 16) ^ 0xFFFF_FFFF:016x}"
    assert svc.api.get("/m/lookup", params={"signal_type": "toy_ahash", "signal": far}).json() == {}
    assert svc.api.get("/m/lookup", params={"signal_type": "toy_ahash", "signal": "zz"}).status_code == 400

    native = svc.api.post("/api/v1/hash", params={"match": "true"},
                          files={"file": ("copy.jpg", copy.read_bytes(), "image/jpeg")}).json()
    assert native["toy_ahash"] == seen
    assert [(m["bank"], m["signal_type"]) for m in native["matches"]] == [("TOYS", "toy_ahash")]

    exported = svc.reviewer.get("/api/v1/banks/TOYS/export", params={"format": "te"})
    assert exported.status_code == 200
    assert exported.text == f"toy_ahash {banked}\n"
    tab = svc.reviewer.get("/api/v1/banks/TOYS/export", params={"format": "toy_tab"})
    assert tab.text == f"toy_ahash\t{banked}\t\n"
    assert json.loads(svc.api.get("/api/v1/lookup", params={"signal_type": "toy_ahash", "signal": seen}).text)[
        "matches"][0]["signal"] == banked
