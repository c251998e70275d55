"""The HMA-compatible routes answer with HMA's paths, parameters and shapes (plus a token)."""

from __future__ import annotations

from typing import Any

import pytest

from childsafe.media.hashing import hash_file
from tests.api.conftest import MD5, PDQ, SAMPLES, Service


def _flip(hex_hash: str, bits: int) -> str:
    value = int(hex_hash, 16)
    for b in range(bits):
        value ^= 1 << (b * 6)
    return f"{value:064x}"


def _bank_with_pdq(svc: Service, name: str = "TEST_BANK", signal: str = PDQ) -> int:
    assert svc.admin.post("/c/banks", json={"name": name}).status_code == 201
    r = svc.admin.post(f"/c/bank/{name}/signal", json={"pdq": signal})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body == {"id": body["id"], "signals": {"pdq": signal}}
    return int(body["id"])


def test_status_needs_no_token_and_answers_like_hma(svc: Service) -> None:
    svc.app.state.childsafe.matchers.warm()  # the server's start-up does this (ASGI lifespan)
    r = svc.client.get("/status")
    assert r.status_code == 200 and r.text == "I-AM-ALIVE"
    assert r.headers["content-type"].startswith("text/plain")


def test_every_other_route_refuses_a_request_without_a_token(svc: Service) -> None:
    paths = svc.client.get("/openapi.json").json()["paths"]
    checked = 0
    for path, operations in paths.items():
        if path in ("/status", "/status/live", "/site-map"):  # public, as in HMA
            continue
        url = path.replace("{bank_name}", "B").replace("{name}", "B").replace("{token_id}", "1").replace(
            "{job_id}", "1").replace("{content_id}", "1")
        url = url.replace("{signal_type_name}", "pdq").replace("{api_name}", "x").replace("{exchange_name}", "X")
        for method in operations:
            assert operations[method].get("security"), (method, path)  # documented as needing a token
            r = svc.client.request(method.upper(), url)
            assert r.status_code == 401, (method, url, r.status_code, r.text)
            assert r.headers["www-authenticate"] == "Bearer"
            assert r.json()["error"] == "AuthenticationError"
            checked += 1
    assert checked >= 30
    bad = svc.client.get("/c/banks", headers={"Authorization": "Bearer cs_not-a-real-token"})
    assert bad.status_code == 401 and "invalid" in bad.json()["message"]
    assert svc.client.get("/c/banks", headers={"Authorization": f"Basic {svc.tokens['root']}"}).status_code == 401


def test_hash_an_uploaded_photo_and_video(svc: Service) -> None:
    photo = SAMPLES / "forest.jpg"
    r = svc.api.post("/h/hash", files={"photo": ("forest.jpg", photo.read_bytes(), "image/jpeg")})
    assert r.status_code == 200, r.text
    expected = hash_file(photo)
    assert r.json() == {"pdq": expected.pdq.hash if expected.pdq else None}
    r = svc.api.post("/h/hash", params={"types": "pdq,md5"},
                     files={"photo": ("forest.jpg", photo.read_bytes(), "image/jpeg")})
    assert r.json() == {"pdq": expected.pdq.hash if expected.pdq else None, "md5": expected.md5}
    clip = SAMPLES / "clip.mp4"
    r = svc.api.post("/h/hash", files={"video": ("clip.mp4", clip.read_bytes(), "video/mp4")})
    video = hash_file(clip)
    assert r.json() == {"video_md5": video.video_md5, "vpdq": video.vpdq}


