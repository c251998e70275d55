"""URL fetching for HMA's ?url=: public addresses only, checked again after every redirect."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from childsafe.api import fetch
from childsafe.errors import ConfigError, MediaTooLargeError, PermissionDeniedError
from tests.api.conftest import SAMPLES


@pytest.mark.parametrize(("address", "public"), [
    ("127.0.0.1", False), ("127.8.9.1", False), ("10.0.0.1", False), ("172.16.5.4", False),
    ("192.168.1.1", False), ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False),
    ("224.0.0.1", False), ("255.255.255.255", False), ("::1", False), ("fe80::1%eth0", False),
    ("fc00::1", False), ("::ffff:127.0.0.1", False), ("::ffff:10.0.0.1", False), ("::", False),
    ("8.8.8.8", True), ("93.184.216.34", True), ("2606:4700:4700::1111", True),
])
def test_public_addresses(address: str, public: bool) -> None:
    assert fetch.is_public_address(address) is public


@pytest.mark.parametrize(("address", "public"), [
    ("64:ff9b::7f00:1", False), ("64:ff9b::127.0.0.1", False), ("64:ff9b::a00:1", False),
    ("64:ff9b::a9fe:a9fe", False), ("64:ff9b:1::808:808", False),  # NAT64 (and local-use NAT64)
    ("2002:7f00:1::", False), ("2002:c0a8:101::1", False), ("2002:a9fe:a9fe::1", False),  # 6to4
    ("::127.0.0.1", False), ("::10.0.0.1", False),  # IPv4-compatible (deprecated)
    ("::ffff:192.168.0.1", False), ("::ffff:169.254.169.254", False), ("::ffff:0:127.0.0.1", False),
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", False),  # Teredo
    ("64:ff9b::808:808", True), ("2002:808:808::1", True), ("::ffff:8.8.8.8", True),
])
def test_ipv6_forms_of_private_ipv4_are_not_public(address: str, public: bool) -> None:
    assert fetch.is_public_address(address) is public


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path == "/redirect-private":
            self.send_response(302)
            self.send_header("Location", "http://10.9.8.7/x.jpg")
            self.end_headers()
            return
        if self.path == "/redirect-local":
            self.send_response(302)
            self.send_header("Location", "/photo.jpg")
            self.end_headers()
            return
        body = (SAMPLES / "forest.jpg").read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "image/jpeg")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_loopback_is_refused(local_server: str) -> None:
    with pytest.raises(PermissionDeniedError):
        fetch.fetch_url(local_server + "/photo.jpg", 10**6)
    for url in ("file:///etc/passwd", "ftp://example.org/x", "http:///nohost", "gopher://x"):
        with pytest.raises(ConfigError):
            fetch.fetch_url(url, 10**6)


def test_fetch_connects_to_the_checked_address_and_rechecks_redirects(local_server: str,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # Pretend loopback is public, so the real fetch path runs against a local server.
    monkeypatch.setattr(fetch, "is_public_address", lambda a: a.startswith("127."))
    body, content_type = fetch.fetch_url(local_server + "/photo.jpg", 10**6)
    assert body == (SAMPLES / "forest.jpg").read_bytes() and content_type == "image/jpeg"
    assert fetch.fetch_url(local_server + "/redirect-local", 10**6)[0] == body
    with pytest.raises(PermissionDeniedError):
        fetch.fetch_url(local_server + "/redirect-private", 10**6)
    with pytest.raises(MediaTooLargeError):
        fetch.fetch_url(local_server + "/photo.jpg", 1000)


def test_hma_url_hashing_end_to_end(make_service: Any, local_server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch, "is_public_address", lambda a: a.startswith("127."))
    svc = make_service(fetch_urls=True)
    r = svc.api.get("/h/hash", params={"url": local_server + "/photo.jpg"})
    assert r.status_code == 200 and set(r.json()) == {"pdq"}
    svc.admin.post("/c/banks", json={"name": "B"})
    svc.admin.post("/c/bank/B/signal", json=r.json())
    by_type = svc.api.get("/m/lookup", params={"url": local_server + "/photo.jpg"}).json()
    assert list(by_type) == ["pdq"] and list(by_type["pdq"]) == ["B"]
