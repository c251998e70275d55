"""``?case=NAME`` on the review and graph routes: each case's queue and records, an unknown case a 404."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from childsafe.services import Services
from childsafe.store.base import NewEntry
from childsafe.store.graph import GraphStore
from tests.api.conftest import Service
from tests.case.casekit import BANK_PDQ, BANK_SHA, scan_one
from tests.graph.graphkit import flip_bits


def test_the_queue_decisions_and_graph_routes_filter_by_case(svc: Service) -> None:
    house = Services(svc.settings, svc.store)
    svc.store.create_bank("known")
    svc.store.add_entries("known", [NewEntry("sha256", BANK_SHA, "listed"), NewEntry("pdq", BANK_PDQ, "listed")])
    house.cases().create("alpha", "test")
    house.cases().create("beta", "test")
    alpha = house.cases().open("alpha")
    scan_one(alpha, "/evidence/near.jpg", sha256="ab" * 32, pdq=flip_bits(BANK_PDQ, [3, 29, 57]))
    GraphStore(alpha.store).save_author_risk("sam_k", 0.97, True, ["secrecy", "age"])

    def keys(case: str | None) -> list[str]:
        params = {} if case is None else {"case": case}
        response = svc.reviewer.get("/api/v1/review/queue", params=params)
        assert response.status_code == 200, response.text
        return sorted(i["key"] for i in response.json()["items"])

    assert keys("alpha") == ["media:/evidence/near.jpg", "text:sam_k"]
    assert keys("beta") == [] and keys(None) == [] and keys("default") == []
    missing = svc.reviewer.get("/api/v1/review/queue", params={"case": "nope"})
    assert missing.status_code == 404 and missing.json()["error"] == "CaseNotFoundError"
    assert svc.reviewer.get("/api/v1/graph/rank", params={"case": "nope"}).status_code in (403, 404)

    item = next(i for i in svc.reviewer.get("/api/v1/review/queue", params={"case": "alpha"}).json()["items"]
                if i["source"] == "media")
    preview = svc.reviewer.get("/api/v1/review/allowlist/preview", params={"key": item["key"], "case": "alpha"})
    assert preview.status_code == 200 and preview.json()["suppresses_other_items"] == 0
    # the item is not in the default case: deciding it there is a 404, in its case a 201
    body = {"key": item["key"], "decision": "false_positive", "reason": "a beach", "fingerprint": item["fingerprint"],
            "allowlist_preview": 0}
    assert svc.reviewer.post("/api/v1/review/decisions", json=body).status_code == 404
    made = svc.reviewer.post("/api/v1/review/decisions", json=body, params={"case": "alpha"})
    assert made.status_code == 201, made.text
    assert keys("alpha") == ["text:sam_k"]
    assert alpha.service_store().audit_entries(0, 10)[-1].action == "review.decide"
    # the allowlist entry is in the main store's bank, listed for the case and not for another
    grants = svc.reviewer.get("/api/v1/review/allowlist", params={"case": "alpha"}).json()["entries"]
    assert [(g["item"], g["case"], g["key"]) for g in grants] == [
        ("case/alpha/media:/evidence/near.jpg", "alpha", "media:/evidence/near.jpg")]
    assert svc.reviewer.get("/api/v1/review/allowlist", params={"case": "beta"}).json()["entries"] == []
    assert svc.store.get_bank("reviewer-allowlist").entry_count == 2
    svc.app.state.childsafe.cases.close()
    alpha.close()


def test_graph_routes_read_the_case_network(svc: Service, tmp_path: Path) -> None:
    house = Services(svc.settings, svc.store)
    house.cases().create("alpha", "test")
    alpha = house.cases().open("alpha")
    events = tmp_path / "messages.csv"
    events.write_text("sender,recipient,timestamp\nsam_k,kid,2024-01-01T00:00:00\nsam_k,kid2,2024-01-02T00:00:00\n")
    GraphStore(alpha.store).ingest_file(events, "auto")
    GraphStore(alpha.store).save_author_risk("sam_k", 0.97, True, ["secrecy", "age"])
    root = svc.admin
    in_case = root.get("/api/v1/graph/rank", params={"case": "alpha"})
    assert in_case.status_code == 200, in_case.text
    assert "sam_k" in [lead["account"] for lead in in_case.json()["leads"]]
    assert root.get("/api/v1/graph/rank").json()["leads"] == []
    assert root.get("/api/v1/graph/at-risk", params={"case": "nope"}).status_code == 404
    assert root.get("/api/v1/graph/link", params={"case": "alpha"}).status_code == 200
    svc.app.state.childsafe.cases.close()
    alpha.close()


def test_a_scan_job_for_a_case_stores_into_the_case(make_service: Any, tmp_path: Path) -> None:
    from tests.api.test_native import SAMPLES, _wait

    evidence = tmp_path / "evidence"
    evidence.mkdir()
    shutil.copy(SAMPLES / "forest.jpg", evidence / "forest.jpg")
    svc = make_service(workers=1, scan_roots=str(tmp_path))
    house = Services(svc.settings, svc.store)
    house.cases().create("alpha", "test")
    assert svc.reviewer.post("/api/v1/scans", json={"path": str(evidence), "case": "nope"}).status_code == 404
    r = svc.reviewer.post("/api/v1/scans", json={"path": str(evidence), "case": "alpha"})
    assert r.status_code == 202, r.text
    job = _wait(svc, r.json()["id"])
    assert job["state"] == "done" and job["params"]["case"] == "alpha", job
    alpha = house.cases().open("alpha")
    key = str((evidence / "forest.jpg").resolve())
    assert list(alpha.store.load_scan_records([key])) == [key]
    assert svc.store.load_scan_records([key]) == {}
    alpha.close()


def test_a_nul_in_a_url_is_a_400_not_a_driver_error(svc: Service) -> None:
    # Found by the route fuzz on PostgreSQL once ?case= changed its draws: text there cannot hold a NUL.
    for url, params in (("/api/v1/review/queue", {"case": "a\x00b"}), ("/api/v1/banks/%00", {}),
                        ("/api/v1/users/%00", {})):
        r = svc.admin.get(url, params=params)
        assert r.status_code == 400, (url, r.status_code, r.text)
