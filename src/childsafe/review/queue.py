"""The review queue: every source of work in one list, most urgent first, computed when asked.

Sources and their urgency (all in [0, 1], so one sort orders them):

* **media**: scan items whose stored findings are not empty (hash matches, or a triage priority;
  :mod:`childsafe.store.scan_findings` works them out when the item is stored).  Urgency is the
  finding's score: a stored triage priority, else :func:`~childsafe.triage.priority.score_priority`
  of the matches: 0.90-1.00, closer matches higher.
* **text**: authors in ``author_risk`` that alerted or reached :attr:`QueueLimits.text_min_risk`;
  urgency is the author's highest risk (a sextortion pattern is 0.95).
* **graph**: the top suspects of :func:`~childsafe.graph.rank.rank_accounts` over the stored network,
  scoring at least :attr:`QueueLimits.graph_min_score`; urgency is the fused score.
* **at_risk**: the children :func:`~childsafe.graph.atrisk.children_at_risk` lists from the same
  ranking (:attr:`QueueLimits.at_risk_top`); urgency is the exposure.  They are decided with
  safeguarding decisions only (:data:`AT_RISK_DECISIONS`), never "confirmed"; and confirming a
  network lead whose account looks like a minor needs an administrator (:meth:`ReviewQueue.check`).  Ranking loads
  the whole network, so it is cached for :attr:`QueueLimits.graph_cache_seconds` (and dropped after
  a graph decision), and skipped with a note above :attr:`QueueLimits.graph_max_messages`.

Every item carries a :class:`~childsafe.findings.Finding` (its ``reasons`` are the finding's
evidence in words); nothing translates a source's own record into reasons here.  Nothing is copied
into a queue table (see the ``v5: review`` note in :mod:`childsafe.store.schema`): an item leaves the
queue when a final decision with the same fingerprint exists, and comes back when its evidence changes
(a file with another SHA-256 at the path, an author scored in more conversations).  Escalated items
stay, marked, until an administrator decides them.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Final

from sqlalchemy import func, or_, select, update

from childsafe.errors import ConfigError, NotFoundError, PermissionDeniedError
from childsafe.findings import AuthorRiskSummary, Explanation, Finding, Location
from childsafe.graph.atrisk import children_at_risk
from childsafe.graph.rank import rank_accounts
from childsafe.store.allowlist import AllowlistPreview, plan_allowlist, preview_allowlist
from childsafe.store.graph import GraphStore, MediaMatcher
from childsafe.store.review import FINAL_DECISIONS, Decision, DecisionEffects, ReviewStore
from childsafe.store.scan_findings import dump_findings, load_findings, scan_record_findings
from childsafe.store.schema import author_risk, graph_accounts, graph_messages, scan_items
from childsafe.store.sql import SqlStore

__all__ = ["AT_RISK_DECISIONS", "ITEM_DECISIONS", "QueueItem", "QueueLimits", "QueueResult", "ReviewQueue",
           "SOURCE_ORDER", "item_key"]

SOURCE_ORDER: Final = ("media", "text", "graph", "at_risk")
#: What a reviewer may decide on a child at risk: a referral to safeguarding, or no concern.
AT_RISK_DECISIONS: Final = ("safeguarding", "no_concern", "escalate")
#: The decisions offered per source.
ITEM_DECISIONS: Final = {"media": ("confirmed", "false_positive", "escalate"),
                         "text": ("confirmed", "false_positive", "escalate"),
                         "graph": ("confirmed", "false_positive", "escalate"),
                         "at_risk": AT_RISK_DECISIONS}
_LABELS: Final = {"confirmed": "confirmed", "false_positive": "cleared"}


def item_key(source: str, subject: str) -> str:
    return f"{source}:{subject}"


@dataclass(frozen=True)
class QueueLimits:
    text_min_risk: float = 0.5
    graph_top: int = 50
    graph_min_score: float = 0.3
    graph_max_messages: int = 2_000_000
    graph_cache_seconds: float = 300.0
    at_risk_top: int = 100

    def __post_init__(self) -> None:
        if not (0.0 <= self.text_min_risk <= 1.0 and 0.0 <= self.graph_min_score <= 1.0):
            raise ConfigError("queue score floors must be in [0, 1]")
        if self.graph_top < 0 or self.graph_max_messages < 0 or self.graph_cache_seconds < 0 or self.at_risk_top < 0:
            raise ConfigError("queue limits must not be negative")


@dataclass
class QueueItem:
    key: str
    source: str  # media | text | graph
    subject: str  # the file path, the author, the account
    urgency: float
    fingerprint: str
    summary: str
    reasons: list[str]
    data: dict[str, Any]  # the source's own record: scan record, risk row, lead
    decision: Decision | None = None
    #: Why the item is here: its score, where, the detector and the evidence (``reasons`` are its words).
    finding: Finding | None = None

    @property
    def escalated(self) -> bool:
        return self.decision is not None and self.decision.decision == "escalate" \
            and self.decision.fingerprint == self.fingerprint

    @property
    def closed(self) -> bool:
        return self.decision is not None and self.decision.decision in FINAL_DECISIONS \
            and self.decision.fingerprint == self.fingerprint

    def to_record(self) -> dict[str, Any]:
        return {"key": self.key, "source": self.source, "subject": self.subject, "urgency": round(self.urgency, 4),
                "fingerprint": self.fingerprint,
                "summary": self.summary, "reasons": self.reasons, "escalated": self.escalated,
                "closed": self.closed, **({"finding": self.finding.to_record()} if self.finding else {})}

    @classmethod
    def of(cls, key: str, finding: Finding, summary: str, fingerprint: str, data: dict[str, Any]) -> QueueItem:
        """An item made from its finding: the source, subject, urgency and reasons are the finding's
        (paths are evidence too, but the item page draws them from ``data``)."""
        return cls(key=key, source=finding.source, subject=finding.subject, urgency=finding.score,
                   fingerprint=fingerprint, summary=summary, reasons=finding.reasons(leave_out=("path",)), data=data,
                   finding=finding)


@dataclass
class QueueResult:
    items: list[QueueItem]
    counts: dict[str, int] = field(default_factory=dict)  # open items per source
    notes: list[str] = field(default_factory=list)  # how the queue was made
    warnings: list[str] = field(default_factory=list)  # what it is missing


class ReviewQueue:
    def __init__(self, store: SqlStore, reviews: ReviewStore, limits: QueueLimits | None = None,
                 match_media: Callable[[], MediaMatcher | None] | None = None, banks: SqlStore | None = None) -> None:
        self.store = store
        self.banks = banks or store  # the banks' store: the main one when ``store`` is a case's
        self.reviews = reviews
        self.limits = limits or QueueLimits()
        self._match_media = match_media
        self._leads: tuple[float, list[QueueItem], list[str], list[str]] | None = None
        self._lock = threading.Lock()

    # -- the queue ----------------------------------------------------------------------------
    def items(self, source: str | None = None) -> QueueResult:
        """Open and escalated items, most urgent first (``source`` to see one kind only)."""
        if source is not None and source not in SOURCE_ORDER:
            raise ConfigError(f"unknown source {source!r}: use {', '.join(SOURCE_ORDER)}")
        found = self._media() + self._text()
        leads, notes, warnings = self._graph()
        found += leads
        decided = self.reviews.decided_keys()
        open_items: list[QueueItem] = []
        for item in found:
            item.decision = decided.get(item.key)
            if not item.closed:
                open_items.append(item)
        counts = {s: sum(1 for i in open_items if i.source == s) for s in SOURCE_ORDER}
        chosen = [i for i in open_items if source is None or i.source == source]
        chosen.sort(key=lambda i: (-i.urgency, SOURCE_ORDER.index(i.source), i.key))
        return QueueResult(chosen, counts, notes, warnings)

    def item(self, key: str) -> QueueItem:
        """One item, decided or not (the page shows its history); NotFoundError when it is no item."""
        source, sep, subject = key.partition(":")
        if not sep or source not in SOURCE_ORDER or not subject:
            raise NotFoundError(f"no review item {key!r}")
        found: list[QueueItem]
        if source == "media":
            found = self._media(subject)
        elif source == "text":
            found = self._text(subject)
        else:
            found = [i for i in self._graph()[0] if i.source == source and i.subject == subject]
        if not found:
            raise NotFoundError(f"no review item {key!r}: it may have been decided or its evidence removed")
        item = found[0]
        item.decision = self.reviews.latest_decisions([key]).get(key)
        return item

    def decisions_for(self, item: QueueItem) -> tuple[str, ...]:
        """The decisions a reviewer is offered on ``item``: never "confirmed" for a child at risk."""
        return ITEM_DECISIONS[item.source]

    def check(self, item: QueueItem, decision: str, reason: str, *, admin: bool) -> None:
        """Refuse a decision the item's kind does not allow.

        A child at risk takes safeguarding decisions only; confirming a network lead whose account
        looks like a minor (an adult posing as a teen, or a child) needs an administrator and a reason.
        """
        if decision not in ITEM_DECISIONS[item.source]:
            raise ConfigError(f"{decision!r} is not a decision for a {item.source.replace('_', ' ')} item: use "
                              f"{', '.join(ITEM_DECISIONS[item.source])}")
        if item.source == "graph" and decision == "confirmed":
            why = GraphStore(self.store).looks_minor(item.subject)
            if why and not (admin and reason.strip()):
                raise PermissionDeniedError(f"this account looks like a minor ({why}): only an administrator, "
                                            "with a reason, may confirm it as an offender")

    def effects(self, item: QueueItem, decision: str, actor: str) -> DecisionEffects:
        """What ``decision`` on ``item`` does besides being recorded."""
        if item.source == "media" and decision == "false_positive":
            preview = self.allowlist_preview(item, actor)
            assert preview is not None
            return DecisionEffects(allowlist=preview.plan.entries, allowlist_scopes=preview.plan.scopes,
                                   allowlist_others=preview.suppressed)
        if item.source == "graph" and decision in _LABELS:
            return DecisionEffects(graph_label=(item.subject, _LABELS[decision]))
        return DecisionEffects()

    def allowlist_preview(self, item: QueueItem, actor: str) -> AllowlistPreview | None:
        """What a false positive on a media item would allowlist and suppress besides it (None: not media)."""
        if item.source != "media":
            return None
        plan = plan_allowlist(item.key, item.subject, item.data, actor)
        return preview_allowlist(self.store, plan, self._match_media, self.banks)

    def invalidate_graph(self) -> None:
        with self._lock:
            self._leads = None

    # -- media ---------------------------------------------------------------------------------
    def _media(self, only: str | None = None) -> list[QueueItem]:
        # Items carry their findings and the highest score (worked out when stored): the indexed
        # ``urgency`` keeps the many items with nothing for review out of Python.  ``findings`` is NULL
        # only for items stored before findings were kept; those are worked out here, once.
        c = scan_items.c
        query = select(c.key, c.record, c.findings)
        if only is not None:
            query = query.where(c.key == only)
        else:
            query = query.where(or_(c.urgency.is_not(None), c.findings.is_(None)))
        out = []
        late: list[tuple[str, list[Finding]]] = []
        with self.store.engine.connect() as conn:
            rows = conn.execute(query).all()
        for key, text, stored in rows:
            try:
                record = json.loads(text)
            except ValueError:
                continue
            if not isinstance(record, dict):
                continue
            if stored is None:
                findings = scan_record_findings(key, record)
                late.append((key, findings))
            else:
                findings = load_findings(stored)
            item = _media_item(key, record, findings)
            if item is not None:
                out.append(item)
        if late:
            self._keep_findings(late)
        return out

    def _keep_findings(self, found: list[tuple[str, list[Finding]]]) -> None:
        with self.store.engine.begin() as conn:
            for key, findings in found:
                text, urgency = dump_findings(findings)
                # Only while still unset: a rescan meanwhile stored findings of its own, which are newer.
                conn.execute(update(scan_items).where(scan_items.c.key == key, scan_items.c.findings.is_(None))
                             .values(findings=text, urgency=urgency))

    # -- text ---------------------------------------------------------------------------------
    def _text(self, only: str | None = None) -> list[QueueItem]:
        r = author_risk.c
        query = select(author_risk)
        if only is not None:
            query = query.where(r.author == only)
        else:
            query = query.where(or_(r.alert.is_(True), r.risk >= self.limits.text_min_risk))
        with self.store.engine.connect() as conn:
            rows = conn.execute(query).all()
        out = []
        for row in rows:
            indicators = json.loads(row.indicators or "[]")
            finding = AuthorRiskSummary(float(row.risk), bool(row.alert), int(row.conversations),
                                        tuple(str(i) for i in indicators)).finding(row.author)
            alert = " (alert)" if row.alert else ""
            out.append(QueueItem.of(
                item_key("text", row.author), finding,
                f"grooming/sextortion risk {float(row.risk):.2f}{alert} in {int(row.conversations)} conversation(s)",
                f"conversations={int(row.conversations)}",
                {"author": row.author, "risk": float(row.risk), "alert": bool(row.alert),
                 "conversations": int(row.conversations), "indicators": indicators}))
        return out

    # -- graph --------------------------------------------------------------------------------
    def _graph(self) -> tuple[list[QueueItem], list[str], list[str]]:
        """(leads, notes, warnings), from the cache while it is fresh."""
        if self.limits.graph_top <= 0:
            return [], [], []
        with self._lock:
            now = time.monotonic()
            if self._leads is None or now - self._leads[0] >= self.limits.graph_cache_seconds:
                self._leads = (now, *self._rank())
            _, leads, notes, warnings = self._leads
            return [_copy(i) for i in leads], list(notes), list(warnings)

    def _rank(self) -> tuple[list[QueueItem], list[str], list[str]]:
        with self.store.engine.connect() as conn:
            accounts = int(conn.execute(select(func.count()).select_from(graph_accounts)).scalar_one())
            messages = int(conn.execute(select(func.count()).select_from(graph_messages)).scalar_one())
        if not accounts:
            return [], [], []
        if messages > self.limits.graph_max_messages:
            return [], [], [f"graph leads not computed here: {messages:,} messages is over the review limit of "
                        f"{self.limits.graph_max_messages:,}; run 'childsafe graph rank' instead"]
        started = time.perf_counter()
        net = GraphStore(self.store).load(self._match_media() if self._match_media else None)
        result = rank_accounts(net, top=self.limits.graph_top)
        leads = []
        for lead in result.leads:
            if lead.score < self.limits.graph_min_score:
                continue
            leads.append(QueueItem.of(item_key("graph", lead.account), lead.finding(),
                                      f"suspect (network lead), fused score {lead.score:.2f}", "", lead.to_record()))
        children = children_at_risk(result, self.limits.at_risk_top) if self.limits.at_risk_top else []
        for child in children:
            age = f", stated age {child.stated_age}" if child.stated_age is not None else ""
            leads.append(QueueItem.of(item_key("at_risk", child.account), child.finding(),
                                      f"child at risk{age}, exposure {child.exposure:.2f}", "", child.to_record()))
        seconds = time.perf_counter() - started
        suspects = sum(1 for i in leads if i.source == "graph")
        return leads, [f"network: {suspects} suspects and {len(children)} children at risk from {accounts:,} "
                       f"accounts, ranked in {seconds:.1f} s (cached for {self.limits.graph_cache_seconds:.0f} s)"], []


def _copy(item: QueueItem) -> QueueItem:
    return QueueItem(item.key, item.source, item.subject, item.urgency, item.fingerprint, item.summary,
                     list(item.reasons), item.data, finding=item.finding)


def _media_item(key: str, record: dict[str, Any], findings: list[Finding]) -> QueueItem | None:
    """The item of a scan record, from its findings (none: not for review)."""
    if not findings:
        return None
    finding = max(findings, key=lambda f: f.score)
    if finding.where.path != key or finding.source != "media":  # an item is the file at its key
        finding = Finding("media", finding.label, finding.score, Location(path=key),
                          Explanation(finding.detector, finding.explanation.evidence, finding.explanation.context))
    context = finding.explanation.context
    content = str(context.get("content_type") or record.get("content_type") or "other")
    matched = context.get("matches")
    banks = context.get("banks")
    if isinstance(matched, int) and matched:
        summary = (f"{content} matching {matched} hash-list entr{'y' if matched == 1 else 'ies'} in {banks}")
    else:
        summary = f"{content}, triage priority {finding.score:.2f}"
    return QueueItem.of(item_key("media", key), finding, summary, str(record.get("sha256") or ""), record)
