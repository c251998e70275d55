"""What a case report is made of: plain, typed data the case run hands to :func:`write_report`.

Everything here is metadata: paths, sizes, times, hashes, scores, names and explanations.  There is
no field for media bytes, thumbnails or faces, so a report cannot carry them.  Findings are the core
:class:`~childsafe.findings.Finding`; the rest (custody, stages, errors, decisions, the network and
the timeline) are small records defined here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final

from childsafe.findings import Finding, Scalar

__all__ = ["NETWORK_ROLES", "TIMELINE_KINDS", "BankVersion", "CaseReportInput", "ChatMessage", "CustodyFile",
           "Decision", "NetworkEdge", "NetworkNode", "ReportLimits", "RunError", "StageSummary", "TimelineEvent"]

#: Roles a network node may carry; each has its colour in the drawing (anything else is ``other``).
NETWORK_ROLES: Final = ("suspect", "at_risk", "contact", "service", "media", "other")
#: Kinds of timeline events, in the order the chart stacks them.
TIMELINE_KINDS: Final = ("first_contact", "alert", "known_media", "decision")


@dataclass(frozen=True)
class CustodyFile:
    """One evidence file as received: where, how big, its times and its hashes (``{"sha256": ...}``)."""

    path: str
    size: int
    modified: datetime | None = None
    added: datetime | None = None
    hashes: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class BankVersion:
    """A hash bank the case was matched against, as it was at run time."""

    name: str
    version: str
    entries: int | None = None
    source: str | None = None


@dataclass(frozen=True)
class StageSummary:
    """One stage of the case run: how many items it handled, how many failed, how long it took."""

    stage: str
    items: int
    errors: int = 0
    seconds: float | None = None
    note: str = ""


@dataclass(frozen=True)
class RunError:
    """A per-item error of the run (a malformed export, a vanished path): the run went on."""

    stage: str
    message: str
    path: str | None = None


@dataclass(frozen=True)
class Decision:
    """A reviewer's decision on an item of the case."""

    at: datetime
    reviewer: str
    item: str
    decision: str
    reason: str = ""


@dataclass(frozen=True)
class NetworkNode:
    """A node of the network around the suspects: an account (``role`` suspect, at_risk, contact) or a
    medium; ``label`` is what the drawing writes (the chat display name when known)."""

    id: str
    role: str = "other"
    label: str = ""
    score: float | None = None


@dataclass(frozen=True)
class NetworkEdge:
    source: str
    target: str
    kind: str = "message"
    weight: float = 1.0


@dataclass(frozen=True)
class TimelineEvent:
    """A dated event: ``kind`` one of :data:`TIMELINE_KINDS` (others are drawn as given)."""

    at: datetime
    kind: str
    text: str
    account: str | None = None
    path: str | None = None


@dataclass(frozen=True)
class ChatMessage:
    """The text of a chat message a finding points at (``conversation``, ``author``, ``index`` within
    the author's messages, as :class:`~childsafe.findings.Location` counts), so the report can show
    the indicator message highlighted."""

    conversation: str
    author: str
    index: int
    text: str
    at: datetime | None = None


@dataclass(frozen=True)
class ReportLimits:
    """How many rows each HTML/PDF table lists (the highest scores first); findings.jsonl always holds
    every finding and custody.jsonl every file, so a 100,000-finding case stays readable and small."""

    # Rows cost PDF time (WeasyPrint lays out about a hundred table rows a second on this machine),
    # so the defaults keep the PDF of a 100,000-finding case to about a minute.
    top: int = 100
    conversations: int = 25
    messages_per_conversation: int = 10
    custody: int = 500
    timeline: int = 200
    network_nodes: int = 120


@dataclass(frozen=True)
class CaseReportInput:
    """Everything a case report shows.  ``display_names`` maps an account to the name a chat export
    showed for it; ``settings`` are the run's settings as given (never secrets)."""

    case: str
    tool_version: str
    findings: Sequence[Finding] = ()
    custody: Sequence[CustodyFile] = ()
    banks: Sequence[BankVersion] = ()
    settings: Mapping[str, Scalar] = field(default_factory=dict)
    stages: Sequence[StageSummary] = ()
    errors: Sequence[RunError] = ()
    decisions: Sequence[Decision] = ()
    nodes: Sequence[NetworkNode] = ()
    edges: Sequence[NetworkEdge] = ()
    timeline: Sequence[TimelineEvent] = ()
    messages: Sequence[ChatMessage] = ()
    display_names: Mapping[str, str] = field(default_factory=dict)
    created: datetime | None = None
