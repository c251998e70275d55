"""``bank import`` and ``bank export`` with the formats other tools write (issue 15)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from tests.cli_runner import Cli

PDQ = "d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22"


def test_import_skips_non_media_lines_and_reports_them(cli: Cli, tmp_path: Path) -> None:
    sha256 = hashlib.sha256(b"clip").hexdigest()
    te = tmp_path / "collab.te"
    te.write_text(f"url https://example.com/\npdq {PDQ}\nraw_text add me on snap\nvideo_sha256 {sha256}\n")
    cli.json_lines("bank", "create", "b")
    report = cli.json_lines("bank", "import", "b", str(te))[0]
    assert (report["added"], report["invalid"], report["skipped"]) == (2, 0, 2)
    assert [s["line"] for s in report["skipped_lines"]] == [1, 3]
    out = tmp_path / "out.te"
    cli.run("bank", "export", "b", "--format", "te", "-o", str(out))
    assert f"video_sha256 {sha256}" in out.read_text().splitlines()


def test_import_bare_signals_with_signal_type(cli: Cli, tmp_path: Path) -> None:
    hashes = tmp_path / "md5s.txt"
    hashes.write_text("".join(hashlib.md5(bytes([i])).hexdigest() + "\n" for i in range(5)))
    cli.json_lines("bank", "create", "b")
    proc = cli.run("bank", "import", "b", str(hashes), check=4)  # no type: an unknown format
    assert "--signal-type" in proc.stderr
    report = cli.json_lines("bank", "import", "b", str(hashes), "--signal-type", "md5")[0]
    assert report["added"] == 5
    assert cli.run("bank", "import", "b", str(hashes), "--signal-type", "nope", check=2)
    assert cli.run("bank", "import", "b", str(hashes), "--signal-type", "md5", "--format", "csv", check=2)


def test_export_vics_writes_one_media_object_per_added_file(cli: Cli, picture_file, tmp_path: Path) -> None:
    first, second = picture_file("a.jpg", seed=1), picture_file("b.jpg", seed=2)
    cli.json_lines("bank", "create", "b")
    cli.json_lines("bank", "add", "b", str(first), str(second), "--label", "category:1")
    out = tmp_path / "b.json"
    cli.run("bank", "export", "b", "--format", "vics", "-o", str(out))
    document = json.loads(out.read_text())
    assert list(document)[0] == "odata.metadata"
    assert document["odata.metadata"] == "http://github.com/ICMEC/ProjectVic/DataModels/1.3.xml#Media"
    media = document["value"]
    assert len(media) == 2
    for record, path in zip(media, (first, second), strict=True):
        data = path.read_bytes()
        assert record["Category"] == 1
        assert record["MD5"] == hashlib.md5(data).hexdigest().upper()
        assert record["SHA1"] == hashlib.sha1(data).hexdigest().upper()
        assert record["SHA256"] == hashlib.sha256(data).hexdigest().upper()