@pytest.mark.parametrize(("files", "status", "words"), [
    ({"document": ("x.jpg", b"\xff\xd8\xff", "image/jpeg")}, 400, "no such content_type"),
    ({"photo": ("x.txt", b"just some text", "text/plain")}, 415, "not a photo or a video"),
    ({"photo": ("x.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100, "image/jpeg")}, 422, ""),
    ({}, 400, "multipart"),
])
def test_hash_refuses_what_hma_refuses(svc: Service, files: dict[str, Any], status: int, words: str) -> None:
    r = svc.api.post("/h/hash", files=files or None, data=None if files else {"x": "1"})
    assert r.status_code == status, r.text
    assert words in r.json()["message"]


def test_two_files_are_refused(svc: Service) -> None:
    jpeg = (SAMPLES / "forest.jpg").read_bytes()
    two = [("photo", ("a.jpg", jpeg, "image/jpeg")), ("photo", ("b.jpg", jpeg, "image/jpeg"))]
    r = svc.api.post("/h/hash", files=two)
    assert r.status_code == 400


def test_lookup_answers_matches_by_bank(svc: Service) -> None:
    entry = _bank_with_pdq(svc)
    r = svc.api.get("/m/lookup", params={"signal": PDQ, "signal_type": "pdq"})
    assert r.status_code == 200
    assert r.json() == {"TEST_BANK": [{"bank_content_id": entry, "distance": "0"}]}
    near = svc.api.get("/m/lookup", params={"signal": _flip(PDQ, 5), "signal_type": "pdq"}).json()
    assert near == {"TEST_BANK": [{"bank_content_id": entry, "distance": "5"}]}
    assert svc.api.get("/m/lookup", params={"signal": _flip(PDQ, 40), "signal_type": "pdq"}).json() == {}
    assert svc.api.get("/m/lookup", params={"signal": PDQ, "signal_type": "pdq", "banks": "OTHER"}).json() == {}
    svc.admin.put("/c/bank/TEST_BANK", json={"enabled": False})
    assert svc.api.get("/m/lookup", params={"signal": PDQ, "signal_type": "pdq"}).json() == {}


def test_raw_lookup_lists_content_ids(svc: Service) -> None:
    entry = _bank_with_pdq(svc)
    assert svc.api.get("/m/raw_lookup", params={"signal": PDQ, "signal_type": "pdq"}).json() == {"matches": [entry]}
    r = svc.api.get("/m/raw_lookup", params={"signal": PDQ, "signal_type": "pdq", "include_distance": "true"})
    assert r.json() == {"matches": [{"bank_content_id": entry, "distance": "0"}]}
    assert svc.api.get("/m/raw_lookup", params={"signal": PDQ}).status_code == 400


@pytest.mark.parametrize(("params", "words"), [
    ({"signal": PDQ}, "signal_type are required"),
    ({"signal_type": "pdq"}, "signal_type are required"),
    ({"signal": "zz", "signal_type": "pdq"}, "pdq"),
    ({"signal": PDQ, "signal_type": "tmk"}, "tmk"),
])
def test_lookup_errors_are_400_with_a_message(svc: Service, params: dict[str, str], words: str) -> None:
    r = svc.api.get("/m/lookup", params=params)
    assert r.status_code == 400
    assert words in r.json()["message"]


def test_lookup_an_upload_and_exact_signals(svc: Service) -> None:
    photo = SAMPLES / "harbour.jpg"
    hashes = hash_file(photo)
    assert hashes.pdq is not None
    entry = _bank_with_pdq(svc, "PHOTOS", hashes.pdq.hash)
    r = svc.api.post("/m/lookup", files={"photo": ("h.jpg", photo.read_bytes(), "image/jpeg")})
    assert r.json() == {"pdq": {"PHOTOS": [{"bank_content_id": entry, "distance": "0"}]}}
    svc.admin.post("/c/bank/PHOTOS/signal", json={"md5": MD5})
    assert list(svc.api.get("/m/lookup", params={"signal": MD5, "signal_type": "md5"}).json()) == ["PHOTOS"]


def test_bank_curation(svc: Service) -> None:
    assert svc.api.get("/c/banks").json() == []
    r = svc.admin.post("/c/banks", json={"name": "A_BANK"})
    assert (r.status_code, r.json()) == (201, {"name": "A_BANK", "matching_enabled_ratio": 1.0})
    assert svc.admin.post("/c/banks", json={"name": "A_BANK"}).status_code == 403  # HMA: already exists
    r = svc.admin.post("/c/banks", json={"name": "OFF", "enabled": False})
    assert r.json() == {"name": "OFF", "matching_enabled_ratio": 0.0}
    r = svc.admin.post("/c/banks", json={"name": "HALF", "enabled_ratio": 0.5})  # HMA's coin flip
    assert (r.status_code, r.json()["matching_enabled_ratio"]) == (201, 0.5)
    assert svc.admin.post("/c/banks", json={"name": "MORE", "enabled_ratio": 1.5}).status_code == 400
    assert svc.api.get("/c/banks").json() == [{"name": "A_BANK", "matching_enabled_ratio": 1.0},
                                              {"name": "HALF", "matching_enabled_ratio": 0.5},
                                              {"name": "OFF", "matching_enabled_ratio": 0.0}]
    assert svc.api.get("/c/bank/OFF").json() == {"name": "OFF", "matching_enabled_ratio": 0.0}
    assert svc.api.get("/c/bank/NOPE").status_code == 404
    assert svc.admin.put("/c/bank/OFF", json={"enabled_ratio": 1.0}).json()["matching_enabled_ratio"] == 1.0
    assert svc.admin.delete("/c/bank/OFF").json() == {"message": "Done"}
    assert svc.admin.delete("/c/bank/OFF").json() == {"message": "Done"}
    assert svc.admin.post("/c/bank/NOPE/signal", json={"pdq": PDQ}).status_code == 404
    assert svc.admin.post("/c/bank/A_BANK/signal", json={"pdq": "123"}).status_code == 400
    assert svc.admin.post("/c/bank/A_BANK/signal", json={}).status_code == 400


def test_url_fetching_is_off_by_default_and_never_reaches_loopback(make_service: Any) -> None:
    svc = make_service()
    r = svc.api.get("/h/hash", params={"url": "http://example.org/a.jpg"})
    assert r.status_code == 403 and "fetch_urls" in r.json()["message"]
    on = make_service(fetch_urls=True)
    for url in ("http://127.0.0.1:9/a.jpg", "http://localhost/a.jpg", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/a.jpg", "http://10.1.2.3/a.jpg"):
        r = on.api.get("/h/hash", params={"url": url})
        assert r.status_code == 403, (url, r.text)
        r = on.api.get("/m/lookup", params={"url": url})
        assert r.status_code == 403, (url, r.text)
    assert on.api.get("/h/hash", params={"url": "file:///etc/passwd"}).status_code == 400
