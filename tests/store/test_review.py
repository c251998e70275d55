"""Review records and the review queue, without the web layer (SQLite, and PostgreSQL when there is one)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update
from tests.cli_runner import Cli
from tests.postgres import postgres_url, reset_postgres
from tests.web.seed import CONVERSATION, Seeded, make_users, seed_store

from childsafe.errors import AlreadyExistsError, ConfigError, PermissionDeniedError
from childsafe.review import QueueLimits, ReviewQueue
from childsafe.store.base import ScanRecord
from childsafe.store.review import ALLOWLIST_BANK, DecisionEffects, ReviewStore
from childsafe.store.schema import audit_log, review_decisions, review_sessions
from childsafe.store.service import ServiceStore
from childsafe.store.sql import SqlStore, open_store

PG_URL = postgres_url()


@pytest.fixture(params=["sqlite"] + (["postgresql"] if PG_URL else []))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> SqlStore:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    else:
        reset_postgres(PG_URL)  # a fresh, empty schema for every test
        url = PG_URL
    s = open_store(url)
    yield s
    s.close()


@pytest.fixture
def seeded(store: SqlStore, tmp_path: Path) -> Seeded:
    make_users(ServiceStore(store), password=False)
    return seed_store(store, tmp_path)


@pytest.fixture
def reviews(store: SqlStore) -> ReviewStore:
    return ReviewStore(ServiceStore(store))


def test_a_decision_needs_a_known_kind_and_a_reason(reviews: ReviewStore) -> None:
    with pytest.raises(ConfigError, match="reason"):
        reviews.decide("text:a", "text", "", "confirmed", "  ", actor="rita", admin=False)
    with pytest.raises(ConfigError, match="unknown decision"):
        reviews.decide("text:a", "text", "", "maybe", "why", actor="rita", admin=False)
    with pytest.raises(ConfigError, match="too long"):
        reviews.decide("text:a", "text", "", "confirmed", "x" * 2001, actor="rita", admin=False)
    assert reviews.history("text:a") == []


def test_a_final_decision_is_not_made_twice_on_the_same_evidence(reviews: ReviewStore) -> None:
    first = reviews.decide("media:/a.jpg", "media", "sha-1", "confirmed", "seen", actor="rita", admin=False)
    assert first.audit_id == reviews.service.audit_entries()[-1].id
    with pytest.raises(AlreadyExistsError, match="already decided: confirmed by rita"):
        reviews.decide("media:/a.jpg", "media", "sha-1", "false_positive", "no", actor="root", admin=True)
    # other content at the path is new evidence
    reviews.decide("media:/a.jpg", "media", "sha-2", "false_positive", "different file", actor="rita", admin=False)
    assert [d.fingerprint for d in reviews.history("media:/a.jpg")] == ["sha-1", "sha-2"]


def test_escalated_items_are_closed_by_admins_only(reviews: ReviewStore) -> None:
    reviews.decide("text:a", "text", "n=1", "escalate", "unsure", actor="rita", admin=False)
    with pytest.raises(PermissionDeniedError, match="administrator"):
        reviews.decide("text:a", "text", "n=1", "confirmed", "sure now", actor="rita", admin=False)
    reviews.decide("text:a", "text", "n=1", "escalate", "still unsure", actor="rita", admin=False)
    reviews.decide("text:a", "text", "n=1", "confirmed", "agreed", actor="root", admin=True)
    assert [d.decision for d in reviews.history("text:a")] == ["escalate", "escalate", "confirmed"]


def test_a_failed_effect_rolls_back_the_decision_and_its_audit_entry(store: SqlStore, reviews: ReviewStore) -> None:
    from childsafe.store.base import NewEntry

    store.create_bank(ALLOWLIST_BANK)  # a *matching* bank of that name: adding benign files would flag them
    before = reviews.service.verify_audit().entries
    with pytest.raises(ConfigError, match="not an allowlist"):
        reviews.decide("media:/a.jpg", "media", "x", "false_positive", "benign", actor="rita", admin=False,
                       effects=DecisionEffects(allowlist=(NewEntry("md5", "d41d8cd98f00b204e9800998ecf8427e"),)))
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(review_decisions)).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(audit_log)).scalar_one() == before
    assert store.get_bank(ALLOWLIST_BANK).entry_count == 0


def test_sessions_end_on_logout_idle_timeout_and_disabled_users(store: SqlStore, reviews: ReviewStore) -> None:
    make_users(reviews.service, password=False)
    rita = reviews.service.get_user("rita")
    token, csrf = reviews.open_session(rita, "127.0.0.1")
    session = reviews.session(token)
    assert session is not None and session.user.name == "rita" and session.csrf == csrf
    assert reviews.session(token + "x") is None
    with store.engine.begin() as conn:
        conn.execute(update(review_sessions).values(last_seen=datetime.now(UTC) - timedelta(hours=1)))
    assert reviews.session(token) is None  # idle too long, and removed
    token, _ = reviews.open_session(rita, "127.0.0.1")
    reviews.service.update_user("rita", actor="root", disabled=True)
    assert reviews.session(token) is None
    token, _ = reviews.open_session(reviews.service.get_user("root"), "127.0.0.1")
    reviews.close_session(token)
    assert reviews.session(token) is None


def test_the_queue_orders_sources_and_hides_closed_items(store: SqlStore, seeded: Seeded) -> None:
    reviews = ReviewStore(ServiceStore(store))
    queue = ReviewQueue(store, reviews)
    result = queue.items()
    keys = [i.key for i in result.items]
    assert keys[:3] == sorted([seeded.video_key, seeded.photo_key]) + [seeded.text_key]
    assert [i.urgency for i in result.items] == sorted((i.urgency for i in result.items), reverse=True)
    assert result.counts["media"] == 2 and result.counts["text"] == 1 and result.counts["graph"] >= 2
    assert "harbour" not in " ".join(keys)  # no match, no triage priority: not for review
    item = queue.item(seeded.photo_key)
    reviews.decide(item.key, item.source, item.fingerprint, "confirmed", "seen", actor="rita", admin=False)
    assert seeded.photo_key not in [i.key for i in queue.items().items]
    # a rescan that finds other content at the path brings it back
    record = dict(item.data, sha256="f" * 64)
    store.save_scan_records(1, [ScanRecord(item.subject, 1, 1, record)])
    assert seeded.photo_key in [i.key for i in queue.items("media").items]


def test_queue_limits_bound_text_and_graph(store: SqlStore, seeded: Seeded) -> None:
    reviews = ReviewStore(ServiceStore(store))
    strict = ReviewQueue(store, reviews, QueueLimits(text_min_risk=1.0, graph_max_messages=3))
    result = strict.items()
    assert result.counts["graph"] == 0 and "over the review limit" in result.warnings[0]
    assert result.counts["text"] == 1  # it alerted, which always counts
    assert ReviewQueue(store, reviews, QueueLimits(graph_top=0)).items().counts["graph"] == 0
    with pytest.raises(ConfigError):
        QueueLimits(text_min_risk=2)


def test_false_positive_effects_use_the_files_own_signals(store: SqlStore, seeded: Seeded) -> None:
    queue = ReviewQueue(store, ReviewStore(ServiceStore(store)))
    photo = queue.item(seeded.photo_key)
    entries = queue.effects(photo, "false_positive", "rita").allowlist
    assert [e.signal_type for e in entries] == ["sha256", "pdq"]
    assert entries[0].signal == photo.data["sha256"] and entries[1].signal == photo.data["pdq"]["hash"]
    assert queue.effects(photo, "confirmed", "rita") == DecisionEffects()
    lead = queue.item("graph:ring_b")
    assert queue.effects(lead, "false_positive", "rita").graph_label == ("ring_b", "cleared")


def test_text_score_records_where_risky_authors_were_seen(cli: Cli, tmp_path: Path) -> None:
    chat = tmp_path / "chat.jsonl"
    chat.write_text("".join(json.dumps({"conversation_id": "c-9", "author": a, "text": t}) + "\n"
                            for a, t in CONVERSATION), encoding="utf-8")
    cli.run("text", "score", str(chat))
    store = open_store(f"sqlite:///{cli.home / 'childsafe.sqlite3'}")
    try:
        refs = ReviewStore(ServiceStore(store)).conversations("sam_k")
        assert [(r.path, r.conversation_id) for r in refs] == [(str(chat.resolve()), "c-9")]
        assert ReviewStore(ServiceStore(store)).conversations("jo_14") == []  # low risk: not linked
    finally:
        store.close()
