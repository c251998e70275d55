"""Children to safeguard: likely minors in contact with suspects, most exposed first.

A child's *exposure* combines, by noisy-OR over the suspects (and confirmed accounts) in contact with
it, each suspect's fused risk, weighted by how the contact went: the suspect wrote first (a reply to
a child's own message weighs half), and moved the child to a private channel (fast: within
``fast_private`` seconds, weighs most); weights are scaled so that only a confirmed account that
moved the child to a private channel fast gives 1.  The record says who reached the child, how fast, which
private moves happened, and the age the child gave.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

import numpy as np

from childsafe.findings import Explanation, Finding, clamp_score, context_of
from childsafe.graph.contacts import DEFAULT_PRIVATE_PLATFORMS
from childsafe.graph.findings import account_location, path_evidence, reason_evidence
from childsafe.graph.network import NO_TIME
from childsafe.graph.rank import ROLES, RankResult

__all__ = ["AtRisk", "AtRiskSettings", "children_at_risk"]

_HOUR: Final = 3600


@dataclass(frozen=True)
class AtRiskSettings:
    replied_only: float = 0.5  # weight of a contact the child opened
    private_move: float = 1.3  # times the weight when the suspect moved the child to a private channel
    fast_private_move: float = 1.6  # ... within ``fast_private`` seconds of the first contact
    fast_private: int = 24 * _HOUR
    private_platforms: tuple[str, ...] = DEFAULT_PRIVATE_PLATFORMS
    paths: int = 3


@dataclass
class AtRisk:
    account: str
    exposure: float
    reasons: list[dict[str, Any]]
    paths: list[dict[str, Any]]
    stated_age: int | None

    def to_record(self) -> dict[str, Any]:
        return {"account": self.account, "role": "at_risk", "exposure": round(self.exposure, 6),
                "reasons": self.reasons, "paths": self.paths, "stated_age": self.stated_age}

    def finding(self) -> Finding:
        """This child as a finding (label ``at_risk``, the exposure as score, capped at 1)."""
        evidence = tuple(reason_evidence(self.reasons) + path_evidence(self.paths))
        return Finding("at_risk", "at_risk", clamp_score(self.exposure), account_location(self.account),
                       Explanation("network_at_risk", evidence, context_of([("stated_age", self.stated_age),
                                                                            ("exposure", round(self.exposure, 6))])))


@dataclass
class _Contact:
    suspect: int
    first_ts: int
    suspect_first: bool
    private_delay: int | None  # seconds from the first contact to the first private message


def children_at_risk(result: RankResult, top: int = 100, settings: AtRiskSettings | None = None) -> list[AtRisk]:
    """The ``top`` children with role ``at_risk``, most exposed first."""
    s = settings or AtRiskSettings()
    net = result.graph.network
    n = net.n_accounts
    if n == 0 or not result.role.size:
        return []
    child = result.role == ROLES.index("at_risk")
    suspect = result.role == ROLES.index("suspect")
    sender, recip = net.msg_sender, net.msg_recipient
    keep = (child[sender] & suspect[recip]) | (suspect[sender] & child[recip])
    if not keep.any():
        return []
    snd, rcp, ts, plat = sender[keep].astype(np.int64), recip[keep].astype(np.int64), net.msg_ts[keep], \
        net.msg_platform[keep]
    private_codes = {i for i, name in enumerate(net.platforms) if name.strip().lower() in s.private_platforms}
    kid = np.where(child[snd], snd, rcp)
    other = np.where(child[snd], rcp, snd)
    order = np.lexsort((np.where(ts == NO_TIME, np.iinfo(np.int64).max, ts), other, kid))
    contacts: dict[int, list[_Contact]] = {}
    keys = kid[order] * n + other[order]
    bounds = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1], True])
    for lo, hi in zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True):
        rows = order[lo:hi]
        first = rows[0]
        t0 = int(ts[first])
        delay = None
        for r in rows.tolist():
            if int(plat[r]) in private_codes and snd[r] == other[r]:
                delay = max(0, int(ts[r]) - t0) if t0 != NO_TIME and ts[r] != NO_TIME else None
                if delay is None:
                    delay = -1
                break
        contacts.setdefault(int(kid[first]), []).append(
            _Contact(int(other[first]), t0, bool(snd[first] == other[first]), delay))
    scored: list[tuple[float, int]] = []
    for k, found in contacts.items():
        keep_out = 1.0
        for c in found:
            keep_out *= 1.0 - _weight(result, c, s)
        scored.append((1.0 - keep_out, k))
    scored.sort(key=lambda x: (-x[0], net.accounts[x[1]]))
    return [_explain(result, k, exposure, contacts[k], s) for exposure, k in scored[:top]]


def _weight(result: RankResult, c: _Contact, s: AtRiskSettings) -> float:
    w = float(result.fused[c.suspect]) * (1.0 if c.suspect_first else s.replied_only)
    move = 1.0
    if c.private_delay is not None:
        move = s.fast_private_move if 0 <= c.private_delay <= s.fast_private else s.private_move
    # scaled so that only a confirmed account's fast private move reaches 1: exposures stay ordered
    return min(1.0, w * move / max(s.fast_private_move, s.private_move, 1.0))


def _explain(result: RankResult, k: int, exposure: float, found: list[_Contact], s: AtRiskSettings) -> AtRisk:
    net = result.graph.network
    found = sorted(found, key=lambda c: -_weight(result, c, s))
    confirmed = [c for c in found if c.suspect in result.confirmed]
    opened = [c for c in found if c.suspect_first]
    moved = [c for c in found if c.private_delay is not None]
    reasons: list[dict[str, Any]] = [{
        "type": "contacted_by_suspects", "suspects": len(found), "confirmed": len(confirmed),
        "text": f"in contact with {len(found)} suspect account(s), {len(confirmed)} of them confirmed; "
                f"{len(opened)} wrote first"}]
    if moved:
        fastest = min((c.private_delay for c in moved if c.private_delay is not None and c.private_delay >= 0),
                      default=None)
        reasons.append({"type": "private_move", "count": len(moved), "fastest_s": fastest,
                        "text": f"moved to a private channel by {len(moved)} suspect(s)"
                                + (f", the fastest {fastest / _HOUR:.1f} h after the first contact"
                                   if fastest is not None else "")})
    age = net.stated_age(k)
    reasons.append({"type": "likely_minor", "text": "; ".join(result.explain_role(k))})
    paths = []
    for c in found[: s.paths]:
        source = "confirmed" if c.suspect in result.confirmed else "suspect"
        paths.append({"nodes": [f"account:{net.accounts[k]}", f"account:{net.accounts[c.suspect]}"],
                      "edges": ["contact"], "source": source,
                      "suspect_score": round(float(result.fused[c.suspect]), 4),
                      "suspect_wrote_first": c.suspect_first,
                      **({"private_move_s": c.private_delay} if c.private_delay is not None else {})})
    return AtRisk(net.accounts[k], exposure, reasons, paths, age)
