"""One walk, many analysers: scan, triage and faces index read archives, resume and report alike.

Only generated pictures and the shared ordinary portraits (``../shared/data/faces``) are used.
"""

from __future__ import annotations

import io
import json
import os
import signal
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PIL import Image
from tests.conftest import make_picture
from tests.triage.test_triage import FakeClassifier  # flags reddish pictures: plumbing only

from childsafe.errors import ConfigError
from childsafe.matching import Matcher
from childsafe.media.hashing import hash_file
from childsafe.scan import ScanOptions
from childsafe.store import NewEntry, open_store
from childsafe.triage import TriageOptions, triage_path
from childsafe.triage.classifiers import ClassifierFinding

# The pipeline's own names are imported inside the tests that use them, so that each test of this
# module fails on its own assertion against a version without them.


def png_bytes(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def portrait(shared_data: Path) -> Image.Image:
    with Image.open(shared_data / "faces" / "biden.jpg") as opened:
        return opened.convert("RGB")


def write_hostile_case(folder: Path) -> None:
    """A corrupt photo and an archive with a path-escaping member, a zip bomb and a good picture."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "corrupt.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 300)
    with zipfile.ZipFile(folder / "hostile.zip", "w") as zf:
        zf.writestr("../escape.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 300)
        zf.writestr("bomb.bin", b"\x00" * 5_000_000, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("ok.png", png_bytes(make_picture(31, (64, 48))))


# -- triage -------------------------------------------------------------------------------------------

def test_triage_gives_a_known_image_inside_a_zip_its_known_media_priority(tmp_path: Path) -> None:
    known = tmp_path / "known.png"
    make_picture(41).save(known)
    case = tmp_path / "case"
    case.mkdir()
    with zipfile.ZipFile(case / "holiday.zip", "w") as zf:
        zf.write(known, "photos/known.png")
        zf.writestr("photos/other.png", png_bytes(make_picture(42)))
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        store.create_bank("iwf")
        store.add_entries("iwf", [NewEntry(k, v, "cat-a", "case-1") for k, v in hash_file(known).signals().items()])
        results = {r.path: r for r in triage_path(case, Matcher(store, tmp_path / "index"), [], None)}
    finally:
        store.close()
    member = results[f"{case / 'holiday.zip'}!/photos/known.png"]
    assert member.priority == 1.0 and "bank 'iwf', label 'cat-a'" in member.reasons[0]
    assert results[f"{case / 'holiday.zip'}!/photos/other.png"].priority == 0.0
    assert any("each member is triaged on its own line" in x for x in results[str(case / "holiday.zip")].reasons)


class InterruptingClassifier(FakeClassifier):
    """Counts what it looks at; after ``stop_after`` pictures it presses Ctrl-C (SIGINT to this process)."""

    name = "counting"

    def __init__(self, stop_after: int | None = None) -> None:
        self.seen = 0
        self.stop_after = stop_after

    def classify(self, rgb: np.ndarray) -> list[ClassifierFinding]:
        self.seen += 1
        if self.stop_after is not None and self.seen == self.stop_after:
            os.kill(os.getpid(), signal.SIGINT)
        return super().classify(rgb)


def make_triage_case(folder: Path) -> None:
    folder.mkdir()
    for i in range(4):
        make_picture(50 + i).save(folder / f"p{i}.png")
    Image.new("RGB", (60, 60), (250, 10, 10)).save(folder / "red.png")
    with zipfile.ZipFile(folder / "more.zip", "w") as zf:
        for i in range(3):
            zf.writestr(f"m{i}.png", png_bytes(make_picture(60 + i)))


def test_triage_resumes_after_an_interruption(tmp_path: Path) -> None:
    from childsafe.scan.jobs import triage_tree
    from childsafe.triage.engine import TriageAnalyser

    case = tmp_path / "case"
    make_triage_case(case)
    clean, _ = triage_tree(case, None, None, TriageAnalyser([InterruptingClassifier()], None, TriageOptions()),
                           in_process=True)
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        first = InterruptingClassifier(stop_after=3)
        done, summary = triage_tree(case, store, None, TriageAnalyser([first], None, TriageOptions()),
                                    in_process=True)
        assert summary.interrupted and [Path(r.path).name for r in done][0] == "more.zip" and len(done) == 4
        again = InterruptingClassifier()
        resumed, summary = triage_tree(case, store, None, TriageAnalyser([again], None, TriageOptions()),
                                       in_process=True)
    finally:
        store.close()
    assert not summary.interrupted and summary.resumed == 1  # the zip, finished with its members
    assert (first.seen, again.seen) == (3, 5)  # nothing finished before Ctrl-C is looked at again
    assert {r.path: (r.priority, r.reasons) for r in resumed} == {r.path: (r.priority, r.reasons) for r in clean}


def test_cli_triage_resumes_and_reads_archives(cli: Any, tmp_path: Path) -> None:
    case = tmp_path / "case"
    make_triage_case(case)
    first = cli.run("triage", str(case), "--no-nudenet", "--face-detector", "none", "--workers", "2")
    second = cli.run("triage", str(case), "--no-nudenet", "--face-detector", "none")
    assert "resumed" not in first.stderr
    assert "6 resumed from an earlier run" in second.stderr  # the 5 files and the zip
    paths = [json.loads(x)["path"] for x in first.stdout.splitlines()]
    assert sorted(paths) == sorted(json.loads(x)["path"] for x in second.stdout.splitlines())
    assert sum("more.zip!/" in p for p in paths) == 3


# -- faces index --------------------------------------------------------------------------------------

def test_faces_index_indexes_a_face_inside_a_zip_member(cli: Any, tmp_path: Path, shared_data: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    with zipfile.ZipFile(case / "photos.zip", "w") as zf:
        zf.writestr("crew/portrait.png", png_bytes(portrait(shared_data)))
        zf.writestr("crew/abstract.png", png_bytes(make_picture(5)))
    lines = cli.json_lines("faces", "index", str(case), "--workers", "2")  # models rebuilt in each worker
    by_path = {x["path"]: x for x in lines if "path" in x}
    member = f"{case / 'photos.zip'}!/crew/portrait.png"
    assert len(by_path[member]["faces"]) == 1 and by_path[member]["error"] is None
    assert by_path[f"{case / 'photos.zip'}!/crew/abstract.png"]["faces"] == []
    assert lines[-1]["faces"] == 1 and lines[-1]["errors"] == 0
    found = cli.json_lines("faces", "search", str(shared_data / "faces" / "biden.jpg"))[0]["matches"]
    assert [m["path"] for m in found] == [member] and found[0]["distance"] < 0.1  # the member's own descriptor


def test_faces_index_resumes_after_an_interruption(tmp_path: Path, shared_data: Path) -> None:
    from childsafe.faces.indexing import FaceAnalyser
    from childsafe.media.analysis import MediaItem
    from childsafe.scan.jobs import index_faces_tree

    class InterruptingFaces(FaceAnalyser):
        def __init__(self, stop_after: int | None = None) -> None:
            super().__init__("hog")
            self.seen, self.stop_after = 0, stop_after

        def analyse(self, item: MediaItem) -> dict[str, Any]:
            self.seen += 1
            if self.stop_after is not None and self.seen == self.stop_after:
                os.kill(os.getpid(), signal.SIGINT)
            return super().analyse(item)

    case = tmp_path / "case"
    case.mkdir()
    portrait(shared_data).save(case / "a-portrait.png")
    for i in range(3):
        make_picture(70 + i).save(case / f"b{i}.png")
    with zipfile.ZipFile(case / "c.zip", "w") as zf:
        zf.writestr("portrait.png", png_bytes(portrait(shared_data)))
    options = ScanOptions(progress=False, in_process=True, retry_errors=False)
    store = open_store(f"sqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        first = InterruptingFaces(stop_after=2)
        counts, summary = index_faces_tree(case, store, first, options)
        assert summary.interrupted and counts["indexed"] == 2
        again = InterruptingFaces()
        counts, summary = index_faces_tree(case, store, again, options)
        assert not summary.interrupted and counts["skipped"] == 2
        assert again.seen == 3  # b1, b2 and the zip's member: nothing finished was analysed again
        faces = store.load_faces()
    finally:
        store.close()
    assert sorted(key.split("/case/")[1] for key, *_ in faces) == ["a-portrait.png", "c.zip!/portrait.png"]


# -- one shape of per-item errors ----------------------------------------------------------------------

def test_per_item_errors_look_the_same_in_scan_triage_and_faces_index(cli: Any, tmp_path: Path) -> None:
    case = tmp_path / "case"
    write_hostile_case(case)

    def errors(*command: str) -> dict[str, str]:
        lines = cli.json_lines(*command, str(case))
        return {x["path"]: x["error"] for x in lines if "path" in x and x.get("error")}

    scanned = errors("scan")
    assert scanned == errors("triage", "--no-nudenet", "--face-detector", "none") == errors("faces", "index")
    assert set(scanned) == {str(case / "corrupt.jpg"), f"{case / 'hostile.zip'}!/../escape.jpg",
                            f"{case / 'hostile.zip'}!/bomb.bin"}
    assert "zip bomb" in scanned[f"{case / 'hostile.zip'}!/bomb.bin"]


@pytest.mark.parametrize("command", [("scan",), ("triage", "--no-nudenet", "--face-detector", "none"),
                                     ("faces", "index")])
def test_every_command_lists_archive_members(cli: Any, tmp_path: Path, command: tuple[str, ...]) -> None:
    case = tmp_path / "case"
    write_hostile_case(case)
    paths = {x["path"] for x in cli.json_lines(*command, str(case)) if "path" in x}
    assert f"{case / 'hostile.zip'}!/ok.png" in paths and str(case / "hostile.zip") in paths


def test_a_video_inside_a_zip_is_looked_at_from_a_private_copy_then_removed(tmp_path: Path) -> None:
    from childsafe.media.spool import process_spool_dir

    clip = Path(__file__).resolve().parents[2] / "src" / "childsafe" / "samples" / "clip.mp4"
    case = tmp_path / "case"
    case.mkdir()
    with zipfile.ZipFile(case / "clips.zip", "w") as zf:
        zf.write(clip, "clip.mp4")
    [archive, member] = triage_path(case, None, [FakeClassifier()], None,
                                    TriageOptions(video_every_seconds=2.0, video_max_frames=3))
    assert member.path.endswith("clips.zip!/clip.mp4") and member.signals.analysed
    assert any(x.startswith("video: ") and "frames looked at" in x for x in member.reasons)
    assert list(process_spool_dir().iterdir()) == []  # the copies for hashing and for looking are gone


def test_analysers_follow_the_protocol_and_travel_to_workers_as_recipes() -> None:
    import pickle

    from childsafe.faces.indexing import FaceAnalyser
    from childsafe.media.analysis import Analyser
    from childsafe.triage.engine import TriageAnalyser, TriageModels

    models = TriageModels(classifiers=(), face_detector=None)
    triage = TriageAnalyser([FakeClassifier()], None, TriageOptions(), rebuild=models.load)
    faces = FaceAnalyser("hog")
    for analyser in (triage, faces):
        assert isinstance(analyser, Analyser)
        copy = pickle.loads(pickle.dumps(analyser))  # what a worker process receives
        assert copy.fingerprint() == analyser.fingerprint()
        copy.setup()
    assert triage.classifiers and pickle.loads(pickle.dumps(triage)).classifiers is None  # rebuilt, not sent
    with pytest.raises(ConfigError, match="unknown face detector"):
        FaceAnalyser("nope")
