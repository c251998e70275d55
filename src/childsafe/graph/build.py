"""One weighted graph of accounts, identifiers, media and known-media entries (igraph's C core).

Node numbering: accounts ``[0, A)``, identifiers ``[A, A+I)``, media ``[A+I, A+I+M)``, then one node
per hash-list entry that some media matched, so near-duplicates of one known item meet there, then
(when the run loads faces) one node per face person, tying the media that show the same face.
Messages are folded into one undirected *contact* edge per pair of accounts, weighted by the log
of the message count.  A shared file weighs by its rarity (:func:`media_rarity`).
An identifier or media item shared by more than ``max_shared`` accounts (a
public IP, a carrier NAT, a viral meme) says nothing about any one account and is left out: it
would only connect strangers and slow every algorithm down.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, cast

import igraph as ig
import numpy as np
import numpy.typing as npt

from childsafe.graph.network import STRONG_IDENTIFIER_KINDS, Network

__all__ = ["EDGE_TYPES", "EdgeWeights", "RiskGraph", "build_graph", "contact_pairs", "media_rarity"]

#: Edge type codes (the ``type`` edge attribute indexes this tuple).
EDGE_TYPES: Final = ("contact", "strong_identifier", "weak_identifier", "media", "known_media", "same_face")


@dataclass(frozen=True)
class EdgeWeights:
    """How much each kind of link carries risk from one account to another."""

    contact: float = 1.0
    strong_identifier: float = 4.0  # email, phone, device, payment: usually one person
    weak_identifier: float = 0.5  # ip, url, username, other
    media: float = 1.0
    known_media: float = 4.0  # media -> the hash-list entry it matched
    same_face: float = 2.0  # media -> a face person seen in it (when the run loads faces)
    max_shared: int = 50


@dataclass
class RiskGraph:
    """The igraph graph and how its node numbers map back to the network."""

    graph: ig.Graph
    network: Network
    n_accounts: int
    ident_offset: int
    media_offset: int
    entry_offset: int
    entries: list[str]  # "bank/signal_type:signal" of the known-media nodes
    #: The edges as arrays (the same order as the graph's), for vectorised passes over them.
    src: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))
    dst: npt.NDArray[np.int64] = field(default_factory=lambda: np.zeros(0, np.int64))
    #: Face-person nodes follow the known-media nodes: ``[face_offset, vcount)``.
    face_offset: int = -1

    @property
    def known_end(self) -> int:
        """One past the last known-media node."""
        return self.face_offset if self.face_offset >= 0 else self.graph.vcount()

    def node_label(self, node: int) -> str:
        net = self.network
        if node < self.ident_offset:
            return f"account:{net.accounts[node]}"
        if node < self.media_offset:
            return net.identifier_name(node - self.ident_offset)
        if node < self.entry_offset:
            return f"media:{net.media_name(node - self.media_offset)}"
        if node < self.known_end:
            return f"known:{self.entries[node - self.entry_offset]}"
        return f"face:person-{node - self.known_end}"

    def node_kind(self, node: int) -> str:
        if node < self.ident_offset:
            return "account"
        if node < self.media_offset:
            return "identifier"
        if node < self.entry_offset:
            return "media"
        return "known_media" if node < self.known_end else "face"


def contact_pairs(net: Network) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Unordered account pairs that exchanged messages, and how many (self-messages dropped).

    Computed once per network (a sort of every message: seconds at 10M) and kept on it; the message
    arrays of a loaded network do not change."""
    key = (net.msg_sender.size, net.n_accounts)
    cached = net.cache.get("contact_pairs")
    if cached is not None and cached[0] == key:
        return cast("tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]", cached[1])
    pairs = _contact_pairs(net)
    net.cache["contact_pairs"] = (key, pairs)
    return pairs


def _contact_pairs(net: Network) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    a = np.minimum(net.msg_sender, net.msg_recipient).astype(np.int64)
    b = np.maximum(net.msg_sender, net.msg_recipient).astype(np.int64)
    keep = a != b
    keys = a[keep] * max(net.n_accounts, 1) + b[keep]
    uniq, counts = np.unique(keys, return_counts=True)
    n = max(net.n_accounts, 1)
    return uniq // n, uniq % n, counts.astype(np.int64)


def _membership_edges(owner: npt.NDArray[np.int32], item: npt.NDArray[np.int32],
                      max_shared: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
    """Distinct (account, item) pairs whose item is used by at most ``max_shared`` accounts, and how
    many accounts use each pair's item."""
    if owner.size == 0:
        return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.int64)
    width = int(item.max()) + 1
    pairs = np.unique(owner.astype(np.int64) * width + item.astype(np.int64))
    acc, it = pairs // width, pairs % width
    users = np.bincount(it, minlength=width)
    keep = users[it] <= max_shared
    return acc[keep], it[keep], users[it[keep]].astype(np.int64)


