"""Search and cluster face descriptors without re-reading any media.

Exact search: FAISS ``IndexFlatL2`` over all descriptors (100k faces = 51 MB, milliseconds per
query); clustering: each face's nearest neighbours within the match threshold form a graph that
dlib's Chinese-whispers clustering splits into people.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from childsafe.faces.describe import DESCRIPTOR_SIZE, MATCH_THRESHOLD

__all__ = ["FaceIndex", "FaceHit"]

NEIGHBOURS = 64


@dataclass(frozen=True)
class FaceHit:
    row: int
    distance: float


class FaceIndex:
    def __init__(self, vectors: npt.NDArray[np.float32]) -> None:
        import faiss

        self.vectors = np.ascontiguousarray(vectors, np.float32).reshape(-1, DESCRIPTOR_SIZE)
        self._index = faiss.IndexFlatL2(DESCRIPTOR_SIZE)
        if len(self.vectors):
            self._index.add(self.vectors)

    def __len__(self) -> int:
        return len(self.vectors)

    def search(self, query: npt.NDArray[np.float32], threshold: float = MATCH_THRESHOLD) -> list[FaceHit]:
        """Every indexed face within ``threshold`` (Euclidean) of ``query``, nearest first."""
        if not len(self.vectors):
            return []
        q = np.ascontiguousarray(query, np.float32).reshape(1, DESCRIPTOR_SIZE)
        lims, dists, rows = self._index.range_search(q, threshold * threshold)  # squared L2
        order = np.argsort(dists[lims[0] : lims[1]], kind="stable")
        d = np.sqrt(dists[lims[0] : lims[1]][order])
        r = rows[lims[0] : lims[1]][order]
        return [FaceHit(int(i), float(x)) for i, x in zip(r, d, strict=True)]

    def cluster(self, threshold: float = MATCH_THRESHOLD) -> list[list[int]]:
        """Rows grouped into people (largest group first); singletons are groups of one."""
        import dlib

        n = len(self.vectors)
        if n == 0:
            return []
        k = min(NEIGHBOURS, n)
        dists, rows = self._index.search(self.vectors, k)
        edges = [(i, int(j)) for i in range(n) for j, d in zip(rows[i], dists[i], strict=True)
                 if j > i and d <= threshold * threshold]
        labels = dlib.chinese_whispers(edges) if edges else []
        groups: dict[int, list[int]] = {}
        assigned = set()
        # dlib labels nodes 0..max(node in edges); nodes without an edge are their own group
        for node, label in enumerate(labels):
            groups.setdefault(int(label), []).append(node)
            assigned.add(node)
        clusters = list(groups.values()) + [[i] for i in range(n) if i not in assigned]
        for c in clusters:
            c.sort()
        return sorted(clusters, key=lambda c: (-len(c), c[0]))
