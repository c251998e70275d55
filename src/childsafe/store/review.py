"""Review records: decisions, each reviewer's exposure, review UI sessions, risky conversations.

The review queue itself is computed from its sources (:mod:`childsafe.review`); this
module stores only what people do.  A decision is written in one
:meth:`~childsafe.store.service.ServiceStore.transaction` together with its audit entry and its
consequences, so all of them commit or none does:

* a false positive on a hash match adds the file's own signals to the ``reviewer-allowlist`` bank
  (created as an allowlist if missing), each scoped to the bank entries the file matched and at what
  distance (:mod:`childsafe.store.allowlist`), so later scans of that file and of copies at least as
  far from those entries are suppressed, never exact matches nor closer copies.  When the entries
  would suppress any *other* stored item, only an administrator may save the decision; an
  administrator can remove the entries again (:meth:`ReviewStore.remove_allowlist`), which reopens
  the item;
* a decision on a graph lead labels the account (confirmed -> ``confirmed``, false positive ->
  ``cleared``), which the next ranking reads.

Escalated items wait for an administrator: a reviewer may not close them.  An item decided finally
(confirmed, false positive) cannot be decided again while its evidence is unchanged, so two
reviewers racing on one item get one decision and one clear refusal.
"""
# long-module: a decision and its consequences (reviewer allowlist entries, exposure, audit entry) commit in one
#   transaction, so the code that writes them stands together.

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Final

from sqlalchemy import delete, distinct, func, insert, select, update
from sqlalchemy.engine import Connection

from childsafe.errors import AlreadyExistsError, ConfigError, NotFoundError, PermissionDeniedError
from childsafe.graph.network import LABELS
from childsafe.media.signals import get_signal_type
from childsafe.store.base import AllowlistScope, NewEntry
from childsafe.store.schema import (
    allowlist_scopes,
    bank_entries,
    banks,
    graph_labels,
    review_decisions,
    review_exposure,
    review_sessions,
    text_conversations,
    users,
)
from childsafe.store.service import ServiceStore, User, token_digest

__all__ = [
    "ALLOWLIST_BANK", "ALLOWLIST_PDQ_THRESHOLD", "DECISIONS", "EXPOSURE_KINDS", "FINAL_DECISIONS", "REOPENED",
    "ConversationRef", "Decision", "DecisionEffects", "Exposure", "ReviewStore", "Session",
]

DECISIONS: Final = ("confirmed", "false_positive", "escalate", "safeguarding", "no_concern")
FINAL_DECISIONS: Final = frozenset({"confirmed", "false_positive", "safeguarding", "no_concern"})
#: Recorded (not chosen by a reviewer) when an administrator removes a false positive's allowlist
#: entries: the item is open again, so its matches come back to the queue on the next scan.
REOPENED: Final = "reopened"
#: ``at_risk``: children the network shows in contact with suspects; decided by safeguarding, never "confirmed".
SOURCES: Final = ("media", "text", "graph", "at_risk")
EXPOSURE_KINDS: Final = ("view", "reveal", "media")
ALLOWLIST_BANK: Final = "reviewer-allowlist"
#: A recompressed or resized copy of the reviewed picture stays within about 10 bits of its PDQ; a
#: different picture almost never does.  Tight on purpose: every file this close is a candidate, and
#: the entry's scopes then decide which of its matches it may silence.
ALLOWLIST_PDQ_THRESHOLD: Final = 10
MAX_REASON_CHARS: Final = 2_000
SESSION_IDLE: Final = timedelta(minutes=30)
SESSION_MAX: Final = timedelta(hours=12)
_TOUCH_EVERY: Final = timedelta(seconds=60)
_IN_BATCH: Final = 500


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


# Session cookies, like API tokens, carry 256 random bits: the same SHA-256 digest is stored.
session_digest = token_digest


