"""Face groups of a store: its indexed faces grouped into people, each group with the accounts whose
media it is in (the case run calls :func:`group_faces` and :func:`face_group_findings`).

A face row is keyed by the file's path; the scan record of that path gives the file's SHA-256; the
network knows a medium by its signals (``graph_media_signals``, type ``sha256``) and who posted or
sent it (``graph_posts``).  Those joins name the accounts of a group.  Only descriptors, hashes and
names are read, never pixels.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from sqlalchemy import select

from childsafe.faces.describe import MATCH_THRESHOLD
from childsafe.faces.groups import FaceGroup, group_indexed_faces
from childsafe.faces.groups import face_group_findings as _findings
from childsafe.findings import Finding
from childsafe.store.schema import graph_accounts, graph_media_signals, graph_posts, scan_items
from childsafe.store.sql import SqlStore

__all__ = ["accounts_of_files", "face_group_findings", "group_faces"]

_IN_BATCH = 500
_FETCH = 50_000


def _batches(values: Sequence[str]) -> Iterable[list[str]]:
    for i in range(0, len(values), _IN_BATCH):
        yield list(values[i : i + _IN_BATCH])


def accounts_of_files(store: SqlStore, paths: Iterable[str]) -> dict[str, list[str]]:
    """For each path the scan recorded, the accounts of the network that posted or sent the same file
    (joined by SHA-256), sorted; paths no account had are left out."""
    keys = sorted(set(paths))
    sha_of: dict[str, str] = {}
    media_of: dict[str, set[int]] = defaultdict(set)
    owners: dict[int, set[int]] = defaultdict(set)
    names: dict[int, str] = {}
    with store.engine.connect() as conn:
        for batch in _batches(keys):
            sha_of.update((k, s) for k, s in conn.execute(
                select(scan_items.c.key, scan_items.c.sha256).where(scan_items.c.key.in_(batch))) if s)
        hashes = sorted(set(sha_of.values()))
        for batch in _batches(hashes):
            for sha, media_id in conn.execute(
                    select(graph_media_signals.c.value_key, graph_media_signals.c.media_id)
                    .where(graph_media_signals.c.signal_type == "sha256", graph_media_signals.c.value_key.in_(batch))):
                media_of[sha].add(int(media_id))
        wanted = {m for ids in media_of.values() for m in ids}
        if wanted:
            # graph_posts is keyed (account, media, time) with no index on media alone: one streamed pass
            # costs what a single IN batch would, however many files the faces are in.
            rows = conn.execution_options(yield_per=_FETCH).execute(
                select(graph_posts.c.account_id, graph_posts.c.media_id))
            for account_id, media_id in rows:
                if media_id in wanted:
                    owners[int(media_id)].add(int(account_id))
        account_ids = sorted({a for ids in owners.values() for a in ids})
        for i in range(0, len(account_ids), _IN_BATCH):
            names.update((int(a), str(n)) for a, n in conn.execute(
                select(graph_accounts.c.id, graph_accounts.c.name)
                .where(graph_accounts.c.id.in_(account_ids[i : i + _IN_BATCH]))))
    out: dict[str, list[str]] = {}
    for key, sha in sha_of.items():
        accounts = sorted({names[a] for m in media_of.get(sha, ()) for a in owners.get(m, ()) if a in names})
        if accounts:
            out[key] = accounts
    return out


def group_faces(store: SqlStore, *, threshold: float = MATCH_THRESHOLD, min_files: int = 2) -> list[FaceGroup]:
    """The store's indexed faces grouped into people seen in ``min_files`` or more files, each group
    naming the accounts whose media it is in (:func:`childsafe.faces.groups.group_indexed_faces`)."""
    from childsafe.faces.indexing import load_face_index  # faiss and dlib load only when faces are grouped

    indexed = load_face_index(store)
    if not len(indexed.index):
        return []
    return group_indexed_faces(indexed, accounts_of_files(store, indexed.keys), threshold=threshold,
                               min_files=min_files)


def face_group_findings(store: SqlStore, *, threshold: float = MATCH_THRESHOLD, min_files: int = 2) -> list[Finding]:
    """:func:`group_faces` as ``face_group`` findings (counts, files, accounts, distances; never images)."""
    return _findings(group_faces(store, threshold=threshold, min_files=min_files))
