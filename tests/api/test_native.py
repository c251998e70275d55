"""The native /api/v1 routes: hashing, lookups, banks, conversations, scan jobs."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from childsafe.media.hashing import hash_file
from tests.api.conftest import MD5, PDQ, SAMPLES, Service

MD5_B = "0cc175b9c0f1b6a831c399e269772661"


def test_openapi_documents_the_service(svc: Service) -> None:
    doc = svc.client.get("/openapi.json").json()
    for path in ("/status", "/h/hash", "/m/lookup", "/m/raw_lookup", "/c/banks", "/c/bank/{bank_name}/signal",
                 "/api/v1/hash", "/api/v1/lookup", "/api/v1/banks", "/api/v1/banks/{name}/import",
                 "/api/v1/banks/{name}/export", "/api/v1/text/score", "/api/v1/scans", "/api/v1/scans/{job_id}",
                 "/api/v1/graph/rank", "/api/v1/graph/link", "/api/v1/audit/verify"):
        assert path in doc["paths"], path
    assert doc["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    lookup_params = {p["name"] for p in doc["paths"]["/m/lookup"]["get"]["parameters"]}
    assert {"signal", "signal_type", "banks", "url"} <= lookup_params


def test_hash_an_upload_and_match_it(svc: Service) -> None:
    photo = SAMPLES / "sunset.jpg"
    expected = hash_file(photo)
    r = svc.api.post("/api/v1/hash", files={"file": ("holiday/../sunset.jpg", photo.read_bytes(), "image/jpeg")})
    assert r.status_code == 200, r.text
    record = r.json()
    assert record["path"] == "holiday_.._sunset.jpg"  # a display name, never a path
    assert {k: record[k] for k in ("content_type", "md5", "sha256", "pdq", "error")} == {
        "content_type": "photo", "md5": expected.md5, "sha256": expected.sha256,
        "pdq": {"hash": expected.pdq.hash, "quality": expected.pdq.quality} if expected.pdq else None, "error": None}
    assert "matches" not in record
    svc.admin.post("/api/v1/banks", json={"name": "known"})
    svc.admin.post("/api/v1/banks/known/entries", json={"entries": [{"signal_type": "md5", "signal": expected.md5}]})
    r = svc.api.post("/api/v1/hash", params={"match": "true"},
                     files={"file": ("s.jpg", photo.read_bytes(), "image/jpeg")})
    assert [m["bank"] for m in r.json()["matches"]] == ["known"]


def test_uploads_are_not_kept_on_disk_or_in_the_store(svc: Service, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    spool = tmp_path / "spool"
    spool.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(spool))
    # Over Starlette's 1 MB in-memory limit, so the upload is spooled to a temporary file.
    photo = (SAMPLES / "forest.jpg").read_bytes()
    big = photo + b"\0" * (2 * 1024 * 1024)
    clip = (SAMPLES / "clip.mp4").read_bytes()
    marker = photo[len(photo) // 2: len(photo) // 2 + 64]
    for name, data in (("big.jpg", big), ("clip.mp4", clip)):
        r = svc.api.post("/api/v1/hash", params={"match": "true"},
                         files={"file": (name, data, "application/octet-stream")})
        assert r.status_code == 200 and r.json()["sha256"], r.text
    assert svc.api.post("/h/hash", files={"video": ("clip.mp4", clip, "video/mp4")}).status_code == 200
    # Nothing is left: at most this process's own private spool folder, empty, when the first spool of
    # the test process happened here (it depends on which tests ran before).
    assert [p for p in spool.rglob("*") if not p.is_dir()] == []
    assert all(p.name.startswith("childsafe-spool") for p in spool.iterdir())
    stored = b"".join(p.read_bytes() for p in svc.settings.home.rglob("*") if p.is_file())
    assert marker not in stored and clip[1000:1064] not in stored


def test_lookup(svc: Service) -> None:
    svc.admin.post("/api/v1/banks", json={"name": "b1", "pdq_threshold": 10})
    svc.admin.post("/api/v1/banks/b1/entries", json={"entries": [
        {"signal_type": "pdq", "signal": PDQ, "label": "cat-a", "source": "iwf"}]})
    r = svc.api.get("/api/v1/lookup", params={"signal_type": "pdq", "signal": PDQ})
    assert r.json() == {"matches": [{"bank": "b1", "signal_type": "pdq", "signal": PDQ, "distance": 0,
                                     "label": "cat-a", "source": "iwf"}]}
    assert svc.api.get("/api/v1/lookup", params={"signal_type": "pdq", "signal": PDQ, "bank": "b2"}).json() == {
        "matches": []}
    assert svc.api.get("/api/v1/lookup", params={"signal_type": "pdq"}).status_code == 400
    svc.admin.post("/api/v1/banks", json={"name": "fp", "allowlist": True})
    svc.admin.post("/api/v1/banks/fp/entries", json={"entries": [{"signal_type": "pdq", "signal": PDQ}]})
    record = svc.api.get("/api/v1/lookup", params={"signal_type": "pdq", "signal": PDQ}).json()
    assert record["matches"] == [] and [m["bank"] for m in record["allowlisted"]] == ["fp"]


def test_bank_crud(svc: Service) -> None:
    r = svc.admin.post("/api/v1/banks", json={"name": "iwf", "pdq_threshold": 20})
    assert r.status_code == 201 and r.json()["pdq_threshold"] == 20
    assert svc.admin.post("/api/v1/banks", json={"name": "iwf"}).status_code == 409
    assert svc.admin.post("/api/v1/banks", json={"name": " bad"}).status_code == 400
    assert svc.admin.post("/api/v1/banks", json={"name": "x", "pdq_threshold": 300}).status_code == 400
    assert svc.admin.patch("/api/v1/banks/iwf", json={"enabled": False, "pdq_threshold": 25}).json()["enabled"] is False
    assert svc.reviewer.get("/api/v1/banks/iwf").json()["pdq_threshold"] == 25
    r = svc.admin.post("/api/v1/banks/iwf/entries", json={"entries": [
        {"signal_type": "md5", "signal": MD5}, {"signal_type": "md5", "signal": MD5.upper()}]})
    assert r.json()["added"] == 1 and r.json()["ids"][0] == r.json()["ids"][1]
    assert svc.api.get("/api/v1/banks").json()[0]["entries"] == 1
    assert svc.admin.delete("/api/v1/banks/iwf").json() == {"deleted": "iwf"}
    assert svc.admin.get("/api/v1/banks/iwf").status_code == 404
    actions = [e["action"] for e in svc.admin.get("/api/v1/audit", params={"limit": 1000}).json()["entries"]]
    assert actions[-4:] == ["bank.create", "bank.update", "bank.add", "bank.delete"]


FORMATS = {
    "te": f"md5 {MD5}\npdq {PDQ}\n".encode(),
    "csv": f"signal_type,signal,label,source\nmd5,{MD5},cat-a,iwf\npdq,{PDQ},,\n".encode(),
    "vics": json.dumps({"odata.metadata": "x", "value": [{"MD5": MD5.upper(), "Category": 1}]}).encode(),
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_import_and_export_round_trip(svc: Service, fmt: str) -> None:
    r = svc.admin.post("/api/v1/banks/list/import", params={"create": "true"},
                       files={"file": (f"list.{fmt}", FORMATS[fmt], "application/octet-stream")})
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["added"] == report["read"] == (1 if fmt == "vics" else 2) and report["invalid"] == 0
    exported = svc.reviewer.get("/api/v1/banks/list/export", params={"format": fmt})
    assert exported.status_code == 200
    assert "attachment" in exported.headers["content-disposition"]
    again = svc.admin.post("/api/v1/banks/copy/import", params={"create": "true", "format": fmt},
                           files={"file": ("x", exported.content, "application/octet-stream")})
    assert again.json()["added"] == report["added"]


def test_import_skips_non_media_lines_and_takes_bare_signals(svc: Service) -> None:
    te = f"url https://example.com/\nmd5 {MD5}\nraw_text hello\n".encode()
    r = svc.admin.post("/api/v1/banks/t/import", params={"create": "true"},
                       files={"file": ("collab.te", te, "text/plain")})
    assert r.status_code == 200, r.text
    assert (r.json()["added"], r.json()["skipped"], [s["line"] for s in r.json()["skipped_lines"]]) == (1, 2, [1, 3])
    bare = f"{MD5_B}\n".encode()
    r = svc.admin.post("/api/v1/banks/t/import", params={"signal_type": "md5"},
                       files={"file": ("md5s.txt", bare, "text/plain")})
    assert r.status_code == 200 and r.json()["added"] == 1
    r = svc.admin.post("/api/v1/banks/t/import", params={"signal_type": "md5", "format": "csv"},
                       files={"file": ("md5s.txt", bare, "text/plain")})
    assert r.status_code == 400


def test_a_malformed_list_is_rejected_whole(svc: Service) -> None:
    svc.admin.post("/api/v1/banks", json={"name": "b"})
    bad = f"md5 {MD5}\nmd5 nothex\npdq 123\nmd5 {MD5_B}\n".encode()
    r = svc.admin.post("/api/v1/banks/b/import", files={"file": ("bad.te", bad, "text/plain")})
    assert r.status_code == 422
    assert [p["line"] for p in r.json()["problems"]] == [2, 3]
    assert svc.admin.get("/api/v1/banks/b").json()["entries"] == 0
    r = svc.admin.post("/api/v1/banks/b/import", params={"skip_invalid": "true"},
                       files={"file": ("bad.te", bad, "text/plain")})
    assert (r.json()["added"], r.json()["invalid"]) == (2, 2)
    imports = [e for e in svc.admin.get("/api/v1/audit", params={"limit": 1000}).json()["entries"]
               if e["action"] == "bank.import"]
    assert len(imports) == 1 and imports[0]["details"]["added"] == 2  # the rejected import left no entry
    assert svc.admin.post("/api/v1/banks/nope/import", files={"file": ("a", b"", "text/plain")}).status_code == 404


def test_score_a_conversation(svc: Service) -> None:
    lines = ["hey there", "how old r u?", "u seem mature for ur age", "are u alone right now?",
             "dont tell ur mom about us ok", "send me a pic", "lets meet up, i can pick u up"]
    messages = [{"author": "adult", "text": t} for t in lines] + [{"author": "kid", "text": "ok"}]
    r = svc.api.post("/api/v1/text/score", json={"conversation_id": "c1", "messages": messages})
    assert r.status_code == 200, r.text
    record = r.json()
    assert record["conversation_id"] == "c1" and record["authors"][0]["author"] == "adult"
    categories = {f["category"] for f in record["authors"][0]["indicators"]}
    assert {"secrecy", "meeting"} <= categories
    adult = record["authors"][0]
    assert adult["role"] == "suspect" and adult["alert_kind"] in ("evidence", "model") and adult["language"] == "en"
    assert "child_access" in adult["labels"] and record["languages"] == ["en"]
    assert {label["label"] for label in record["labels"]} >= {"child_access", "self_generated_content"}
    too_long = {"messages": [{"author": "a", "text": "x" * 20_001}]}
    assert svc.api.post("/api/v1/text/score", json=too_long).status_code == 400
    assert svc.api.post("/api/v1/text/score", json={"messages": []}).status_code == 400


def _wait(svc: Service, job_id: int, timeout: float = 120.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job: dict[str, Any] = svc.reviewer.get(f"/api/v1/scans/{job_id}").json()
        if job["state"] not in ("queued", "running"):
            return job
        time.sleep(0.2)
    raise AssertionError(f"job {job_id} did not finish")


@pytest.mark.slow
def test_scan_job_runs_in_the_background_and_reports_progress(make_service: Any, tmp_path: Path) -> None:
    case = tmp_path / "case"
    case.mkdir()
    for name in ("forest.jpg", "tiles.jpg"):
        shutil.copy(SAMPLES / name, case / name)
    svc = make_service(workers=1, scan_roots=str(tmp_path))
    svc.admin.post("/api/v1/banks", json={"name": "known"})
    md5 = hash_file(case / "tiles.jpg").md5
    svc.admin.post("/api/v1/banks/known/entries", json={"entries": [{"signal_type": "md5", "signal": md5}]})
    r = svc.reviewer.post("/api/v1/scans", json={"path": str(case)})
    assert r.status_code == 202, r.text
    job = _wait(svc, r.json()["id"])
    assert job["state"] == "done", job
    assert job["result"]["files"] == 2 and job["result"]["matched"] == 1
    assert job["progress"] == {"files": 2, "matched": 1, "errors": 0}
    assert [m["path"].endswith("tiles.jpg") for m in job["result"]["matches"]] == [True]
    assert [j["id"] for j in svc.reviewer.get("/api/v1/scans").json()] == [job["id"]]
    actions = [e["action"] for e in svc.admin.get("/api/v1/audit", params={"limit": 1000}).json()["entries"]]
    assert actions[-2:] == ["scan.submit", "scan.finish"]


def test_scan_paths_are_checked(make_service: Any, tmp_path: Path) -> None:
    allowed = tmp_path / "allowed"
    allowed.mkdir()
    (tmp_path / "secret").mkdir()
    svc = make_service(scan_roots=str(allowed))
    assert svc.reviewer.post("/api/v1/scans", json={"path": str(tmp_path / "secret")}).status_code == 403
    assert svc.reviewer.post("/api/v1/scans", json={"path": str(allowed / ".." / "secret")}).status_code == 403
    assert svc.reviewer.post("/api/v1/scans", json={"path": "relative/dir"}).status_code == 400
    assert svc.reviewer.post("/api/v1/scans", json={"path": str(allowed / "missing")}).status_code == 400
    assert svc.reviewer.post("/api/v1/scans", json={"path": str(allowed), "banks": ["nope"]}).status_code == 404
    assert svc.api.post("/api/v1/scans", json={"path": str(allowed)}).status_code == 403
    assert svc.reviewer.get("/api/v1/scans/12345").status_code == 404


def test_graph_routes_rank_and_link_the_stored_network(svc: Service, tmp_path: Path) -> None:
    from childsafe.store.graph import GraphStore

    events = tmp_path / "identifiers.csv"
    events.write_text("account,kind,value\nalt-1,email,Same.Person@example.org\nalt-2,email,same.person@example.org\n"
                      "alt-2,phone,+44 7700 900123\nseed-1,phone,+447700900123\n", encoding="utf-8")
    messages = tmp_path / "messages.csv"
    messages.write_text("sender,recipient,timestamp,platform\nseed-1,alt-1,2024-01-01T00:00:00,chat\n",
                        encoding="utf-8")
    graph = GraphStore(svc.store)
    assert graph.ingest_file(events).rows == 4 and graph.ingest_file(messages).rows == 1
    ranked = svc.reviewer.get("/api/v1/graph/rank", params={"seeds": ["seed-1"], "top": 5})
    assert ranked.status_code == 200
    leads = ranked.json()["leads"]
    assert leads and {lead["account"] for lead in leads} <= {"alt-1", "alt-2"}
    assert all(lead["reasons"] and lead["paths"] for lead in leads)
    assert leads[0]["paths"][0]["nodes"][-1] == "account:seed-1"
    linked = svc.reviewer.get("/api/v1/graph/link").json()["persons"]
    # the email links alt-1 and alt-2; the phone only alt-2 and seed-1 use links them too (exclusive)
    assert [sorted(p["accounts"]) for p in linked] == [["alt-1", "alt-2", "seed-1"]]
    assert svc.api.get("/api/v1/graph/rank").status_code == 403
    assert svc.reviewer.get("/api/v1/graph/rank", params={"top": 0}).status_code == 400


def test_graph_at_risk_lists_children_in_contact_with_suspects(svc: Service, tmp_path: Path) -> None:
    from childsafe.store.graph import GraphStore

    messages = tmp_path / "messages.csv"
    messages.write_text("sender,recipient,timestamp,platform\nseed-1,kid-1,2024-01-01T22:00:00,game\n"
                        "seed-1,kid-1,2024-01-01T23:00:00,dm\nkid-2,kid-3,2024-01-01T10:00:00,chat\n", encoding="utf-8")
    accounts = tmp_path / "accounts.csv"
    accounts.write_text("account,declared_age\nseed-1,40\nkid-1,12\nkid-2,13\nkid-3,13\n", encoding="utf-8")
    graph = GraphStore(svc.store)
    graph.ingest_file(messages)
    graph.ingest_file(accounts)
    r = svc.reviewer.get("/api/v1/graph/at-risk", params={"seeds": ["seed-1"], "top": 10})
    assert r.status_code == 200, r.text
    children = r.json()["children"]
    assert [c["account"] for c in children] == ["kid-1"]  # kid-2 and kid-3 only talked to each other
    child = children[0]
    assert set(child) == {"account", "role", "exposure", "reasons", "paths", "stated_age"}
    assert (child["role"], child["stated_age"]) == ("at_risk", 12) and child["exposure"] == 1.0
    assert child["paths"][0]["nodes"] == ["account:kid-1", "account:seed-1"]
    assert any(reason["type"] == "private_move" for reason in child["reasons"])
    ranked = svc.reviewer.get("/api/v1/graph/rank", params={"seeds": ["seed-1"]}).json()["leads"]
    assert "kid-1" not in {lead["account"] for lead in ranked}  # a child is never a lead
    assert svc.api.get("/api/v1/graph/at-risk").status_code == 403


def test_bodies_over_the_limit_are_refused(make_service: Any) -> None:
    svc = make_service(max_upload_bytes=10_000)
    photo = (SAMPLES / "forest.jpg").read_bytes()
    r = svc.api.post("/h/hash", files={"photo": ("f.jpg", photo, "image/jpeg")})
    assert r.status_code == 413 and "max_upload_bytes" in r.json()["message"]
    assert r.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("name", ["a/b", "a\\b", "..", ".hidden", "a b", "a?b", "a#b", "a%2Fb", "x" * 201, ""])
def test_unsafe_bank_names_are_refused_at_creation(svc: Service, name: str) -> None:
    for url, words in (("/api/v1/banks", "letters, digits"), ("/c/banks", "UPPER_WITH_UNDERSCORE")):  # HMA's rule
        r = svc.admin.post(url, json={"name": name})
        assert r.status_code == 400, (url, name, r.status_code, r.text)
        assert words in r.json()["message"]
    assert svc.admin.get("/api/v1/banks").json() == []
    assert svc.admin.post("/api/v1/banks", json={"name": "ncmec-2024_v1.2"}).status_code == 201
