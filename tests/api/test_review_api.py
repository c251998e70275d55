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
