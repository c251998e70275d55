#!/usr/bin/env python
"""Face groups: which distance separates people, and how the grouping compares with simpler clusterings.

1. **Distances on real photos.**  dlib descriptors of the shared portraits (``../shared/data/faces``,
   face_recognition's examples: 13 faces of 4 people) and of scikit-image's portraits (the astronaut
   and the LFW faces of :mod:`childsafe.testing.face_photos`) with their edits (mirror, crop, rescale):
   the largest same-person distance and the smallest different-person distance, per set.
2. **Grouping in case-sized photos.**  ``--photos`` generated photos of 2-12 MP with a pasted portrait
   (the benchmark case's face photos, :mod:`childsafe.testing.benchcase`), detected and described as
   the case run does (HOG, long side 1024), then grouped at several thresholds by ours
   (:func:`childsafe.faces.groups.group_indexed_faces`: Chinese whispers over FAISS neighbours) and by
   two baselines from scikit-learn: DBSCAN with ``min_samples=1`` (connected components: single
   linkage) and average-linkage agglomerative clustering.  Pairwise precision and recall against
   the planted identities.

Run: ``python benchmarks/bench_face_groups.py [--photos 40]`` (about a minute).  Stdout: the tables and,
last, one JSON line with every figure.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import cpu_name, progress  # noqa: E402

from childsafe.faces import get_detector, load_rgb  # noqa: E402
from childsafe.faces.describe import FaceDescriber  # noqa: E402
from childsafe.faces.groups import group_indexed_faces  # noqa: E402
from childsafe.faces.index import FaceIndex  # noqa: E402
from childsafe.faces.indexing import IndexedFaces  # noqa: E402
from childsafe.testing.benchcase import _make_photo, _PhotoJob  # noqa: E402
from childsafe.testing.face_photos import FACE_NAMES, edited_face, face_photo  # noqa: E402

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "faces"
SHARED_PEOPLE = {"32bit.png": "obama", "obama-240p.jpg": "obama", "obama-480p.jpg": "obama",
                 "obama-720p.jpg": "obama", "obama.jpg": "obama", "obama2.jpg": "obama", "obama3.jpg": "obama",
                 "obama_small.jpg": "obama", "obama_partial_face.jpg": "obama", "obama_partial_face2.jpg": "obama",
                 "biden.jpg": "biden", "alex-lacamoire.png": "alex", "lin-manuel-miranda.png": "lin"}
THRESHOLDS = (0.45, 0.5, 0.55, 0.6, 0.65, 0.7)


def separation(people: list[str], vectors: npt.NDArray[np.float32]) -> dict[str, Any]:
    same, other = [], []
    for i, j in itertools.combinations(range(len(people)), 2):
        d = float(np.linalg.norm(vectors[i] - vectors[j]))
        (same if people[i] == people[j] else other).append(d)
    return {"faces": len(people), "people": len(set(people)), "same_pairs": len(same), "other_pairs": len(other),
            "same_max": round(max(same), 3) if same else None, "other_min": round(min(other), 3) if other else None}


def describe_images(images: list[tuple[str, np.ndarray]]) -> tuple[list[str], npt.NDArray[np.float32]]:
    detector, describer = get_detector("hog"), FaceDescriber()
    people, rows = [], []
    for person, rgb in images:
        faces = detector.detect(rgb)
        if len(faces) == 1:
            people.append(person)
            rows.append(describer.describe(rgb, faces)[0])
    return people, np.stack(rows) if rows else np.empty((0, 128), np.float32)


def pair_scores(truth: list[str], labels: list[int]) -> dict[str, float]:
    tp = fp = fn = 0
    for i, j in itertools.combinations(range(len(truth)), 2):
        same, grouped = truth[i] == truth[j], labels[i] == labels[j]
        tp += same and grouped
        fp += grouped and not same
        fn += same and not grouped
    return {"precision": round(tp / (tp + fp), 3) if tp + fp else 1.0,
            "recall": round(tp / (tp + fn), 3) if tp + fn else 1.0}


def ours(vectors: npt.NDArray[np.float32], threshold: float) -> list[int]:
    indexed = IndexedFaces([str(i) for i in range(len(vectors))], [(0, 0, 1, 1)] * len(vectors),
                           [None] * len(vectors), FaceIndex(vectors))
    labels = list(range(len(vectors), 2 * len(vectors)))  # ungrouped faces: each its own label
    for g, group in enumerate(group_indexed_faces(indexed, threshold=threshold, min_files=1)):
        for face in group.faces:
            labels[int(face.path)] = g
    return labels


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--photos", type=int, default=40, help="generated 2-12 MP photos with a face")
    args = parser.parse_args()
    from sklearn.cluster import DBSCAN, AgglomerativeClustering

    figures: dict[str, Any] = {"cpu": cpu_name()}
    if SHARED.is_dir():
        progress("shared portraits")
        people, vectors = describe_images([(p, load_rgb(SHARED / n)) for n, p in SHARED_PEOPLE.items()])
        figures["shared_portraits"] = separation(people, vectors)
    progress("scikit-image portraits and their edits")
    images = [(n, np.asarray(edited_face(face_photo(n), e))) for n in FACE_NAMES
              for e in ("none", "mirror", "crop", "scale")]
    people, vectors = describe_images(images)
    figures["skimage_portraits"] = separation(people, vectors)

    progress(f"{args.photos} generated photos of 2-12 MP with a pasted portrait")
    rng = np.random.default_rng(14)
    with tempfile.TemporaryDirectory(prefix="bench-face-groups-") as tmp:
        jobs = [_PhotoJob(f"{tmp}/p{i}.jpg", 14, i, float(rng.uniform(2, 12)),
                          face=(FACE_NAMES[i % len(FACE_NAMES)], ("none", "mirror", "scale")[i % 3]))
                for i in range(args.photos)]
        for job in jobs:
            _make_photo(job)
        people, vectors = describe_images([(j.face[0] if j.face else "", load_rgb(Path(j.path))) for j in jobs])
    figures["case_photos"] = separation(people, vectors)
    figures["case_photos"]["detected"] = f"{len(people)}/{args.photos}"
    methods = ("ours", "dbscan_single_linkage", "agglomerative_average")
    table: dict[str, dict[str, dict[str, float]]] = {m: {} for m in methods}
    for t in THRESHOLDS:
        table["ours"][str(t)] = pair_scores(people, ours(vectors, t))
        table["dbscan_single_linkage"][str(t)] = pair_scores(
            people, [int(x) for x in DBSCAN(eps=t, min_samples=1).fit_predict(vectors)])
        table["agglomerative_average"][str(t)] = pair_scores(people, [int(x) for x in AgglomerativeClustering(
            n_clusters=None, distance_threshold=t, linkage="average").fit_predict(vectors)])
    figures["grouping"] = table

    for name in ("shared_portraits", "skimage_portraits", "case_photos"):
        if name in figures:
            f = figures[name]
            print(f"{name:18s} {f['faces']} faces of {f['people']} people: same person max {f['same_max']}, "
                  f"different people min {f['other_min']}")
    print("pairwise precision / recall against the planted identities (case photos):")
    print("threshold  " + "  ".join(f"{t:>11}" for t in THRESHOLDS))
    for method, row in table.items():
        print(f"{method:22s}" + "  ".join(f"{row[str(t)]['precision']:.2f}/{row[str(t)]['recall']:.2f}"
                                         for t in THRESHOLDS))
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
