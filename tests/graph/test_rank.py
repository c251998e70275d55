"""rank_accounts: fused own evidence and network risk; every lead explained by reasons and paths."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from tests.graph.graphkit import SPEC, Platform, flip_bits, make_network, pdq_of, sha_of, write_csv

from childsafe.errors import ConfigError
from childsafe.graph.build import EDGE_TYPES, contact_pairs
from childsafe.graph.network import AccountLabel, AuthorRisk, Network
from childsafe.graph.rank import Lead, RankResult, RankSettings, rank_accounts
from childsafe.matching import Matcher
from childsafe.store.base import NewEntry
from childsafe.store.graph import GraphStore, media_matcher
from childsafe.store.sql import SqlStore

OWN_REASONS = {"known_media", "text_risk", "reports", "contact_pattern", "grooming_contacts"}
REASON_TYPES = OWN_REASONS | {"confirmed", "network"}
K = 50


def precision_at(ranked: list[str], relevant: set[str], k: int = K) -> float:
    return sum(a in relevant for a in ranked[:k]) / k


def contact_degree(net: Network) -> np.ndarray:
    a, b, _ = contact_pairs(net)
    return np.bincount(np.r_[a, b], minlength=net.n_accounts)


@pytest.mark.parametrize("with_bank", [True, False])
def test_offenders_rank_above_hubs_and_far_above_degree(platform: Platform, platform_net: Network,
                                                        platform_plain: Network, with_bank: bool) -> None:
    truth = platform.truth
    net = platform_net if with_bank else platform_plain
    result = platform_rank_of(net, truth.seeds)
    seeds, offenders = set(truth.seeds), set(truth.offenders)
    targets = offenders - seeds
    assert len(targets) > K
    degree = contact_degree(net)
    hubs = [i for i in range(net.n_accounts) if degree[i] >= 100 and net.accounts[i] not in offenders]
    assert len(hubs) == SPEC.hubs  # the planted hubs, and nothing else, have degree 100+
    index = net.account_index()
    offender_scores = result.fused[[index[a] for a in targets]]
    assert offender_scores.min() > result.fused[hubs].max()  # every offender above every hub

    fused = precision_at([lead.account for lead in result.leads], targets)
    by_degree = [net.accounts[i] for i in np.argsort(-degree, kind="stable") if net.accounts[i] not in seeds]
    baseline = precision_at(by_degree, targets)
    assert fused >= 0.9
    assert fused >= 1.5 * baseline, (fused, baseline)  # hubs crowd the degree ranking


def platform_rank_of(net: Network, seeds: tuple[str, ...]) -> RankResult:
    return rank_accounts(net, seeds, top=K)


def check_lead(result: RankResult, lead: Lead, confirmed: set[str], settings: RankSettings) -> None:
    """Reasons add up to the score; every path is a real path of the graph ending at what it says."""
    rg = result.graph
    assert {r["type"] for r in lead.reasons} <= REASON_TYPES and lead.reasons
    assert len({r["type"] for r in lead.reasons}) == len(lead.reasons)
    for reason in lead.reasons:
        assert 0 < reason["score"] <= 1 and reason["text"]
    own = 1 - np.prod([1 - r["score"] for r in lead.reasons if r["type"] in OWN_REASONS])
    network = next((r["score"] for r in lead.reasons if r["type"] == "network"), 0.0)
    assert lead.score == pytest.approx(1 - (1 - own) * (1 - settings.network * network), abs=1e-3)

    node_of = {rg.node_label(v): v for v in range(rg.graph.vcount())}
    assert 1 <= len(lead.paths) <= settings.paths
    for path in lead.paths:
        nodes = [node_of[label] for label in path["nodes"]]
        assert nodes[0] == node_of[f"account:{lead.account}"] and len(set(nodes)) == len(nodes)
        assert len(path["edges"]) == len(nodes) - 1
        for (u, v), kind in zip(zip(nodes, nodes[1:], strict=False), path["edges"], strict=True):
            assert EDGE_TYPES[rg.graph.es[rg.graph.get_eid(u, v)]["type"]] == kind
        end = path["nodes"][-1]
        if path["source"] == "known_media":
            assert end.startswith("known:")
        elif path["source"] == "confirmed":
            assert end.removeprefix("account:") in confirmed
        else:
            assert path["source"] == "evidence"
            assert end.startswith("account:") and result.own[nodes[-1]] > 0


def test_every_lead_has_reasons_and_paths_to_confirmed_accounts_or_known_media(platform: Platform,
                                                                               platform_rank: RankResult) -> None:
    seeds = set(platform.truth.seeds)
    assert len(platform_rank.leads) == K
    assert not seeds & {lead.account for lead in platform_rank.leads}  # confirmed accounts are not leads
    scores = [lead.score for lead in platform_rank.leads]
    assert scores == sorted(scores, reverse=True)
    for lead in platform_rank.leads:
        check_lead(platform_rank, lead, seeds, RankSettings())
        # within two steps of the evidence everywhere in a ring: a path that needs no further looking up
        assert {p["source"] for p in lead.paths} & {"confirmed", "known_media"}, lead.paths
    with_media = [lead for lead in platform_rank.leads if any(r["type"] == "known_media" for r in lead.reasons)]
    assert len(with_media) >= 0.9 * K
    for lead in with_media:
        reason = next(r for r in lead.reasons if r["type"] == "known_media")
        assert reason["banks"] == ["known"] and reason["items"] >= 1 and reason["closest_distance"] >= 0
        assert any(p["source"] == "known_media" for p in lead.paths)


def test_cleared_accounts_drop_out_and_confirmed_ones_can_be_shown(platform: Platform, platform_net: Network,
                                                                   platform_rank: RankResult) -> None:
    index = platform_net.account_index()
    top = platform_rank.leads[0].account
    cleared = dataclasses.replace(platform_net, labels={
        **platform_net.labels, index[top]: [AccountLabel("cleared", "reviewed: not an offender", "test")]})
    again = rank_accounts(cleared, platform.truth.seeds, top=K)
    assert top not in {lead.account for lead in again.leads}
    assert again.fused[index[top]] == 0 and again.own[index[top]] == 0

    # a seed that a reviewer cleared is not a seed
    seed = platform.truth.seeds[0]
    unseeded = dataclasses.replace(platform_net, labels={index[seed]: [AccountLabel("cleared", None, "test")]})
    assert index[seed] not in rank_accounts(unseeded, platform.truth.seeds, top=5).sources

    shown = rank_accounts(platform_net, platform.truth.seeds, top=K + len(platform.truth.seeds),
                          settings=RankSettings(include_confirmed=True))
    for lead in shown.leads:
        if lead.account in platform.truth.seeds:
            assert lead.reasons[0]["type"] == "confirmed" and lead.score == 1.0
    assert set(platform.truth.seeds) <= {lead.account for lead in shown.leads}

    # seeds given as labels rank exactly as seeds given as arguments
    labelled = dataclasses.replace(platform_net, labels={index[s]: [AccountLabel("confirmed", None, "test")]
                                                         for s in platform.truth.seeds})
    np.testing.assert_allclose(rank_accounts(labelled, top=5).fused, platform_rank.fused)


def test_risk_flows_from_a_seed_along_the_graph_with_exact_paths() -> None:
    ages: dict[str, int | None] = dict.fromkeys(["seed", "x", "y", "z", "w"], None)
    net = make_network(ages, messages=[("x", "y", 1, "chat"), ("y", "z", 2, "chat")],
                       identifiers=[("seed", "device", "dev1"), ("x", "device", "dev1"), ("w", "email", "w@x.y")])
    result = rank_accounts(net, ["seed"], top=10)
    assert [lead.account for lead in result.leads] == ["x", "y", "z"]  # w is connected to nothing risky
    ix = net.account_index()
    assert result.fused[ix["x"]] > result.fused[ix["y"]] > result.fused[ix["z"]] > 0 == result.fused[ix["w"]]
    paths = {lead.account: lead.paths for lead in result.leads}
    assert paths["x"] == [{"nodes": ["account:x", "device:dev1", "account:seed"],
                           "edges": ["strong_identifier", "strong_identifier"], "source": "confirmed"}]
    assert paths["y"] == [{"nodes": ["account:y", "account:x", "device:dev1", "account:seed"],
                           "edges": ["contact", "strong_identifier", "strong_identifier"], "source": "confirmed"}]
    assert paths["z"][0]["nodes"] == ["account:z", "account:y", "account:x", "device:dev1", "account:seed"]
    for lead in result.leads:
        assert [r["type"] for r in lead.reasons] == ["network"]
        check_lead(result, lead, {"seed"}, RankSettings())


def test_text_risk_and_reports_are_reasons_with_their_scores() -> None:
    ages: dict[str, int | None] = dict.fromkeys(["talker", "reported", "quiet", "other"], None)
    net = make_network(ages, messages=[("talker", "other", 1, "chat"), ("reported", "other", 2, "chat"),
                                       ("quiet", "other", 3, "chat")])
    net.author_risk = {0: AuthorRisk(0.9, True, 2, ("secrecy", "meeting")), 2: AuthorRisk(0.5, False, 1)}
    net.labels = {1: [AccountLabel("reported", "user report", "import")] * 2}
    result = rank_accounts(net, top=10)
    reasons = {lead.account: {r["type"]: r for r in lead.reasons} for lead in result.leads}
    talker = reasons["talker"]["text_risk"]
    assert (talker["score"], talker["risk"], talker["alert"], talker["indicators"]) == (
        0.72, 0.9, True, ["secrecy", "meeting"])
    assert "2 conversation(s) (alert)" in talker["text"]
    assert reasons["quiet"]["text_risk"]["score"] == 0.15  # 0.5 x 0.3 without an alert
    assert (reasons["reported"]["reports"]["count"], reasons["reported"]["reports"]["score"]) == (2, 0.36)
    order = [lead.account for lead in result.leads]
    assert [a for a in order if a != "other"] == ["talker", "reported", "quiet"]
    # the bystander all three wrote to borrows risk, never more than its strongest source holds
    ix = net.account_index()
    assert 0 < result.network[ix["other"]] <= result.own[ix["talker"]]
    assert order.index("other") > order.index("talker")
    for lead in result.leads:
        check_lead(result, lead, set(), RankSettings())


def test_known_media_from_a_bank_includes_near_duplicates_and_allowlists_suppress(tmp_path: Path,
                                                                                   store: SqlStore) -> None:
    known_sha, known_pdq, meme_pdq = sha_of("known item"), pdq_of(11), pdq_of(12)
    graph = GraphStore(store)
    graph.ingest_file(write_csv(tmp_path / "media.csv", ("account", "sha256", "pdq"), [
        ("exact", known_sha, ""),
        ("near", sha_of("re-encoded"), flip_bits(known_pdq, [3, 70, 140, 200, 255])),  # 5 bits away
        ("meme", sha_of("meme"), flip_bits(meme_pdq, [9])),
        ("clean", sha_of("holiday"), pdq_of(13))]))
    graph.ingest_file(write_csv(tmp_path / "m.csv", ("sender", "recipient", "timestamp"),
                                [("exact", "friend", "1"), ("clean", "friend", "2")]))
    store.create_bank("known")
    store.add_entries("known", [NewEntry("sha256", known_sha, label="item-1"),
                                NewEntry("pdq", known_pdq, label="item-1"), NewEntry("pdq", meme_pdq, label="item-2")])

    def reasons() -> tuple[dict[str, dict[str, Any]], RankResult]:
        result = rank_accounts(graph.load(media_matcher(Matcher(store))), top=10)
        found = {lead.account: r for lead in result.leads for r in lead.reasons if r["type"] == "known_media"}
        return found, result

    found, result = reasons()
    assert set(found) == {"exact", "near", "meme"}
    assert (found["exact"]["closest_distance"], found["near"]["closest_distance"], found["meme"]["closest_distance"]) \
        == (0, 5, 1)
    assert found["exact"]["items"] == 1 and found["exact"]["banks"] == ["known"]
    assert found["exact"]["score"] == 0.6  # one known item
    exact = next(lead for lead in result.leads if lead.account == "exact")
    assert {"nodes": ["account:exact", f"media:sha256:{known_sha}", "known:known:item-1"],
            "edges": ["media", "known_media"], "source": "known_media"} in exact.paths
    # the SHA-256 and the PDQ entry of item-1 are one item: "exact" and "near" meet on one node
    assert result.graph.entries.count("known:item-1") == 1

    store.create_bank("benign", allowlist=True)
    store.add_entries("benign", [NewEntry("pdq", meme_pdq, label="a known meme")])
    found, result = reasons()
    assert set(found) == {"exact", "near"}  # the allowlisted meme no longer counts
    assert result.own[result.graph.network.account_index()["meme"]] == 0


def test_settings_are_validated_and_an_empty_network_ranks_nothing() -> None:
    for bad in ({"damping": 1.0}, {"damping": 0.0}, {"network": 1.5}, {"report": -0.1}):
        with pytest.raises(ConfigError):
            RankSettings(**bad)
    result = rank_accounts(Network.empty(), ["nobody"])
    assert result.leads == [] and result.fused.size == 0
