"""The keyed audit log (issue 10): MACs with a key outside the database, signed checkpoints outside it.

Each test plays someone with write access to the database but neither the key nor the checkpoint
file, and checks that ``verify_audit`` (given the key and the latest checkpoint) catches the
tampering and names its class.  SQLite always; PostgreSQL too when there is one (tests.postgres).
"""

from __future__ import annotations

import json
import logging
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from sqlalchemy import create_engine, delete, insert, select, text, update
from sqlalchemy.engine import Engine
from tests.postgres import postgres_url, reset_postgres

from childsafe.errors import AuditIntegrityError, ConfigError
from childsafe.store import SqlStore, open_store
from childsafe.store.audit_chain import (
    CHECKPOINT_FORGED,
    EDITED,
    GENESIS,
    RECHAINED,
    RENUMBERED,
    TRUNCATED,
    WIPED,
    WRONG_KEY,
    canonical_json,
    entry_hash,
)
from childsafe.store.audit_checkpoints import CheckpointFile
from childsafe.store.audit_keys import FileKeySigner
from childsafe.store.migrate import _config
from childsafe.store.schema import audit_head, audit_log
from childsafe.store.service import ServiceStore

PG_URL = postgres_url()
ENTRIES = 8


@pytest.fixture(params=["sqlite"] + (["postgresql"] if PG_URL else []))
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db.sqlite3'}"
    reset_postgres(PG_URL)
    return PG_URL


@pytest.fixture
def store(url: str) -> SqlStore:
    s = open_store(url)
    yield s
    s.close()


@pytest.fixture
def signer(tmp_path: Path) -> FileKeySigner:
    return FileKeySigner(tmp_path / "keys" / "audit.key")


@pytest.fixture
def checkpoints(tmp_path: Path) -> CheckpointFile:
    return CheckpointFile(tmp_path / "anchor" / "checkpoints.jsonl")


@pytest.fixture
def service(store: SqlStore, signer: FileKeySigner, checkpoints: CheckpointFile) -> ServiceStore:
    return ServiceStore(store, signer, checkpoints=checkpoints)


def _fill(service: ServiceStore, n: int = ENTRIES, start: int = 0) -> None:
    for i in range(start, start + n):
        service.append_audit(None, "tester", "test.event", f"t{i}", {"i": i, "note": "é ✓"})


@pytest.fixture
def anchored(service: ServiceStore) -> ServiceStore:
    """Eight MACed entries and a checkpoint of them."""
    _fill(service)
    assert service.checkpoint() is not None
    report = service.verify_audit()
    assert (report.ok, report.entries, report.macs_checked, report.legacy_entries) == (True, ENTRIES, True, 0)
    assert report.checkpoint is not None and report.checkpoint.entries == ENTRIES
    return service


# -- what an attacker with database access (and no key) can do -------------------------------------
def _rows(engine: Engine) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(select(audit_log).order_by(audit_log.c.id)).all())


def _rechain(engine: Engine, *, strip_macs: bool = False) -> None:
    """Recompute every hash and the head from the entries as they now are: all that works without the key."""
    prev = GENESIS
    with engine.begin() as conn:
        rows = conn.execute(select(audit_log).order_by(audit_log.c.id)).all()
        for r in rows:
            digest = entry_hash(int(r.id), r.at, r.actor, r.action, r.target, json.loads(r.details), prev)
            values: dict[str, Any] = {"prev_hash": prev, "hash": digest}
            if strip_macs:
                values.update(key_id=None, mac=None)
            conn.execute(update(audit_log).where(audit_log.c.id == r.id).values(**values))
            prev = digest
        last_mac = None if strip_macs or not rows else rows[-1].mac
        conn.execute(update(audit_head).values(last_id=len(rows), entries=len(rows), hash=prev, mac=last_mac))


def _delete_and_renumber(engine: Engine, victim: int) -> None:
    with engine.begin() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.id == victim))
        later = conn.execute(select(audit_log.c.id).where(audit_log.c.id > victim).order_by(audit_log.c.id))
        for (entry_id,) in later.all():
            conn.execute(update(audit_log).where(audit_log.c.id == entry_id).values(id=entry_id - 1))


