#!/usr/bin/env python
"""Faces: detection accuracy, grouping, speed on one core and the descriptor index at scale.

1. Accuracy of every detector on the shared portraits (``/work/shared/data/faces``, read in
   place) and on the shared ordinary photos without faces (``/work/shared/data/pdq``: the labelme
   subset, the ``dih`` bridge set and ``bridge-mods``), each decoded by ``load_rgb``.  Detectors:
   ``hog`` = ``get_detector("hog")`` (the default: long side scaled to 1024), ``hog_full`` =
   ``HogFaceDetector(max_side=10**6)`` on ``load_rgb(path, max_side=10**6)`` (no scaling anywhere),
   ``haar``, ``cnn`` (dlib's MMOD CNN; seconds per photo, so ``--quick`` runs it on 4 photos).  A
   detection counts when it overlaps a hand-checked face box (``FACE_BOXES``, IoU >= 0.3: the
   detectors draw boxes of different sizes); any other detection is a false one.  ``q0291.jpg`` of
   the labelme subset shows three people (faces of ~25 px): a detection on one of those faces is
   reported apart, not as a false detection.  ``--quick`` keeps 2 of the 20 bridge photos.
2. Grouping: default detector + ``FaceDescriber`` on the shared portraits, every pairwise distance,
   identities from the file names (two_people.jpg's two faces are named by their nearest
   descriptors), the margin of ``MATCH_THRESHOLD`` and ``FaceIndex.cluster()``.
3. Speed on one core (``sched_setaffinity`` to one CPU, OMP/BLAS threads = 1, page cache warm):
   scenes of 1, 2, 5, 8 and 12 MP generated at start in a temporary directory (never in the
   repository): a generated background or an upscaled shared bridge photo, one or two shared
   portraits cropped to head and shoulders and scaled so the face box is 10-20 % of the short
   side, sensor-like grain, JPEG quality 90.  Per detector: ``load_rgb`` (decode) and ``detect``
   timed apart; images/s with and without decode, faces/s (faces found per second, decode
   included), recall of the planted faces.  ``hog_full`` decodes at full size too
   (``load_rgb(path, max_side=10**6)``); one what-if row, not childsafe's code path, decodes at full
   size for the default detector (what ``load_rgb``'s reduced-scale JPEG decode saves).  Descriptor
   time per face on the faces the default detector found.  Then recall against face size (3-12 % of
   the short side, below the issue's range) for the default at 2 and 12 MP and ``hog_full`` at 12 MP.
4. ``FaceIndex`` at scale: 100k unit vectors whose pairwise distances centre on 0.9 (like dlib's
   different-person distances) plus planted people (a source row and 4 copies at 0.2-0.5), build
   time, resident memory, single ``search`` latency p50/p99 (planted and unrelated queries) and
   ``cluster()`` at 20k rows and (not with ``--quick``) over all ~100k rows.

Run:
    python benchmarks/bench_faces.py            # ~5 minutes
    python benchmarks/bench_faces.py --quick    # < 1 minute: checks the script works
Progress goes to stderr; stdout gets the tables and, last, one JSON line with every figure.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ[_var] = "1"  # before numpy / faiss / dlib are imported

import argparse  # noqa: E402
import concurrent.futures as cf  # noqa: E402
import hashlib  # noqa: E402
import inspect  # noqa: E402
import itertools  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402
from _common import ForeignCpu, cpu_name, pkg_version, progress  # noqa: E402
from PIL import Image, ImageDraw  # noqa: E402

from childsafe.faces.describe import MATCH_THRESHOLD, FaceDescriber  # noqa: E402
from childsafe.faces.detect import (  # noqa: E402
    DETECT_MAX_SIDE,
    FaceBox,
    FaceDetector,
    HogFaceDetector,
    get_detector,
    load_rgb,
)
from childsafe.faces.index import FaceIndex  # noqa: E402

FACES = Path("/work/shared/data/faces")
PDQ = Path("/work/shared/data/pdq")
NON_FACE_GLOBS = ["reg-test-input/labelme-subset/*.jpg", "reg-test-input/dih/*.jpg", "bridge-mods/*.jpg"]
DEFAULT_SEED = 20240607
IOU_MIN = 0.3
GOAL_RECALL = 0.95
GOAL_IMAGES_PER_S = 10.0
GOAL_AT_MP = 2
#: Face sizes for the recall sweep (share of the short side), below and at the issue's 10-20 %.
SWEEP_FRACTIONS = [(0.03, 0.04), (0.05, 0.06), (0.07, 0.08), (0.09, 0.10), (0.11, 0.12)]
FULL = 10**6  # max_side meaning "no scaling"
LOAD_MAX_SIDE = inspect.signature(load_rgb).parameters["max_side"].default

Box = tuple[int, int, int, int]  # x, y, w, h in the pixels load_rgb returns

#: Faces in the shared portraits, checked by eye (boxes drawn on the photos); "partial" faces are
#: cut by the photo's edge.  ``source`` names the original photo a file was made from (crops,
#: rescaled copies, the same pixels saved as PNG): pairs from different originals are the real
#: test of grouping.  two_people.jpg is obama3.jpg's and biden.jpg's people side by side.
FACE_BOXES: dict[str, list[Box]] = {
    "32bit.png": [(164, 302, 311, 310)],
    "alex-lacamoire.png": [(184, 150, 156, 156)],
    "biden.jpg": [(439, 233, 311, 310)],
    "lin-manuel-miranda.png": [(267, 164, 311, 311)],
    "obama-240p.jpg": [(190, 32, 63, 63)],
    "obama-480p.jpg": [(383, 65, 125, 125)],
    "obama-720p.jpg": [(572, 94, 180, 180)],
    "obama.jpg": [(366, 136, 259, 259)],
    "obama2.jpg": [(164, 302, 311, 310)],
    "obama3.jpg": [(646, 302, 310, 310)],
    "obama_partial_face.jpg": [(0, 161, 186, 216)],
    "obama_partial_face2.jpg": [(376, 161, 175, 216)],
    "obama_small.jpg": [(103, 68, 109, 108)],
    "two_people.jpg": [(244, 62, 151, 150), (792, 95, 150, 150)],
}
PARTIAL = {"obama_partial_face.jpg", "obama_partial_face2.jpg"}
SOURCE = {"32bit.png": "obama-podium", "obama2.jpg": "obama-podium", "obama3.jpg": "obama-chandelier",
          "biden.jpg": "biden", "alex-lacamoire.png": "lacamoire", "lin-manuel-miranda.png": "miranda"}
SOURCE.update({n: "obama-official" for n in ("obama.jpg", "obama-240p.jpg", "obama-480p.jpg", "obama-720p.jpg",
                                             "obama_partial_face.jpg", "obama_partial_face2.jpg",
                                             "obama_small.jpg")})
#: The three small faces of labelme q0291.jpg (people walking out of a door), by eye.
SMALL_REAL_FACES = {"q0291.jpg": [(35, 30, 26, 28), (119, 30, 26, 30), (154, 33, 26, 28)]}
#: Portraits used in the generated scenes: big enough faces (>= 150 px) to be scaled up.
SCENE_PORTRAITS = ["obama.jpg", "obama2.jpg", "obama3.jpg", "biden.jpg", "lin-manuel-miranda.png",
                   "alex-lacamoire.png"]
SCENE_BACKGROUND = PDQ / "reg-test-input" / "dih" / "bridge-1-original.jpg"
#: Landscape sizes near 1, 2, 5, 8 and 12 MP (4:3); a third of the scenes are made portrait.
SCENE_SIZES = {1: (1152, 864), 2: (1632, 1224), 5: (2592, 1944), 8: (3264, 2448), 12: (4000, 3000)}


def person(name: str) -> str:
    if name.startswith("obama") or name == "32bit.png":
        return "obama"
    return {"biden.jpg": "biden", "alex-lacamoire.png": "lacamoire",
            "lin-manuel-miranda.png": "miranda"}.get(name, "?")


def iou(a: Box, b: Box) -> float:
    ix = max(0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0]))
    iy = max(0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))
    inter = ix * iy
    return inter / (a[2] * a[3] + b[2] * b[3] - inter) if inter else 0.0


def match(found: Sequence[Box], truth: Sequence[Box]) -> tuple[list[int | None], list[int]]:
    """Greedy by IoU: for each true face the detection index (or None), and unmatched detections."""
    pairs = sorted(((iou(f, t), fi, ti) for fi, f in enumerate(found) for ti, t in enumerate(truth)), reverse=True)
    hit: list[int | None] = [None] * len(truth)
    used: set[int] = set()
    for score, fi, ti in pairs:
        if score >= IOU_MIN and hit[ti] is None and fi not in used:
            hit[ti] = fi
            used.add(fi)
    return hit, [fi for fi in range(len(found)) if fi not in used]


def as_box(f: FaceBox, scale: float = 1.0) -> Box:
    return (round(f.x * scale), round(f.y * scale), round(f.w * scale), round(f.h * scale))


def pin_one_cpu() -> int:
    cpu = min(ALL_CPUS)
    os.sched_setaffinity(0, {cpu})
    return cpu


ALL_CPUS = frozenset(os.sched_getaffinity(0))


def decode_full(path: Path) -> np.ndarray:
    return load_rgb(path, max_side=FULL)


def make_detectors(names: Sequence[str]) -> dict[str, FaceDetector]:
    makers: dict[str, Callable[[], FaceDetector]] = {
        "hog": lambda: get_detector("hog"),
        "hog_full": lambda: HogFaceDetector(max_side=FULL),
        "haar": lambda: get_detector("haar"),
        "cnn": lambda: get_detector("cnn"),
    }
    return {n: makers[n]() for n in names}


# -- 1. accuracy on the shared photos ----------------------------------------------------------
def shared_files() -> tuple[list[Path], list[Path]]:
    faces = [FACES / n for n in sorted(FACE_BOXES)]
    missing = [p for p in faces if not p.is_file()]
    if missing:
        raise SystemExit(f"shared portraits missing: {missing}")
    non_faces = [p for g in NON_FACE_GLOBS for p in sorted(PDQ.glob(g))]
    if not non_faces:
        raise SystemExit(f"no shared non-face photos under {PDQ}")
    return faces, non_faces


def run_accuracy(quick: bool) -> dict[str, Any]:
    faces, non_faces = shared_files()
    if quick:  # the labelme subset and two of the 20 bridge photos
        non_faces = [p for p in non_faces if "labelme" in str(p) or p.name in ("bridge-1-original.jpg", "aaa-orig.jpg")]
    detectors = make_detectors(["hog", "hog_full", "haar", "cnn"])
    cnn_only = None
    if quick:  # cnn is ~2 s a photo: two portraits and two photos without faces
        cnn_only = {"obama-240p.jpg", "two_people.jpg", "q0291.jpg", "bridge-1-original.jpg"}
    keys = [p.name if p.parent == FACES else str(p.relative_to(PDQ)) for p in faces + non_faces]
    full = dict(zip(keys, (load_rgb(p, max_side=FULL) for p in faces + non_faces), strict=True))
    default = dict(zip(keys, (load_rgb(p) for p in faces + non_faces), strict=True))
    results: dict[str, dict[str, Any]] = {}
    for det_name, det in detectors.items():
        images = full if det_name == "hog_full" else default
        det.detect(images["obama.jpg"])  # first-call costs
        per_file: dict[str, Any] = {}
        for key, rgb in images.items():
            name = Path(key).name
            if det_name == "cnn" and cnn_only is not None and name not in cnn_only:
                continue
            scale = full[key].shape[1] / rgb.shape[1]  # boxes in full-size pixels
            t0 = time.perf_counter()
            found = [as_box(f, scale) for f in det.detect(rgb)]
            ms = (time.perf_counter() - t0) * 1e3
            truth = FACE_BOXES.get(name, []) + SMALL_REAL_FACES.get(name, [])
            hit, false = match(found, truth)
            hits = sum(h is not None for h in hit)
            per_file[key] = {"detections": found, "hits": hits, "faces": len(FACE_BOXES.get(name, [])),
                             "small_real_faces_found": hits if name in SMALL_REAL_FACES else 0,
                             "false": [found[i] for i in false], "ms": ms,
                             "size": [int(rgb.shape[1]), int(rgb.shape[0])]}
        results[det_name] = per_file
        progress(f"accuracy: {det_name} done on {len(per_file)} photos")
    return {"files": results, "face_files": [p.name for p in faces],
            "non_face_files": [str(p.relative_to(PDQ)) for p in non_faces], "cnn_subset": sorted(cnn_only or [])}


def summarise_accuracy(acc: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for det_name, per_file in acc["files"].items():
        face_rows = [(k, v) for k, v in per_file.items() if k in FACE_BOXES]
        non_rows = [(k, v) for k, v in per_file.items() if k not in FACE_BOXES]
        total = sum(v["faces"] for _, v in face_rows)
        hits = sum(v["hits"] for _, v in face_rows)
        whole = [(k, v) for k, v in face_rows if k not in PARTIAL]
        whole_total = sum(v["faces"] for _, v in whole)
        whole_hits = sum(v["hits"] for _, v in whole)
        small = sum(v["small_real_faces_found"] for _, v in non_rows)
        out[det_name] = {
            "face_photos": len(face_rows), "faces": total, "found": hits,
            "recall_all": hits / total if total else None,
            "whole_frontal_faces": whole_total, "whole_frontal_found": whole_hits,
            "recall_whole_frontal": whole_hits / whole_total if whole_total else None,
            "false_on_face_photos": sum(len(v["false"]) for _, v in face_rows),
            "non_face_photos": len(non_rows),
            "false_on_non_face_photos": sum(len(v["false"]) for _, v in non_rows),
            "non_face_photos_with_false": sorted(k for k, v in non_rows if v["false"]),
            "small_real_faces_found_q0291": small,
            "mean_ms": statistics.fmean(v["ms"] for v in per_file.values()),
        }
    return out


def print_accuracy(acc: dict[str, Any], summary: dict[str, Any]) -> None:
    dets = list(acc["files"])
    print("1. Detection on the shared photos (load_rgb, then detect; a hit = IoU >= 0.3 with a hand-checked "
          "face box; '+Nf' = N false detections; '-' = not run)")
    head = f"{'photo':<34} {'size':>10} {'faces':>5} " + " ".join(f"{d:>9}" for d in dets)
    print(head)
    print("-" * len(head))
    for name in acc["face_files"]:
        size = acc["files"]["hog"][name]["size"]
        cells = []
        for d in dets:
            v = acc["files"][d].get(name)
            cells.append("-" if v is None else f"{v['hits']}" + (f"+{len(v['false'])}f" if v["false"] else ""))
        tag = " (partial)" if name in PARTIAL else ""
        print(f"{name + tag:<34} {size[0]:>4}x{size[1]:<5} {len(FACE_BOXES[name]):>5} "
              + " ".join(f"{c:>9}" for c in cells))
    print("-" * len(head))

    def row(label: str, fn: Callable[[dict[str, Any]], str]) -> None:
        print(f"{label:<49} " + " ".join(f"{fn(summary[d]):>9}" for d in dets))

    row("faces found / faces", lambda s: f"{s['found']}/{s['faces']}")
    row("recall, all faces (partial included)", lambda s: f"{s['recall_all']:.3f}")
    row("recall, whole frontal faces (goal >= 0.95)", lambda s: f"{s['recall_whole_frontal']:.3f}")
    row("false detections on the portraits", lambda s: f"{s['false_on_face_photos']}")
    row("photos without faces", lambda s: f"{s['non_face_photos']}")
    row("false detections on them (goal 0)", lambda s: f"{s['false_on_non_face_photos']}")
    row("q0291.jpg: its 3 small (~25 px) real faces found", lambda s: f"{s['small_real_faces_found_q0291']}")
    row("mean ms per photo (detect only, native size)", lambda s: f"{s['mean_ms']:.0f}")
    fired = [(d, k, v) for d in dets for k, v in acc["files"][d].items() if k not in FACE_BOXES
             and (v["false"] or v["small_real_faces_found"])]
    if fired:
        print("Detections on the photos without faces, per file:")
        for d, k, v in fired:
            print(f"  {d:<9} {k:<48} false boxes {v['false']}"
                  + (f"; {v['small_real_faces_found']} on q0291's real faces" if v["small_real_faces_found"] else ""))
    fired_faces = [(d, k, v) for d in dets for k, v in acc["files"][d].items() if k in FACE_BOXES and v["false"]]
    for d, k, v in fired_faces:
        print(f"  {d:<9} {k:<48} false boxes on a portrait {v['false']}")
    if acc["cnn_subset"]:
        print(f"cnn ran on {len(acc['cnn_subset'])} photos only (--quick): {', '.join(acc['cnn_subset'])}")
    else:
        print("cnn ran on every photo (about 2 s each).")


# -- 2. grouping ----------------------------------------------------------------------------
def run_grouping() -> dict[str, Any]:
    detector = get_detector("hog")
    describer = FaceDescriber()
    labels: list[str] = []
    vectors: list[np.ndarray] = []
    files: list[str] = []
    missed: list[str] = []
    desc_ms: list[float] = []
    for name in sorted(FACE_BOXES):
        rgb = load_rgb(FACES / name)
        found = detector.detect(rgb)
        scale = load_rgb(FACES / name, max_side=FULL).shape[1] / rgb.shape[1]  # boxes are in full-size pixels
        hit, _false = match([as_box(f, scale) for f in found], FACE_BOXES[name])
        for k, fi in enumerate(hit):
            if fi is None:
                missed.append(f"{name}#{k}")
                continue
            t0 = time.perf_counter()
            vec = describer.describe(rgb, [found[fi]])[0]
            desc_ms.append((time.perf_counter() - t0) * 1e3)
            vectors.append(vec)
            files.append(name)
            labels.append(name if len(FACE_BOXES[name]) == 1 else f"{name}#{k}")
    mat = np.stack(vectors)
    dist = np.sqrt(((mat[:, None, :] - mat[None, :, :]) ** 2).sum(-1))
    people = [person(f) for f in files]
    sources = [SOURCE.get(f, "?") for f in files]
    # two_people.jpg: each face is named after the person of its nearest single-person photo, and
    # its original is that photo's (by eye, the two people are obama3.jpg's and biden.jpg's)
    assigned = {}
    named = [j for j in range(len(files)) if people[j] != "?"]
    for i in [i for i in range(len(files)) if people[i] == "?"]:
        j = min(named, key=lambda j: dist[i, j])
        people[i], sources[i] = people[j], sources[j]
        assigned[labels[i]] = {"person": people[j], "nearest": labels[j], "distance": float(dist[i, j])}
    pairs = [(i, j) for i, j in itertools.combinations(range(len(files)), 2)]
    same = [(dist[i, j], i, j) for i, j in pairs if people[i] == people[j]]
    diff = [(dist[i, j], i, j) for i, j in pairs if people[i] != people[j]]
    same_cross = [x for x in same if sources[x[1]] != sources[x[2]]]
    max_same = max(same)
    min_diff = min(diff)
    index = FaceIndex(mat)
    clusters = index.cluster()
    truth_groups = sorted((sorted(i for i in range(len(files)) if people[i] == p) for p in set(people)),
                          key=lambda c: (-len(c), c[0]))
    return {
        "labels": labels, "people": people, "sources": sources, "distances": dist.round(4).tolist(),
        "missed_faces": missed, "two_people_assigned": assigned,
        "same_person_pairs": len(same), "different_person_pairs": len(diff),
        "max_same": float(max_same[0]), "max_same_pair": [labels[max_same[1]], labels[max_same[2]]],
        "same_person_pairs_across_originals": len(same_cross),
        "max_same_across_originals": float(max(same_cross)[0]) if same_cross else None,
        "max_same_across_originals_pair": ([labels[max(same_cross)[1]], labels[max(same_cross)[2]]]
                                           if same_cross else None),
        "min_diff": float(min_diff[0]), "min_diff_pair": [labels[min_diff[1]], labels[min_diff[2]]],
        "same_pairs_matching": int(sum(d <= MATCH_THRESHOLD for d, _, _ in same)),
        "diff_pairs_matching": int(sum(d <= MATCH_THRESHOLD for d, _, _ in diff)),
        "threshold": MATCH_THRESHOLD, "margin_same": MATCH_THRESHOLD - float(max_same[0]),
        "margin_diff": float(min_diff[0]) - MATCH_THRESHOLD,
        "separates": bool(max_same[0] <= MATCH_THRESHOLD < min_diff[0]),
        "clusters": [[labels[i] for i in c] for c in clusters],
        "clusters_equal_people": clusters == truth_groups,
        "descriptor_ms_per_face": statistics.fmean(desc_ms),
        "mean_norm": float(np.linalg.norm(mat, axis=1).mean()),
    }


def print_grouping(g: dict[str, Any]) -> None:
    print()
    print(f"2. Grouping: default detector (hog) + FaceDescriber on the {len(g['labels'])} faces it found in the "
          f"shared portraits" + (f" (missed: {', '.join(g['missed_faces'])})" if g["missed_faces"] else ""))
    for label, a in g["two_people_assigned"].items():
        print(f"  {label} -> {a['person']} (nearest: {a['nearest']}, {a['distance']:.3f})")
    short = [lab.replace(".jpg", "").replace(".png", "").replace("obama", "ob").replace("_partial_face", "_part")
             .replace("two_people", "two").replace("lin-manuel-miranda", "miranda")
             .replace("alex-lacamoire", "lacamoire")[:10] for lab in g["labels"]]
    print("  Euclidean distances (x = same person):")
    print(f"  {'':<11}" + "".join(f"{s:>11}" for s in short))
    dist = g["distances"]
    for i, s in enumerate(short):
        cells = []
        for j in range(len(short)):
            mark = "x" if g["people"][i] == g["people"][j] and i != j else " "
            cells.append(f"{dist[i][j]:>10.3f}{mark}")
        print(f"  {s:<11}" + "".join(cells))
    print(f"  same person, {g['same_person_pairs']} pairs: max distance {g['max_same']:.3f} "
          f"({' / '.join(g['max_same_pair'])}); {g['same_pairs_matching']}/{g['same_person_pairs']} within "
          f"{g['threshold']}")
    if g["max_same_across_originals"] is not None:
        print(f"  same person from different original photos, {g['same_person_pairs_across_originals']} pairs: "
              f"max {g['max_same_across_originals']:.3f} ({' / '.join(g['max_same_across_originals_pair'])})")
    print(f"  different people, {g['different_person_pairs']} pairs: min distance {g['min_diff']:.3f} "
          f"({' / '.join(g['min_diff_pair'])}); {g['diff_pairs_matching']} within {g['threshold']}")
    print(f"  MATCH_THRESHOLD {g['threshold']} separates them: {'YES' if g['separates'] else 'NO'}; margins "
          f"{g['margin_same']:+.3f} below it (same person), {g['margin_diff']:+.3f} above it (different people)")
    print(f"  FaceIndex.cluster(): {len(g['clusters'])} clusters; equal to the people: "
          f"{'YES' if g['clusters_equal_people'] else 'NO'}")
    for c in g["clusters"]:
        print(f"    [{', '.join(c)}]")


# -- 3. speed -------------------------------------------------------------------------------
@dataclass
class Scene:
    path: str
    megapixels: int
    width: int
    height: int
    faces: list[Box] = field(default_factory=list)
    portraits: list[str] = field(default_factory=list)
    file_mb: float = 0.0


def generated_background(rng: np.random.Generator, w: int, h: int) -> Image.Image:
    """Sky, ground, shapes and a little texture, drawn at 1/4 size and scaled up."""
    sw, sh = max(1, w // 4), max(1, h // 4)
    y = np.linspace(0, 1, sh, dtype=np.float32)[:, None, None]
    sky, ground = rng.uniform(60, 230, 3), rng.uniform(20, 160, 3)
    horizon = rng.uniform(0.35, 0.7)
    arr = np.where(y < horizon, sky * (1 - 0.4 * y), ground * (0.6 + 0.5 * y)) * np.ones((1, sw, 1))
    im = Image.fromarray(arr.astype(np.uint8), "RGB")
    draw = ImageDraw.Draw(im)
    for _ in range(int(rng.integers(15, 40))):
        x0, y0 = int(rng.integers(0, sw)), int(rng.integers(0, sh))
        x1, y1 = x0 + int(rng.integers(10, sw // 3 + 11)), y0 + int(rng.integers(10, sh // 3 + 11))
        colour = tuple(int(c) for c in rng.integers(0, 256, 3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)((x0, y0, x1, y1), fill=colour)
    return im.resize((w, h), Image.Resampling.BICUBIC)


def make_scene(job: tuple[int, int, int, str, float, float]) -> Scene:
    """Scene ``index`` of ``mp`` megapixels, faces ``lo``-``hi`` of the short side wide."""
    index, mp, seed, folder, lo, hi = job
    rng = np.random.default_rng([seed, mp, index, round(lo * 1000), round(hi * 1000)])
    w, h = SCENE_SIZES[mp]
    if index % 3 == 2:
        w, h = h, w
    if index % 2 == 0 and SCENE_BACKGROUND.is_file():
        with Image.open(SCENE_BACKGROUND) as src:
            src = src.convert("RGB")
            cw = min(src.width, src.height * w / h) * float(np.sqrt(rng.uniform(0.5, 1.0)))
            ch = cw * h / w
            x0, y0 = rng.uniform(0, src.width - cw), rng.uniform(0, src.height - ch)
            canvas = src.resize((w, h), Image.Resampling.BICUBIC, box=(x0, y0, x0 + cw, y0 + ch))
    else:
        canvas = generated_background(rng, w, h)
    n_faces = 1 + index % 2
    short = min(w, h)
    slot = w // n_faces
    planted: list[Box] = []
    names: list[str] = []
    for k in range(n_faces):
        name = SCENE_PORTRAITS[int(rng.integers(len(SCENE_PORTRAITS)))]
        fx, fy, fw, fh = FACE_BOXES[name][0]
        with Image.open(FACES / name) as src:
            src = src.convert("RGB")
            cx0, cy0 = max(0, fx - 1.1 * fw), max(0, fy - 0.7 * fh)
            cx1, cy1 = min(src.width, fx + 2.1 * fw), min(src.height, fy + 3.2 * fh)
            s = float(rng.uniform(lo, hi)) * short / fw
            pw, ph = round((cx1 - cx0) * s), round((cy1 - cy0) * s)
            crop = src.resize((pw, ph), Image.Resampling.LANCZOS, box=(cx0, cy0, cx1, cy1))
        face = ((fx - cx0) * s, (fy - cy0) * s, fw * s, fh * s)  # in the crop
        # fit the crop in its slot / the canvas, keeping the face (trim around it)
        keep_w, keep_h = min(pw, slot), min(ph, h)
        left = int(min(max(0, face[0] + face[2] / 2 - keep_w / 2), pw - keep_w))
        top = int(min(max(0, face[1] - 0.3 * face[3]), ph - keep_h)) if ph > keep_h else 0
        crop = crop.crop((left, top, left + keep_w, top + keep_h))
        px = k * slot + int(rng.integers(0, slot - keep_w + 1))
        py = int(rng.integers(0, h - keep_h + 1))
        canvas.paste(crop, (px, py))
        planted.append((round(px + face[0] - left), round(py + face[1] - top), round(face[2]), round(face[3])))
        names.append(name)
    arr = np.asarray(canvas, dtype=np.float32)
    arr = arr + rng.standard_normal(arr.shape, dtype=np.float32) * np.float32(rng.uniform(3.0, 6.0))
    im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
    del arr
    path = Path(folder) / f"scene_{mp:02d}mp_{round(lo * 100):02d}-{round(hi * 100):02d}pc_{index:03d}.jpg"
    im.save(path, "JPEG", quality=90, subsampling="4:2:0")
    return Scene(str(path), mp, w, h, planted, names, path.stat().st_size / 1e6)


def make_scenes(folder: Path, jobs: list[tuple[int, int, int, str, float, float]]) -> list[Scene]:
    progress(f"generating {len(jobs)} scenes in {folder} ...")
    t0 = time.perf_counter()
    os.sched_setaffinity(0, ALL_CPUS)
    with cf.ProcessPoolExecutor(len(ALL_CPUS)) as pool:
        scenes = list(pool.map(make_scene, jobs))
    progress(f"generated in {time.perf_counter() - t0:.0f} s")
    return scenes


def run_sweep(scenes: list[Scene], fractions: list[tuple[float, float]], per: int) -> dict[str, Any]:
    """Recall against face size: the default at 2 and 12 MP, hog_full at 12 MP."""
    hog, full = get_detector("hog"), HogFaceDetector(max_side=FULL)
    rows = []
    for lo, hi in fractions:
        row: dict[str, Any] = {"face_fraction": [lo, hi]}
        for label, mp, det, decode in (("hog_2mp", 2, hog, load_rgb), ("hog_12mp", 12, hog, load_rgb),
                                       ("hog_full_12mp", 12, full, decode_full)):
            group = [sc for sc in scenes if sc.megapixels == mp and f"_{round(lo * 100):02d}-" in sc.path][:per]
            found = total = 0
            for sc in group:
                rgb = decode(Path(sc.path))
                hit, _false = match([as_box(f, sc.width / rgb.shape[1]) for f in det.detect(rgb)], sc.faces)
                found += sum(h is not None for h in hit)
                total += len(sc.faces)
            w, h = SCENE_SIZES[mp]
            row[label] = {"found": found, "faces": total, "recall": found / total if total else None,
                          # face width in the pixels the detector sees (landscape scenes)
                          "face_px": [round(f * h * min(1.0, DETECT_MAX_SIDE / w)) if det is hog else round(f * h)
                                      for f in (lo, hi)]}
        rows.append(row)
        progress(f"sweep: faces {lo:.0%}-{hi:.0%} of the short side done")
    return {"scenes_per_cell": per, "rows": rows}


def print_sweep(sw: dict[str, Any]) -> None:
    print()
    print(f"3b. Recall against face size ({sw['scenes_per_cell']} scenes of 1-2 faces per cell; face box width as a "
          "share of the short side; px = face width in the image the detector sees, landscape scenes)")
    head = f"{'face size':>10} {'hog 2 MP':>22} {'hog 12 MP':>22} {'hog_full 12 MP':>22}"
    print(head)
    print("-" * len(head))
    for r in sw["rows"]:
        cells = []
        for k in ("hog_2mp", "hog_12mp", "hog_full_12mp"):
            v = r[k]
            cells.append(f"{v['found']:>2}/{v['faces']:<2} {v['recall']:.2f} ({v['face_px'][0]}-{v['face_px'][1]} px)")
        lo, hi = r["face_fraction"]
        print(f"{f'{lo:.0%}-{hi:.0%}':>10} " + " ".join(f"{c:>22}" for c in cells))


@dataclass
class Pipeline:
    name: str
    detector: FaceDetector
    decode: Callable[[Path], np.ndarray]
    only_first: int | None = None  # per size (cnn)
    only_mp: frozenset[int] | None = None


def run_speed(scenes: list[Scene], pipelines: list[Pipeline], passes: int) -> dict[str, Any]:
    """Each scene through every pipeline back to back (order rotated), ``passes`` times."""
    by_mp: dict[int, list[Scene]] = {}
    for sc in scenes:
        by_mp.setdefault(sc.megapixels, []).append(sc)
    for pl in pipelines:  # first-call costs
        pl.detector.detect(pl.decode(Path(scenes[0].path)))
    records: dict[str, list[dict[str, Any]]] = {pl.name: [] for pl in pipelines}
    describer = FaceDescriber()
    describer.describe(load_rgb(Path(scenes[0].path)), [FaceBox(*scenes[0].faces[0], 1.0)])
    desc: list[dict[str, Any]] = []
    step = 0
    for mp, group in by_mp.items():
        for p in range(passes):
            for i, sc in enumerate(group):
                order = pipelines[step % len(pipelines):] + pipelines[: step % len(pipelines)]
                step += 1
                for pl in order:
                    if pl.only_first is not None and (i >= pl.only_first or p > 0):
                        continue
                    if pl.only_mp is not None and mp not in pl.only_mp:
                        continue
                    t0 = time.perf_counter()
                    rgb = pl.decode(Path(sc.path))
                    t1 = time.perf_counter()
                    found = pl.detector.detect(rgb)
                    t2 = time.perf_counter()
                    scale = sc.width / rgb.shape[1]
                    hit, false = match([as_box(f, scale) for f in found], sc.faces)
                    records[pl.name].append({"mp": mp, "scene": Path(sc.path).name, "decode_s": t1 - t0,
                                             "detect_s": t2 - t1, "faces": len(sc.faces),
                                             "found": sum(h is not None for h in hit), "false": len(false),
                                             "pass": p, "decoded": [int(rgb.shape[1]), int(rgb.shape[0])]})
                    if pl.name == "hog" and p == 0 and any(h is not None for h in hit):
                        faces = [found[h] for h in hit if h is not None]
                        t0 = time.perf_counter()
                        describer.describe(rgb, faces)
                        desc.append({"mp": mp, "faces": len(faces), "s": time.perf_counter() - t0})
        progress(f"speed: {mp} MP done ({len(group)} scenes x {passes} passes)")
    return {"records": records, "descriptor": desc}


def summarise_speed(speed: dict[str, Any], pipelines: list[Pipeline]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pl in pipelines:
        rows = speed["records"][pl.name]
        per: dict[str, Any] = {}
        for mp in SCENE_SIZES:
            r = [x for x in rows if x["mp"] == mp]
            if not r:
                continue
            dec = statistics.fmean(x["decode_s"] for x in r)
            det = statistics.fmean(x["detect_s"] for x in r)
            first = [x for x in r if x["pass"] == 0]
            total_time = sum(x["decode_s"] + x["detect_s"] for x in r)
            per[str(mp)] = {
                "timed_images": len(r), "scenes": len(first), "decode_ms": dec * 1e3, "detect_ms": det * 1e3,
                "total_ms": (dec + det) * 1e3, "images_per_s": 1 / (dec + det), "images_per_s_detect_only": 1 / det,
                "faces_per_s": sum(x["found"] for x in r) / total_time,
                "recall": sum(x["found"] for x in first) / sum(x["faces"] for x in first),
                "false": sum(x["false"] for x in first),
                "p95_total_ms": float(np.percentile([(x["decode_s"] + x["detect_s"]) * 1e3 for x in r], 95)),
                "decoded_size": r[0]["decoded"],
            }
        out[pl.name] = per
    desc = speed["descriptor"]
    out["descriptor_ms_per_face"] = {}
    for mp in SCENE_SIZES:
        d_mp = [d for d in desc if d["mp"] == mp]
        if d_mp:
            out["descriptor_ms_per_face"][str(mp)] = sum(d["s"] for d in d_mp) * 1e3 / sum(d["faces"] for d in d_mp)
    out["descriptor_ms_per_face_all"] = sum(d["s"] for d in desc) * 1e3 / max(1, sum(d["faces"] for d in desc))
    return out


def print_speed(s: dict[str, Any], pipelines: list[Pipeline], scenes: list[Scene], passes: int, cpu: int,
                busy: dict[str, float] | None) -> None:
    print()
    mb = [sc.file_mb for sc in scenes]
    per_size = len(scenes) // len(SCENE_SIZES)
    print(f"3. Speed on one core (CPU {cpu}, page cache warm): {len(scenes)} generated JPEG scenes, {per_size} per "
          f"size, q90, {min(mb):.1f}-{max(mb):.1f} MB, 1-2 faces each at 10-20 % of the short side; "
          f"passes: {passes}" + "".join(f"; {pl.name}: 1 pass over the first {pl.only_first} scene(s) of "
                                        + ("each size" if pl.only_mp is None else f"{sorted(pl.only_mp)} MP")
                                        for pl in pipelines if pl.only_first is not None))
    caution(busy)
    names = [pl.name for pl in pipelines]
    print("images/s including decode (load_rgb + detect) | detection only, side by side:")
    head = f"{'MP':>4} " + " ".join(f"{n:>17}" for n in names)
    print(head)
    for mp in SCENE_SIZES:
        cells = []
        for n in names:
            v = s[n].get(str(mp))
            cells.append(f"{v['images_per_s']:>7.2f} | {v['images_per_s_detect_only']:>7.2f}" if v else f"{'-':>17}")
        print(f"{mp:>4} " + " ".join(cells))
    print("Per size and detector (ms are means per image; faces/s = faces found per second, decode included; "
          "'vs hog' = time per image relative to the default):")
    head = (f"{'MP':>3} {'detector':<15} {'decoded':>10} {'decode ms':>9} {'detect ms':>9} {'total ms':>9} "
            f"{'p95 ms':>8} {'img/s':>6} {'det img/s':>9} {'faces/s':>7} {'recall':>7} {'false':>5} {'vs hog':>7}")
    print(head)
    print("-" * len(head))
    for mp in SCENE_SIZES:
        base = s["hog"][str(mp)]["total_ms"]
        for n in names:
            v = s[n].get(str(mp))
            if not v:
                continue
            size = f"{v['decoded_size'][0]}x{v['decoded_size'][1]}"
            print(f"{mp:>3} {n:<15} {size:>10} {v['decode_ms']:>9.1f} {v['detect_ms']:>9.1f} {v['total_ms']:>9.1f} "
                  f"{v['p95_total_ms']:>8.1f} {v['images_per_s']:>6.2f} {v['images_per_s_detect_only']:>9.2f} "
                  f"{v['faces_per_s']:>7.2f} {v['recall']:>7.2f} {v['false']:>5} {v['total_ms'] / base:>6.2f}x")
    print(f"  hog_full = load_rgb(path, max_side={FULL}) + HogFaceDetector(max_side={FULL}): no scaling anywhere; "
          f"hog*fulldecode = what-if, not childsafe's path: the same full-size decode + the default detector "
          f"(shows what load_rgb's reduced-scale JPEG decode, max_side={LOAD_MAX_SIDE}, saves)")
    d = s["descriptor_ms_per_face"]
    print("Descriptor (FaceDescriber.describe on the faces hog found, image already decoded), ms per face: "
          + ", ".join(f"{mp} MP {v:.1f}" for mp, v in d.items()) + f"; all {s['descriptor_ms_per_face_all']:.1f}")
    g = s["hog"][str(GOAL_AT_MP)]
    print(f"Default detector at {GOAL_AT_MP} MP: {g['images_per_s']:.2f} images/s with decode "
          f"(goal >= {GOAL_IMAGES_PER_S:.0f}: {met(g['images_per_s'] >= GOAL_IMAGES_PER_S)}), "
          f"{g['images_per_s_detect_only']:.2f} detection only")


# -- 4. index at scale ----------------------------------------------------------------------
def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def random_descriptors(rng: np.random.Generator, n: int, spread: float = 0.9) -> np.ndarray:
    """Unit vectors: a shared direction plus a random one, so pairs sit ~``spread`` apart."""
    b = spread / np.sqrt(2)
    common = rng.standard_normal(128).astype(np.float32)
    common /= np.linalg.norm(common)
    r = rng.standard_normal((n, 128), dtype=np.float32)
    r -= np.outer(r @ common, common)  # orthogonal to the shared direction
    r /= np.linalg.norm(r, axis=1, keepdims=True)
    return (np.sqrt(1 - b * b) * common + b * r).astype(np.float32)


def near_copies(rng: np.random.Generator, base: np.ndarray, copies: int) -> np.ndarray:
    """``copies`` rows per base row at Euclidean distance 0.2-0.5 from it."""
    rows = np.repeat(base, copies, axis=0)
    noise = rng.standard_normal(rows.shape, dtype=np.float32)
    noise *= (rng.uniform(0.2, 0.5, (len(rows), 1)) / np.linalg.norm(noise, axis=1, keepdims=True)).astype(np.float32)
    return (rows + noise).astype(np.float32)


def cluster_check(clusters: list[list[int]], truth: list[list[int]]) -> dict[str, int]:
    found = {tuple(c) for c in clusters}
    multi = [c for c in clusters if len(c) > 1]
    return {"clusters": len(clusters), "multi_row_clusters": len(multi),
            "planted_people_recovered_exactly": sum(tuple(t) in found for t in truth),
            "clusters_mixing_unplanted_rows": sum(1 for c in multi if not any(set(c) <= set(t) for t in truth))}


def run_index(n: int, people: int, queries: int, cluster_n: int, cluster_people: int, seed: int,
              cluster_all: bool) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    copies = 4
    rand = random_descriptors(rng, n)
    sources = rand[:people]  # planted people: a random row and its 4 near copies
    vectors = np.concatenate([rand, near_copies(rng, sources, copies)])
    del rand
    data_mb = vectors.nbytes / 1e6
    rss0 = rss_mb()
    t0 = time.perf_counter()
    index = FaceIndex(vectors)
    build_s = time.perf_counter() - t0
    rss1 = rss_mb()
    progress(f"index: built over {len(vectors)} rows in {build_s:.2f} s; searching ...")
    expected = {i: {i, *range(n + i * copies, n + (i + 1) * copies)} for i in range(people)}
    planted_q = rng.choice(people, min(queries, people), replace=False)
    lat_planted, lat_random = [], []
    recall_hits = recall_total = extra = 0
    for i in planted_q:
        t0 = time.perf_counter()
        hits = index.search(vectors[i])
        lat_planted.append(time.perf_counter() - t0)
        got = {h.row for h in hits}
        recall_hits += len(got & expected[int(i)])
        recall_total += len(expected[int(i)])
        extra += len(got - expected[int(i)])
    fresh = random_descriptors(np.random.default_rng(seed + 1), queries)
    random_hits = 0
    for q in fresh:
        t0 = time.perf_counter()
        random_hits += len(index.search(q))
        lat_random.append(time.perf_counter() - t0)
    rss2 = rss_mb()
    full = None
    if cluster_all:
        progress(f"index: cluster() over all {len(vectors)} rows ...")
        t0 = time.perf_counter()
        clusters = index.cluster()
        full = {"rows": len(vectors), "planted_people": people, "seconds": time.perf_counter() - t0,
                **cluster_check(clusters, [sorted(expected[i]) for i in range(people)])}
    del index
    # cluster() at cluster_n rows: random rows + planted people of 5
    crng = np.random.default_rng(seed + 2)
    c_rand = random_descriptors(crng, cluster_n - cluster_people * (copies + 1))
    c_src = random_descriptors(crng, cluster_people)
    c_vec = np.concatenate([c_rand, c_src, near_copies(crng, c_src, copies)])
    m = len(c_rand)
    truth = [sorted([m + p, *range(m + cluster_people + p * copies, m + cluster_people + (p + 1) * copies)])
             for p in range(cluster_people)]
    c_index = FaceIndex(c_vec)
    progress(f"index: cluster() over {len(c_vec)} rows ...")
    t0 = time.perf_counter()
    clusters = c_index.cluster()
    cluster_s = time.perf_counter() - t0
    return {
        "rows": len(vectors), "random_rows": n, "planted_people": people, "copies_per_person": copies,
        "data_mb": data_mb, "build_s": build_s, "rss_before_mb": rss0, "rss_after_build_mb": rss1,
        "rss_after_search_mb": rss2, "rss_increase_build_mb": rss1 - rss0,
        "search_planted": {"queries": len(lat_planted), **latency(lat_planted),
                           "recall": recall_hits / recall_total, "extra_rows": extra},
        "search_unrelated": {"queries": len(lat_random), **latency(lat_random), "rows_returned": random_hits},
        "cluster": {"rows": len(c_vec), "random_rows": m, "planted_people": cluster_people, "seconds": cluster_s,
                    **cluster_check(clusters, truth)},
        "cluster_all_rows": full,
    }


def latency(samples: list[float]) -> dict[str, float]:
    ms = np.asarray(samples) * 1e3
    return {"p50_ms": float(np.percentile(ms, 50)), "p99_ms": float(np.percentile(ms, 99)),
            "mean_ms": float(ms.mean()), "max_ms": float(ms.max())}


def print_index(x: dict[str, Any], busy: dict[str, float] | None) -> None:
    print()
    print(f"4. FaceIndex (FAISS IndexFlatL2, exact) on one core: {x['rows']} rows = {x['random_rows']} random unit "
          f"vectors (pairwise ~0.9 apart) + {x['planted_people']} planted people x {x['copies_per_person']} near "
          f"copies (0.2-0.5 from their source row)")
    caution(busy)
    print(f"  build {x['build_s'] * 1e3:.0f} ms; data {x['data_mb']:.0f} MB; resident memory "
          f"+{x['rss_increase_build_mb']:.0f} MB for the build (RSS {x['rss_before_mb']:.0f} -> "
          f"{x['rss_after_build_mb']:.0f} MB, "
          f"{x['rss_after_search_mb']:.0f} MB after searching)")
    sp, su = x["search_planted"], x["search_unrelated"]
    print(f"  search (one query, threshold {MATCH_THRESHOLD}): planted people p50 {sp['p50_ms']:.2f} ms, p99 "
          f"{sp['p99_ms']:.2f} ms over {sp['queries']} queries, recall {sp['recall']:.3f}, {sp['extra_rows']} rows "
          f"beyond the planted ones; unrelated queries p50 {su['p50_ms']:.2f} ms, p99 {su['p99_ms']:.2f} ms over "
          f"{su['queries']}, {su['rows_returned']} rows returned")
    c = x["cluster"]
    print(f"  cluster() over {c['rows']} rows ({c['random_rows']} random + {c['planted_people']} planted people of 5): "
          f"{c['seconds']:.2f} s; {c['clusters']} clusters, {c['multi_row_clusters']} with more than one row; "
          f"planted people recovered exactly {c['planted_people_recovered_exactly']}/{c['planted_people']}; "
          f"clusters joining unplanted rows {c['clusters_mixing_unplanted_rows']}")
    f = x["cluster_all_rows"]
    if f is not None:
        print(f"  cluster() over all {f['rows']} rows: {f['seconds']:.1f} s; {f['clusters']} clusters, "
              f"{f['multi_row_clusters']} with more than one row; planted people recovered exactly "
              f"{f['planted_people_recovered_exactly']}/{f['planted_people']}; clusters joining unplanted rows "
              f"{f['clusters_mixing_unplanted_rows']}")


# -- main -----------------------------------------------------------------------------------
def caution(busy: dict[str, float] | None) -> None:
    if busy is not None and busy["other_cores_busy"] > 0.05:
        print(f"  CAUTION: other processes used {busy['other_cores_busy']:.0%} of a core meanwhile "
              f"({busy['other_cpu_s']:.0f} CPU-s in {busy['wall_s']:.0f} s); figures may be pessimistic.")
    elif busy is not None:
        print(f"  (other processes: {busy['other_cores_busy']:.1%} of a core meanwhile)")


def met(flag: bool) -> str:
    return "MET" if flag else "NOT MET"


def main(argv: Sequence[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--quick", action="store_true", help="a small check of the script (< 1 minute)")
    p.add_argument("--per-size", type=int, default=10, help="generated scenes per size (1, 2, 5, 8, 12 MP)")
    p.add_argument("--passes", type=int, default=2, help="timed passes over the scenes (cnn: 1)")
    p.add_argument("--cnn-scenes", type=int, default=2, help="scenes per size timed with cnn")
    p.add_argument("--index-rows", type=int, default=100_000)
    p.add_argument("--cluster-rows", type=int, default=20_000)
    p.add_argument("--seed", type=int, default=DEFAULT_SEED)
    args = p.parse_args(argv)
    if args.quick:
        args.per_size, args.passes, args.cnn_scenes = 1, 1, 0
        args.index_rows, args.cluster_rows = 10_000, 2_000
    t_start = time.perf_counter()
    cpu = pin_one_cpu()
    progress(f"pinned to CPU {cpu}; accuracy on the shared photos ...")
    foreign_acc = ForeignCpu()
    acc = run_accuracy(args.quick)
    busy_acc = foreign_acc.stop()
    acc_summary = summarise_accuracy(acc)
    progress("grouping ...")
    grouping = run_grouping()

    pipelines = [
        Pipeline("hog", get_detector("hog"), load_rgb),
        Pipeline("hog_full", HogFaceDetector(max_side=FULL), decode_full),
        Pipeline("haar", get_detector("haar"), load_rgb),
        Pipeline("hog*fulldecode", get_detector("hog"), decode_full),
    ]
    if args.cnn_scenes > 0 or args.quick:  # --quick: one 1 MP scene
        pipelines.insert(3, Pipeline("cnn", get_detector("cnn"), load_rgb, only_first=max(1, args.cnn_scenes),
                                     only_mp=frozenset({1}) if args.quick else None))
    sweep_fractions = SWEEP_FRACTIONS[::2] if args.quick else SWEEP_FRACTIONS
    sweep_per = 1 if args.quick else 6
    with tempfile.TemporaryDirectory(prefix="childsafe-faces-") as tmp:
        jobs = [(i, mp, args.seed, tmp, 0.10, 0.20) for mp in SCENE_SIZES for i in range(args.per_size)]
        sweep_jobs = [(i, mp, args.seed, tmp, lo, hi) for lo, hi in sweep_fractions for mp in (2, 12)
                      for i in range(sweep_per)]
        made = make_scenes(Path(tmp), jobs + sweep_jobs)
        scenes, sweep_scenes = made[: len(jobs)], made[len(jobs):]
        cpu = pin_one_cpu()
        for sc in scenes:  # page cache
            Path(sc.path).read_bytes()
        progress(f"speed on CPU {cpu}: {len(scenes)} scenes x {len(pipelines)} pipelines x {args.passes} passes ...")
        foreign_speed = ForeignCpu()
        speed = run_speed(scenes, pipelines, args.passes)
        busy_speed = foreign_speed.stop()
        sweep = run_sweep(sweep_scenes, sweep_fractions, sweep_per)
    speed_summary = summarise_speed(speed, pipelines)

    progress(f"index: {args.index_rows} rows ...")
    foreign_index = ForeignCpu()
    people = max(10, args.index_rows // 100)
    index = run_index(args.index_rows, people, 200 if not args.quick else 50, args.cluster_rows,
                      max(10, args.cluster_rows // 100), args.seed, cluster_all=not args.quick)
    busy_index = foreign_index.stop()

    print(f"Faces benchmark on {cpu_name()}, {len(ALL_CPUS)} CPUs, one used; Python {platform.python_version()}"
          + (" -- QUICK CHECK, small sizes" if args.quick else ""))
    print(f"childsafe.faces: DETECT_MAX_SIDE {DETECT_MAX_SIDE}, load_rgb max_side {LOAD_MAX_SIDE}; sources "
          + ", ".join(f"{k} {v}" for k, v in source_digests().items()))
    caution(busy_acc)
    print_accuracy(acc, acc_summary)
    print_grouping(grouping)
    print_speed(speed_summary, pipelines, scenes, args.passes, cpu, busy_speed)
    print_sweep(sweep)
    print_index(index, busy_index)

    hog = acc_summary["hog"]
    goals = {
        "default_recall_whole_frontal_ge_0_95": hog["recall_whole_frontal"] >= GOAL_RECALL,
        "default_no_false_on_non_face_photos": hog["false_on_non_face_photos"] == 0,
        "grouping_same_pairs_all_match": grouping["same_pairs_matching"] == grouping["same_person_pairs"],
        "grouping_no_different_pair_matches": grouping["diff_pairs_matching"] == 0,
        "default_ge_10_images_per_s_at_2mp_with_decode":
            speed_summary["hog"][str(GOAL_AT_MP)]["images_per_s"] >= GOAL_IMAGES_PER_S,
    }
    print()
    print("Goals: " + "; ".join(f"{k}: {met(v)}" for k, v in goals.items()))
    progress(f"done in {time.perf_counter() - t_start:.0f} s")
    out = {
        "bench": "faces", "quick": args.quick, "seed": args.seed,
        "accuracy": {"summary": acc_summary, "cnn_subset": acc["cnn_subset"],
                     "per_file_hits_false_ms": {d: {k: [v["hits"], len(v["false"]), v["ms"]] for k, v in per.items()}
                                                for d, per in acc["files"].items()},
                     "false_boxes": {d: {k: v["false"] for k, v in per.items() if v["false"]}
                                     for d, per in acc["files"].items()}},
        "grouping": grouping,
        "speed": {"summary": speed_summary, "passes": args.passes,
                  "scenes": [[Path(sc.path).name, len(sc.faces), sc.file_mb] for sc in scenes]},
        "face_size_sweep": sweep,
        "index": index,
        "goals": goals,
        "other_processes_cpu": {"accuracy": busy_acc, "speed": busy_speed, "index": busy_index},
        "env": {"python": platform.python_version(), "numpy": np.__version__, "cpu": cpu_name(),
                "cpus": len(ALL_CPUS), "cpu_used": cpu, "platform": platform.platform(),
                "detect_max_side": DETECT_MAX_SIDE, "load_rgb_max_side": LOAD_MAX_SIDE,
                "childsafe_faces_sha256": source_digests(),
                **{k: pkg_version(k) for k in ("dlib-bin", "opencv-python-headless", "faiss-cpu", "pillow")}},
        "seconds": time.perf_counter() - t_start,
    }
    print(json.dumps(rounded(out), separators=(",", ":")))


def rounded(o: Any) -> Any:
    """Floats to 4 significant digits, for a JSON line that stays readable."""
    if isinstance(o, float):
        return float(f"{o:.4g}")
    if isinstance(o, dict):
        return {k: rounded(v) for k, v in o.items()}
    if isinstance(o, list | tuple):
        return [rounded(v) for v in o]
    return o


def source_digests() -> dict[str, str]:
    """Which version of childsafe.faces was measured (the first 12 hex digits of each module's sha256)."""
    import childsafe.faces

    folder = Path(childsafe.faces.__file__).parent
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()[:12] for p in sorted(folder.glob("*.py"))}


if __name__ == "__main__":
    main()
