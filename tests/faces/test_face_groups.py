"""Face groups across files and accounts, on real portraits scikit-image ships (never anything else)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from tests.postgres import postgres_url, reset_postgres

from childsafe.case.report import CaseReportInput, render_html
from childsafe.case.report.kinds import finding_line
from childsafe.faces import get_detector, load_rgb
from childsafe.faces.describe import MATCH_THRESHOLD, FaceDescriber
from childsafe.faces.groups import FaceGroup, face_group_findings, group_indexed_faces
from childsafe.faces.index import FaceIndex
from childsafe.faces.indexing import IndexedFaces, index_files, load_face_index
from childsafe.store.base import ScanRecord
from childsafe.store.face_groups import face_group_findings as store_face_group_findings
from childsafe.store.face_groups import group_faces
from childsafe.store.graph import GraphStore
from childsafe.store.sql import SqlStore, open_store

pytest.importorskip("skimage")
pytest.importorskip("dlib")
pytest.importorskip("faiss")

from childsafe.testing.face_photos import edited_face, face_photo  # noqa: E402

# file -> (portrait, edit): the astronaut in three files (mirrored, cropped), LFW face 18 in two, LFW face 26 once.
FILES = {"astro.png": ("astronaut", "none"), "astro_mirror.jpg": ("astronaut", "mirror"),
         "astro_crop.jpg": ("astronaut", "crop"), "lfw18.png": ("lfw:18", "none"),
         "lfw18_mirror.png": ("lfw:18", "mirror"), "lfw26.png": ("lfw:26", "none")}


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def photos(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("faces")
    out = {}
    for name, (who, edit) in FILES.items():
        out[name] = folder / name
        edited_face(face_photo(who), edit).save(out[name], quality=90)
    return out


PG_URL = postgres_url()


@pytest.fixture(params=["sqlite"] + (["postgresql"] if PG_URL else []))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlStore]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite3'}"
    else:
        reset_postgres(PG_URL)
        url = PG_URL
    opened = open_store(url)
    yield opened
    opened.close()


def index_into(store: SqlStore, photos: dict[str, Path], names: list[str]) -> None:
    """Index faces and record the files' SHA-256 as the scan does."""
    items = [(str(photos[n]), photos[n].stat().st_size, photos[n].stat().st_mtime_ns) for n in names]
    summary = index_files(items, store)
    assert summary["errors"] == 0
    scan = store.start_scan(str(next(iter(photos.values())).parent))
    store.save_scan_records(scan, [ScanRecord(str(photos[n]), 1, 1, {"sha256": sha256_of(photos[n])})
                                   for n in names])
    store.finish_scan(scan, {})


def post(tmp_path: Path, store: SqlStore, posts: list[tuple[str, Path]]) -> None:
    events = tmp_path / "media.csv"
    events.write_text("account,sha256\n" + "".join(f"{a},{sha256_of(p)}\n" for a, p in posts), encoding="utf-8")
    GraphStore(store).ingest_file(events)


def names_of(group: FaceGroup) -> set[str]:
    return {Path(p).name for p in group.paths}


def test_same_face_in_several_files_groups_and_different_faces_do_not(store: SqlStore, photos) -> None:
    index_into(store, photos, list(FILES))
    groups = group_faces(store)
    assert [names_of(g) for g in groups] == [{"astro.png", "astro_mirror.jpg", "astro_crop.jpg"},
                                             {"lfw18.png", "lfw18_mirror.png"}]
    assert [g.id for g in groups] == ["face_group:1", "face_group:2"]
    astro = groups[0]
    assert len(astro.faces) == 3 and astro.accounts == ()
    assert 0 < astro.max_distance <= MATCH_THRESHOLD and 0 < astro.mean_distance < astro.max_distance
    # the lone face of another person is in no group (a group needs two files)
    assert all("lfw26.png" not in names_of(g) for g in groups)