def _truncate(engine: Engine, keep: int) -> None:
    with engine.begin() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.id > keep))
        last = conn.execute(select(audit_log).where(audit_log.c.id == keep)).one()
        conn.execute(update(audit_head).values(last_id=keep, entries=keep, hash=last.hash, mac=last.mac))


def _wipe(engine: Engine, *, drop_head: bool = False) -> None:
    with engine.begin() as conn:
        conn.execute(delete(audit_log))
        if drop_head:
            conn.execute(delete(audit_head))
        else:
            conn.execute(update(audit_head).values(last_id=0, entries=0, hash=GENESIS, mac=None))


def _caught(service: ServiceStore, tampering: str, first_bad: int | None) -> None:
    report = service.verify_audit()
    assert not report.ok, report
    assert (report.tampering, report.first_bad) == (tampering, first_bad), report
    assert report.problem


# -- the tampering classes --------------------------------------------------------------------------
def test_an_edited_entry_is_caught(anchored: ServiceStore) -> None:
    with anchored.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == 3).values(actor="mallory"))
    _caught(anchored, EDITED, 3)


def test_a_rewritten_and_re_chained_log_is_caught_though_every_hash_checks(anchored: ServiceStore,
                                                                          store: SqlStore) -> None:
    with anchored.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == 3)
                     .values(details=canonical_json({"i": 99, "note": "nothing to see"})))
    _rechain(anchored.engine)
    assert ServiceStore(store).verify_audit().ok  # the hash chain alone (before issue 10) is fooled
    _caught(anchored, RECHAINED, 3)


def test_a_log_re_chained_without_its_macs_is_caught(anchored: ServiceStore, store: SqlStore) -> None:
    # Pretending every entry predates the key: the hash chain is whole, no MAC to fail; the checkpoint's
    # anchor (entry 8 and its MAC) is what no longer holds.
    with anchored.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == 2).values(target="someone else"))
    _rechain(anchored.engine, strip_macs=True)
    assert ServiceStore(store).verify_audit().ok
    _caught(anchored, RECHAINED, ENTRIES)


def test_stripping_the_macs_of_a_tail_is_a_downgrade(anchored: ServiceStore) -> None:
    with anchored.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id >= 6).values(key_id=None, mac=None))
        conn.execute(update(audit_head).values(mac=None))
    _caught(anchored, RECHAINED, 6)


@pytest.mark.parametrize("rechain", [False, True])
def test_a_deletion_hidden_by_renumbering_is_caught(anchored: ServiceStore, rechain: bool) -> None:
    _delete_and_renumber(anchored.engine, 4)
    if rechain:
        _rechain(anchored.engine)
    else:
        with anchored.engine.begin() as conn:  # the head at least made to agree
            last = conn.execute(select(audit_log).order_by(audit_log.c.id.desc()).limit(1)).one()
            conn.execute(update(audit_head).values(last_id=last.id, entries=last.id, hash=last.hash, mac=last.mac))
    _caught(anchored, RENUMBERED, 4)


def test_a_deletion_left_as_a_gap_is_caught(anchored: ServiceStore) -> None:
    with anchored.engine.begin() as conn:
        conn.execute(delete(audit_log).where(audit_log.c.id == 5))
    _caught(anchored, RENUMBERED, 5)


def test_a_truncated_tail_is_caught_by_the_checkpoint(anchored: ServiceStore, store: SqlStore) -> None:
    _truncate(anchored.engine, 5)
    assert ServiceStore(store).verify_audit().ok  # the head was made to agree: nothing inside the database disagrees
    _caught(anchored, TRUNCATED, 6)


@pytest.mark.parametrize("drop_head", [False, True])
def test_a_wiped_log_is_caught(anchored: ServiceStore, store: SqlStore, signer: FileKeySigner,
                               checkpoints: CheckpointFile, drop_head: bool) -> None:
    _wipe(anchored.engine, drop_head=drop_head)
    reopened = ServiceStore(store, signer, checkpoints=checkpoints)  # re-creates an empty head
    assert ServiceStore(store).verify_audit().ok
    _caught(reopened, WIPED, 1)


