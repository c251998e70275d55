"""Index faces of a folder into the store, search by an image, cluster into people."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from childsafe.errors import ChildsafeError
from childsafe.faces.describe import DESCRIPTOR_SIZE, MATCH_THRESHOLD, FaceDescriber
from childsafe.faces.detect import FaceBox, FaceDetector, get_detector, iter_images
from childsafe.faces.index import FaceIndex

__all__ = ["FaceStore", "index_files", "load_face_index", "search_image", "cluster_faces", "IndexedFaces"]


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
    found: list[FaceBox] = []
    vectors: list[np.ndarray] = []
    for time, rgb in iter_images(path, detector.max_side):
        boxes = detector.detect(rgb)
        if boxes:
            found.extend(FaceBox(b.x, b.y, b.w, b.h, b.score, time) for b in boxes)
            vectors.append(describer.describe(rgb, boxes))
    matrix = np.concatenate(vectors) if vectors else np.empty((0, DESCRIPTOR_SIZE), np.float32)
    return found, matrix


def index_files(items: list[tuple[str, int, int]], store: FaceStore, detector: FaceDetector | None = None,
                on_item: Callable[[dict[str, Any]], None] = lambda _r: None) -> dict[str, int]:
    """Index (path, size, mtime_ns) items; unchanged ones already indexed are skipped."""
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


def iter_walk_items(root: Path) -> Iterator[tuple[str, int, int] | tuple[str, str]]:
    from childsafe.scan.walk import WalkError, walk

    for found in walk(root):
        if isinstance(found, WalkError):
            yield found.path, found.message
        else:
            yield found.path, found.size, found.mtime_ns
