"""build_graph: node layout, edge types and weights, and pruning of identifiers shared too widely."""

from __future__ import annotations

import math

import numpy as np
import pytest
from tests.graph.graphkit import make_network, pdq_of, sha_of

from childsafe.graph.build import EDGE_TYPES, EdgeWeights, RiskGraph, build_graph, contact_pairs, media_rarity
from childsafe.graph.network import MediaEvidence, Network

SHA1, SHA2 = sha_of("m1"), sha_of("m2")
PDQ2 = pdq_of(2)


def network() -> Network:
    ages: dict[str, int | None] = dict.fromkeys("abcdef", None)
    net = make_network(
        ages,
        messages=[("a", "b", 1, "chat"), ("a", "b", 2, "chat"), ("b", "a", 3, "dm"), ("a", "a", 4, "chat"),
                  ("c", "d", 5, "chat")],
        identifiers=[("a", "email", "x@y.z"), ("a", "email", "x@y.z"), ("b", "email", "x@y.z"),
                     *[(n, "ip", "192.0.2.1") for n in "abcd"], ("e", "device", "dev1"),
                     ("c", "phone", "+100"), ("d", "phone", "+100")],
        posts=[("a", SHA1, "", 1), ("b", SHA1, "", 2), ("e", SHA2, PDQ2, 3)],
    )
    net.media_evidence = {
        0: [MediaEvidence("k", "sha256", SHA1, 0, "item")],
        1: [MediaEvidence("k", "pdq", PDQ2, 4, "item"), MediaEvidence("k2", "pdq", PDQ2, 4, None)],
    }
    return net


def edges(rg: RiskGraph) -> set[tuple[str, str, str, float]]:
    g = rg.graph
    out = set()
    for e in g.es:
        u, v = sorted((rg.node_label(e.source), rg.node_label(e.target)))
        out.add((u, v, EDGE_TYPES[e["type"]], round(e["weight"], 9)))
    assert len(out) == g.ecount()  # no duplicate edges
    return out


def test_contact_pairs_are_unordered_counted_and_skip_self_messages() -> None:
    a, b, count = contact_pairs(network())
    assert list(zip(a.tolist(), b.tolist(), count.tolist(), strict=True)) == [(0, 1, 3), (2, 3, 1)]


def test_nodes_and_edges_of_a_small_network() -> None:
    rg = build_graph(network(), EdgeWeights(max_shared=3))
    assert (rg.n_accounts, rg.ident_offset, rg.media_offset, rg.entry_offset) == (6, 6, 10, 12)
    assert rg.graph.vcount() == 14 and rg.entries == ["k:item", f"k2/pdq:{PDQ2}"]
    kinds = [rg.node_kind(v) for v in range(14)]
    assert kinds == ["account"] * 6 + ["identifier"] * 4 + ["media"] * 2 + ["known_media"] * 2
    assert edges(rg) == {
        ("account:a", "account:b", "contact", round(1 + math.log(3), 9)),
        ("account:c", "account:d", "contact", 1.0),
        ("account:a", "email:x@y.z", "strong_identifier", 4.0),
        ("account:b", "email:x@y.z", "strong_identifier", 4.0),
        ("account:e", "device:dev1", "strong_identifier", 4.0),
        ("account:c", "phone:+100", "strong_identifier", 4.0),
        ("account:d", "phone:+100", "strong_identifier", 4.0),
        # the IP is used by four accounts, more than max_shared: no edges
        ("account:a", f"media:sha256:{SHA1}", "media", 1.0),
        ("account:b", f"media:sha256:{SHA1}", "media", 1.0),
        ("account:e", f"media:sha256:{SHA2}", "media", 1.0),
        # both media meet on one node for the labelled item; the unlabelled entry is a node of its own
        ("known:k:item", f"media:sha256:{SHA1}", "known_media", 4.0),
        ("known:k:item", f"media:sha256:{SHA2}", "known_media", 4.0),
        (f"known:k2/pdq:{PDQ2}", f"media:sha256:{SHA2}", "known_media", 4.0),
    }


def test_weak_identifiers_within_max_shared_get_the_weak_weight() -> None:
    weights = EdgeWeights(contact=2.0, weak_identifier=0.25, strong_identifier=3.0, media=0.5, known_media=5.0)
    found = edges(build_graph(network(), weights))
    assert {(u, v) for u, v, t, _ in found if t == "weak_identifier"} == {
        (f"account:{n}", "ip:192.0.2.1") for n in "abcd"}
    by_type = {t: {w for _, _, tt, w in found if tt == t} for t in EDGE_TYPES}
    assert by_type == {"contact": {round(2 * (1 + math.log(3)), 9), 2.0}, "strong_identifier": {3.0},
                       "weak_identifier": {0.25}, "media": {0.5}, "known_media": {5.0}, "same_face": set()}


def test_a_shared_file_weighs_by_its_rarity() -> None:
    """A file only a ring shares is strong; one the whole platform shares (a meme) weighs nothing."""
    assert media_rarity(np.array([1, 2, 11, 50, 51]), 50).tolist() == pytest.approx([1.0, 1.0, 1 - 9 / 49, 1 / 49, 0.0])
    ages: dict[str, int | None] = {f"u{i}": None for i in range(12)}
    posts = [("u0", SHA1, "", 1), ("u1", SHA1, "", 1)] + [(f"u{i}", SHA2, "", 1) for i in range(12)]
    found = edges(build_graph(make_network(ages, posts=posts), EdgeWeights(max_shared=12)))
    weight = {(u, v): w for u, v, t, w in found if t == "media"}
    assert weight[("account:u0", f"media:sha256:{SHA1}")] == 1.0
    assert weight[("account:u0", f"media:sha256:{SHA2}")] == round(1 - 10 / 11, 9)


def test_an_empty_network_builds_an_empty_graph() -> None:
    rg = build_graph(Network.empty())
    assert rg.graph.vcount() == 0 and rg.graph.ecount() == 0


def test_max_shared_keeps_an_item_used_by_exactly_that_many_accounts() -> None:
    ages: dict[str, int | None] = dict.fromkeys("abc", None)
    net = make_network(ages, identifiers=[(n, "device", "family-tablet") for n in "abc"],
                       posts=[(n, SHA1, "", 1) for n in "abc"])
    kept = edges(build_graph(net, EdgeWeights(max_shared=3)))
    kinds = ("strong_identifier", "media")
    assert {(u, t) for u, _, t, _ in kept} == {(f"account:{n}", t) for n in "abc" for t in kinds}
    assert edges(build_graph(net, EdgeWeights(max_shared=2))) == set()
