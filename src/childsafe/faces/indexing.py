"""Index faces of a folder into the store, search by an image, cluster into people.

Indexing runs on the one walk (:func:`childsafe.scan.jobs.index_faces_tree`): folders and zip/tar
archives (a face inside an archive member is indexed under ``archive!/member``), worker
processes, resume, progress and the same per-item errors as ``scan`` and ``triage``.  The
:class:`FaceAnalyser` detects and describes in the workers; the scan's process stores.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from childsafe.errors import ChildsafeError
from childsafe.faces.describe import DESCRIPTOR_SIZE, MATCH_THRESHOLD, FaceDescriber
from childsafe.faces.detect import RGB, FaceBox, FaceDetector, get_detector, iter_images, load_rgb
from childsafe.faces.index import FaceIndex
from childsafe.media.analysis import MediaItem
from childsafe.media.content import ContentType

__all__ = ["FaceAnalyser", "FaceStore", "index_files", "load_face_index", "search_image",
           "cluster_faces", "IndexedFaces"]


class FaceStore(Protocol):
    def face_media_state(self, keys: list[str]) -> dict[str, tuple[int | None, int | None]]: ...
    def replace_faces(self, key: str, size: int | None, mtime_ns: int | None, error: str | None,
                      found: list[tuple[int, int, int, int, float, float | None, bytes]]) -> None: ...
    def load_faces(self) -> list[tuple[str, tuple[int, int, int, int], float | None, bytes]]: ...


@dataclass
class IndexedFaces:
    keys: list[str] = field(default_factory=list)
    boxes: list[tuple[int, int, int, int]] = field(default_factory=list)
    times: list[float | None] = field(default_factory=list)
    index: FaceIndex = field(default_factory=lambda: FaceIndex(np.empty((0, DESCRIPTOR_SIZE), np.float32)))

    def ref(self, row: int) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.keys[row], "face_box": list(self.boxes[row])}
        if self.times[row] is not None:
            out["time"] = self.times[row]
        return out


def describe_file(path: Path, detector: FaceDetector, describer: FaceDescriber) -> tuple[list[FaceBox], np.ndarray]:
    return describe_images(iter_images(path, detector.max_side), detector, describer)


def describe_images(images: Iterable[tuple[float | None, RGB]], detector: FaceDetector,
                    describer: FaceDescriber) -> tuple[list[FaceBox], np.ndarray]:
    found: list[FaceBox] = []
    vectors: list[np.ndarray] = []
    for time, rgb in images:
        boxes = detector.detect(rgb)
        if boxes:
            found.extend(FaceBox(b.x, b.y, b.w, b.h, b.score, time) for b in boxes)
            vectors.append(describer.describe(rgb, boxes))
    matrix = np.concatenate(vectors) if vectors else np.empty((0, DESCRIPTOR_SIZE), np.float32)
    return found, matrix


class FaceAnalyser:
    """Detect and describe every face of a photo, or of frames sampled from a video (in a worker).

    Its record holds the boxes; the descriptors travel to the scan's process under
    ``_descriptors`` (float32 bytes), which is neither reported nor kept in the scan record.
    """

    name = "faces"
    wants = frozenset({ContentType.PHOTO, ContentType.VIDEO})

    def __init__(self, detector: str = "hog", max_side: int | None = None) -> None:
        self.detector_name, self.max_side = detector, max_side
        get_detector(detector, max_side)  # an unknown name fails here, before the walk
        self._models: tuple[FaceDetector, FaceDescriber] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return dict(self.__dict__, _models=None)  # dlib models are loaded again in each worker

    def fingerprint(self) -> str:
        return json.dumps({"detector": self.detector_name, "max_side": self.max_side})

    def setup(self) -> None:
        if self._models is None:
            self._models = (get_detector(self.detector_name, self.max_side), FaceDescriber())

    def analyse(self, item: MediaItem) -> dict[str, Any]:
        from childsafe.faces.video import sample_frames

        self.setup()
        assert self._models is not None
        detector, describer = self._models
        images: Iterable[tuple[float | None, RGB]]
        if item.content_type is ContentType.VIDEO and item.local_path is not None:
            images = sample_frames(item.local_path)
        else:
            images = [(None, load_rgb(item.read_bytes(), max_side=detector.max_side))]
        found, vectors = describe_images(images, detector, describer)
        return {"faces": [f.to_record() for f in found],
                "_descriptors": np.ascontiguousarray(vectors, np.float32).tobytes()}


def index_files(items: list[tuple[str, int, int]], store: FaceStore, detector: FaceDetector | None = None,
                on_item: Callable[[dict[str, Any]], None] = lambda _r: None) -> dict[str, int]:
    """Index (path, size, mtime_ns) files, one by one in this process, without opening archives.

    Kept for callers that already hold a list of files; ``childsafe faces index`` uses
    :func:`childsafe.scan.jobs.index_faces_tree` (the one walk).  Unchanged files already indexed are skipped.
    """
    detector = detector or get_detector()
    describer = FaceDescriber()
    known = store.face_media_state([p for p, _, _ in items])
    summary = {"files": len(items), "indexed": 0, "skipped": 0, "faces": 0, "errors": 0}
    for path, size, mtime in items:
        if known.get(path) == (size, mtime):
            summary["skipped"] += 1
            on_item({"path": path, "skipped": True})
            continue
        error = None
        found: list[FaceBox] = []
        vectors = np.empty((0, DESCRIPTOR_SIZE), np.float32)
        try:
            found, vectors = describe_file(Path(path), detector, describer)
        except ChildsafeError as exc:
            error = str(exc)
        except OSError as exc:
            error = f"unreadable: {exc.strerror or exc}"
        store.replace_faces(path, size, mtime, error, [
            (f.x, f.y, f.w, f.h, f.score, f.time, vectors[i].astype(np.float32).tobytes())
            for i, f in enumerate(found)])
        summary["indexed"] += 1
        summary["faces"] += len(found)
        summary["errors"] += error is not None
        on_item({"path": path, "faces": [f.to_record() for f in found], "error": error})
    return summary


def load_face_index(store: FaceStore) -> IndexedFaces:
    rows = store.load_faces()
    if not rows:
        return IndexedFaces()
    vectors = np.frombuffer(b"".join(r[3] for r in rows), np.float32).reshape(-1, DESCRIPTOR_SIZE)
    return IndexedFaces([r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows], FaceIndex(vectors))


def search_image(image: Path, indexed: IndexedFaces, threshold: float = MATCH_THRESHOLD,
                 detector: FaceDetector | None = None) -> dict[str, Any]:
    """Every indexed face of the same person as any face in ``image``, nearest first."""
    found, vectors = describe_file(image, detector or get_detector(), FaceDescriber())
    best: dict[int, tuple[float, int]] = {}
    for qi, vector in enumerate(vectors):
        for hit in indexed.index.search(vector, threshold):
            if hit.row not in best or hit.distance < best[hit.row][0]:
                best[hit.row] = (hit.distance, qi)
    matches = [dict(indexed.ref(row), distance=round(d, 4), query_face=qi)
               for row, (d, qi) in sorted(best.items(), key=lambda kv: kv[1][0])]
    return {"query_faces": [f.to_record() for f in found], "threshold": threshold, "matches": matches}


def cluster_faces(indexed: IndexedFaces, threshold: float = MATCH_THRESHOLD) -> dict[str, Any]:
    clusters = indexed.index.cluster(threshold)
    return {"threshold": threshold, "clusters": [[indexed.ref(r) for r in c] for c in clusters]}
