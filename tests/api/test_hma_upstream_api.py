"""HMA's API tests over HTTP: ``OpenMediaMatch/tests/test_api.py`` (10 functions), one port each.

Same requests and assertions where childsafe does what HMA does (see :mod:`tests.api.hma_upstream`
for the token and loopback fetching).  Four functions test HMA parts childsafe does not have; their
ports assert childsafe's answer to the same requests and say why it differs:

- ``test_lookup_without_role``: HMA can run without its hasher role; childsafe always hashes uploads
  (limited per token by ``hash_rate``); the switch that exists is ``fetch_urls`` for ``?url=``.
- ``test_exchange_api_set_auth``, ``test_exchange_api_schema``, and the creating half of
  ``test_exchange_delete`` and ``test_exchange_get_fetch_status``: no exchange types are installed
  (exchanges are not built yet), so creating one is HMA's 400 for an unknown type.
"""

from __future__ import annotations

import io
from typing import Any

from PIL import Image

from tests.api.conftest import Service
from tests.api.hma_upstream import hma, image_server

__all__ = ["hma", "image_server"]  # fixtures


def test_status_response(hma: Service) -> None:
    """test_api.py::test_status_response

    HMA fakes its index cache (not loaded, then stale); childsafe's index is loaded once per process
    and refreshed on use, so "stale" has no counterpart: the not-loaded and loaded states are tested.
    """
    response = hma.client.get("/status")
    assert response.status_code == 503
    assert response.content == b"INDEX-NOT-LOADED"
    hma.app.state.childsafe.matchers.warm()
    response = hma.client.get("/status")
    assert response.status_code == 200
    assert response.content == b"I-AM-ALIVE"


def test_status_live_always_alive(hma: Service) -> None:
    """test_api.py::test_status_live_always_alive"""
    assert not hma.app.state.childsafe.matchers.ready  # Index not loaded - /status/live still alive
    response = hma.client.get("/status/live")
    assert response.status_code == 200
    assert response.content == b"I-AM-ALIVE"
    hma.app.state.childsafe.matchers.warm()
    response = hma.client.get("/status/live")
    assert response.status_code == 200
    assert response.content == b"I-AM-ALIVE"


def test_openapi_documentation_available(hma: Service) -> None:
    """test_api.py::test_openapi_documentation_available

    Differs: the title is childsafe's, not "Open Media Match API" (it describes childsafe's routes).
    """
    response = hma.client.get("/openapi/openapi.json")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    payload = response.json()
    assert payload is not None
    assert payload.get("info", {}).get("title") == "childsafe"
    assert "/c/bank/{bank_name}/content" in payload["paths"]


def test_lookup_success(hma: Service, image_server: str) -> None:
    """test_api.py::test_lookup_success"""
    client = hma.admin
    assert client.get("/m/index/status").json()["pdq"]["present"] is False  # index empty to start with
    hma.app.state.childsafe.matchers.warm()  # Build index
    image_url = f"{image_server}/image1.jpg"
    assert client.get(f"/m/lookup?url={image_url}").status_code == 200
    image = Image.open(io.BytesIO(_download(image_url)))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG")
    file_tuple = ("upload.jpg", buffer.getvalue(), "image/jpeg")
    assert client.post("/m/lookup", files={"photo": file_tuple}).status_code == 200
    # It's not really a video, but MD5 is simple that we can fake it
    assert client.post("/m/lookup", files={"video": file_tuple}).status_code == 200


def _download(url: str) -> bytes:
    import urllib.request

    with urllib.request.urlopen(url, timeout=10) as r:  # noqa: S310 - the test's own local server
        data: bytes = r.read()
    return data


def test_lookup_without_role(make_service: Any, image_server: str) -> None:
    """test_api.py::test_lookup_without_role

    Differs: childsafe has no hasher role to turn off.  The GET's 403 comes from ``fetch_urls`` being
    off (the default); the upload is hashed and looked up (uploads are limited by ``hash_rate``).
    """
    client = make_service().admin  # fetch_urls off
    get_resp = client.get(f"/m/lookup?url={image_server}/image1.jpg")
    assert get_resp.status_code == 403
    jpeg = b"\xff\xd8\xff\xe0\x00\x10\x4a\x46\x49\x46\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"
    resp = client.post("/m/lookup", files={"file": ("f.jpg", jpeg, "image/jpeg")})
    assert resp.status_code == 422  # (HMA: 403) a header-only JPEG cannot be decoded