def test_a_wiped_and_refilled_log_is_caught(anchored: ServiceStore, store: SqlStore) -> None:
    _wipe(anchored.engine)
    _fill(ServiceStore(store), ENTRIES + 2)  # new entries, without a key (the attacker has none)
    assert ServiceStore(store).verify_audit().ok
    _caught(anchored, RECHAINED, ENTRIES)


def test_a_forged_checkpoint_is_caught(anchored: ServiceStore, checkpoints: CheckpointFile) -> None:
    # The attacker truncates the log and writes a checkpoint that agrees with it, but cannot MAC it.
    _truncate(anchored.engine, 5)
    last = json.loads(checkpoints.path.read_text(encoding="utf-8").splitlines()[-1])
    rows = _rows(anchored.engine)
    forged = {**last, "entries": 5, "last_id": 5, "last_hash": rows[-1].hash, "last_mac": rows[-1].mac}
    with checkpoints.path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(forged) + "\n")
    _caught(anchored, CHECKPOINT_FORGED, None)
    # Replacing the whole file with one line signed by another key fails as well.
    other = FileKeySigner(checkpoints.path.parent / "other.key")
    checkpoints.path.unlink()
    assert CheckpointFile(checkpoints.path).append(other, 5, 5, rows[-1].hash, rows[-1].mac) is not None
    report = anchored.verify_audit()
    assert (report.ok, report.tampering) == (False, CHECKPOINT_FORGED)
    assert other.key_id in (report.problem or "")


def test_entries_macs_with_another_key_are_named(anchored: ServiceStore, store: SqlStore, tmp_path: Path) -> None:
    wrong = ServiceStore(store, FileKeySigner(tmp_path / "another.key"), checkpoints=None)
    _caught(wrong, WRONG_KEY, 1)


def test_an_untouched_log_verifies_against_its_checkpoint_and_keeps_growing(anchored: ServiceStore) -> None:
    _fill(anchored, 3, start=ENTRIES)
    report = anchored.verify_audit()
    assert (report.ok, report.entries) == (True, ENTRIES + 3)
    assert report.checkpoint is not None and report.checkpoint.entries == ENTRIES
    assert report.to_record()["tampering"] is None and report.to_record()["macs_checked"] is True


def test_checkpointing_a_broken_log_is_refused(anchored: ServiceStore, checkpoints: CheckpointFile) -> None:
    lines = checkpoints.path.read_text(encoding="utf-8")
    _truncate(anchored.engine, 5)
    with pytest.raises(AuditIntegrityError, match="truncated"):
        anchored.checkpoint()
    assert checkpoints.path.read_text(encoding="utf-8") == lines


# -- automatic checkpoints ---------------------------------------------------------------------------
def test_a_checkpoint_is_written_every_n_entries_after_commit(store: SqlStore, signer: FileKeySigner,
                                                              checkpoints: CheckpointFile) -> None:
    service = ServiceStore(store, signer, checkpoints=checkpoints, checkpoint_every=3)
    _fill(service, 7)
    assert [cp.last_id for cp in checkpoints.read(signer)] == [3, 6]
    with pytest.raises(RuntimeError), service.transaction() as conn:  # rolled back: entries 8 and 9 never were
        service.append_audit(conn, "t", "x")
        service.append_audit(conn, "t", "y")
        raise RuntimeError("the action failed")
    assert [cp.last_id for cp in checkpoints.read(signer)] == [3, 6]
    _fill(service, 2, start=7)
    assert [cp.last_id for cp in checkpoints.read(signer)] == [3, 6, 9]
    _truncate(service.engine, 8)
    _caught(service, TRUNCATED, 9)


