"""Shared pieces of the HMA test ports (``test_hma_upstream_*.py``).

Each ported test names the function of Meta's ThreatExchange repository it comes from, in
``hasher-matcher-actioner/src/OpenMediaMatch/tests/``; the requests and assertions are HMA's.  What
childsafe changes on purpose, and the test therefore changes too:

- Authentication: HMA has none; every request here carries an admin's token (``svc.admin``).
- URL fetching: HMA fetches anything; childsafe fetches only with ``fetch_urls`` and never from a
  private address.  The image server runs on 127.0.0.1 (HMA's own test fixture does the same), so
  these tests let the fetcher reach loopback for their duration; everything else of the fetch (the
  request, the size bounds, the hashing) is the code that serves.
- Offline: HMA's tests that fetch an image from github.com fetch the same kind of image from the
  local server here.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from childsafe.api import fetch
from childsafe.media.hashing import hash_file
from tests.api.conftest import Client, Service

#: Filled by the ``image_server`` fixture: each served image's URL and its PDQ hash.
IMAGE_URL_TO_PDQ: dict[str, str] = {}


def _checkerboard(cell: int) -> Image.Image:
    """HMA's fixture image: a 128x128 black and white checkerboard of ``cell``-pixel squares."""
    img = Image.new("RGB", (128, 128))
    pixels = img.load()
    assert pixels is not None
    for x in range(128):
        for y in range(128):
            pixels[x, y] = (255, 255, 255) if (x // cell + y // cell) % 2 else (0, 0, 0)
    return img


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="module")
def image_server() -> Iterator[str]:
    """As HMA's ``image_server``: two checkerboards (8 and 16 pixel cells) served on 127.0.0.1."""
    folder = Path(tempfile.mkdtemp())
    server = None
    try:
        _checkerboard(8).save(folder / "image1.jpg", format="JPEG")
        _checkerboard(16).save(folder / "image2.jpg", format="JPEG")
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(folder)))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        for name in ("image1.jpg", "image2.jpg"):
            pdq = hash_file(folder / name).value("pdq")
            assert pdq is not None
            IMAGE_URL_TO_PDQ[f"{base}/{name}"] = pdq
        yield base
    finally:
        if server is not None:
            server.shutdown()
            server.server_close()
        shutil.rmtree(folder)


@pytest.fixture
def hma(make_service: Any, monkeypatch: pytest.MonkeyPatch) -> Service:
    """A service as HMA's tests get it: URL fetching on, loopback reachable (see the module docstring)."""
    public = fetch.is_public_address
    monkeypatch.setattr(fetch, "is_public_address", lambda address: address == "127.0.0.1" or public(address))
    svc: Service = make_service(fetch_urls=True)
    return svc


def create_bank(client: Client, bank_name: str) -> None:
    """HMA ``tests/utils.py::create_bank``."""
    post_response = client.post("/c/banks", json={"name": bank_name})
    assert post_response.status_code == 201
    assert post_response.json() == {"matching_enabled_ratio": 1.0, "name": bank_name}


def add_hash_to_bank(client: Client, bank_name: str, image_url: str, content_id: int = 1) -> None:
    """HMA ``tests/utils.py::add_hash_to_bank``."""
    post_response = client.post(f"/c/bank/{bank_name}/content?url={image_url}&content_type=photo")
    assert post_response.status_code == 200
    assert post_response.json() == {"id": content_id, "signals": {"pdq": IMAGE_URL_TO_PDQ[image_url]}}
