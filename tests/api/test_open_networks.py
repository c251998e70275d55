"""``hma_open_networks``: HMA's clients (which send no token) may call the HMA routes from listed
networks; off by default, reads only unless also listed for writes, audited at first use."""

from __future__ import annotations

from typing import Any

import pytest

from childsafe.api.app import create_app
from childsafe.errors import ConfigError
from tests.api.conftest import MD5, PDQ, SAMPLES, Service, make_settings

# The test client connects from 203.0.113.7 (tests/api/conftest.py).
LOOKUP = {"signal_type": "pdq", "signal": PDQ}


def _opened(svc: Service) -> list[tuple[str, str | None, dict[str, Any]]]:
    return [(e.actor, e.target, e.details) for e in svc.service.audit_entries(limit=500)
            if e.action == "api.open_access"]


def test_off_by_default(svc: Service) -> None:
    assert svc.client.get("/m/lookup", params=LOOKUP).status_code == 401
    assert svc.client.get("/c/banks").status_code == 401


def test_a_listed_network_reads_the_hma_routes_without_a_token(make_service: Any) -> None:
    svc: Service = make_service(hma_open_networks="198.51.100.0/24, 203.0.113.0/24")
    svc.admin.post("/c/banks", json={"name": "PHOTOS"})
    svc.admin.post("/c/bank/PHOTOS/signal", json={"pdq": PDQ})
    assert list(svc.client.get("/m/lookup", params=LOOKUP).json()) == ["PHOTOS"]
    assert svc.client.get("/m/lookup", params=LOOKUP).status_code == 200
    assert svc.client.get("/c/banks").json() == [{"name": "PHOTOS", "matching_enabled_ratio": 1.0}]
    photo = (SAMPLES / "forest.jpg").read_bytes()
    r = svc.client.post("/h/hash", files={"photo": ("forest.jpg", photo, "image/jpeg")})  # a body: the gate reads it
    assert r.status_code == 200 and "pdq" in r.json()
    assert svc.client.post("/m/compare", json={"pdq": [PDQ, PDQ]}).json() == {"pdq": [True, {"distance": 0}]}
    # Writes need the write list: refused before the body is read, and nothing changed.
    for method, path, body in (("POST", "/c/banks", {"name": "MINE"}), ("POST", "/c/bank/PHOTOS/signal", {"md5": MD5}),
                               ("PUT", "/c/bank/PHOTOS", {"enabled": False}), ("DELETE", "/c/bank/PHOTOS", None)):
        assert svc.client.request(method, path, json=body).status_code == 401, (method, path)
    assert [b["name"] for b in svc.admin.get("/c/banks").json()] == ["PHOTOS"]
    # Other routes still need a token, and a token shown is judged alone.
    assert svc.client.get("/api/v1/lookup", params=LOOKUP).status_code == 401
    assert svc.client.get("/m/lookup", params=LOOKUP, headers={"Authorization": "Bearer cs_wrong"}).status_code == 401
    # Audited once per client and kind of use in this process, naming the network.
    assert _opened(svc) == [("network:203.0.113.7", "203.0.113.7",
                             {"network": "203.0.113.0/24", "route": "GET /m/lookup", "write": False})]


def test_writes_need_both_lists_and_are_audited_with_the_client(make_service: Any) -> None:
    only_write: Service = make_service(hma_open_write_networks="203.0.113.7/32")
    assert only_write.client.post("/c/banks", json={"name": "MINE"}).status_code == 401
    svc: Service = make_service(hma_open_networks="203.0.113.0/24", hma_open_write_networks="203.0.113.7")
    assert svc.client.post("/c/banks", json={"name": "MINE"}).status_code == 201
    r = svc.client.post("/c/bank/MINE/signal", json={"md5": MD5, "note": "from the platform"})
    assert r.status_code == 200
    assert svc.client.delete(f"/c/bank/MINE/content/{r.json()['id']}").json() == {"deleted": 1}
    entries = [(e.actor, e.action) for e in svc.service.audit_entries(limit=500)]
    assert ("network:203.0.113.7", "bank.create") in entries
    assert ("network:203.0.113.7", "bank.add_content") in entries
    assert ("network:203.0.113.7", "bank.remove_content") in entries
    assert [d["write"] for _a, _t, d in _opened(svc)] == [True]
    # Users, tokens and the audit log are never opened, whatever the lists say.
    assert svc.client.get("/api/v1/users").status_code == 401
    assert svc.client.get("/api/v1/audit").status_code == 401


def test_a_client_outside_the_networks_needs_a_token(make_service: Any) -> None:
    svc: Service = make_service(hma_open_networks="198.51.100.0/24,2001:db8::/32",
                                hma_open_write_networks="0.0.0.0/0")
    assert svc.client.get("/m/lookup", params=LOOKUP).status_code == 401
    assert svc.client.post("/c/banks", json={"name": "MINE"}).status_code == 401
    assert _opened(svc) == []


def test_a_bad_network_is_a_config_error_naming_the_setting(tmp_path: Any) -> None:
    settings = make_settings(tmp_path, hma_open_networks="10.0.0.0/8, not-a-network")
    with pytest.raises(ConfigError, match="hma_open_networks.*not-a-network"):
        create_app(settings)