def media_rarity(users: npt.NDArray[np.int64], max_shared: int) -> npt.NDArray[np.float64]:
    """1 for a file two accounts share, falling linearly to 0 at ``max_shared`` sharers: a file only
    a ring shares links its members; a meme links nobody."""
    return np.clip(1.0 - (users - 2) / max(max_shared - 1, 1), 0.0, 1.0)


def build_graph(net: Network, weights: EdgeWeights | None = None,
                care: tuple[npt.NDArray[np.float64], npt.NDArray[np.bool_]] | None = None) -> RiskGraph:
    """The weighted graph; ``care`` = (per-account ordinary care in [0, 1], likely minors) scales a
    contact between an adult and a minor by (1 - the adult's care): a coach's team carries little
    risk from one player's other contacts to the coach."""
    w = weights or EdgeWeights()
    n_acc, n_id, n_media = net.n_accounts, net.n_identifiers, net.n_media
    ident_offset, media_offset = n_acc, n_acc + n_id
    entry_offset = media_offset + n_media
    entry_keys: dict[str, int] = {}
    ent_media: list[int] = []
    ent_node: list[int] = []
    for media, evidence in net.media_evidence.items():
        for e in evidence:
            node = entry_keys.setdefault(e.entry, len(entry_keys))
            ent_media.append(media)
            ent_node.append(node)

    src_parts: list[npt.NDArray[np.int64]] = []
    dst_parts: list[npt.NDArray[np.int64]] = []
    wt_parts: list[npt.NDArray[np.float64]] = []
    ty_parts: list[npt.NDArray[np.int8]] = []

    def add(src: npt.NDArray[np.int64], dst: npt.NDArray[np.int64], weight: npt.NDArray[np.float64] | float,
            kind: str) -> None:
        src_parts.append(src)
        dst_parts.append(dst)
        wt_parts.append(np.broadcast_to(np.asarray(weight, np.float64), src.shape).copy())
        ty_parts.append(np.full(src.shape, EDGE_TYPES.index(kind), np.int8))

    a, b, count = contact_pairs(net)
    contact = w.contact * (1.0 + np.log(count))
    if care is not None and a.size:
        level, minor = care
        contact = contact * np.where(minor[b], 1.0 - level[a], 1.0) * np.where(minor[a], 1.0 - level[b], 1.0)
    add(a, b, contact, "contact")
    acc, ident, _ = _membership_edges(net.uses_account, net.uses_identifier, w.max_shared)
    strong = np.array([k in STRONG_IDENTIFIER_KINDS for k in net.ident_kind], bool)
    is_strong = strong[ident] if ident.size else np.zeros(0, bool)
    add(acc[is_strong], ident[is_strong] + ident_offset, w.strong_identifier, "strong_identifier")
    add(acc[~is_strong], ident[~is_strong] + ident_offset, w.weak_identifier, "weak_identifier")
    acc, posted, sharers = _membership_edges(net.post_account, net.post_media, w.max_shared)
    add(acc, posted + media_offset, w.media * media_rarity(sharers, w.max_shared), "media")
    if ent_media:
        pairs = np.unique(np.asarray(ent_media, np.int64) * (len(entry_keys) + 1) + np.asarray(ent_node, np.int64))
        add(pairs // (len(entry_keys) + 1) + media_offset, pairs % (len(entry_keys) + 1) + entry_offset,
            w.known_media, "known_media")

    face_offset = entry_offset + len(entry_keys)
    n_faces = 0
    if net.media_faces:
        pairs_f = np.unique(np.asarray(net.media_faces, np.int64), axis=0)
        n_faces = int(pairs_f[:, 1].max()) + 1
        add(pairs_f[:, 0] + media_offset, pairs_f[:, 1] + face_offset, w.same_face, "same_face")
    src = np.concatenate(src_parts)
    dst = np.concatenate(dst_parts)
    graph = ig.Graph(n=face_offset + n_faces, edges=_edge_array(src, dst), directed=False)
    weight = np.concatenate(wt_parts)
    graph.es["weight"] = weight.tolist()
    graph.es["type"] = np.concatenate(ty_parts).tolist()
    live = weight > 0
    return RiskGraph(graph, net, n_acc, ident_offset, media_offset, entry_offset, list(entry_keys),
                     src[live], dst[live], face_offset)


def _edge_array(src: npt.NDArray[np.int64], dst: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    # igraph accepts an (E, 2) integer array directly: no 10M-element list of tuples.
    return np.ascontiguousarray(np.column_stack([src, dst]).astype(np.int64))
