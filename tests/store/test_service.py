"""Accounts, tokens, jobs and the hash-chained audit log in the store.

SQLite always; PostgreSQL too when there is one to test against (see :mod:`tests.postgres`).
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import delete, select, text, update
from tests.postgres import postgres_url, reset_postgres

from childsafe.errors import AlreadyExistsError, AuditIntegrityError, ConfigError, NotFoundError
from childsafe.store import SqlStore, open_store
from childsafe.store.schema import audit_head, audit_log, jobs
from childsafe.store.service import GENESIS, ServiceStore, entry_hash, token_digest
from childsafe.store.sql import SCHEMA_VERSION

PG_URL = postgres_url()


@pytest.fixture(params=["sqlite"] + (["postgresql"] if PG_URL else []))
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db.sqlite3'}"
    reset_postgres(PG_URL)  # a fresh, empty schema for every test
    return PG_URL


@pytest.fixture
def store(url: str) -> SqlStore:
    s = open_store(url)
    yield s
    s.close()


@pytest.fixture
def service(store: SqlStore) -> ServiceStore:
    return ServiceStore(store)


def _fill(service: ServiceStore, n: int = 6) -> None:
    for i in range(n):
        service.append_audit(None, "tester", "test.event", f"t{i}", {"i": i, "note": "é ✓"})


def test_service_tables_arrive_with_schema_v4(store: SqlStore) -> None:
    with store.engine.connect() as conn:
        assert int(conn.execute(text("SELECT value FROM schema_info WHERE key='version'")).scalar_one()) >= 4
        for table in ("users", "api_tokens", "audit_log", "audit_head", "jobs"):
            assert conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one() >= 0
    assert SCHEMA_VERSION >= 4


def test_an_intact_log_verifies_and_entries_chain(service: ServiceStore) -> None:
    assert service.verify_audit().ok and service.verify_audit().entries == 0
    _fill(service)
    report = service.verify_audit()
    assert (report.ok, report.entries, report.first_bad) == (True, 6, None)
    entries = service.audit_entries()
    assert [e.id for e in entries] == [1, 2, 3, 4, 5, 6]
    assert entries[0].prev_hash == GENESIS
    for before, after in zip(entries, entries[1:], strict=False):
        assert after.prev_hash == before.hash
    e = entries[2]
    assert e.hash == entry_hash(e.id, e.at, e.actor, e.action, e.target, e.details, e.prev_hash)
    assert report.head == entries[-1].hash


def _tamper(service: ServiceStore, sql: str) -> None:
    with service.engine.begin() as conn:
        for statement in sql.split(";"):
            conn.exec_driver_sql(statement)


@pytest.mark.parametrize(("sql", "first_bad", "words"), [
    ("UPDATE audit_log SET details = '{\"i\":99,\"note\":\"x\"}' WHERE id = 3", 3, "changed"),
    ("UPDATE audit_log SET actor = 'mallory' WHERE id = 1", 1, "changed"),
    ("UPDATE audit_log SET at = '2020-01-01T00:00:00.000000+00:00' WHERE id = 5", 5, "changed"),
    ("DELETE FROM audit_log WHERE id = 4", 4, "missing"),
    ("DELETE FROM audit_log WHERE id = 1", 1, "missing"),
    # Reorder: entries 2 and 3 swap places (ids exchanged).
    ("UPDATE audit_log SET id = -2 WHERE id = 2; UPDATE audit_log SET id = 2 WHERE id = 3;"
     " UPDATE audit_log SET id = 3 WHERE id = -2", 2, "follow"),
    # Truncation: the last entry (or the last two) removed, the rest of the chain intact.
    ("DELETE FROM audit_log WHERE id = 6", 6, "missing"),
    ("DELETE FROM audit_log WHERE id >= 5", 5, "missing"),
    ("DELETE FROM audit_head", 6, "head"),
    ("UPDATE audit_head SET hash = 'ab' || substr(hash, 3)", 6, "head"),
])
def test_verify_names_the_first_bad_entry(service: ServiceStore, sql: str, first_bad: int, words: str) -> None:
    _fill(service)
    _tamper(service, sql)
    report = service.verify_audit()
    assert not report.ok
    assert report.first_bad == first_bad, report
    assert words in (report.problem or "")


def test_an_edit_with_a_recomputed_hash_still_breaks_the_next_link(service: ServiceStore) -> None:
    _fill(service)
    e = service.audit_entries()[2]
    forged = entry_hash(e.id, e.at, "mallory", e.action, e.target, e.details, e.prev_hash)
    with service.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == 3).values(actor="mallory", hash=forged))
    report = service.verify_audit()
    assert (report.ok, report.first_bad) == (False, 4)


def test_appends_refuse_to_continue_a_log_whose_head_was_deleted(service: ServiceStore, store: SqlStore) -> None:
    _fill(service, 2)
    with store.engine.begin() as conn:
        conn.execute(delete(audit_head))
    with pytest.raises(AuditIntegrityError):
        service.append_audit(None, "x", "y")
    ServiceStore(store)  # re-opening must not re-create a fresh head under existing entries
    assert not service.verify_audit().ok


def test_concurrent_appends_from_threads_and_engines_never_fork_the_chain(url: str) -> None:
    stores = [open_store(url) for _ in range(3)]  # separate engines: like separate processes
    services = [ServiceStore(s) for s in stores]
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            for i in range(25):
                services[k % 3].append_audit(None, f"thread{k}", "test.concurrent", str(i), {"k": k, "i": i})
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert not errors
        report = services[0].verify_audit()
        assert (report.ok, report.entries) == (True, 200), report
        with stores[0].engine.connect() as conn:
            prevs = conn.execute(select(audit_log.c.prev_hash)).scalars().all()
        assert len(set(prevs)) == 200  # no two entries claim the same predecessor: no fork
    finally:
        for s in stores:
            s.close()


def test_a_failed_action_leaves_no_audit_entry(service: ServiceStore) -> None:
    service.create_user("ann", "reviewer", None, actor="test")
    with pytest.raises(AlreadyExistsError):
        service.create_user("ann", "admin", None, actor="test")
    assert [e.action for e in service.audit_entries()] == ["user.create"]
    assert service.verify_audit().ok


def test_users_and_tokens(service: ServiceStore) -> None:
    with pytest.raises(ConfigError):
        service.create_user("x", "superuser", None, actor="t")
    with pytest.raises(ConfigError):
        service.create_user("a:b", "admin", None, actor="t")
    user = service.create_user("ann", "api-client", None, actor="t")
    assert (user.name, user.role, user.has_password, user.disabled) == ("ann", "api-client", False, False)
    token_id = service.add_token("ann", token_digest("secret-token"), actor="t", label="ci")
    found = service.user_for_token(token_digest("secret-token"))
    assert found is not None and found[0].name == "ann" and found[1] == token_id
    assert service.user_for_token(token_digest("other")) is None
    service.update_user("ann", actor="t", disabled=True)
    assert service.user_for_token(token_digest("secret-token")) is None
    service.update_user("ann", actor="t", disabled=False)
    service.revoke_token(token_id, actor="t")
    assert service.user_for_token(token_digest("secret-token")) is None
    assert service.list_tokens("ann") == [{"id": token_id, "user": "ann", "label": "ci",
                                            "created_at": service.list_tokens("ann")[0]["created_at"],
                                            "revoked": True}]
    with pytest.raises(NotFoundError):
        service.add_token("nobody", token_digest("x"), actor="t")
    actions = [e.action for e in service.audit_entries()]
    assert actions == ["user.create", "token.create", "user.update", "user.update", "token.revoke"]
    assert "secret-token" not in str([e.to_record() for e in service.audit_entries()])


def test_jobs_of_a_dead_process_are_marked_interrupted(service: ServiceStore) -> None:
    job = service.create_job("scan", {"path": "/x"}, actor="t")
    import socket

    service.update_job(job.id, state="running", owner=f"{socket.gethostname()}:999999999")
    other = service.create_job("scan", {"path": "/y"}, actor="t")
    service.update_job(other.id, state="running", owner="elsewhere:1")
    assert service.mark_orphaned_jobs() == 1
    assert service.get_job(job.id).state == "interrupted"
    assert service.get_job(other.id).state == "running"  # another host's: not ours to judge
    with service.engine.connect() as conn:
        assert conn.execute(select(jobs.c.state).where(jobs.c.id == job.id)).scalar() == "interrupted"