def test_exchange_api_set_auth(hma: Service) -> None:
    """test_api.py::test_exchange_api_set_auth

    Differs: no exchange types are installed, so the list is empty and HMA's answer for an unknown
    type (400) comes back where HMA's test, having installed two, sets their credentials.
    """
    client = hma.admin
    resp = client.get("/c/exchanges/apis")
    assert resp.status_code == 200
    assert resp.json() == []
    for name in ("sample", "fb_threatexchange"):
        assert client.get(f"/c/exchanges/api/{name}").status_code == 400
        resp = client.post(f"/c/exchanges/api/{name}", json={"credential_json": {"api_token": "12345789|0"}})
        assert resp.status_code == 400
        assert "12345789" not in resp.text  # a credential never comes back


def test_exchange_api_schema(hma: Service) -> None:
    """test_api.py::test_exchange_api_schema -- differs: no types installed, so HMA's 404 for an unknown one."""
    for name in ("sample", "fb_threatexchange"):
        assert hma.admin.get(f"/c/exchanges/api/{name}/schema").status_code == 404


def test_compare_hashes(hma: Service) -> None:
    """test_api.py::test_compare_hashes"""
    client = hma.admin
    specimen1 = "facd8bcb2a49bcebdec1985298d5fe84bcd006c187c598c720c3c087b3fdb318"
    specimen2 = "facd8bcb2a49bcebdec1985228d5ae84bcd006c187c598c720c2b087b3fdb318"
    # Happy path
    resp = client.post("/m/compare", json={"pdq": [specimen1, specimen2]})
    assert resp.json() == {"pdq": [True, {"distance": 9}]}
    # Malformed input
    bad_inputs: list[Any] = [
        ["banana"],  # Not a dict
        {"pdq": "banana"},  # Dict, but values are not lists
        {"pdq": []},  # List of comparison hashes is empty
        {"pdq": ["banana", "banana"]},  # Hashes are invalid
        {"pdq": [specimen1, specimen2, specimen1]},  # Too many hashes (must be exactly 2)
    ]
    for bad_input in bad_inputs:
        assert client.post("/m/compare", json=bad_input).status_code == 400, bad_input


def test_exchange_delete(hma: Service) -> None:
    """test_api.py::test_exchange_delete -- the create differs (no exchange types: HMA's 400)."""
    client = hma.admin
    # deleting an exchange that doesn't exist returns 200
    assert client.delete("/c/exchange/TEST_EXCHANGE").status_code == 200
    post_response = client.post("/c/exchanges", json={"api": "sample", "bank": "FOO_EXCHANGE", "api_json": {}})
    assert post_response.status_code == 400
    assert "No such exchange type 'sample'" in post_response.json()["message"]
    delete_response = client.delete("/c/exchange/FOO_EXCHANGE")
    assert delete_response.status_code == 200
    assert delete_response.json()["message"] == "Exchange deleted"


def test_exchange_get_fetch_status(hma: Service) -> None:
    """test_api.py::test_exchange_get_fetch_status -- the create differs (no exchange types: HMA's 400)."""
    client = hma.admin
    # Unknown exchange returns 404
    assert client.get("/c/exchange/NONEXISTENT_EXCHANGE/status").status_code == 404
    post_resp = client.post("/c/exchanges", json={"api": "sample", "bank": "BAR_EXCHANGE", "api_json": {}})
    assert post_resp.status_code == 400
    assert client.get("/c/exchange/BAR_EXCHANGE/status").status_code == 404
    # HMA's own validation of the request comes first, as in HMA
    assert client.post("/c/exchanges", json={"api": "sample", "bank": "bar"}).status_code == 400
    assert "must match" in client.post("/c/exchanges", json={"api": "sample", "bank": "bar"}).json()["message"]
