"""Key actors and communities around confirmed accounts.

*Network capital* (after Westlake & Bouchard) weighs an offender by what the network gives them:
here ``severity × connectivity``, where severity is the fused risk of :mod:`childsafe.graph.rank`
and connectivity is the account's normalised betweenness and degree inside the *risk neighbourhood*:
the accounts within ``hops`` links of a confirmed account or one whose fused risk reaches
:data:`ANCHOR_RISK`, with the identifier, media and known-media nodes that tie them.
Betweenness on the whole platform (a million accounts) would take hours and say more about
popular ordinary users than about brokers between offenders.

Communities are found with Leiden (igraph's C implementation, modularity objective, weighted) on
that same neighbourhood; only communities holding such an anchor account are reported,
members ordered by risk.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

from childsafe.graph.build import RiskGraph
from childsafe.graph.rank import RankResult

__all__ = ["ANCHOR_RISK", "Actor", "Community", "anchors", "key_actors", "communities", "risk_neighbourhood"]


@dataclass
class Actor:
    account: str
    capital: float
    risk: float
    degree: int
    betweenness: float
    community: int | None

    def to_record(self) -> dict[str, Any]:
        return {"account": self.account, "network_capital": round(self.capital, 6), "risk": round(self.risk, 6),
                "degree": self.degree, "betweenness": round(self.betweenness, 6), "community": self.community,
                "reasons": [f"risk {self.risk:.2f} x connectivity "
                            f"(degree {self.degree}, betweenness {self.betweenness:.3f}) in the risk neighbourhood"]}


@dataclass
class Community:
    community: int
    accounts: list[str]
    risks: list[float]
    confirmed: list[str]
    size: int

    def to_record(self) -> dict[str, Any]:
        return {"community": self.community, "size": self.size, "confirmed": self.confirmed,
                "accounts": [{"account": a, "risk": round(r, 6)} for a, r in zip(self.accounts, self.risks,
                                                                                  strict=True)]}


def risk_neighbourhood(rg: RiskGraph, sources: set[int], hops: int = 2, max_nodes: int = 50_000) -> list[int]:
    """Node numbers within ``hops`` of the sources (accounts with evidence, confirmed ones)."""
    if not sources:
        return []
    seen = set(sources)
    frontier = set(sources)
    for _ in range(hops * 2):  # accounts reach accounts through identifier/media nodes: two steps a hop
        nxt: set[int] = set()
        for row in rg.graph.neighborhood(sorted(frontier), order=1):
            nxt.update(row)
        nxt -= seen
        seen |= nxt
        frontier = nxt
        if not frontier or len(seen) > max_nodes:
            break
    return sorted(seen)


#: Accounts at or above this fused risk anchor the neighbourhood, with the confirmed ones.
ANCHOR_RISK = 0.5


def anchors(rank: RankResult, confirmed: set[int]) -> set[int]:
    """Confirmed accounts and accounts whose fused risk reaches :data:`ANCHOR_RISK`."""
    return set(confirmed) | {int(i) for i in np.flatnonzero(rank.fused >= ANCHOR_RISK)}


def _subgraph(rank: RankResult, confirmed: set[int], hops: int) -> tuple[Any, npt.NDArray[np.int64]]:
    nodes = np.asarray(risk_neighbourhood(rank.graph, anchors(rank, confirmed), hops), np.int64)
    return rank.graph.graph.induced_subgraph(nodes.tolist()), nodes


def communities(rank: RankResult, confirmed: set[int], hops: int = 1, resolution: float = 1.0,
                seed: int = 20241124) -> list[Community]:
    import random

    rg = rank.graph
    sub, nodes = _subgraph(rank, confirmed, hops)
    if sub.vcount() == 0:
        return []
    random.seed(seed)  # igraph's Leiden draws from Python's random module
    parts = sub.community_leiden(objective_function="modularity", weights="weight", resolution=resolution,
                                 n_iterations=-1)
    out = []
    for members in parts:
        accounts = [int(nodes[v]) for v in members if nodes[v] < rg.n_accounts]
        if not any(a in confirmed or rank.fused[a] >= ANCHOR_RISK for a in accounts):
            continue
        accounts.sort(key=lambda a: -rank.fused[a])
        out.append(Community(0, [rg.network.accounts[a] for a in accounts], [float(rank.fused[a]) for a in accounts],
                             sorted(rg.network.accounts[a] for a in accounts if a in confirmed), len(accounts)))
    out.sort(key=lambda c: (-len(c.confirmed), -sum(c.risks[:10]), c.accounts[:1]))
    for i, c in enumerate(out):
        c.community = i
    return out


def key_actors(rank: RankResult, confirmed: set[int], top: int = 50, hops: int = 1,
               found: list[Community] | None = None) -> list[Actor]:
    rg = rank.graph
    sub, nodes = _subgraph(rank, confirmed, hops)
    if sub.vcount() == 0:
        return []
    accounts = np.flatnonzero(nodes < rg.n_accounts)
    # Paths longer than 4 steps (two account hops) are not brokerage; the cutoff keeps this near linear.
    between = np.asarray(sub.betweenness(vertices=accounts.tolist(), directed=False, cutoff=4), np.float64)
    degree = np.asarray(sub.degree(accounts.tolist()), np.int64)
    b_norm = between / between.max() if between.max() > 0 else between
    d_norm = degree / degree.max() if degree.max() > 0 else degree.astype(np.float64)
    connectivity = (b_norm + d_norm) / 2
    risk = rank.fused[nodes[accounts]]
    capital = risk * connectivity
    community_of = {}
    for c in found or []:
        for name in c.accounts:
            community_of[name] = c.community
    order = np.argsort(-capital, kind="stable")[:top]
    out = []
    for k in order.tolist():
        name = rg.network.accounts[int(nodes[accounts[k]])]
        out.append(Actor(name, float(capital[k]), float(risk[k]), int(degree[k]), float(b_norm[k]),
                         community_of.get(name)))
    return [a for a in out if a.capital > 0]
