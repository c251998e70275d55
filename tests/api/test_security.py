"""Roles, tokens, passwords, rate limits, and no secret in any log."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

import pytest
from sqlalchemy import select

from childsafe.accounts import CAPABILITIES, RateLimiter, authenticate, hash_password
from childsafe.api.server import QueryRedactingFilter
from childsafe.errors import AuthenticationError, ConfigError, RateLimitedError
from childsafe.store.schema import api_tokens, audit_log
from childsafe.store.service import token_digest
from tests.api.conftest import MD5, PASSWORD, Service

# (method, path, json body, capability that opens it)
ROUTES: list[tuple[str, str, Any, str]] = [
    ("GET", "/m/lookup?signal_type=md5&signal=" + MD5, None, "lookup"),
    ("GET", "/api/v1/lookup?signal_type=md5&signal=" + MD5, None, "lookup"),
    ("POST", "/api/v1/text/score", {"messages": [{"author": "a", "text": "hi"}]}, "score"),
    ("GET", "/c/banks", None, "banks:read"),
    ("GET", "/api/v1/banks", None, "banks:read"),
    ("POST", "/c/banks", {"name": "NEW"}, "banks:write"),
    ("POST", "/api/v1/banks", {"name": "new"}, "banks:write"),
    ("GET", "/api/v1/scans", None, "scan"),
    ("GET", "/api/v1/graph/rank", None, "graph"),
    ("GET", "/api/v1/graph/at-risk", None, "graph"),
    ("GET", "/api/v1/users", None, "users"),
    ("POST", "/api/v1/users/bot/tokens", None, "users"),
    ("GET", "/api/v1/audit", None, "audit"),
    ("GET", "/api/v1/audit/verify", None, "audit"),
]


@pytest.mark.parametrize(("method", "path", "body", "capability"), ROUTES)
def test_roles(svc: Service, method: str, path: str, body: Any, capability: str) -> None:
    for role, client in (("api-client", svc.api), ("reviewer", svc.reviewer), ("admin", svc.admin)):
        r = client.request(method, path, json=body)
        if capability in CAPABILITIES[role]:
            assert r.status_code not in (401, 403), (role, path, r.text)
        else:
            assert r.status_code == 403, (role, path, r.status_code)
            assert r.json()["error"] == "PermissionDeniedError"


def test_role_ladder() -> None:
    assert CAPABILITIES["api-client"] < CAPABILITIES["reviewer"] < CAPABILITIES["admin"]
    assert {"hash", "lookup", "score"} <= CAPABILITIES["api-client"]
    assert "review" in CAPABILITIES["reviewer"] and "banks:write" not in CAPABILITIES["reviewer"]


def test_lookups_are_rate_limited_per_token(make_service: Any) -> None:
    svc = make_service(lookup_rate=3)
    params = {"signal_type": "md5", "signal": MD5}
    assert [svc.api.get("/m/lookup", params=params).status_code for _ in range(3)] == [200, 200, 200]
    r = svc.api.get("/m/lookup", params=params)
    assert r.status_code == 429 and int(r.headers["retry-after"]) >= 1
    assert svc.reviewer.get("/m/lookup", params=params).status_code == 200  # another token, another bucket


def test_token_bucket_refills() -> None:
    limiter = RateLimiter(rate=10.0, burst=2)
    assert limiter.take("k") == 0.0 and limiter.take("k") == 0.0
    wait = limiter.take("k")
    assert 0 < wait <= 0.1
    assert RateLimiter(rate=0, burst=1).take("k") == 0.0  # 0 = unlimited
    with pytest.raises(RateLimitedError):
        limiter.check("k", "tries")


def test_tokens_are_stored_only_as_sha256(svc: Service) -> None:
    r = svc.admin.post("/api/v1/users/bot/tokens", json={"label": "ci"})
    assert r.status_code == 201
    token = r.json()["token"]
    assert token.startswith("cs_") and len(token) >= 40
    with svc.store.engine.connect() as conn:
        rows = repr([tuple(r) for table in (api_tokens, audit_log) for r in conn.execute(select(table))])
    files = b"".join(p.read_bytes() for p in svc.settings.home.rglob("*") if p.is_file())  # SQLite's, WAL too
    for plain in (token, *svc.tokens.values()):
        assert plain not in rows and plain.encode() not in files
    assert token_digest(token) in rows
    listed = svc.admin.get("/api/v1/users/bot/tokens").json()
    assert token not in str(listed) and listed[-1]["label"] == "ci"
    assert svc.client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).json()["name"] == "bot"


def test_revoked_tokens_and_disabled_users_are_refused(svc: Service) -> None:
    assert svc.api.get("/api/v1/me").status_code == 200
    token_id = svc.admin.get("/api/v1/users/bot/tokens").json()[0]["id"]
    assert svc.admin.delete(f"/api/v1/tokens/{token_id}").json() == {"revoked": token_id}
    assert svc.api.get("/api/v1/me").status_code == 401
    assert svc.reviewer.get("/api/v1/me").status_code == 200
    svc.admin.patch("/api/v1/users/rita", json={"disabled": True})
    assert svc.reviewer.get("/api/v1/me").status_code == 401


def test_a_change_made_elsewhere_applies_after_the_token_cache(make_service: Any) -> None:
    svc = make_service(token_cache_seconds=0)
    assert svc.api.get("/api/v1/me").status_code == 200
    svc.service.update_user("bot", actor="cli:test", disabled=True)  # as `childsafe user disable` does
    assert svc.api.get("/api/v1/me").status_code == 401


def test_users_through_the_api(svc: Service) -> None:
    r = svc.admin.post("/api/v1/users", json={"name": "ann", "role": "reviewer", "password": PASSWORD})
    assert r.status_code == 201 and r.json()["has_password"] is True
    assert svc.admin.post("/api/v1/users", json={"name": "ann", "role": "reviewer"}).status_code == 409
    r = svc.admin.post("/api/v1/users", json={"name": "bob", "role": "reviewer", "password": "short"})
    assert r.status_code == 400 and "short" not in r.text.replace("too short", "")
    assert svc.admin.post("/api/v1/users", json={"name": "eve", "role": "root"}).status_code == 400
    assert svc.admin.patch("/api/v1/users/ann", json={"role": "admin"}).json()["role"] == "admin"
    assert svc.admin.patch("/api/v1/users/nobody", json={"role": "admin"}).status_code == 404
    assert [u["name"] for u in svc.admin.get("/api/v1/users").json()] == ["ann", "bot", "rita", "root"]


def test_login_checks_passwords_and_audits_every_attempt(svc: Service) -> None:
    svc.service.create_user("ann", "reviewer", hash_password(PASSWORD), actor="test")
    limiter = RateLimiter(rate=10 / 60, burst=10)
    assert authenticate(svc.service, limiter, "ann", PASSWORD, "198.51.100.1").name == "ann"
    with pytest.raises(AuthenticationError, match="wrong user name or password"):
        authenticate(svc.service, limiter, "ann", "wrong password!", "198.51.100.1")
    with pytest.raises(AuthenticationError, match="wrong user name or password"):
        authenticate(svc.service, limiter, "ghost-" + PASSWORD, PASSWORD, "198.51.100.1")
    with pytest.raises(AuthenticationError):
        authenticate(svc.service, limiter, "bot", "", "198.51.100.1")  # api-client: no password at all
    entries = [e for e in svc.service.audit_entries(limit=1000) if e.action.startswith("login.")]
    assert [(e.action, e.details.get("reason")) for e in entries] == [
        ("login.success", None), ("login.failure", "wrong password"), ("login.failure", "unknown user"),
        ("login.failure", "no password")]
    assert entries[2].target.startswith("unknown:")  # a password typed as a name never lands in the log
    assert PASSWORD not in str([e.to_record() for e in svc.service.audit_entries(limit=1000)])
    assert svc.service.verify_audit().ok


def test_login_is_rate_limited_per_address_and_per_user(svc: Service) -> None:
    svc.service.create_user("ann", "reviewer", hash_password(PASSWORD), actor="test")
    limiter = RateLimiter(rate=3 / 60, burst=3)
    for _ in range(3):
        with pytest.raises(AuthenticationError):
            authenticate(svc.service, limiter, "ann", "guess-guess", "198.51.100.1")
    with pytest.raises(RateLimitedError):
        authenticate(svc.service, limiter, "ann", PASSWORD, "198.51.100.1")  # even the right one, for now
    with pytest.raises(RateLimitedError):
        authenticate(svc.service, limiter, "ann", PASSWORD, "198.51.100.2")  # this user from elsewhere


def test_passwords_are_argon2id_and_not_too_short() -> None:
    assert hash_password(PASSWORD).startswith("$argon2id$")
    with pytest.raises(ConfigError):
        hash_password("short")


def test_no_secret_reaches_any_log(svc: Service, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    svc.admin.get("/api/v1/me")
    svc.admin.post("/api/v1/users", json={"name": "ann", "role": "reviewer", "password": PASSWORD})
    svc.admin.post("/api/v1/users", json={"name": "bob", "role": "reviewer", "password": "tiny"})
    token = svc.admin.post("/api/v1/users/ann/tokens").json()["token"]
    svc.client.get("/api/v1/me", headers={"Authorization": "Bearer cs_wrong-token-value"})
    svc.admin.get("/m/lookup", params={"signal_type": "pdq", "signal": "broken"})
    limiter = RateLimiter(1, 5)
    with pytest.raises(AuthenticationError):
        authenticate(svc.service, limiter, "ann", "not-" + PASSWORD, "198.51.100.1")
    logged = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    for secret in (PASSWORD, "tiny", token, "cs_wrong-token-value", *svc.tokens.values()):
        assert secret not in logged


def test_access_log_lines_lose_their_query_string() -> None:
    record = logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, '%s - "%s %s HTTP/%s" %d',
                               ("1.2.3.4:5", "GET", "/h/hash?url=https://x/y?X-Amz-Signature=abc", "1.1", 200), None)
    assert QueryRedactingFilter().filter(record)
    assert "abc" not in record.getMessage() and "/h/hash?[redacted]" in record.getMessage()


def test_forwarded_headers_count_only_from_trusted_proxies(make_service: Any) -> None:
    rotating = [{"Authorization": "Bearer cs_wrong", "X-Forwarded-For": f"198.51.100.{i}"} for i in range(40)]
    plain = make_service()  # trusted_proxies empty: the client (203.0.113.7) is who it is
    assert 429 in [plain.client.get("/c/banks", headers=h).status_code for h in rotating]
    proxied = make_service(trusted_proxies="203.0.113.0/24")  # the test client's address is a proxy's
    assert {proxied.client.get("/c/banks", headers=h).status_code for h in rotating} == {401}
    from childsafe.api.app import create_app

    with pytest.raises(ConfigError, match="trusted_proxies"):
        create_app(dataclasses.replace(plain.settings, trusted_proxies="proxy.example"), plain.store)
