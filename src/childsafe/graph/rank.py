"""Account risk fusion and roles: suspects ranked, children at risk told apart, services set aside.

Each account's *own* evidence is combined by noisy-OR (independent reasons, each able to raise the
risk on its own, none able to push it past 1): hash-list matches on media it shared, grooming risk
from ``childsafe text score``, reports, bursts of first contacts with minors, and, for an adult or
an account of unknown age, first contacts that mostly go to minors, stay unanswered, move to private
channels and look nothing like a coach's (:mod:`childsafe.graph.behaviour`).  Confirmed accounts
(seeds, reviewer decisions) and accounts with own evidence then seed a personalised PageRank over
the weighted graph of :mod:`childsafe.graph.build`: an account close to them through strong links
(shared identifiers, rare shared files, known media, contacts) inherits risk.

The network score is the PageRank itself, *not* divided by the account's degree: dividing would let
a child with three contacts, one of them a confirmed offender, outrank the offender who contacted
thirty children.  Only hubs and services (many contacts, most of them answering, or none of them:
a broadcast) are corrected for degree, since their mass comes from talking to everybody.

Every account gets a role with its reasons (:data:`ROLES`): ``suspect`` (an adult or an account of
unknown age with own evidence or network risk; a declared minor only with offender evidence of its
own: known media, bursts of first contacts, grooming language), ``at_risk`` (a likely minor in contact with suspects or
confirmed accounts; :mod:`childsafe.graph.atrisk` ranks them), ``service`` and ``other``.  Leads are
suspects only.

Each lead carries its reasons and the paths that tie it to the evidence: the links from the lead
to evidence accounts or known media within two steps, and the cheapest path (edge cost =
1 / weight) from any evidence source, found with one Dijkstra run from a virtual source node.
"""
# long-module: noisy-OR evidence fusion, personalised PageRank and the roles are one scoring pipeline tuned together
#   (the README's figures come from it whole); the role rules are the part to split out if it grows.

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
import numpy.typing as npt

from childsafe.errors import ConfigError
from childsafe.findings import Explanation, Finding, clamp_score
from childsafe.graph.behaviour import (
    Behaviour,
    BehaviourSettings,
    account_behaviour,
    grooming_contact_score,
    hub_like,
    ordinary_care,
    service_like,
)
from childsafe.graph.build import EDGE_TYPES, EdgeWeights, RiskGraph, build_graph, contact_pairs
from childsafe.graph.contacts import ContactPatterns, ContactSettings, contact_patterns, contact_score
from childsafe.graph.findings import account_location, path_evidence, reason_evidence
from childsafe.graph.network import Network

__all__ = ["ROLES", "Lead", "RankSettings", "RankResult", "rank_accounts"]

#: Roles, in the order a reviewer cares about them.
ROLES: Final = ("suspect", "at_risk", "service", "other")

_MAX_NEIGHBOURS_SCANNED: Final = 200
_STRONG_SOURCE: Final = 0.5  # for the two-step paths; the Dijkstra path covers the rest
#: Own evidence types that can make a declared minor a suspect (an adult posing as a teen does these;
#: text risk counts unless the conversation analysis called the author the child at risk).
_OFFENDER_EVIDENCE: Final = ("known_media", "contact_pattern", "text_risk")


