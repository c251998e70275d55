"""Exports: GraphML (igraph's writer), GEXF 1.3 for Gephi, JSON for the web UI, and a CSV edge list
(``source,target,type,weight`` with node labels) for Spark GraphFrames or any distributed engine.

Every node carries ``label``, ``kind`` (account, identifier, media, known_media) and, for accounts,
``role`` (suspect, at_risk, service, other: ``other`` when no ranking was run), ``risk`` (the fused
score) and ``community`` when a ranking was run (the CSV edge list has no node records); every edge its ``type`` and
``weight``.  igraph has no GEXF writer and networkx would hold a second copy of a 10M-edge graph in
Python objects, so GEXF is streamed here, escaped by ``xml.sax.saxutils``.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final, TextIO
from xml.sax.saxutils import quoteattr

import numpy as np
import numpy.typing as npt

from childsafe.errors import ConfigError
from childsafe.graph.build import EDGE_TYPES, RiskGraph

__all__ = ["EXPORT_FORMATS", "export_graph"]

EXPORT_FORMATS: Final = ("graphml", "gexf", "json", "edgelist")

#: Characters XML 1.0 forbids even escaped (igraph refuses them; Gephi cannot parse them).
_NOT_XML: Final = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def export_graph(rg: RiskGraph, path: Path, fmt: str, *, risk: npt.NDArray[np.float64] | None = None,
                 community: dict[int, int] | None = None, nodes: Sequence[int] | None = None,
                 roles: Sequence[str] | None = None) -> dict[str, int]:
    """Write the graph (or the subgraph on ``nodes``); returns node and edge counts.

    ``roles``: the role name of every account (index = account number)."""
    if fmt not in EXPORT_FORMATS:
        raise ConfigError(f"unknown export format {fmt!r}: use {', '.join(EXPORT_FORMATS)}")
    keep = list(range(rg.graph.vcount())) if nodes is None else sorted(set(nodes))
    graph = rg.graph if nodes is None else rg.graph.induced_subgraph(keep)
    labels = [rg.node_label(v) for v in keep]
    kinds = [rg.node_kind(v) for v in keep]
    risks = [float(risk[v]) if risk is not None and v < rg.n_accounts else -1.0 for v in keep]
    groups = [community.get(v, -1) if community else -1 for v in keep]
    role_of = [(roles[v] if roles is not None else "other") if v < rg.n_accounts else "" for v in keep]
    edges = graph.get_edgelist()
    types = [EDGE_TYPES[int(t)] for t in graph.es["type"]] if edges else []
    weights = [float(w) for w in graph.es["weight"]] if edges else []
    if fmt == "graphml":
        out = graph.copy()
        out.vs["label"] = [_xml_text(label) for label in labels]
        out.vs["kind"], out.vs["risk"], out.vs["community"], out.vs["role"] = kinds, risks, groups, role_of
        out.es["type"] = types
        out.write_graphml(str(path))
    else:
        with path.open("w", encoding="utf-8") as fh:
            if fmt == "gexf":
                _write_gexf(fh, [_xml_text(label) for label in labels], kinds, risks, groups, role_of, edges, types,
                            weights)
            elif fmt == "edgelist":
                _write_edgelist(fh, labels, edges, types, weights)
            else:
                _write_json(fh, labels, kinds, risks, groups, role_of, edges, types, weights)
    return {"nodes": len(keep), "edges": len(edges)}


def _xml_text(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot carry (control characters from account names) as ``\\xNN``."""
    return _NOT_XML.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 256 else f"\\u{ord(m.group()):04x}",
                        text)


def _write_gexf(fh: TextIO, labels: list[str], kinds: list[str], risks: list[float], groups: list[int],
                role_of: list[str], edges: list[tuple[int, int]], types: list[str], weights: list[float]) -> None:
    fh.write('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<gexf xmlns="http://gexf.net/1.3" version="1.3">\n'
             '  <meta><creator>childsafe</creator></meta>\n'
             '  <graph defaultedgetype="undirected" mode="static">\n'
             '    <attributes class="node">\n'
             '      <attribute id="0" title="kind" type="string"/>\n'
             '      <attribute id="1" title="risk" type="double"/>\n'
             '      <attribute id="2" title="community" type="integer"/>\n'
             '      <attribute id="3" title="role" type="string"/>\n'
             '    </attributes>\n'
             '    <attributes class="edge">\n'
             '      <attribute id="0" title="type" type="string"/>\n'
             '    </attributes>\n'
             '    <nodes>\n')
    for i, (label, kind, risk, group, role) in enumerate(zip(labels, kinds, risks, groups, role_of, strict=True)):
        fh.write(f'      <node id="{i}" label={quoteattr(label)}><attvalues>'
                 f'<attvalue for="0" value={quoteattr(kind)}/><attvalue for="1" value="{risk:.6g}"/>'
                 f'<attvalue for="2" value="{group}"/>'
                 + (f'<attvalue for="3" value={quoteattr(role)}/>' if role else "") + '</attvalues></node>\n')
    fh.write("    </nodes>\n    <edges>\n")
    for i, ((a, b), kind, w) in enumerate(zip(edges, types, weights, strict=True)):
        fh.write(f'      <edge id="{i}" source="{a}" target="{b}" weight="{w:.6g}"><attvalues>'
                 f'<attvalue for="0" value={quoteattr(kind)}/></attvalues></edge>\n')
    fh.write("    </edges>\n  </graph>\n</gexf>\n")


def _write_json(fh: TextIO, labels: list[str], kinds: list[str], risks: list[float], groups: list[int],
                role_of: list[str], edges: list[tuple[int, int]], types: list[str], weights: list[float]) -> None:
    # Streamed object by object (a 10M-edge document must not be built in memory first).
    fh.write('{"directed": false, "nodes": [\n')
    for i, (label, kind, risk, group, role) in enumerate(zip(labels, kinds, risks, groups, role_of, strict=True)):
        node: dict[str, Any] = {"id": i, "label": label, "kind": kind}
        if role:
            node["role"] = role
        if risk >= 0:
            node["risk"] = round(risk, 6)
        if group >= 0:
            node["community"] = group
        fh.write(("," if i else "") + json.dumps(node, ensure_ascii=False) + "\n")
    fh.write('], "edges": [\n')
    for i, ((a, b), kind, w) in enumerate(zip(edges, types, weights, strict=True)):
        edge = {"source": a, "target": b, "type": kind, "weight": round(w, 6)}
        fh.write(("," if i else "") + json.dumps(edge) + "\n")
    fh.write("]}\n")


def _write_edgelist(fh: TextIO, labels: list[str], edges: list[tuple[int, int]], types: list[str],
                    weights: list[float]) -> None:
    writer = csv.writer(fh, lineterminator="\n")
    writer.writerow(("source", "target", "type", "weight"))
    writer.writerows((labels[a], labels[b], kind, f"{w:.6g}")
                     for (a, b), kind, w in zip(edges, types, weights, strict=True))
