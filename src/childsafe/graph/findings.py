"""Network results as :class:`~childsafe.findings.Finding` objects: the evidence of leads, children
at risk and linked persons, read from the reason and path records the ranking writes.

The ranking keeps writing its reasons as records (``{"type", "score", "text", ...}``) because the
JSON output shows them as they are; these helpers turn each into one typed evidence item (kind, words,
the measured value, the node it concerns, its weight), so every graph result explains itself the
way the other detectors do.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Final

from childsafe.findings import Evidence, Location, Scalar

__all__ = ["account_location", "path_evidence", "reason_evidence"]

#: Fields of a reason record that are not its measured value.
_NOT_VALUE: Final = frozenset({"type", "text", "score"})


def account_location(account: str) -> Location:
    return Location(account=account, node=f"account:{account}")


def _scalar(value: object) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


def reason_evidence(reasons: Iterable[Mapping[str, Any]]) -> list[Evidence]:
    """One evidence item per reason record: ``type`` is the kind, ``text`` the words, ``score`` the
    weight and the first other plain field (a count, a risk, a PageRank) the value."""
    out = []
    for r in reasons:
        kind = str(r.get("type") or "reason")
        value: Scalar = next((v for k, v in r.items() if k not in _NOT_VALUE and _scalar(v)), None)
        score = r.get("score")
        weight = float(score) if isinstance(score, int | float) and not isinstance(score, bool) else None
        out.append(Evidence(kind, str(r.get("text") or kind), value, weight=weight))
    return out


def path_evidence(paths: Iterable[Mapping[str, Any]]) -> list[Evidence]:
    """One evidence item per path: its nodes and edges in words, where it starts (``source``: confirmed,
    known media, a suspect) as the value, and the node at its far end."""
    out = []
    for p in paths:
        nodes = [str(n) for n in p.get("nodes") or []]
        edges = [str(e) for e in p.get("edges") or []]
        steps = [nodes[0]] if nodes else []
        for edge, node in zip(edges, nodes[1:], strict=False):
            steps.append(f"-{edge}- {node}")
        source = p.get("source")
        out.append(Evidence("path", " ".join(steps), str(source) if source is not None else None,
                            Location(node=nodes[-1]) if nodes else Location()))
    return out
