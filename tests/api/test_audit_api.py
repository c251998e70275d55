"""The keyed audit log through the service: MACed entries, automatic checkpoints, tampering named over the API."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import update

from childsafe.store import open_store
from childsafe.store.audit_chain import EDITED, TRUNCATED
from childsafe.store.audit_checkpoints import CheckpointFile
from childsafe.store.audit_keys import FileKeySigner
from childsafe.store.schema import audit_head, audit_log
from childsafe.store.service import ServiceStore
from tests.api.conftest import Service


def test_the_service_macs_its_entries_and_verify_names_tampering(svc: Service) -> None:
    svc.admin.post("/api/v1/users", json={"name": "ann", "role": "reviewer"})
    entries = svc.admin.get("/api/v1/audit", params={"limit": 1000}).json()["entries"]
    key_id = FileKeySigner(svc.settings.audit_key_path).key_id
    assert entries and all(e["key_id"] == key_id and len(e["mac"]) == 64 for e in entries)
    verified = svc.admin.get("/api/v1/audit/verify").json()
    assert (verified["ok"], verified["macs_checked"], verified["tampering"]) == (True, True, None)
    with svc.store.engine.begin() as conn:
        conn.execute(update(audit_log).where(audit_log.c.id == 2).values(actor="mallory"))
    broken = svc.admin.get("/api/v1/audit/verify").json()
    assert (broken["ok"], broken["first_bad"], broken["tampering"]) == (False, 2, EDITED)


def test_the_server_writes_checkpoints_every_n_entries_and_verify_uses_them(make_service: Any) -> None:
    svc: Service = make_service(audit_checkpoint_every=2)
    for i in range(5):
        assert svc.admin.post("/api/v1/users", json={"name": f"u{i}", "role": "reviewer"}).status_code == 201
    signer = FileKeySigner(svc.settings.audit_key_path)
    written = CheckpointFile(svc.settings.audit_checkpoint_path).read(signer)
    assert written and all(cp.last_id % 2 == 0 for cp in written)
    last = written[-1].last_id
    assert svc.admin.get("/api/v1/audit/verify").json()["checkpoint"]["entries"] == last
    with svc.store.engine.begin() as conn:  # cut the tail back to before the checkpoint, head made to agree
        conn.execute(audit_log.delete().where(audit_log.c.id >= last))
        conn.execute(update(audit_head).values(last_id=last - 1, entries=last - 1,
                                               hash=conn.execute(audit_log.select().where(
                                                   audit_log.c.id == last - 1)).one().hash,
                                               mac=conn.execute(audit_log.select().where(
                                                   audit_log.c.id == last - 1)).one().mac))
    report = svc.admin.get("/api/v1/audit/verify").json()
    assert (report["ok"], report["tampering"], report["first_bad"]) == (False, TRUNCATED, last)


def test_concurrent_services_append_well_formed_checkpoints(svc: Service) -> None:
    signer = FileKeySigner(svc.settings.audit_key_path)
    target = CheckpointFile(svc.settings.audit_checkpoint_path)
    stores = [open_store(svc.settings.db_url) for _ in range(3)]  # separate engines: like server workers
    services = [ServiceStore(s, signer, checkpoints=target, checkpoint_every=3) for s in stores]
    errors: list[BaseException] = []

    def work(k: int) -> None:
        try:
            for i in range(12):
                services[k].append_audit(None, f"w{k}", "test.concurrent", str(i))
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert not errors
        written = target.read(signer)  # every line genuine: no torn or interleaved line
        ids = [cp.last_id for cp in written]
        assert ids and ids == sorted(ids)
        report = services[0].verify_audit()
        assert report.ok and report.checkpoint is not None, report
    finally:
        for s in stores:
            s.close()
