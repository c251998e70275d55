"""Exports: GEXF and GraphML parse back (hostile labels escaped), JSON loads with the same counts."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as safe_et
import igraph as ig
import numpy as np
import pytest
from tests.graph.graphkit import Platform, make_network

from childsafe.errors import ConfigError
from childsafe.graph.actors import communities, risk_neighbourhood
from childsafe.graph.build import EDGE_TYPES, RiskGraph, build_graph
from childsafe.graph.export import export_graph
from childsafe.graph.rank import RankResult

GEXF = "{http://gexf.net/1.3}"
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
HOSTILE = ['a<&"\'>b', "]]><!--x-->", "tab\there and\nnewline", "ünï©ødé 🙂", "ctl\x01\x0b\x1fx"]


def hostile_graph() -> RiskGraph:
    ages: dict[str, int | None] = dict.fromkeys(HOSTILE, None)
    return build_graph(make_network(ages, messages=[(HOSTILE[i], HOSTILE[i + 1], i, "chat") for i in range(4)],
                                    identifiers=[(HOSTILE[0], "email", "x&y@<z>.org")]))


def read_gexf(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    root = safe_et.parse(path).getroot()
    assert root.tag == f"{GEXF}gexf" and root.get("version") == "1.3"
    nodes = []
    for node in root.iter(f"{GEXF}node"):
        values = {v.get("for"): v.get("value") for v in node.iter(f"{GEXF}attvalue")}
        nodes.append({"id": node.get("id"), "label": node.get("label"), "kind": values["0"],
                      "risk": float(values["1"]), "community": int(values["2"]), "role": values.get("3")})
    edges = []
    for edge in root.iter(f"{GEXF}edge"):
        edges.append({"source": edge.get("source"), "target": edge.get("target"), "weight": float(edge.get("weight")),
                      "type": next(edge.iter(f"{GEXF}attvalue")).get("value")})
    return nodes, edges


def test_labels_with_markup_and_control_characters_are_escaped(tmp_path: Path) -> None:
    rg = hostile_graph()
    expected = [rg.node_label(v) for v in range(rg.graph.vcount())]
    assert "account:ctl\x01\x0b\x1fx" in expected and "email:x&y@<z>.org" in expected
    readable = [label.replace("\x01", "\\x01").replace("\x0b", "\\x0b").replace("\x1f", "\\x1f") for label in expected]

    counts = export_graph(rg, tmp_path / "g.gexf", "gexf")
    assert counts == {"nodes": 6, "edges": 5}  # four contacts and one identifier use
    nodes, edges = read_gexf(tmp_path / "g.gexf")
    assert [n["label"] for n in nodes] == readable  # markup, quotes, tabs, newlines and emoji survive as-is
    assert len(edges) == 5

    export_graph(rg, tmp_path / "g.graphml", "graphml")
    root = ET.parse(tmp_path / "g.graphml").getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(f"{GRAPHML}key")}
    labels = [next(d.text for d in n.iter(f"{GRAPHML}data") if keys[d.get("key")] == "label")
              for n in root.iter(f"{GRAPHML}node")]
    assert labels == readable
    assert ig.Graph.Read_GraphML(str(tmp_path / "g.graphml")).vs["label"] == readable

    export_graph(rg, tmp_path / "g.json", "json")
    doc = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert [n["label"] for n in doc["nodes"]] == expected  # JSON carries every character exactly


def test_exports_of_a_ranked_platform_round_trip(tmp_path: Path, platform: Platform,
                                                 platform_rank: RankResult) -> None:
    rg = platform_rank.graph
    index = rg.network.account_index()
    found = communities(platform_rank, {index[s] for s in platform.truth.seeds})
    group = {index[name]: c.community for c in found for name in c.accounts}
    n, m = rg.graph.vcount(), rg.graph.ecount()
    truth_edges = sorted((min(e.tuple), max(e.tuple), EDGE_TYPES[e["type"]]) for e in rg.graph.es)
    risk = platform_rank.fused
    roles = [platform_rank.role_of(i) for i in range(rg.n_accounts)]

    for fmt in ("gexf", "graphml", "json"):
        assert export_graph(rg, tmp_path / f"p.{fmt}", fmt, risk=risk, community=group,
                            roles=roles) == {"nodes": n, "edges": m}

    doc = json.loads((tmp_path / "p.json").read_text(encoding="utf-8"))
    assert doc["directed"] is False and len(doc["nodes"]) == n and len(doc["edges"]) == m
    assert [node["id"] for node in doc["nodes"]] == list(range(n))
    assert sorted((min(e["source"], e["target"]), max(e["source"], e["target"]), e["type"])
                  for e in doc["edges"]) == truth_edges
    accounts = [node for node in doc["nodes"] if node["kind"] == "account"]
    assert len(accounts) == rg.n_accounts and all("risk" in a for a in accounts)
    assert not any("risk" in node for node in doc["nodes"] if node["kind"] != "account")
    seed = index[platform.truth.seeds[0]]
    assert doc["nodes"][seed]["risk"] == pytest.approx(risk[seed], abs=1e-6)
    assert doc["nodes"][seed]["community"] == group[seed]
    assert sum("community" in node for node in doc["nodes"]) == len(group)
    assert {node["kind"] for node in doc["nodes"]} == {"account", "identifier", "media", "known_media"}
    # every account node carries its role; only account nodes do
    assert [node["role"] for node in accounts] == roles and doc["nodes"][seed]["role"] == "suspect"
    assert {"suspect", "at_risk", "service"} <= set(roles)
    assert not any("role" in node for node in doc["nodes"] if node["kind"] != "account")
    victim = index[sorted(set(platform.truth.victims) - set(platform.truth.offenders))[0]]
    assert doc["nodes"][victim]["role"] == "at_risk"

    nodes, edges = read_gexf(tmp_path / "p.gexf")
    assert len(nodes) == n and len(edges) == m
    assert sorted((min(int(e["source"]), int(e["target"])), max(int(e["source"]), int(e["target"])), e["type"])
                  for e in edges) == truth_edges
    assert [x["label"] for x in nodes] == [x["label"] for x in doc["nodes"]]
    assert nodes[seed]["community"] == group[seed] and nodes[seed]["risk"] == pytest.approx(risk[seed], rel=1e-5)
    assert [x["role"] for x in nodes[: rg.n_accounts]] == roles and nodes[-1]["role"] is None

    back = ig.Graph.Read_GraphML(str(tmp_path / "p.graphml"))
    assert (back.vcount(), back.ecount()) == (n, m)
    assert back.vs["label"] == [x["label"] for x in doc["nodes"]]
    assert back.vs["role"][: rg.n_accounts] == roles
    assert sorted((min(e.tuple), max(e.tuple), e["type"]) for e in back.es) == truth_edges
    np.testing.assert_allclose(back.es["weight"], rg.graph.es["weight"])


def test_a_neighbourhood_exports_as_its_induced_subgraph(tmp_path: Path, platform: Platform,
                                                         platform_rank: RankResult) -> None:
    rg = platform_rank.graph
    seed = rg.network.account_index()[platform.truth.seeds[0]]
    nodes = risk_neighbourhood(rg, {seed}, hops=1)
    sub = rg.graph.induced_subgraph(nodes)
    counts = export_graph(rg, tmp_path / "n.json", "json", nodes=nodes + nodes[:3])  # duplicates are harmless
    assert counts == {"nodes": len(nodes), "edges": sub.ecount()} and 1 < len(nodes) < rg.graph.vcount()
    doc = json.loads((tmp_path / "n.json").read_text(encoding="utf-8"))
    assert [node["label"] for node in doc["nodes"]] == [rg.node_label(v) for v in nodes]
    assert all(0 <= e["source"] < len(nodes) and 0 <= e["target"] < len(nodes) for e in doc["edges"])


def test_an_unknown_format_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown export format"):
        export_graph(hostile_graph(), tmp_path / "g.dot", "dot")
    assert not (tmp_path / "g.dot").exists()
