"""The review queue and decisions over the API: same queue and checks as the UI, every decision audited."""

from __future__ import annotations

from childsafe.store.graph import GraphStore
from tests.api.conftest import Service


def test_reviewers_read_the_queue_and_decide_through_the_api(svc: Service) -> None:
    GraphStore(svc.store).save_author_risk("sam_k", 0.97, True, ["secrecy", "age"])
    assert svc.api.get("/api/v1/review/queue").status_code == 403  # api-clients do not review
    queue = svc.reviewer.get("/api/v1/review/queue", params={"source": "text"})
    assert queue.status_code == 200
    items = queue.json()["items"]
    assert [i["subject"] for i in items] == ["sam_k"]
    item = items[0]
    stale = svc.reviewer.post("/api/v1/review/decisions", json={
        "key": item["key"], "decision": "confirmed", "reason": "grooming stages", "fingerprint": "old"})
    assert stale.status_code == 400
    bad = svc.reviewer.post("/api/v1/review/decisions", json={
        "key": item["key"], "decision": "maybe", "reason": "x", "fingerprint": item["fingerprint"]})
    assert bad.status_code == 400
    made = svc.reviewer.post("/api/v1/review/decisions", json={
        "key": item["key"], "decision": "confirmed", "reason": "grooming stages", "fingerprint": item["fingerprint"]})
    assert made.status_code == 201, made.text
    decision = made.json()
    assert decision["decision"] == "confirmed" and decision["actor"] == "rita"
    entries = svc.service.audit_entries()
    audited = [e for e in entries if e.id == decision["audit_id"]]
    assert audited and audited[0].actor == "rita" and audited[0].target == item["key"]
    assert svc.service.verify_audit().ok
    assert svc.reviewer.get("/api/v1/review/queue", params={"source": "text"}).json()["items"] == []


def test_the_allowlist_preview_admin_gate_and_removal_over_the_api(svc: Service) -> None:
    from childsafe.matching import Matcher
    from childsafe.media.hashing import FileHashes
    from childsafe.store.base import NewEntry, ScanRecord
    from tests.graph.graphkit import flip_bits, pdq_of, sha_of

    listed = pdq_of(3)
    svc.store.create_bank("known")
    svc.store.add_entries("known", [NewEntry("pdq", listed, label="item-1")])
    files = {"/e/reviewed.jpg": (sha_of("reviewed"), flip_bits(listed, [1, 2, 3, 4])),  # 4 bits away
             "/e/closer.jpg": (sha_of("closer"), flip_bits(listed, [1, 2])),  # 2 bits: stays a match
             "/e/farther.jpg": (sha_of("farther"), flip_bits(listed, [1, 2, 3, 4, 5, 6]))}  # 6 bits: suppressed
    matcher = Matcher(svc.store)
    records = []
    for path, (sha, pdq) in files.items():
        rec = {"path": path, "content_type": "photo", "size": 1, "md5": None, "sha1": None, "sha256": sha,
               "pdq": {"hash": pdq, "quality": 100}, "error": None}
        rec.update(matcher.match_file(FileHashes.from_record(rec)).to_record())
        records.append(ScanRecord(path, 1, 1, rec))
    svc.store.save_scan_records(svc.store.start_scan("/e"), records)
    key = "media:/e/reviewed.jpg"
    item = next(i for i in svc.reviewer.get("/api/v1/review/queue").json()["items"] if i["key"] == key)

    preview = svc.reviewer.get("/api/v1/review/allowlist/preview", params={"key": key})
    assert preview.status_code == 200, preview.text
    body = preview.json()
    assert body["suppresses_other_items"] == 1 and body["needs_admin"] is True
    assert body["examples"] == ["media:/e/farther.jpg"]
    assert body["scopes"] == [{"bank": "known", "signal_type": "pdq", "signal": listed, "distance": 4}]
    decision = {"key": key, "decision": "false_positive", "reason": "another picture",
                "fingerprint": item["fingerprint"]}
    refused = svc.reviewer.post("/api/v1/review/decisions", json=decision)
    assert refused.status_code == 403 and "needs admin approval" in refused.text
    stale = svc.admin.post("/api/v1/review/decisions", json={**decision, "allowlist_preview": 0})
    assert stale.status_code == 400 and "preview changed" in stale.text
    made = svc.admin.post("/api/v1/review/decisions", json={**decision, "allowlist_preview": 1})
    assert made.status_code == 201, made.text

    entries = svc.reviewer.get("/api/v1/review/allowlist").json()["entries"]
    assert [e["item"] for e in entries] == [key] and entries[0]["actor"] == "root"
    undo = {"item": key, "reason": "wrong call"}
    assert svc.reviewer.post("/api/v1/review/allowlist/remove", json=undo).status_code == 403
    removed = svc.admin.post("/api/v1/review/allowlist/remove", json=undo)
    assert removed.status_code == 200, removed.text
    assert any(e.action == "allowlist.remove" and e.id == removed.json()["audit_id"]
               for e in svc.service.audit_entries(limit=1000))
    assert svc.reviewer.get("/api/v1/review/allowlist").json()["entries"] == []
    assert svc.admin.post("/api/v1/review/allowlist/remove", json=undo).status_code == 404