@dataclass(frozen=True)
class RankSettings:
    damping: float = 0.85
    weights: EdgeWeights = field(default_factory=EdgeWeights)
    contacts: ContactSettings = field(default_factory=ContactSettings)
    behaviour: BehaviourSettings = field(default_factory=BehaviourSettings)
    known_media_item: float = 0.6  # per distinct known item shared
    report: float = 0.2  # per report
    text_alert: float = 0.8  # times the author's risk when the text model alerted
    text_no_alert: float = 0.3  # times the risk when it did not
    contact: float = 0.5  # times the burst/private-move score
    grooming: float = 0.6  # times the grooming-like first contact score (adults, unknown ages)
    network: float = 0.9  # weight of the network score in the fusion
    #: The network score is 1 - exp(-pagerank / ref) with ref the ``network_rank``-th highest
    #: pagerank of an account that could be a suspect (about that many get more than 0.63 from it),
    #: or the median pagerank of the strong sources (own evidence >= 0.5, confirmed) when higher.
    network_rank: int = 50
    #: Own offender evidence at which a declared minor is a suspect rather than a child at risk.
    minor_offender_evidence: float = 0.3
    #: Fused score from which an account is a suspect (and its contacts with minors expose them).
    suspect_min: float = 0.05
    paths: int = 3
    include_confirmed: bool = False

    def __post_init__(self) -> None:
        if not 0.0 < self.damping < 1.0:
            raise ConfigError(f"damping must be in (0, 1), got {self.damping}")
        for name in ("known_media_item", "report", "text_alert", "text_no_alert", "contact", "grooming", "network",
                     "minor_offender_evidence", "suspect_min"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ConfigError(f"{name} must be in [0, 1], got {getattr(self, name)}")
        if self.network_rank < 1:
            raise ConfigError("network_rank must be at least 1")


@dataclass
class Lead:
    account: str
    score: float
    reasons: list[dict[str, Any]]
    paths: list[dict[str, Any]]
    role: str = "suspect"

    def to_record(self) -> dict[str, Any]:
        return {"account": self.account, "role": self.role, "score": round(self.score, 6), "reasons": self.reasons,
                "paths": self.paths}

    def finding(self) -> Finding:
        """This lead as a finding: the role is the label, the fused score the score, each reason and
        path an evidence item."""
        evidence = tuple(reason_evidence(self.reasons) + path_evidence(self.paths))
        return Finding("graph", self.role, clamp_score(self.score), account_location(self.account),
                       Explanation("network_rank", evidence, {"role": self.role}))


@dataclass
class RankResult:
    """Scores and roles for every account (arrays) and the explained top leads."""

    leads: list[Lead]
    fused: npt.NDArray[np.float64]
    own: npt.NDArray[np.float64]
    network: npt.NDArray[np.float64]
    sources: set[int]
    graph: RiskGraph
    role: npt.NDArray[np.int8] = field(default_factory=lambda: np.zeros(0, np.int8))  # index into ROLES
    confirmed: set[int] = field(default_factory=set)
    likely_minor: npt.NDArray[np.bool_] = field(default_factory=lambda: np.zeros(0, bool))
    behaviour: Behaviour | None = None
    role_reasons: dict[int, list[str]] = field(default_factory=dict)  # filled for explained accounts

    def role_of(self, i: int) -> str:
        return ROLES[int(self.role[i])] if self.role.size else "other"

    def suspects(self) -> npt.NDArray[np.bool_]:
        return np.asarray(self.role == ROLES.index("suspect"))

    def explain_role(self, i: int) -> list[str]:
        """Why account ``i`` has its role, in words."""
        return _role_reasons(self, i)


def rank_accounts(net: Network, seeds: Iterable[str] = (), *, top: int = 50,
                  settings: RankSettings | None = None, graph: RiskGraph | None = None) -> RankResult:
    """Fused risk and role for every account; the ``top`` suspects (confirmed accounts left out) explained."""
    s = settings or RankSettings()
    n = net.n_accounts
    index = net.account_index()
    confirmed = net.confirmed() | {index[name] for name in seeds if name in index}
    cleared = net.cleared()
    confirmed -= cleared
    declared_minor = net.stated_minors() if n else np.zeros(0, bool)
    patterns = contact_patterns(net, s.contacts)
    bh = account_behaviour(net, declared_minor, s.behaviour)
    rg = graph or build_graph(net, s.weights, (ordinary_care(bh), declared_minor))
    parts = _own_evidence(net, patterns, bh, declared_minor, s)
    own = 1.0 - np.prod([1.0 - p for p in parts.values()], axis=0) if parts else np.zeros(n)
    own[list(cleared)] = 0.0
    offender = [parts[k] for k in _OFFENDER_EVIDENCE if k in parts]
    offender_own = 1.0 - np.prod([1.0 - p for p in offender], axis=0) if offender else np.zeros(n)
    conf_mask = np.zeros(n, bool)
    conf_mask[list(confirmed)] = True
    likely_minor = declared_minor & (offender_own < s.minor_offender_evidence) & ~conf_mask
    service = service_like(bh, net, s.behaviour) & ~conf_mask & ~(parts.get("known_media", np.zeros(n)) > 0)
    corrected = service | hub_like(bh, s.behaviour)
    own_or_seed = np.where(likely_minor, 0.0, own)
    own_or_seed[list(confirmed)] = 1.0
    sources = {int(i) for i in np.flatnonzero(own_or_seed > 0)}
    net_score, ppr = _network_score(rg, own_or_seed, corrected, likely_minor | service, s)
    net_score[likely_minor] = 0.0  # a child near an offender is at risk, not a suspect
    # Risk is borrowed, never created: no account holds more network risk than the strongest evidence
    # within two account hops (a bystander contacted by three suspects does not outrank them).
    net_score = np.minimum(net_score, _strongest_source_near(rg, own_or_seed, hops=2))
    fused = 1.0 - (1.0 - own) * (1.0 - s.network * net_score)
    fused[likely_minor] = np.minimum(fused[likely_minor], own[likely_minor])
    fused[list(confirmed)] = 1.0  # as its "confirmed" reason says: the severity actors and exports use
    fused[list(cleared)] = 0.0
    role = _roles(net, fused, conf_mask, likely_minor, service, parts, s)
    result = RankResult([], fused, own, net_score, sources, rg, role, confirmed, likely_minor, bh)
    order = np.argsort(-fused, kind="stable")
    excluded = cleared | (set() if s.include_confirmed else confirmed)
    is_suspect = role == ROLES.index("suspect")
    chosen = [int(i) for i in order if is_suspect[i] and int(i) not in excluded and fused[i] > 0][:top] \
        if top > 0 else []
    paths = _paths(rg, chosen, own_or_seed, confirmed, s.paths)
    for i in chosen:
        reasons = _reasons(net, i, parts, patterns, bh, net_score, ppr, confirmed)
        result.leads.append(Lead(net.accounts[i], float(fused[i]), reasons, paths.get(i, []), "suspect"))
    return result


def _roles(net: Network, fused: npt.NDArray[np.float64], confirmed: npt.NDArray[np.bool_],
           likely_minor: npt.NDArray[np.bool_], service: npt.NDArray[np.bool_],
           parts: dict[str, npt.NDArray[np.float64]], s: RankSettings) -> npt.NDArray[np.int8]:
    n = net.n_accounts
    role = np.full(n, ROLES.index("other"), np.int8)
    strong_own = parts.get("known_media", np.zeros(n)) > 0
    if net.author_risk:
        for i, r in net.author_risk.items():
            if r.alert and r.role != "at_risk":
                strong_own[i] = True
    suspect = confirmed | (~likely_minor & (fused >= s.suspect_min) & (~service | strong_own))
    role[service & ~suspect] = ROLES.index("service")
    role[suspect] = ROLES.index("suspect")
    if n and likely_minor.any():
        a, b, _ = contact_pairs(net)
        touched = np.zeros(n, bool)
        touched[a[suspect[b]]] = True
        touched[b[suspect[a]]] = True
        role[likely_minor & touched] = ROLES.index("at_risk")
    return role


def _strongest_source_near(rg: RiskGraph, own_or_seed: npt.NDArray[np.float64],
                           hops: int) -> npt.NDArray[np.float64]:
    """Per account, the highest own-or-seed weight of any account within ``hops`` account hops."""
    value = np.zeros(rg.graph.vcount())
    value[: rg.n_accounts] = own_or_seed
    for _ in range(2 * hops):  # accounts reach accounts through identifier and media nodes: two steps
        nxt = value.copy()
        np.maximum.at(nxt, rg.dst, value[rg.src])
        np.maximum.at(nxt, rg.src, value[rg.dst])
        value = nxt
    return value[: rg.n_accounts]


def _role_reasons(result: RankResult, i: int) -> list[str]:
    net = result.graph.network
    role = result.role_of(i)
    age = net.stated_age(i)
    out: list[str] = []
    if role == "suspect":
        if i in result.confirmed:
            out.append("confirmed offender account")
        if age is not None and age < 18:
            out.append(f"declared age {age}, but with offender evidence of its own (known media or bursts of "
                       "first contacts with minors)")
        elif age is None:
            out.append("age unknown")
        else:
            out.append(f"adult (declared age {age})")
        out.append(f"fused risk {result.fused[i]:.2f}")
    elif role == "at_risk":
        why = f"declared age {age}" if age is not None and age < 18 else "stated or analysed as a minor"
        out.append(f"likely minor ({why}) in contact with suspects or confirmed accounts")
    elif role == "service":
        bh = result.behaviour
        if bh is not None:
            out.append(f"broadcast-like: opened {int(bh.first_contacts[i])} conversations, "
                       f"{int(bh.replied[i])} answered, {int(bh.repeated[i])} repeated")
        if net.attributes.get(i, {}).get("account_type"):
            out.append(f"account type {net.attributes[i]['account_type']}")
    else:
        out.append("likely minor with no contact from suspects" if result.likely_minor.size
                   and result.likely_minor[i] else "no evidence of its own and little network risk")
    return out


def _own_evidence(net: Network, patterns: ContactPatterns, bh: Behaviour, minors: npt.NDArray[np.bool_],
                  s: RankSettings) -> dict[str, npt.NDArray[np.float64]]:
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
            if r.role == "at_risk":  # the conversation analysis saw the child, not the groomer
                continue
            text[i] = r.risk * (s.text_alert if r.alert else s.text_no_alert)
        if text.any():
            parts["text_risk"] = text
    reports = np.zeros(n)
    for i in net.labels:
        reports[i] = net.reports(i)
    if reports.any():
        parts["reports"] = 1.0 - (1.0 - s.report) ** reports
    # A burst of first contacts is a coach's new team as often as a groomer's hunt: discounted alike.
    contact = contact_score(patterns, s.contacts) * s.contact * (1.0 - ordinary_care(bh))
    if contact.any():
        parts["contact_pattern"] = contact
    base = float(minors.mean()) if n else 0.0
    grooming, _ = grooming_contact_score(bh, base, s.behaviour)
    grooming = np.where(minors, 0.0, grooming) * s.grooming  # minors among peers: that is school, not grooming
    if grooming.any():
        parts["grooming_contacts"] = grooming
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


def _network_score(rg: RiskGraph, reset_accounts: npt.NDArray[np.float64], corrected: npt.NDArray[np.bool_],
                   not_candidates: npt.NDArray[np.bool_],
                   s: RankSettings) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    n = rg.n_accounts
    if not reset_accounts.any() or rg.graph.ecount() == 0:
        return np.zeros(n), np.zeros(n)
    reset = np.zeros(rg.graph.vcount())
    reset[:n] = reset_accounts
    ppr = np.asarray(rg.graph.personalized_pagerank(directed=False, damping=s.damping, reset=reset.tolist(),
                                                    weights="weight"), np.float64)[:n]
    # Degree correction for hubs and services only: their mass is what talking to everybody brings.
    mass = ppr.copy()
    if corrected.any():
        strength = np.asarray(rg.graph.strength(range(n), weights="weight"), np.float64)
        typical = float(np.median(strength[strength > 0])) if (strength > 0).any() else 1.0
        mass[corrected] = ppr[corrected] * np.minimum(1.0, typical / np.maximum(strength[corrected], 1e-12))
    candidates = mass[~not_candidates]
    candidates = candidates[candidates > 0]
    if not candidates.size:
        return np.zeros(n), ppr
    k = min(s.network_rank, candidates.size)
    ref = float(np.partition(candidates, candidates.size - k)[candidates.size - k])
    # Never above a typical strong source: on a small network the k-th candidate is no bystander's
    # measure, and a neighbour must not hold more risk than the evidence it borrows from.
    strong = reset_accounts >= _STRONG_SOURCE
    if strong.any():
        ref = max(ref, float(np.median(ppr[strong])))
    if ref <= 0:
        return np.zeros(n), ppr
    return 1.0 - np.exp(-mass / ref), ppr


def _reasons(net: Network, i: int, parts: dict[str, npt.NDArray[np.float64]], patterns: ContactPatterns,
             bh: Behaviour, net_score: npt.NDArray[np.float64], ppr: npt.NDArray[np.float64],
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
    if "grooming_contacts" in parts and parts["grooming_contacts"][i] > 0:
        detail = bh.explain(i)
        reasons.append({"type": "grooming_contacts", "score": round(float(parts["grooming_contacts"][i]), 4),
                        **detail,
                        "text": f"first-contacted {detail['minors_first_contacted']} likely minors "
                                f"({detail.get('minor_share', 0):.0%} of its first contacts), "
                                f"{detail.get('minors_who_replied', 0):.0%} answered, "
                                f"{detail.get('minors_moved_private', 0):.0%} moved to a private channel"})
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
    is_source[rg.entry_offset:rg.known_end] = True  # known-media nodes are evidence in themselves
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
    if rg.entry_offset <= end < rg.known_end:
        return "known_media"
    return "confirmed" if end in confirmed else "evidence"


def _describe(rg: RiskGraph, path: tuple[int, ...], confirmed: set[int]) -> dict[str, Any]:
    g = rg.graph
    source = _source_of(rg, path, confirmed)
    via = [EDGE_TYPES[int(g.es[g.get_eid(a, b)]["type"])] for a, b in zip(path, path[1:], strict=False)]
    return {"nodes": [rg.node_label(v) for v in path], "edges": via, "source": source}