def test_measured_distances_separate_the_people(store: SqlStore, photos) -> None:
    """The figures the threshold rests on: same person within 0.6, different people beyond it."""
    index_into(store, photos, list(FILES))
    indexed = load_face_index(store)
    who = [FILES[Path(k).name][0] for k in indexed.keys]
    assert len(who) == len(FILES)  # one face per file
    vectors = indexed.index.vectors
    for i in range(len(who)):
        for j in range(i + 1, len(who)):
            distance = float(np.linalg.norm(vectors[i] - vectors[j]))
            assert (distance <= MATCH_THRESHOLD) == (who[i] == who[j]), (indexed.keys[i], indexed.keys[j], distance)


def test_a_group_across_two_accounts_names_both(tmp_path: Path, store: SqlStore, photos) -> None:
    index_into(store, photos, list(FILES))
    post(tmp_path, store, [("alice", photos["astro.png"]), ("bob", photos["astro_mirror.jpg"]),
                           ("carol", photos["lfw18.png"]), ("carol", photos["lfw18_mirror.png"]),
                           ("dave", photos["lfw26.png"])])
    groups = group_faces(store)
    astro, lfw = groups
    assert astro.accounts == ("alice", "bob") and astro.across_accounts
    assert lfw.accounts == ("carol",) and not lfw.across_accounts
    assert astro.score > lfw.score  # a child shared across accounts comes first in review

    findings = store_face_group_findings(store)
    assert [f.label for f in findings] == ["face_group", "face_group"]
    line = json.loads(finding_line(findings[0], {}))
    assert line["kind"] == "face_group" and line["score"] == astro.score
    assert sorted(Path(p).name for p in line["where"]["paths"]) == ["astro.png", "astro_crop.jpg", "astro_mirror.jpg"]
    context = line["explanation"]["context"]
    assert (context["faces"], context["files"], context["accounts"]) == (3, 3, 2)
    assert context["max_distance"] == astro.max_distance and context["threshold"] == MATCH_THRESHOLD
    accounts = [e["value"] for e in line["explanation"]["evidence"] if e["kind"] == "account"]
    assert accounts == ["alice", "bob"]
    assert "base64" not in json.dumps(line) and all(len(e["text"]) < 300 for e in line["explanation"]["evidence"])
    # the report lists the group across accounts first, with its counts and spread
    html = render_html(CaseReportInput(case="faces", tool_version="test", findings=list(reversed(findings))))
    section = html.split('id="face-groups"')[1].split("</section>")[0]
    assert section.index("face_group:1") < section.index("face_group:2")
    assert "alice, bob" in section and f"{astro.max_distance:.2f}" in section and "<img" not in html


def test_no_faces_no_groups_and_a_tighter_threshold_splits(store: SqlStore, photos) -> None:
    assert group_faces(store) == []
    index_into(store, photos, ["astro.png", "astro_mirror.jpg"])
    indexed = load_face_index(store)
    assert len(group_indexed_faces(indexed)) == 1
    assert group_indexed_faces(indexed, threshold=0.01) == []  # two faces, each alone in a file
    assert len(group_indexed_faces(indexed, min_files=3)) == 0
    assert face_group_findings([]) == []


@pytest.mark.shared
def test_different_photos_of_one_person_group_on_the_shared_portraits(shared_data: Path) -> None:
    """Real, different photos of the same man (ten of them) form one group; the other three people, one photo
    each, form none."""
    from tests.faces.test_faces import PEOPLE

    keys, boxes, rows = [], [], []
    detector, describer = get_detector("hog"), FaceDescriber()
    for name in PEOPLE:
        rgb = load_rgb(shared_data / "faces" / name)
        faces = detector.detect(rgb)
        keys.append(name)
        boxes.append((faces[0].x, faces[0].y, faces[0].w, faces[0].h))
        rows.append(describer.describe(rgb, faces[:1])[0])
    indexed = IndexedFaces(keys, boxes, [None] * len(keys), FaceIndex(np.stack(rows)))
    groups = group_indexed_faces(indexed)
    assert [set(g.paths) for g in groups] == [{n for n, p in PEOPLE.items() if p == "obama"}]
    assert groups[0].max_distance <= MATCH_THRESHOLD