@dataclass(frozen=True)
class Decision:
    id: int
    item_key: str
    source: str
    fingerprint: str
    decision: str
    reason: str
    actor: str
    audit_id: int
    decided_at: datetime

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "item": self.item_key, "source": self.source, "fingerprint": self.fingerprint,
                "decision": self.decision, "reason": self.reason, "actor": self.actor,
                "audit_id": self.audit_id, "decided_at": self.decided_at.isoformat()}


@dataclass(frozen=True)
class DecisionEffects:
    """What a decision does besides being recorded (computed by the queue from the item)."""

    allowlist: tuple[NewEntry, ...] = ()
    graph_label: tuple[str, str] | None = None  # (account, label)
    #: The bank entries the allowlist entries answer, and at what distance (see :mod:`.allowlist`).
    allowlist_scopes: tuple[AllowlistScope, ...] = ()
    #: Other stored items the allowlist entries would suppress (the preview): any, and only an
    #: administrator may save the decision.
    allowlist_others: tuple[str, ...] = ()


@dataclass(frozen=True)
class Exposure:
    """How much a reviewer has been exposed to: all time and over the last 24 hours."""

    items_viewed: int
    views: int
    reveals: int
    media: int
    items_viewed_24h: int
    reveals_24h: int
    media_24h: int

    def to_record(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class Session:
    user: User
    csrf: str
    created_at: datetime


@dataclass(frozen=True)
class ConversationRef:
    author: str
    path: str
    conversation_id: str
    risk: float


class ReviewStore:
    """Review tables of the service's store.

    In a case (:mod:`childsafe.case`) the decisions, exposure and conversation notes are the case's
    evidence and live in the case's store (``service``), while the house's records live in the main
    store (``house``): review sessions (they join ``users``) and the reviewer allowlist (a bank: every
    case matches against the same banks).  ``case`` names the case, so that the allowlist entries its
    decisions make in the shared bank say which case's item they answer.  Without ``house`` both are
    the same store (the default case).
    """

    def __init__(self, service: ServiceStore, house: ServiceStore | None = None, case: str | None = None) -> None:
        self.service = service
        self.engine = service.engine
        self.house = house or service
        self.case = case if house is not None and house is not service else None

    def grant_key(self, item_key: str) -> str:
        """The ``review_item`` of allowlist scopes made by a decision on ``item_key`` (case-qualified in a case).

        Case names never contain ``/``, so ``case/<name>/<key>`` cannot collide with another case's or
        with a default-case key (which starts with its source, e.g. ``media:``).
        """
        return item_key if self.case is None else f"case/{self.case}/{item_key}"

    def owns_grant(self, review_item: str) -> bool:
        """Whether allowlist scopes with this ``review_item`` were made by a decision in this store's case."""
        if self.case is None:
            return not review_item.startswith("case/")
        return review_item.startswith(f"case/{self.case}/")

    # -- decisions ----------------------------------------------------------------------------
    def decide(self, item_key: str, source: str, fingerprint: str, decision: str, reason: str, *,
               actor: str, admin: bool, effects: DecisionEffects | None = None,
               details: dict[str, Any] | None = None) -> Decision:
        """Record a decision with its audit entry and effects in one transaction."""
        effects = effects or DecisionEffects()
        if decision not in DECISIONS:
            raise ConfigError(f"unknown decision {decision!r}: use {', '.join(DECISIONS)}")
        if source not in SOURCES:
            raise ConfigError(f"unknown source {source!r}: use {', '.join(SOURCES)}")
        reason = reason.strip()
        if not reason:
            raise ConfigError("a decision needs a reason: say what you saw")
        if len(reason) > MAX_REASON_CHARS:
            raise ConfigError(f"reason too long: at most {MAX_REASON_CHARS} characters")
        with self.service.transaction() as conn:
            latest = self._latest(conn, [item_key]).get(item_key)
            if latest is not None and latest.fingerprint == fingerprint:
                if latest.decision in FINAL_DECISIONS:
                    raise AlreadyExistsError(f"already decided: {latest.decision.replace('_', ' ')} by "
                                             f"{latest.actor} at {latest.decided_at:%Y-%m-%d %H:%M} UTC")
                if latest.decision == "escalate" and decision != "escalate" and not admin:
                    raise PermissionDeniedError("this item was escalated: an administrator decides it")
            if effects.allowlist and effects.allowlist_others and not admin:
                n = len(effects.allowlist_others)
                raise PermissionDeniedError(
                    f"needs admin approval: this false positive would add an allowlist entry that also suppresses "
                    f"{n} other stored item{'' if n == 1 else 's'}; escalate it so that an administrator decides")
            done: dict[str, Any] = {}
            if effects.allowlist:
                if self.house is self.service:
                    done["allowlisted"] = self._allowlist(conn, effects, actor, item_key, admin=admin)
                else:
                    # A case's decision, the bank in the main store: two databases, so two transactions.
                    # The bank's (with its own audit entries in the main log) commits first, inside the
                    # case's, after every check that can refuse the decision: only a failure of the case's
                    # commit itself could leave entries without their decision, and an administrator can
                    # list and remove them (they name the case's item).
                    with self.house.transaction() as bank_conn:
                        done["allowlisted"] = self._allowlist(bank_conn, effects, actor, item_key, admin=admin)
                    done["allowlist_store"] = "main"
            if effects.graph_label is not None:
                account, label = effects.graph_label
                if label not in LABELS:
                    raise ConfigError(f"unknown graph label {label!r}")
                # Written here rather than through GraphStore.add_label so that it commits with the decision.
                conn.execute(insert(graph_labels).values(account=account, label=label, reason=reason,
                                                         source=f"review:{actor}", labelled_at=_now()))
                done["graph_label"] = {"account": account, "label": label}
            entry = self.service.append_audit(conn, actor, "review.decide", item_key, {
                **(details or {}), "source": source, "fingerprint": fingerprint, "decision": decision,
                "reason": reason, **done})
            at = _now()
            result = conn.execute(insert(review_decisions).values(
                item_key=item_key, source=source, fingerprint=fingerprint, decision=decision, reason=reason,
                actor=actor, audit_id=entry.id, decided_at=at))
            decision_id = int(result.inserted_primary_key[0])  # type: ignore[index]
        return Decision(decision_id, item_key, source, fingerprint, decision, reason, actor, entry.id, at)

    def _allowlist(self, conn: Connection, effects: DecisionEffects, actor: str, item_key: str, *,
                   admin: bool) -> list[str]:
        entries = effects.allowlist
        row = conn.execute(select(banks.c.id, banks.c.allowlist).where(banks.c.name == ALLOWLIST_BANK)).first()
        if row is None:
            result = conn.execute(insert(banks).values(name=ALLOWLIST_BANK, allowlist=True,
                                                       pdq_threshold=ALLOWLIST_PDQ_THRESHOLD, enabled=True,
                                                       created_at=_now()))
            bank_id = int(result.inserted_primary_key[0])  # type: ignore[index]
            self.house.append_audit(conn, actor, "bank.create", ALLOWLIST_BANK, {
                "pdq_threshold": ALLOWLIST_PDQ_THRESHOLD, "allowlist": True, "enabled": True,
                "reason": "first false positive decided in review"})
        elif not row.allowlist:
            # Adding benign files to a bank that *matches* would flag them everywhere.
            raise ConfigError(f"bank {ALLOWLIST_BANK!r} exists but is not an allowlist: rename it")
        else:
            bank_id = int(row.id)
        if not effects.allowlist_scopes:
            # An entry without scopes would silence every match of every file it matches.
            raise ConfigError("a review allowlist entry needs the bank matches it answers (its scopes)")
        wanted = [(get_signal_type(e.signal_type).name, get_signal_type(e.signal_type).validate(e.signal), e)
                  for e in entries]
        existing = self._entry_ids(conn, bank_id, [(kind, signal) for kind, signal, _ in wanted])
        rows = [{"bank_id": bank_id, "signal_type": kind, "signal": signal, "label": e.label, "source": e.source,
                 "added_at": _now()} for kind, signal, e in wanted]
        before = self._count(conn, bank_id)
        self.house.store._insert_ignore(conn, rows)
        added = self._count(conn, bank_id) - before
        ids = self._entry_ids(conn, bank_id, [(kind, signal) for kind, signal, _ in wanted])
        scoped = {int(r.entry_id) for r in conn.execute(select(allowlist_scopes.c.entry_id).distinct().where(
            allowlist_scopes.c.entry_id.in_(list(ids.values()))))}
        # An entry an administrator added by hand (no scopes) keeps silencing what it did: not narrowed here.
        targets = [i for key, i in ids.items() if key not in existing or i in scoped]
        now = _now()
        if targets:
            conn.execute(insert(allowlist_scopes), [
                {"entry_id": i, "review_item": self.grant_key(item_key), "bank": s.bank, "signal_type": s.signal_type,
                 "signal": s.signal, "distance": s.distance, "actor": actor, "added_at": now}
                for i in targets for s in effects.allowlist_scopes])
        signals = [f"{kind}:{signal}" for kind, signal, _ in wanted]
        self.house.append_audit(conn, actor, "bank.add", ALLOWLIST_BANK, {
            "given": len(wanted), "added": added, "signals": signals, "review_item": self.grant_key(item_key),
            "scopes": [s.to_record() for s in effects.allowlist_scopes],
            "suppresses_other_items": len(effects.allowlist_others),
            "other_items": list(effects.allowlist_others[:20]), "by_admin": admin})
        return signals

    @staticmethod
    def _entry_ids(conn: Connection, bank_id: int, keys: Sequence[tuple[str, str]]) -> dict[tuple[str, str], int]:
        e = bank_entries.c
        out: dict[tuple[str, str], int] = {}
        for kind, signal in keys:
            row = conn.execute(select(e.id).where(e.bank_id == bank_id, e.signal_type == kind,
                                                  e.signal == signal)).first()
            if row is not None:
                out[(kind, signal)] = int(row.id)
        return out

    def remove_allowlist(self, item_key: str, *, actor: str, admin: bool, reason: str) -> dict[str, Any]:
        """Undo a false positive's allowlist entries (administrators), audited; the item reopens.

        An entry another decision also made stays, with that decision's scopes only.
        """
        if not admin:
            raise PermissionDeniedError("only an administrator removes allowlist entries")
        reason = reason.strip()
        if not reason:
            raise ConfigError("removing an allowlist entry needs a reason")
        if len(reason) > MAX_REASON_CHARS:
            raise ConfigError(f"reason too long: at most {MAX_REASON_CHARS} characters")
        with self.service.transaction() as conn:
            if self.house is self.service:
                details = self._remove_grant(conn, item_key, reason)
            else:  # the entries are in the main store's bank (see decide): its removal is audited there too
                with self.house.transaction() as bank_conn:
                    details = self._remove_grant(bank_conn, item_key, reason)
                    self.house.append_audit(bank_conn, actor, "allowlist.remove", self.grant_key(item_key), {
                        **details, "case": self.case, "scopes": [json.loads(x) for x in details["scopes"]]})
            latest = self._latest(conn, [item_key]).get(item_key)
            entry = self.service.append_audit(conn, actor, "allowlist.remove", item_key, {
                **details, "scopes": [json.loads(x) for x in details["scopes"]],
                "reopened": latest is not None and latest.decision == "false_positive"})
            if latest is not None and latest.decision == "false_positive":
                conn.execute(insert(review_decisions).values(
                    item_key=item_key, source=latest.source, fingerprint=latest.fingerprint, decision=REOPENED,
                    reason=reason, actor=actor, audit_id=entry.id, decided_at=_now()))
        return {"item": item_key, "audit_id": entry.id, **details,
                "scopes": [json.loads(x) for x in details["scopes"]]}

    def _remove_grant(self, conn: Connection, item_key: str, reason: str = "") -> dict[str, Any]:
        """Delete the allowlist scopes (and entries no other decision shares) made by a decision on ``item_key``."""
        s = allowlist_scopes.c
        grant = self.grant_key(item_key)
        rows = conn.execute(select(s.entry_id, s.bank, s.signal_type, s.signal, s.distance)
                            .where(s.review_item == grant)).all()
        if not rows:
            raise NotFoundError(f"no allowlist entries made by a decision on {item_key!r}")
        ids = sorted({int(r.entry_id) for r in rows})
        conn.execute(delete(allowlist_scopes).where(s.review_item == grant))
        shared = {int(r.entry_id) for r in conn.execute(select(s.entry_id).distinct().where(s.entry_id.in_(ids)))}
        gone = [i for i in ids if i not in shared]
        described = {int(r.id): f"{r.signal_type}:{r.signal}" for r in conn.execute(
            select(bank_entries.c.id, bank_entries.c.signal_type, bank_entries.c.signal)
            .where(bank_entries.c.id.in_(ids)))}
        if gone:
            conn.execute(delete(bank_entries).where(bank_entries.c.id.in_(gone)))
        return {"reason": reason, "removed": [described[i] for i in gone if i in described],
                "kept_for_other_decisions": [described[i] for i in sorted(shared) if i in described],
                "scopes": sorted({json.dumps({"bank": r.bank, "signal_type": r.signal_type, "signal": r.signal,
                                              "distance": int(r.distance)}, sort_keys=True) for r in rows})}

    @staticmethod
    def _count(conn: Connection, bank_id: int) -> int:
        return int(conn.execute(select(func.count()).select_from(bank_entries)
                                .where(bank_entries.c.bank_id == bank_id)).scalar_one())

    def latest_decisions(self, keys: Sequence[str]) -> dict[str, Decision]:
        """The newest decision of each item that has one."""
        with self.engine.connect() as conn:
            return self._latest(conn, keys)

    def _latest(self, conn: Connection, keys: Sequence[str]) -> dict[str, Decision]:
        out: dict[str, Decision] = {}
        unique = sorted(set(keys))
        for i in range(0, len(unique), _IN_BATCH):
            rows = conn.execute(select(review_decisions).where(
                review_decisions.c.item_key.in_(unique[i:i + _IN_BATCH])).order_by(review_decisions.c.id))
            for r in rows:
                out[r.item_key] = _decision(r)  # ascending ids: the newest wins
        return out

    def decided_keys(self) -> dict[str, Decision]:
        """The newest decision of every decided item (the queue leaves final ones out)."""
        with self.engine.connect() as conn:
            newest = select(func.max(review_decisions.c.id)).group_by(review_decisions.c.item_key).scalar_subquery()
            rows = conn.execute(select(review_decisions).where(review_decisions.c.id.in_(newest)))
            return {r.item_key: _decision(r) for r in rows}

    def history(self, item_key: str) -> list[Decision]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(review_decisions).where(review_decisions.c.item_key == item_key)
                                .order_by(review_decisions.c.id))
            return [_decision(r) for r in rows]

    def decisions_by(self, actor: str, limit: int = 20) -> list[Decision]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(review_decisions).where(review_decisions.c.actor == actor)
                                .order_by(review_decisions.c.id.desc()).limit(limit))
            return [_decision(r) for r in rows]

    # -- exposure -----------------------------------------------------------------------------
    def record_exposure(self, reviewer: str, item_key: str, kind: str) -> None:
        if kind not in EXPOSURE_KINDS:
            raise ConfigError(f"unknown exposure kind {kind!r}")
        with self.engine.begin() as conn:
            conn.execute(insert(review_exposure).values(reviewer=reviewer, item_key=item_key, kind=kind, at=_now()))

    def exposure(self, reviewer: str) -> Exposure:
        since = _now() - timedelta(hours=24)
        e = review_exposure.c

        def count(kind: str, *, items: bool = False, recent: bool = False) -> int:
            what = func.count(distinct(e.item_key)) if items else func.count()
            query = select(what).select_from(review_exposure).where(e.reviewer == reviewer, e.kind == kind)
            if recent:
                query = query.where(e.at >= since)
            return int(conn.execute(query).scalar_one())

        with self.engine.connect() as conn:
            return Exposure(items_viewed=count("view", items=True), views=count("view"), reveals=count("reveal"),
                            media=count("media"), items_viewed_24h=count("view", items=True, recent=True),
                            reveals_24h=count("reveal", recent=True), media_24h=count("media", recent=True))

    # -- sessions -----------------------------------------------------------------------------
    def open_session(self, user: User, client: str) -> tuple[str, str]:
        """A new session for ``user``: (cookie token, form token).  Expired sessions are dropped."""
        token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        now = _now()
        with self.house.engine.begin() as conn:
            s = review_sessions.c
            conn.execute(delete(review_sessions).where((s.last_seen < now - SESSION_IDLE)
                                                       | (s.created_at < now - SESSION_MAX)))
            conn.execute(insert(review_sessions).values(token_sha256=session_digest(token), user_name=user.name,
                                                        csrf=csrf, client=client, created_at=now, last_seen=now))
        return token, csrf

    def session(self, token: str) -> Session | None:
        """The live session of ``token`` (its user enabled), else None; refreshes its idle timer."""
        digest = session_digest(token)
        now = _now()
        with self.house.engine.connect() as conn:
            row = conn.execute(select(review_sessions, users.c.id.label("user_id"), users.c.role, users.c.disabled,
                                      users.c.password_hash, users.c.created_at.label("user_created"))
                               .select_from(review_sessions.join(users, users.c.name == review_sessions.c.user_name))
                               .where(review_sessions.c.token_sha256 == digest)).first()
        if row is None:
            return None
        created, seen = _aware(row.created_at), _aware(row.last_seen)
        if row.disabled or seen < now - SESSION_IDLE or created < now - SESSION_MAX:
            self.close_session(token)
            return None
        if now - seen > _TOUCH_EVERY:
            with self.house.engine.begin() as conn:
                conn.execute(update(review_sessions).where(review_sessions.c.token_sha256 == digest)
                             .values(last_seen=now))
        user = User(int(row.user_id), row.user_name, row.role, bool(row.disabled), row.password_hash is not None,
                    _aware(row.user_created))
        return Session(user, row.csrf, created)

    def close_session(self, token: str) -> None:
        with self.house.engine.begin() as conn:
            conn.execute(delete(review_sessions).where(review_sessions.c.token_sha256 == session_digest(token)))

    # -- conversations ------------------------------------------------------------------------
    def note_conversation(self, author: str, path: str, conversation_id: str, risk: float) -> None:
        """Remember where ``author`` showed risk (kept: the highest risk per conversation)."""
        key = (text_conversations.c.author == author, text_conversations.c.path == path,
               text_conversations.c.conversation_id == conversation_id)
        with self.engine.begin() as conn:
            old = conn.execute(select(text_conversations.c.risk).where(*key)).first()
            if old is None:
                conn.execute(insert(text_conversations).values(author=author, path=path, risk=risk,
                                                               conversation_id=conversation_id, scored_at=_now()))
            elif risk > float(old.risk):
                conn.execute(update(text_conversations).where(*key).values(risk=risk, scored_at=_now()))

    def conversations(self, author: str, limit: int = 20) -> list[ConversationRef]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(text_conversations).where(text_conversations.c.author == author)
                                .order_by(text_conversations.c.risk.desc(), text_conversations.c.path,
                                          text_conversations.c.conversation_id).limit(limit))
            return [ConversationRef(r.author, r.path, r.conversation_id, float(r.risk)) for r in rows]


def _decision(r: Any) -> Decision:
    return Decision(int(r.id), r.item_key, r.source, r.fingerprint, r.decision, r.reason, r.actor,
                    int(r.audit_id), _aware(r.decided_at))


def details_json(details: dict[str, Any]) -> str:
    """Compact JSON for showing audit details."""
    return json.dumps(details, sort_keys=True, ensure_ascii=False, separators=(", ", ": "))
