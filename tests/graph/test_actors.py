"""Key actors (network capital) and Leiden communities around confirmed accounts."""

from __future__ import annotations

from collections import Counter

import pytest
from tests.graph.graphkit import Platform, make_network

from childsafe.graph.actors import ANCHOR_RISK, anchors, communities, key_actors, risk_neighbourhood
from childsafe.graph.rank import RankResult, rank_accounts


def confirmed_of(platform: Platform, result: RankResult) -> set[int]:
    index = result.graph.network.account_index()
    return {index[s] for s in platform.truth.seeds}


def test_each_ring_is_found_as_one_community_around_its_seed(platform: Platform, platform_rank: RankResult) -> None:
    confirmed = confirmed_of(platform, platform_rank)
    found = communities(platform_rank, confirmed)
    ring_of = {a: r for r, ring in enumerate(platform.truth.rings) for a in ring}
    assert [c.community for c in found] == list(range(len(found)))
    for c in found:  # only communities holding a confirmed or high-risk account are reported
        assert c.confirmed or max(c.risks) >= ANCHOR_RISK
        assert c.risks == sorted(c.risks, reverse=True) and c.size == len(c.accounts)
    with_seed = [c for c in found if c.confirmed]
    assert len(with_seed) == len(platform.truth.rings)  # one community per ring, one seed each
    for c in with_seed:
        rings = Counter(ring_of[a] for a in c.accounts if a in ring_of)
        (ring, members), = rings.most_common(1)
        assert ring == ring_of[c.confirmed[0]] and len(rings) == 1  # no offender of another ring
        assert members >= 0.9 * len(platform.truth.rings[ring])  # nearly all of the ring
        assert c.accounts[:members] and set(c.accounts[:members]) <= set(platform.truth.rings[ring])
    # the same seed gives the same communities
    assert [c.accounts for c in communities(platform_rank, confirmed)] == [c.accounts for c in found]


def test_key_actors_are_mostly_offenders_and_capital_is_risk_times_connectivity(
        platform: Platform, platform_rank: RankResult) -> None:
    confirmed = confirmed_of(platform, platform_rank)
    found = communities(platform_rank, confirmed)
    actors = key_actors(platform_rank, confirmed, top=20, found=found)
    assert len(actors) == 20
    capitals = [a.capital for a in actors]
    assert capitals == sorted(capitals, reverse=True)
    offenders = set(platform.truth.offenders)
    assert sum(a.account in offenders for a in actors[:10]) >= 8
    index = platform_rank.graph.network.account_index()
    members = {name: c.community for c in found for name in c.accounts}
    for a in actors:
        assert 0 < a.capital <= a.risk + 1e-12 and 0 <= a.betweenness <= 1 and a.degree > 0
        assert a.risk == pytest.approx(platform_rank.fused[index[a.account]])
        assert a.community == members.get(a.account)
        record = a.to_record()
        assert record["network_capital"] == round(a.capital, 6) and record["reasons"]


def test_a_broker_between_two_confirmed_groups_has_the_highest_betweenness() -> None:
    ages: dict[str, int | None] = dict.fromkeys(["a1", "a2", "a3", "b1", "b2", "b3", "broker", "loner"], None)
    net = make_network(
        ages,
        messages=[("broker", "a1", 1, "chat"), ("broker", "b1", 2, "chat"), ("a1", "a2", 3, "chat"),
                  ("a2", "a3", 4, "chat"), ("a1", "a3", 5, "chat"), ("b1", "b2", 6, "chat"),
                  ("b2", "b3", 7, "chat"), ("b1", "b3", 8, "chat")],
        identifiers=[("a1", "device", "da"), ("a2", "device", "da"), ("b1", "payment", "pb"), ("b2", "payment", "pb"),
                     ("loner", "email", "l@x.y")])
    result = rank_accounts(net, ["a1", "b1"], top=10)
    ix = net.account_index()
    confirmed = {ix["a1"], ix["b1"]}
    assert anchors(result, confirmed) >= confirmed
    hood = risk_neighbourhood(result.graph, confirmed, hops=1)
    assert ix["loner"] not in hood and {ix[n] for n in ("a2", "a3", "b2", "b3", "broker")} <= set(hood)
    actors = {a.account: a for a in key_actors(result, confirmed, top=10, hops=2)}
    assert actors["broker"].betweenness == max(a.betweenness for a in actors.values()) == 1.0
    assert actors["a1"].capital > actors["a3"].capital  # confirmed (risk 1) and better connected
    groups = {frozenset(c.accounts) - {"broker"} for c in communities(result, confirmed, hops=2)}
    assert {frozenset({"a1", "a2", "a3"}), frozenset({"b1", "b2", "b3"})} <= groups


def test_no_confirmed_accounts_and_no_risk_means_no_actors_or_communities() -> None:
    net = make_network({"a": None, "b": None}, messages=[("a", "b", 1, "chat")])
    result = rank_accounts(net)
    assert key_actors(result, set()) == [] and communities(result, set()) == []