def test_an_entry_forged_under_a_running_service_stays_caught_after_later_checkpoints(
        store: SqlStore, signer: FileKeySigner, checkpoints: CheckpointFile) -> None:
    service = ServiceStore(store, signer, checkpoints=checkpoints, checkpoint_every=4)
    _fill(service, 2)
    with service.engine.begin() as conn:  # entry 3 slipped in, with a made-up MAC, the head made to agree
        last = conn.execute(select(audit_log).where(audit_log.c.id == 2)).one()
        at = "2026-01-01T00:00:00.000000+00:00"
        digest = entry_hash(3, at, "mallory", "user.create", "mallory", {}, last.hash)
        conn.execute(insert(audit_log).values(id=3, at=at, actor="mallory", action="user.create", target="mallory",
                                              details="{}", prev_hash=last.hash, hash=digest,
                                              key_id=signer.key_id, mac="ab" * 32))
        conn.execute(update(audit_head).values(last_id=3, entries=3, hash=digest, mac="ab" * 32))
    _fill(service, 2, start=3)  # the service carries on on top of it; entry 4 is checkpointed
    assert [cp.last_id for cp in checkpoints.read(signer)] == [4]
    _caught(service, RECHAINED, 3)


# -- legacy entries and the upgrade path ------------------------------------------------------------
def test_legacy_entries_verify_and_are_sealed_by_the_first_mac(store: SqlStore, service: ServiceStore) -> None:
    _fill(ServiceStore(store), 3)  # written before the store had a key
    _fill(service, 3, start=3)
    report = service.verify_audit()
    assert (report.ok, report.entries, report.legacy_entries) == (True, 6, 3)
    assert [e.key_id is None for e in service.audit_entries()] == [True] * 3 + [False] * 3
    with service.engine.begin() as conn:  # rewrite a legacy entry and recompute the chain
        conn.execute(update(audit_log).where(audit_log.c.id == 2).values(target="elsewhere"))
    _rechain(service.engine)
    _caught(service, RECHAINED, 4)  # entry 4's MAC binds the legacy chain's last hash


def test_the_first_checkpoint_covers_a_log_of_legacy_entries_only(store: SqlStore, service: ServiceStore) -> None:
    _fill(ServiceStore(store), 4)
    checkpoint = service.checkpoint()
    assert checkpoint is not None and (checkpoint.entries, checkpoint.last_mac) == (4, None)
    with service.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == 1).values(actor="mallory"))
    _rechain(service.engine)
    _caught(service, RECHAINED, 4)


def test_a_keyless_service_may_not_append_to_a_maced_log(store: SqlStore, service: ServiceStore) -> None:
    _fill(service, 1)
    with pytest.raises(ConfigError, match="key"):
        ServiceStore(store).append_audit(None, "t", "x")
    assert service.verify_audit().ok


def test_a_store_with_audit_entries_from_revision_0005_upgrades_and_verifies(url: str, tmp_path: Path) -> None:
    engine = create_engine(url)
    config = _config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0005")
        prev = GENESIS
        for i in range(1, 4):  # what the 0005 code wrote: the hash chain and the head, no MAC columns
            at = f"2026-01-0{i}T00:00:00.000000+00:00"
            digest = entry_hash(i, at, "old", "user.create", f"u{i}", {"role": "admin"}, prev)
            conn.execute(text("INSERT INTO audit_log (id, at, actor, action, target, details, prev_hash, hash) "
                              "VALUES (:i, :at, 'old', 'user.create', :t, :d, :p, :h)"),
                         {"i": i, "at": at, "t": f"u{i}", "d": canonical_json({"role": "admin"}), "p": prev,
                          "h": digest})
            prev = digest
        conn.execute(text("INSERT INTO audit_head (id, last_id, entries, hash) VALUES (1, 3, 3, :h)"), {"h": prev})
    engine.dispose()
    store = open_store(url)  # upgrades to 0006
    try:
        service = ServiceStore(store, FileKeySigner(tmp_path / "k"), checkpoints=CheckpointFile(tmp_path / "cp"))
        assert service.verify_audit().ok
        service.append_audit(None, "new", "user.create", "u4", {})
        report = service.verify_audit()
        assert (report.ok, report.entries, report.legacy_entries) == (True, 4, 3)
        assert service.checkpoint() is not None and service.verify_audit().ok
    finally:
        store.close()


