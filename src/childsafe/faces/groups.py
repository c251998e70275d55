"""Face groups: the same person across a case's files, and across the accounts that had them.

The stored descriptors (:func:`~childsafe.faces.indexing.load_face_index`) are clustered by the
index's Chinese whispers over each face's neighbours within :data:`MATCH_THRESHOLD` (dlib's 0.6;
measured on real portraits in ``benchmarks/bench_face_groups.py``).  A group is kept when its faces
lie in at least ``min_files`` different files: one person seen in several files.  When the files'
accounts are known (who posted or sent each file in the case's network), a group in media of two or
more accounts names them: the same child across several accounts' media, for victim identification.

A group says *which files* show one face and how close the faces are; it holds no pixels, crops
or thumbnails.  Its finding orders review; it never decides who anybody is.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np

from childsafe.faces.describe import MATCH_THRESHOLD
from childsafe.faces.indexing import IndexedFaces
from childsafe.findings import Evidence, Explanation, Finding, Location, context_of

__all__ = ["FACE_GROUP_LABEL", "FaceGroup", "FaceRef", "face_group_finding", "face_group_findings",
           "group_indexed_faces"]

FACE_GROUP_LABEL: Final = "face_group"
#: A face group's score orders review: the same face in several files of one account says less than
#: the same face in media of several accounts (a child shared around), which is what a hotline looks
#: for first.  Files add up to ``_FILES_CAP``, accounts to ``_ACCOUNTS_CAP``; the score stays in [0, 1].
_FILES_BASE: Final = 0.3
_ACCOUNTS_BASE: Final = 0.7
_STEP: Final = 0.1
_FILES_CAP: Final = 3
_ACCOUNTS_CAP: Final = 3


@dataclass(frozen=True)
class FaceRef:
    """One face of a group: its file (``archive!/member`` inside an archive), its box in the image's
    pixels, the time into a video (None for a photo) and its distance to the group's centre."""

    path: str
    box: tuple[int, int, int, int]
    time: float | None
    distance: float


@dataclass(frozen=True)
class FaceGroup:
    """Faces of one person across ``paths`` (each file once, in order); ``accounts`` had those files.

    ``max_distance`` is the largest distance between two faces of the group (measured on up to 200
    faces), ``mean_distance`` the faces' mean distance to the group's centre.
    """

    id: str
    faces: tuple[FaceRef, ...]
    paths: tuple[str, ...]
    accounts: tuple[str, ...]
    max_distance: float
    mean_distance: float
    threshold: float

    @property
    def across_accounts(self) -> bool:
        return len(self.accounts) >= 2

    @property
    def score(self) -> float:
        if self.across_accounts:
            return min(1.0, _ACCOUNTS_BASE + _STEP * min(len(self.accounts) - 2, _ACCOUNTS_CAP))
        return _FILES_BASE + _STEP * min(len(self.paths) - 2, _FILES_CAP)

    def finding(self) -> Finding:
        return face_group_finding(self)


#: Pairwise distances of more faces than this are estimated on the first ones (a group of 10,000
#: faces would otherwise cost 10^8 distances).
_PAIRWISE_CAP: Final = 200


def _spread(vectors: np.ndarray) -> tuple[np.ndarray, float, float]:
    centre = vectors.mean(axis=0)
    to_centre = np.linalg.norm(vectors - centre, axis=1)
    head = vectors[:_PAIRWISE_CAP]
    squared = (head * head).sum(1)
    pairwise = np.sqrt(np.maximum(squared[:, None] + squared[None, :] - 2.0 * head @ head.T, 0.0))
    return to_centre, float(pairwise.max()), float(to_centre.mean())


def group_indexed_faces(indexed: IndexedFaces, accounts_of: Mapping[str, Sequence[str]] | None = None, *,
                        threshold: float = MATCH_THRESHOLD, min_files: int = 2) -> list[FaceGroup]:
    """The people seen in at least ``min_files`` files, most files first (ties: across more accounts,
    then the first path), numbered ``face_group:1``, ``face_group:2``... in that order.

    ``accounts_of`` maps a file (the face row's key) to the accounts that posted or sent it.
    """
    accounts_of = accounts_of or {}
    if not len(indexed.index):
        return []
    vectors = indexed.index.vectors
    found: list[tuple[tuple[str, ...], tuple[str, ...], list[int]]] = []
    for rows in indexed.index.cluster(threshold):
        paths = tuple(dict.fromkeys(indexed.keys[r] for r in rows))
        if len(paths) < min_files:
            continue
        accounts = tuple(sorted({a for p in paths for a in accounts_of.get(p, ())}))
        found.append((paths, accounts, rows))
    found.sort(key=lambda g: (-len(g[0]), -len(g[1]), g[0][0]))
    groups: list[FaceGroup] = []
    for number, (paths, accounts, rows) in enumerate(found, 1):
        to_centre, max_distance, mean_distance = _spread(vectors[rows].astype(np.float64))
        faces = tuple(FaceRef(indexed.keys[r], indexed.boxes[r], indexed.times[r], round(float(d), 4))
                      for r, d in zip(rows, to_centre, strict=True))
        groups.append(FaceGroup(f"face_group:{number}", faces, paths, accounts, round(max_distance, 4),
                                round(mean_distance, 4), threshold))
    return groups


def face_group_finding(group: FaceGroup) -> Finding:
    """A group as a finding (label ``face_group``): one evidence item per file (its first face's box and
    distance to the centre) and one per account; the counts, distances and threshold as context."""
    first_face: dict[str, FaceRef] = {}
    for face in group.faces:
        first_face.setdefault(face.path, face)
    evidence = [Evidence("face", f"face at {f.distance:.2f} from the group's centre", f.distance,
                         Location(path=f.path, box=f.box, time=f.time)) for f in first_face.values()]
    evidence += [Evidence("account", f"in media of {a}", a, Location(account=a)) for a in group.accounts]
    why = (f"the same face in {len(group.paths)} files" +
           (f" of {len(group.accounts)} accounts" if group.accounts else ""))
    return Finding("faces", FACE_GROUP_LABEL, group.score, Location(node=group.id),
                   Explanation("face_grouping", tuple(evidence), context_of([
                       ("faces", len(group.faces)), ("files", len(group.paths)), ("accounts", len(group.accounts)),
                       ("max_distance", group.max_distance), ("mean_distance", group.mean_distance),
                       ("threshold", group.threshold), ("summary", why)])))


def face_group_findings(groups: Iterable[FaceGroup]) -> list[Finding]:
    """A finding per group, in the groups' order."""
    return [face_group_finding(g) for g in groups]
