"""The request gate: credentials before bodies, bodies bounded per route and timed (issue 10).

These call the ASGI app directly with a ``receive`` that counts what the app pulls, so "not read" is
observed, not inferred from a status code.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterable, Sequence
from typing import Any

import pytest

from childsafe.api.gate import is_upload_route
from tests.api.conftest import Service

MB = 1024 * 1024


class Sent:
    def __init__(self) -> None:
        self.status = 0
        self.headers: dict[str, str] = {}
        self.body = b""

    def json(self) -> Any:
        return json.loads(self.body)


async def _call(app: Any, method: str, path: str, headers: dict[str, str], chunks: Iterable[bytes],
                counter: list[int], stall: bool = False) -> Sent:
    pending = list(chunks)
    sent = Sent()

    async def receive() -> dict[str, Any]:
        if not pending:
            await asyncio.sleep(3600)  # the client keeps the connection open and sends nothing more
        if stall and len(pending) == 1:
            await asyncio.sleep(3600)  # stops in the middle of the body
        chunk = pending.pop(0)
        counter[0] += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": bool(pending)}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            sent.status = message["status"]
            sent.headers = {k.decode(): v.decode() for k, v in message.get("headers", [])}
        elif message["type"] == "http.response.body":
            sent.body += message.get("body", b"")

    raw = [(k.lower().encode(), v.encode()) for k, v in headers.items()]
    scope = {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"}, "http_version": "1.1",
             "method": method, "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
             "query_string": b"", "headers": raw, "client": ("203.0.113.9", 5555), "server": ("childsafe.test", 80)}
    await asyncio.wait_for(app(scope, receive, send), 60)
    return sent


def call(app: Any, method: str, path: str, headers: dict[str, str], chunks: Sequence[bytes],
         chunked: bool = False, stall: bool = False) -> tuple[Sent, int]:
    """(response, body bytes the app pulled)."""
    headers = dict(headers)
    if chunked:
        headers["transfer-encoding"] = "chunked"
    else:
        headers["content-length"] = str(sum(len(c) for c in chunks))
    counter = [0]
    sent = asyncio.run(_call(app, method, path, headers, chunks, counter, stall))
    return sent, counter[0]


def json_chunks(total: int) -> list[bytes]:
    body = b"[" + b"0," * (total // 2 - 1) + b"0]"
    return [body[i:i + MB] for i in range(0, len(body), MB)]


def multipart_chunks(total: int, field: str = "file") -> tuple[str, list[bytes]]:
    boundary = "gateboundary"
    head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"x.bin\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()
    body = head + b"\0" * total + f"\r\n--{boundary}--\r\n".encode()
    return f"multipart/form-data; boundary={boundary}", [body[i:i + MB] for i in range(0, len(body), MB)]


JSON_ROUTES = [("POST", "/api/v1/text/score"), ("POST", "/c/banks"), ("PUT", "/c/bank/B"),
               ("POST", "/api/v1/banks/B/entries"), ("POST", "/api/v1/scans"), ("PATCH", "/api/v1/users/root")]
UPLOAD_ROUTES = [("POST", "/api/v1/hash", "file"), ("POST", "/api/v1/banks/B/import", "file"),
                 ("POST", "/h/hash", "photo"), ("POST", "/m/lookup", "photo"), ("POST", "/c/bank/B/content", "photo")]
NO_TOKEN: list[dict[str, str]] = [{}, {"authorization": "Bearer cs_not-a-real-token"},
                                  {"authorization": "Basic cm9vdDpyb290"}]


@pytest.mark.parametrize(("method", "path"), JSON_ROUTES)
@pytest.mark.parametrize("auth", NO_TOKEN, ids=["none", "wrong", "basic"])
def test_json_bodies_are_not_read_without_a_token(svc: Service, method: str, path: str,
                                                  auth: dict[str, str]) -> None:
    for chunked in (False, True):
        sent, pulled = call(svc.app, method, path, {**auth, "content-type": "application/json"}, json_chunks(8 * MB),
                            chunked=chunked)
        assert sent.status == 401, (path, sent.status, sent.body[:200])
        assert pulled == 0, f"{path} read {pulled} bytes before refusing"
        assert sent.json()["error"] == "AuthenticationError"
        assert sent.headers["connection"] == "close" and sent.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(("method", "path", "field"), UPLOAD_ROUTES)
def test_multipart_bodies_are_not_read_without_a_token(svc: Service, method: str, path: str, field: str) -> None:
    content_type, chunks = multipart_chunks(16 * MB, field)
    for auth in NO_TOKEN:
        sent, pulled = call(svc.app, method, path, {**auth, "content-type": content_type}, chunks)
        assert (sent.status, pulled) == (401, 0), (path, auth, sent.status, pulled)


def test_review_forms_are_not_read_without_a_session(svc: Service) -> None:
    body = [b"key=" + b"k" * MB]
    form = {"content-type": "application/x-www-form-urlencoded"}
    for path in ("/review/decide", "/review/logout", "/review/reveal"):
        for cookie in ({}, {"cookie": "childsafe_review=not-a-session"}):
            sent, pulled = call(svc.app, "POST", path, {**form, **cookie}, body)
            assert (sent.status, pulled) == (401, 0), (path, cookie, sent.status)
    # The login form has no session yet: it is read (and refused for its missing CSRF token).
    sent, pulled = call(svc.app, "POST", "/review/login", form, [b"username=a&password=b"])
    assert sent.status == 403 and pulled > 0
    # ...but it is read from anyone, so it may not be large.
    for chunked in (False, True):
        sent, pulled = call(svc.app, "POST", "/review/login", form, [b"username=" + b"a" * MB], chunked=chunked)
        assert sent.status == 413 and pulled <= 2 * MB and "login form" in sent.json()["message"]


def test_a_valid_token_gets_its_body_read(svc: Service) -> None:
    sent, pulled = call(svc.app, "POST", "/api/v1/text/score",
                        {"authorization": f"Bearer {svc.tokens['bot']}", "content-type": "application/json"},
                        [json.dumps({"messages": [{"author": "a", "text": "how old are you"}]}).encode()])
    assert sent.status == 200 and pulled > 0 and "risk" in json.dumps(sent.json())


def test_json_routes_have_a_limit_far_below_uploads(make_service: Any) -> None:
    svc = make_service(max_json_bytes=100_000, max_upload_bytes=10 * MB)
    token = {"authorization": f"Bearer {svc.tokens['root']}", "content-type": "application/json"}
    chunks = json_chunks(MB)
    declared, pulled = call(svc.app, "POST", "/api/v1/banks/B/entries", token, chunks)
    assert declared.status == 413 and pulled == 0 and "max_json_bytes" in declared.json()["message"]
    # A chunked body declares nothing: counted as it comes, and cut off with a 413, not a parser's 400.
    counted, pulled = call(svc.app, "POST", "/api/v1/banks/B/entries", token, chunks, chunked=True)
    assert counted.status == 413, (counted.status, counted.body[:300])
    assert "max_json_bytes" in counted.json()["message"] and pulled <= 100_000 + MB
    assert counted.headers["connection"] == "close" and counted.headers["cache-control"] == "no-store"
    # The same size is fine for an upload route (not media: hashed with digests only).
    content_type, upload = multipart_chunks(MB)
    sent, pulled = call(svc.app, "POST", "/api/v1/hash", {**token, "content-type": content_type}, upload)
    assert sent.status == 200 and pulled >= MB and sent.json()["sha256"]


def test_chunked_uploads_over_the_limit_get_413(make_service: Any) -> None:
    svc = make_service(max_upload_bytes=2 * MB)
    content_type, chunks = multipart_chunks(4 * MB)
    sent, _pulled = call(svc.app, "POST", "/api/v1/hash",
                         {"authorization": f"Bearer {svc.tokens['bot']}", "content-type": content_type}, chunks,
                         chunked=True)
    assert sent.status == 413 and "max_upload_bytes" in sent.json()["message"]


def test_a_stalled_body_is_cut_off(make_service: Any) -> None:
    svc = make_service(body_timeout_seconds=1)
    sent, _pulled = call(svc.app, "POST", "/api/v1/text/score",
                         {"authorization": f"Bearer {svc.tokens['bot']}", "content-type": "application/json"},
                         [b'{"messages": [', b"]}"], stall=True)
    assert sent.status == 408 and "body_timeout_seconds" in sent.json()["message"]
    assert sent.headers["connection"] == "close"


def test_every_multipart_route_is_an_upload_route_and_no_other(svc: Service) -> None:
    paths = svc.client.get("/openapi.json").json()["paths"]
    uploads = set()
    for path, operations in paths.items():
        concrete = path.replace("{name}", "B").replace("{bank_name}", "B")
        for method, op in operations.items():
            multipart = "multipart/form-data" in op.get("requestBody", {}).get("content", {})
            assert is_upload_route(method.upper(), concrete) == multipart, (method, path)
            if multipart:
                uploads.add((method.upper(), path))
    assert len(uploads) == 5


def test_hashing_is_rate_limited_per_token_before_the_upload_is_read(make_service: Any) -> None:
    svc = make_service(hash_rate=60, fetch_urls=True)  # bursts of six
    content_type, chunks = multipart_chunks(1000, "photo")
    bot = {"authorization": f"Bearer {svc.tokens['bot']}", "content-type": content_type}
    codes = []
    for path in ("/api/v1/hash", "/h/hash", "/m/lookup", "/api/v1/hash"):
        fields = chunks if path != "/api/v1/hash" else multipart_chunks(1000, "file")[1]
        for _ in range(2):
            sent, pulled = call(svc.app, "POST", path, bot, fields)
            codes.append(sent.status)
            if sent.status == 429:
                assert pulled == 0 and "hashing requests" in sent.json()["message"]
                assert int(sent.headers["retry-after"]) >= 1
    assert 429 not in codes[:6] and codes[6:] == [429, 429], codes
    # The URL routes spend the same budget (checked before anything is fetched).
    refused = svc.api.get("/h/hash", params={"url": "http://127.0.0.1/x.jpg"})
    assert refused.status_code == 429
    # Another token has its own budget.
    other = {**bot, "authorization": f"Bearer {svc.tokens['rita']}"}
    assert call(svc.app, "POST", "/h/hash", other, chunks)[0].status != 429
    assert svc.reviewer.get("/h/hash", params={"url": "http://127.0.0.1/x.jpg"}).status_code == 403


def test_the_gate_knows_the_review_uis_cookie_and_prefix() -> None:
    from childsafe.api import gate
    from childsafe.web import security

    assert (gate.SESSION_COOKIE, gate.REVIEW_PREFIX) == (security.SESSION_COOKIE, security.PREFIX)
    assert gate.REVIEW_LOGIN == security.PREFIX + "/login"