# -- the key file ------------------------------------------------------------------------------------
def test_the_key_file_is_created_private_and_a_shared_one_is_refused(tmp_path: Path,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "new" / "audit.key"
    with caplog.at_level(logging.WARNING, logger="childsafe.audit"):
        signer = FileKeySigner(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert str(path) in caplog.text and "back it up" in caplog.text
    assert FileKeySigner(path).key_id == signer.key_id  # read back, not re-created
    for mode in (0o640, 0o604, 0o660, 0o644):
        os.chmod(path, mode)
        with pytest.raises(ConfigError, match="chmod 600"):
            FileKeySigner(path)
    os.chmod(path, 0o400)
    assert FileKeySigner(path).key_id == signer.key_id
    with pytest.raises(ConfigError, match="does not exist"):
        FileKeySigner(tmp_path / "missing.key", create=False)


def test_a_malformed_key_file_is_refused_without_echoing_it(tmp_path: Path) -> None:
    path = tmp_path / "audit.key"
    path.write_text("not-a-key-secretish\n", encoding="ascii")
    os.chmod(path, 0o600)
    with pytest.raises(ConfigError) as caught:
        FileKeySigner(path)
    assert "secretish" not in str(caught.value)
    path.write_text("ab" * 8 + "\n", encoding="ascii")
    with pytest.raises(ConfigError, match="shorter"):
        FileKeySigner(path)


def test_no_key_material_is_logged_shown_or_stored(anchored: ServiceStore, signer: FileKeySigner,
                                                   checkpoints: CheckpointFile, store: SqlStore,
                                                   caplog: pytest.LogCaptureFixture) -> None:
    key = signer.path.read_text(encoding="ascii").strip()
    with caplog.at_level(logging.DEBUG):
        _fill(anchored, 2, start=ENTRIES)
        anchored.checkpoint()
        _truncate(anchored.engine, 5)
        report = anchored.verify_audit()
        with pytest.raises(AuditIntegrityError) as refused:
            anchored.checkpoint()
        # An automatic checkpoint that cannot be written is logged (the action itself committed).
        unwritable = CheckpointFile(checkpoints.path.parent)  # a folder, not a file
        ServiceStore(store, signer, checkpoints=unwritable, checkpoint_every=1).append_audit(None, "t", "x")
    assert "checkpoint not written" in caplog.text
    shown = [caplog.text, repr(signer), str(signer), repr(report), str(refused.value),
             checkpoints.path.read_text(encoding="utf-8"), repr(_rows(anchored.engine)), repr(anchored.__dict__)]
    for text_ in shown:
        assert key not in text_ and key[:16] not in text_


def test_a_mac_replaced_by_any_text_is_reported_not_raised(anchored: ServiceStore) -> None:
    with anchored.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == 2).values(mac="é" * 64))
    _caught(anchored, RECHAINED, 2)


@pytest.mark.parametrize("details", ["not json", '{"i": NaN}'])
def test_details_that_are_not_json_are_reported_not_raised(anchored: ServiceStore, details: str) -> None:
    with anchored.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == 4).values(details=details))
    _caught(anchored, EDITED, 4)


def test_a_lost_key_file_is_not_silently_replaced_once_the_log_has_macs(store: SqlStore, tmp_path: Path) -> None:
    from childsafe.config import load_settings

    settings = load_settings({"home": tmp_path / "home"}, {})
    service = ServiceStore.for_settings(store, settings)  # first use: the key is created
    assert settings.audit_key_path.is_file() and service.verify_audit().ok
    _fill(service, 2)
    settings.audit_key_path.unlink()
    with pytest.raises(ConfigError, match="restore it"):
        ServiceStore.for_settings(store, settings)
    assert not settings.audit_key_path.exists()


def test_racing_first_uses_share_one_key(tmp_path: Path) -> None:
    import threading

    path = tmp_path / "race" / "audit.key"
    ids: list[str] = []
    threads = [threading.Thread(target=lambda: ids.append(FileKeySigner(path).key_id)) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(ids) == 6 and len(set(ids)) == 1
    assert [p.name for p in path.parent.iterdir()] == ["audit.key"]  # no temporary file left
