"""Faces as evidence: the same face in media of two accounts ties them, for ranking and victim identification."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from tests.graph.graphkit import sha_of, write_csv

from childsafe.graph.linkage import link_accounts, same_face_groups
from childsafe.graph.rank import rank_accounts
from childsafe.store.base import ScanRecord
from childsafe.store.graph import GraphStore
from childsafe.store.sql import SqlStore

pytest.importorskip("faiss")
pytest.importorskip("dlib")


def descriptor(rng: np.random.Generator, base: np.ndarray | None = None) -> np.ndarray:
    """A unit 128-d vector; near ``base`` (distance ~0.05) when given: the same person's face."""
    v = base + rng.normal(0, 0.004, 128) if base is not None else rng.normal(0, 1, 128)
    return np.asarray(v / np.linalg.norm(v), np.float32)


def test_the_same_face_in_two_accounts_media_is_an_explained_edge(tmp_path: Path, store: SqlStore) -> None:
    rng = np.random.default_rng(5)
    child = descriptor(rng)
    faces = {"a.jpg": descriptor(rng, child), "b.jpg": descriptor(rng, child), "c.jpg": descriptor(rng),
             "d.jpg": descriptor(rng)}
    posts = [("seed", "a.jpg"), ("sharer", "b.jpg"), ("stranger", "c.jpg"), ("other", "d.jpg")]
    graph = GraphStore(store)
    graph.ingest_file(write_csv(tmp_path / "media.csv", ("account", "sha256"),
                                [(who, sha_of(name)) for who, name in posts]))
    scan = store.start_scan(str(tmp_path))
    store.save_scan_records(scan, [ScanRecord(str(tmp_path / name), 10, 1, {"sha256": sha_of(name)})
                                   for name in faces])
    store.finish_scan(scan, {})
    for name, vector in faces.items():
        store.replace_faces(str(tmp_path / name), 10, 1, None, [(0, 0, 50, 50, 0.99, None, vector.tobytes())])

    plain = graph.load(None)
    assert plain.media_faces == []  # optional per run
    assert "sharer" not in {lead.account for lead in rank_accounts(plain, ["seed"]).leads}

    net = graph.load(None, faces=True)
    assert len(net.media_faces) == 2  # one face person, in two media
    leads = {lead.account: lead for lead in rank_accounts(net, ["seed"]).leads}
    assert set(leads) == {"sharer"}
    path = leads["sharer"].paths[0]
    assert "same_face" in path["edges"] and any(n.startswith("face:person-") for n in path["nodes"])
    assert path["nodes"][-1] == "account:seed" and path["source"] == "confirmed"
    groups = same_face_groups(net)
    assert [(g["accounts"], len(g["media"])) for g in groups] == [(["seed", "sharer"], 2)]
    assert link_accounts(net) == []  # sharing a child's images is no shared owner
