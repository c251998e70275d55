"""Account risk fusion: own evidence plus risk carried over the network from confirmed accounts.

Each account's *own* evidence is combined by noisy-OR (independent reasons, each able to raise the
risk on its own, none able to push it past 1): hash-list matches on media it shared, grooming risk
from ``childsafe text score``, reports, and its contact pattern (bursts of first contacts with
minors).  Confirmed accounts (seeds, reviewer decisions) and accounts with own evidence then seed a
personalised PageRank over the weighted graph of :mod:`childsafe.graph.build`; an account close to
them through strong links (shared devices, payment cards, known media, contacts) inherits risk.

PageRank mass grows with an account's degree wherever it sits, so that a support bot talking to
everyone would outrank a quiet ring member.  The network score therefore divides each account's
PageRank by its weighted degree (its share per link); the raw PageRank is kept in the explanation.

Each lead carries its reasons and the paths that tie it to the evidence: the links from the lead
to evidence accounts or known media within two steps, and the cheapest path (edge cost =
1 / weight) from any evidence source, found with one Dijkstra run from a virtual source node.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from childsafe.errors import ConfigError
from childsafe.graph.build import EDGE_TYPES, EdgeWeights, RiskGraph, build_graph
from childsafe.graph.contacts import ContactPatterns, ContactSettings, contact_patterns, contact_score
from childsafe.graph.network import Network

__all__ = ["Lead", "RankSettings", "RankResult", "rank_accounts"]

_MAX_NEIGHBOURS_SCANNED: Final = 200
_STRONG_SOURCE: Final = 0.5  # for the two-step paths; the Dijkstra path covers the rest


@dataclass(frozen=True)
class RankSettings:
    damping: float = 0.85
    weights: EdgeWeights = field(default_factory=EdgeWeights)
    contacts: ContactSettings = field(default_factory=ContactSettings)
    known_media_item: float = 0.6  # per distinct known item shared
    report: float = 0.2  # per report
    text_alert: float = 0.8  # times the author's risk when the text model alerted
    text_no_alert: float = 0.3  # times the risk when it did not
    contact: float = 0.5  # times the contact-pattern score
    network: float = 0.9  # weight of the network score in the fusion
    paths: int = 3
    include_confirmed: bool = False

    def __post_init__(self) -> None:
        if not 0.0 < self.damping < 1.0:
            raise ConfigError(f"damping must be in (0, 1), got {self.damping}")
        for name in ("known_media_item", "report", "text_alert", "text_no_alert", "contact", "network"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ConfigError(f"{name} must be in [0, 1], got {getattr(self, name)}")


@dataclass
class Lead:
    account: str
    score: float
    reasons: list[dict[str, Any]]
    paths: list[dict[str, Any]]

    def to_record(self) -> dict[str, Any]:
        return {"account": self.account, "score": round(self.score, 6), "reasons": self.reasons,
                "paths": self.paths}


@dataclass
class RankResult:
    """Scores for every account (arrays) and the explained top leads."""

    leads: list[Lead]
    fused: npt.NDArray[np.float64]
    own: npt.NDArray[np.float64]
    network: npt.NDArray[np.float64]
    sources: set[int]
    graph: RiskGraph


def rank_accounts(net: Network, seeds: Iterable[str] = (), *, top: int = 50,
                  settings: RankSettings | None = None, graph: RiskGraph | None = None) -> RankResult:
    """Fused risk for every account; the ``top`` leads (confirmed accounts left out) explained."""
    s = settings or RankSettings()
    rg = graph or build_graph(net, s.weights)
    n = net.n_accounts
    index = net.account_index()
    confirmed = net.confirmed() | {index[name] for name in seeds if name in index}
    cleared = net.cleared()
    confirmed -= cleared
    patterns = contact_patterns(net, s.contacts)
    parts = _own_evidence(net, patterns, s)
    own = 1.0 - np.prod([1.0 - p for p in parts.values()], axis=0) if parts else np.zeros(n)
    own[list(cleared)] = 0.0
    own_or_seed = own.copy()
    own_or_seed[list(confirmed)] = 1.0
    sources = {int(i) for i in np.flatnonzero(own_or_seed > 0)}
    net_score, ppr = _network_score(rg, own_or_seed, s)
    fused = 1.0 - (1.0 - own) * (1.0 - s.network * net_score)
    fused[list(confirmed)] = 1.0  # as its "confirmed" reason says: the severity actors and exports use
    fused[list(cleared)] = 0.0
    order = np.argsort(-fused, kind="stable")
    excluded = cleared | (set() if s.include_confirmed else confirmed)
    chosen = [int(i) for i in order[: top + len(excluded)] if int(i) not in excluded and fused[i] > 0][:top]
    paths = _paths(rg, chosen, own_or_seed, confirmed, s.paths)
    leads = []
    for i in chosen:
        reasons = _reasons(net, i, parts, patterns, net_score, ppr, confirmed)
        leads.append(Lead(net.accounts[i], float(fused[i]), reasons, paths.get(i, [])))
    return RankResult(leads, fused, own, net_score, sources, rg)


def _own_evidence(net: Network, patterns: ContactPatterns, s: RankSettings) -> dict[str, npt.NDArray[np.float64]]:
    n = net.n_accounts
    parts: dict[str, npt.NDArray[np.float64]] = {}
    if net.media_evidence and net.post_account.size:
        matched = np.zeros(net.n_media, bool)
        matched[list(net.media_evidence)] = True
        hit = matched[net.post_media]
        items = _distinct_items(net, net.post_account[hit], net.post_media[hit])
        parts["known_media"] = 1.0 - (1.0 - s.known_media_item) ** items
    if net.author_risk:
        text = np.zeros(n)
        for i, r in net.author_risk.items():
            text[i] = r.risk * (s.text_alert if r.alert else s.text_no_alert)
        parts["text_risk"] = text
    reports = np.zeros(n)
    for i in net.labels:
        reports[i] = net.reports(i)
    if reports.any():
        parts["reports"] = 1.0 - (1.0 - s.report) ** reports
    contact = contact_score(patterns, s.contacts) * s.contact
    if contact.any():
        parts["contact_pattern"] = contact
    return parts


def _distinct_items(net: Network, accounts: npt.NDArray[np.int32], media: npt.NDArray[np.int32]) -> np.ndarray:
    """Per account, how many distinct known items (hash-list entries) its matched media hit."""
    n = net.n_accounts
    entry_ids: dict[str, int] = {}
    rows: set[tuple[int, int]] = set()
    for a, m in zip(accounts.tolist(), media.tolist(), strict=True):
        for e in net.media_evidence.get(m, ()):
            rows.add((a, entry_ids.setdefault(e.entry, len(entry_ids))))
    counts = np.zeros(n)
    for a, _ in rows:
        counts[a] += 1
    return counts


def _network_score(rg: RiskGraph, reset_accounts: npt.NDArray[np.float64],
                   s: RankSettings) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    n = rg.n_accounts
    if not reset_accounts.any() or rg.graph.ecount() == 0:
        return np.zeros(n), np.zeros(n)
    reset = np.zeros(rg.graph.vcount())
    reset[:n] = reset_accounts
    ppr = np.asarray(rg.graph.personalized_pagerank(directed=False, damping=s.damping, reset=reset.tolist(),
                                                    weights="weight"), np.float64)[:n]
    strength = np.asarray(rg.graph.strength(range(n), weights="weight"), np.float64)
    per_link = np.divide(ppr, strength, out=np.zeros(n), where=strength > 0)
    # Calibrate on the strong sources (confirmed accounts, strong own evidence): an account holding as
    # much risk per link as the median of them scores 1 - 1/e; weak sources would inflate every score.
    strong = reset_accounts >= _STRONG_SOURCE
    ref = float(np.median(per_link[strong if strong.any() else reset_accounts > 0]))
    if ref <= 0:
        return np.zeros(n), ppr
    return 1.0 - np.exp(-per_link / ref), ppr


def _reasons(net: Network, i: int, parts: dict[str, npt.NDArray[np.float64]], patterns: ContactPatterns,
             net_score: npt.NDArray[np.float64], ppr: npt.NDArray[np.float64],
             confirmed: set[int]) -> list[dict[str, Any]]:
    reasons: list[dict[str, Any]] = []
    if i in confirmed:
        reasons.append({"type": "confirmed", "score": 1.0, "text": "confirmed offender account"})
    if "known_media" in parts and parts["known_media"][i] > 0:
        media = set(net.post_media[net.post_account == i].tolist())
        hits = [e for m in sorted(media) for e in net.media_evidence.get(m, ())]
        items = sorted({e.entry for e in hits})
        banks = sorted({e.bank for e in hits})
        reasons.append({"type": "known_media", "score": round(float(parts["known_media"][i]), 4),
                        "items": len(items), "banks": banks,
                        "closest_distance": min(e.distance for e in hits),
                        "text": f"shared {len(items)} known item(s) from hash list(s) {', '.join(banks)}"})
    if i in net.author_risk:
        r = net.author_risk[i]
        reasons.append({"type": "text_risk", "score": round(float(parts["text_risk"][i]), 4), "risk": r.risk,
                        "alert": r.alert, "indicators": list(r.indicators),
                        "text": f"grooming risk {r.risk:.2f} in {r.conversations} conversation(s)"
                                + (" (alert)" if r.alert else "")})
    if net.reports(i):
        reasons.append({"type": "reports", "score": round(float(parts["reports"][i]), 4), "count": net.reports(i),
                        "text": f"{net.reports(i)} report(s)"})
    if "contact_pattern" in parts and parts["contact_pattern"][i] > 0:
        detail = patterns.explain(i)
        reasons.append({"type": "contact_pattern", "score": round(float(parts["contact_pattern"][i]), 4), **detail,
                        "text": f"first-contacted {detail['minors_first_contacted']} likely minors, "
                                f"{detail['burst']} within a burst window"})
    if net_score[i] > 0:
        reasons.append({"type": "network", "score": round(float(net_score[i]), 4), "pagerank": float(ppr[i]),
                        "text": "linked to confirmed accounts or evidence (personalised PageRank)"})
    return reasons


def _paths(rg: RiskGraph, leads: list[int], sources_weight: npt.NDArray[np.float64], confirmed: set[int],
           limit: int) -> dict[int, list[dict[str, Any]]]:
    if not leads or limit <= 0:
        return {}
    g = rg.graph
    n = rg.n_accounts
    is_source = np.zeros(g.vcount(), bool)
    is_source[:n] = sources_weight > 0
    is_source[rg.entry_offset:] = True  # known-media nodes are evidence in themselves
    found: dict[int, list[dict[str, Any]]] = {i: [] for i in leads}
    for i in leads:
        seen: set[tuple[int, ...]] = set()
        for via in g.neighbors(i)[:_MAX_NEIGHBOURS_SCANNED]:
            if is_source[via] and via != i:
                seen.add((i, via))
                continue
            for far in g.neighbors(via)[:_MAX_NEIGHBOURS_SCANNED]:
                if far != i and is_source[far]:
                    seen.add((i, via, far))
        ranked = sorted(seen, key=lambda p: (-_path_weight(g, p), len(p)))
        # The strongest path to a confirmed account and to known media come first (they explain
        # themselves), then the strongest links to other accounts with evidence.
        grounded = [next((p for p in ranked if _source_of(rg, p, confirmed) == kind), None)
                    for kind in ("confirmed", "known_media")]
        chosen = [p for p in grounded if p is not None]
        chosen += [p for p in ranked if p not in chosen]
        found[i] = [_describe(rg, p, confirmed) for p in chosen[:limit]]
    _dijkstra_paths(rg, leads, is_source, confirmed, found, limit)
    return found


def _dijkstra_paths(rg: RiskGraph, leads: list[int], is_source: npt.NDArray[np.bool_], confirmed: set[int],
                    found: dict[int, list[dict[str, Any]]], limit: int) -> None:
    """The cheapest path from any evidence source, for leads with room left (one Dijkstra run)."""
    wanted = [i for i in leads if len(found[i]) < limit and not is_source[i]]
    sources = np.flatnonzero(is_source)
    if not wanted or not sources.size:
        return
    g = rg.graph.copy()
    virtual = g.vcount()
    g.add_vertices(1)
    g.add_edges([(virtual, int(v)) for v in sources])
    cost = [1.0 / w if w > 0 else 1e9 for w in rg.graph.es["weight"]] + [0.0] * len(sources)
    for i, path in zip(wanted, g.get_shortest_paths(virtual, to=wanted, weights=cost), strict=True):
        if len(path) > 2:
            nodes = tuple(reversed(path[1:]))  # lead first, source last
            described = _describe(rg, nodes, confirmed)
            if described not in found[i]:
                found[i].append(described)


def _path_weight(g: Any, path: tuple[int, ...]) -> float:
    w = 1.0
    for a, b in zip(path, path[1:], strict=False):
        w *= float(g.es[g.get_eid(a, b)]["weight"])
    return w


def _source_of(rg: RiskGraph, path: tuple[int, ...], confirmed: set[int]) -> str:
    end = path[-1]
    if end >= rg.entry_offset:
        return "known_media"
    return "confirmed" if end in confirmed else "evidence"


def _describe(rg: RiskGraph, path: tuple[int, ...], confirmed: set[int]) -> dict[str, Any]:
    g = rg.graph
    source = _source_of(rg, path, confirmed)
    via = [EDGE_TYPES[int(g.es[g.get_eid(a, b)]["type"])] for a, b in zip(path, path[1:], strict=False)]
    return {"nodes": [rg.node_label(v) for v in path], "edges": via, "source": source}
