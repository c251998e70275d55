"""The report's two drawings as inline SVG: the network around the suspects (igraph lays it out,
matplotlib draws it) and the timeline (matplotlib).

Drawn with :class:`matplotlib.figure.Figure` directly (no pyplot: no global figure state, no GUI
backend).  Text is written as glyph outlines (``svg.fonttype = path``) and names are never parsed as
mathtext, so a hostile name is only shapes in the drawing.  The XML prologue and DOCTYPE are cut so
the SVG sits inside HTML and nothing names an external DTD.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Final

import igraph
import matplotlib
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure

from childsafe.case.report.model import NETWORK_ROLES, TIMELINE_KINDS, NetworkEdge, NetworkNode, TimelineEvent

__all__ = ["ROLE_COLOURS", "network_svg", "select_network", "timeline_svg"]

ROLE_COLOURS: Final = {"suspect": "#c0392b", "at_risk": "#2471a3", "contact": "#7f8c8d", "service": "#8e44ad",
                       "media": "#d68910",
                       "other": "#b3b6b7"}
_KIND_COLOURS: Final = {"first_contact": "#2471a3", "alert": "#c0392b", "known_media": "#d68910",
                        "decision": "#27ae60"}
#: Above this many events the timeline draws counts per period rather than one mark per event.
_MARKS_LIMIT: Final = 1000
_LABEL_CHARS: Final = 24
#: The SVG metadata matplotlib writes by default names external vocabularies; none of it is needed.
_SVG_METADATA: Final = {"Creator": None, "Date": None, "Format": None, "Type": None}


def _svg(figure: Figure) -> str:
    out = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "path", "svg.hashsalt": "childsafe-report"}):
        figure.savefig(out, format="svg", metadata=_SVG_METADATA, bbox_inches="tight")
    text = out.getvalue()
    return text[text.index("<svg"):]


def _days(at: datetime) -> float:
    """Days since 1970-01-01 UTC, matplotlib's date unit (a time without a zone is read as UTC)."""
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).timestamp() / 86400.0


def _short(text: str) -> str:
    return text if len(text) <= _LABEL_CHARS else text[: _LABEL_CHARS - 1] + "…"


def select_network(nodes: Sequence[NetworkNode], edges: Sequence[NetworkEdge],
                   limit: int) -> tuple[list[NetworkNode], list[NetworkEdge]]:
    """The suspects and their neighbours, at most ``limit`` nodes: suspects first (highest score
    first), then at-risk children, then the rest, each kept only if it touches a kept suspect."""
    by_id = {n.id: n for n in nodes}
    rank = {role: i for i, role in enumerate(NETWORK_ROLES)}
    ordered = sorted(by_id.values(), key=lambda n: (rank.get(n.role, len(rank)), -(n.score or 0.0), n.id))
    suspects = [n.id for n in ordered if n.role == "suspect"][:limit]
    keep: dict[str, None] = dict.fromkeys(suspects)
    neighbours: set[str] = set()
    for e in edges:
        if e.source in keep:
            neighbours.add(e.target)
        if e.target in keep:
            neighbours.add(e.source)
    pool = ordered if not suspects else [n for n in ordered if n.id in neighbours]
    for n in pool:
        if len(keep) >= limit:
            break
        keep.setdefault(n.id)
    kept = [by_id[i] for i in keep if i in by_id]
    return kept, [e for e in edges if e.source in keep and e.target in keep and e.source in by_id
                  and e.target in by_id]


def network_svg(nodes: Sequence[NetworkNode], edges: Sequence[NetworkEdge]) -> str:
    """The network drawn: nodes coloured by role, a legend, labels (display names) beside suspects
    and at-risk children; '' when there is nothing to draw."""
    if not nodes:
        return ""
    index = {n.id: i for i, n in enumerate(nodes)}
    graph = igraph.Graph(n=len(nodes), edges=[(index[e.source], index[e.target]) for e in edges])
    # Kamada-Kawai starts from a circle: the same case draws the same picture every time.
    coords = graph.layout_kamada_kawai().coords if len(nodes) > 1 else [[0.0, 0.0]]
    figure = Figure(figsize=(8, 6))
    ax = figure.add_subplot()
    ax.set_axis_off()
    ax.add_collection(LineCollection([(coords[index[e.source]], coords[index[e.target]]) for e in edges],
                                     colors="#95a5a6", linewidths=0.6, zorder=1))
    for role in NETWORK_ROLES:
        members = [i for i, n in enumerate(nodes) if (n.role if n.role in ROLE_COLOURS else "other") == role]
        if not members:
            continue
        ax.scatter([coords[i][0] for i in members], [coords[i][1] for i in members], s=60 if role == "suspect" else 30,
                   c=ROLE_COLOURS[role], label=f"{role.replace('_', ' ')} ({len(members)})", zorder=2,
                   edgecolors="white", linewidths=0.5)
    for i, n in enumerate(nodes):
        if n.role in ("suspect", "at_risk"):
            ax.annotate(_short(n.label or n.id), (coords[i][0], coords[i][1]), xytext=(4, 4),
                        textcoords="offset points", fontsize=7, parse_math=False)
    ax.legend(loc="upper left", fontsize=7, frameon=False)
    ax.autoscale_view()
    return _svg(figure)


def timeline_svg(events: Sequence[TimelineEvent]) -> str:
    """Events over time, one row per kind; counts per period when there are very many; '' when none."""
    if not events:
        return ""
    kinds = [k for k in TIMELINE_KINDS if any(e.kind == k for e in events)]
    kinds += sorted({e.kind for e in events} - set(kinds))
    figure = Figure(figsize=(8, 0.5 + 0.45 * len(kinds) if len(events) <= _MARKS_LIMIT else 3.2))
    ax = figure.add_subplot()
    if len(events) <= _MARKS_LIMIT:
        for row, kind in enumerate(kinds):
            times = [_days(e.at) for e in events if e.kind == kind]
            ax.scatter(times, [row] * len(times), marker="|", s=120, c=_KIND_COLOURS.get(kind, "#7f8c8d"))
        ax.set_yticks(range(len(kinds)), [k.replace("_", " ") for k in kinds], fontsize=8)
        ax.set_ylim(-0.6, len(kinds) - 0.4)
    else:
        counts = Counter(e.kind for e in events)
        ax.hist([[_days(e.at) for e in events if e.kind == k] for k in kinds], bins=60, stacked=True,
                color=[_KIND_COLOURS.get(k, "#7f8c8d") for k in kinds],
                label=[f"{k.replace('_', ' ')} ({counts[k]})" for k in kinds])
        ax.legend(fontsize=7, frameon=False)
        ax.set_ylabel("events", fontsize=8)
    ax.xaxis_date()
    figure.autofmt_xdate()
    ax.tick_params(labelsize=7)
    return _svg(figure)
