"""The review flow in a real headless Chromium against a real server (``childsafe serve`` in a subprocess).

Log in, open the queue, reveal a blurred item, decide with a reason, see the entry on the audit page;
on the way: the video starts muted, the conversation view highlights, the exposure page counts.
Uses Debian's Chromium (``/usr/bin/chromium``, installed by ``scripts/setup.sh``) through Playwright;
Playwright's own browser download is not used.  Set ``CHILDSAFE_SCREENSHOTS=/some/dir`` to keep a
screenshot of every page.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from childsafe.store.review import ALLOWLIST_BANK
from childsafe.store.service import ServiceStore
from childsafe.store.sql import open_store
from tests.web.seed import PASSWORD, Seeded, make_users, seed_store

CHROMIUM = Path("/usr/bin/chromium")
#: As the machine's probe starts it: no sandbox as root, and nothing that reaches for the network.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]

pytestmark = pytest.mark.slow


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Seeded, Path]]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing: install Debian's chromium (scripts/setup.sh does)")
    pytest.importorskip("playwright.sync_api", reason="playwright for Python is missing (the dev extra)")
    folder = tmp_path_factory.mktemp("browser")
    home = folder / "home"
    store = open_store(f"sqlite:///{home / 'childsafe.sqlite3'}")
    make_users(ServiceStore(store))
    seeded = seed_store(store, folder)
    store.close()
    port = _free_port()
    env = {**os.environ, "CHILDSAFE_HOME": str(home)}
    env.pop("CHILDSAFE_DB", None)
    log = (folder / "server.log").open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "childsafe", "serve", "--host", "127.0.0.1", "--port", str(port),
                             "--workers", "1"], env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/status", timeout=2):
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError("server did not start:\n" + (folder / "server.log").read_text()) from None
            time.sleep(0.2)
    try:
        yield base, seeded, home
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(server: Any) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Shots:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def take(self, page: Any, name: str) -> None:
        page.screenshot(path=str(self.folder / f"ui-{name}.png"), full_page=True)


@pytest.fixture
def shots(tmp_path: Path) -> Shots:
    return Shots(Path(os.environ.get("CHILDSAFE_SCREENSHOTS") or tmp_path / "screenshots"))


def _until(page: Any, script: str, timeout: float = 10.0) -> None:
    """Poll ``script`` (page.wait_for_function evaluates strings, which the UI's CSP forbids)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script):
        assert time.monotonic() < deadline, f"timed out waiting for {script}"
        time.sleep(0.05)


def _login(page: Any, base: str, name: str) -> None:
    page.goto(base + "/review/")
    assert page.url.startswith(base + "/review/login")  # every page needs a login
    page.fill("#username", name)
    page.fill("#password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/review/(\?.*)?$"))


def test_review_flow_in_chromium(server: Any, browser: Any, shots: Shots) -> None:
    base, seeded, home = server
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    requests: list[str] = []
    context.on("request", lambda r: requests.append(r.url))
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(base + "/review/login")
    shots.take(page, "login")
    _login(page, base, "rita")
    rows = page.locator("table.queue tbody tr")
    assert rows.count() >= 5
    urgencies = [float(t) for t in page.locator("table.queue td.num b").all_inner_texts()]
    assert urgencies == sorted(urgencies, reverse=True)
    assert {"Media", "Conversation", "Network"} <= set(page.locator("table.queue .badge").all_inner_texts())
    shots.take(page, "queue")

    # the photo: blurred and greyscale until revealed; the reveal is counted
    page.locator("tr", has_text="forest.jpg").locator("a.button").click()
    media = page.locator("#media")
    media.wait_for()
    _until(page, "document.getElementById('media').complete")
    assert "shielded" in (media.get_attribute("class") or "")
    blurred = page.evaluate("getComputedStyle(document.getElementById('media')).filter")
    assert "blur" in blurred and "grayscale(1)" in blurred
    shots.take(page, "item-blurred")
    before = int(page.inner_text("#reveals-24h"))
    page.click("button[data-reveal]")
    _until(page, "!document.getElementById('media').classList.contains('shielded')")
    assert page.evaluate("getComputedStyle(document.getElementById('media')).filter") == "none"
    assert int(page.inner_text("#reveals-24h")) == before + 1
    shots.take(page, "item-revealed")
    assert page.locator("button[data-reveal]").is_hidden()
    page.click("button[data-hide]")
    assert "shielded" in (media.get_attribute("class") or "")
    assert page.locator("button[data-hide]").is_hidden() and page.locator("button[data-reveal]").is_visible()

    # decide: a false positive with a reason
    page.check("input[value=false_positive]")
    page.fill("#reason", "Synthetic forest picture, not the listed item")
    page.click("#decide-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/review/\?done=\d+$"))
    assert "Decision recorded as audit entry" in page.inner_text("main")
    assert page.locator("tr", has_text="forest.jpg").count() == 0
    shots.take(page, "queue-after-decision")

    # the video: blurred and muted
    page.locator("tr", has_text="clip.mp4").locator("a.button").click()
    page.locator("video#media").wait_for()
    assert page.evaluate("document.getElementById('media').muted") is True
    assert "blur" in page.evaluate("getComputedStyle(document.getElementById('media')).filter")
    shots.take(page, "item-video")

    # the conversation view: indicator messages highlighted
    page.goto(base + "/review/item?key=text%3Asam_k")
    shots.take(page, "item-text")
    page.locator("a.button", has_text="Open").first.click()
    page.locator("ol.messages").wait_for()
    assert page.locator("li.msg.flagged").count() == 8
    assert page.locator("li.msg").count() == 14
    shots.take(page, "conversation")
    page.check("#only-flagged")
    assert page.locator("li.msg:not(.flagged)").first.is_hidden()

    # a network lead, confirmed
    page.goto(base + "/review/item?key=graph%3Aring_b")
    shots.take(page, "item-graph")
    page.check("input[value=confirmed]")
    page.fill("#reason", "Messages the confirmed account daily")
    page.click("#decide-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/review/\?done=\d+$"))

    page.goto(base + "/review/me")
    stats = page.locator(".stat .value").all_inner_texts()
    assert int(stats[1]) >= 1  # reveals in the last 24 h
    shots.take(page, "me")

    # the audit page (administrators): the decision, under the reviewer's name, and a clean chain
    page.click("button:has-text('Log out')")
    page.wait_for_url(re.compile(r".*/review/login$"))
    _login(page, base, "root")
    page.click("header nav a:has-text('Audit')")
    assert "Verified:" in page.inner_text(".verify")
    row = page.locator("table.audit tr", has_text="review.decide").filter(has_text="forest.jpg")
    assert row.count() == 1 and "rita" in row.inner_text() and "not the listed item" in row.inner_text()
    shots.take(page, "audit")
    assert not errors, errors
    page.goto(base + "/review/nothing-here")
    assert "no page at this address" in page.inner_text("main")
    shots.take(page, "error")

    assert all(u.startswith(base) for u in requests), [u for u in requests if not u.startswith(base)]
    context.close()
    store = open_store(f"sqlite:///{home / 'childsafe.sqlite3'}")
    try:
        assert store.get_bank(ALLOWLIST_BANK).entry_count == 2
        assert ServiceStore(store).verify_audit().ok
    finally:
        store.close()


def test_allowlist_preview_admin_approval_and_removal_in_chromium(server: Any, browser: Any, shots: Shots) -> None:
    from childsafe.matching import Matcher
    from childsafe.media.hashing import FileHashes
    from childsafe.store.base import NewEntry, ScanRecord
    from tests.graph.graphkit import flip_bits, pdq_of, sha_of

    base, seeded, home = server
    # two stored near copies of a listed picture: calling the closer one a false positive would
    # also silence the farther one, so a reviewer is refused and an administrator decides
    listed = pdq_of(41)
    store = open_store(f"sqlite:///{home / 'childsafe.sqlite3'}")
    try:
        store.create_bank("known-b")
        store.add_entries("known-b", [NewEntry("pdq", listed, label="item-b")])
        matcher = Matcher(store)
        records = []
        for name, bits in (("near-a.jpg", [1, 2, 3, 4]), ("near-b.jpg", [1, 2, 3, 4, 5, 6])):
            path = str(seeded.evidence / name)
            rec = {"path": path, "content_type": "photo", "size": 1, "md5": None, "sha1": None,
                   "sha256": sha_of(name), "pdq": {"hash": flip_bits(listed, bits), "quality": 100}, "error": None}
            rec.update(matcher.match_file(FileHashes.from_record(rec)).to_record())
            records.append(ScanRecord(path, 1, 1, rec))
        store.save_scan_records(store.start_scan(str(seeded.evidence)), records)
    finally:
        store.close()
    key = f"media:{seeded.evidence / 'near-a.jpg'}"
    item = base + "/review/item?key=" + quote(key, safe="")
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    _login(page, base, "rita")
    page.goto(item)
    preview = page.locator("#allowlist-preview")
    assert page.inner_text("#allowlist-others") == "1" and "near-b.jpg" in preview.inner_text()
    assert page.locator("#needs-admin").is_visible() and "Needs admin approval" in page.inner_text("#needs-admin")
    assert page.is_disabled("input[value=false_positive]")
    shots.take(page, "item-allowlist-needs-admin")
    page.check("input[value=escalate]")
    page.fill("#reason", "Looks like a different picture; the allowlist would hide another file")
    page.click("#decide-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/review/\?done=\d+$"))
    page.click("button:has-text('Log out')")
    page.wait_for_url(re.compile(r".*/review/login$"))

    _login(page, base, "root")
    page.goto(item)
    assert page.inner_text("#allowlist-others") == "1" and page.locator("#needs-admin").count() == 0
    assert page.is_enabled("input[value=false_positive]")
    page.check("input[value=false_positive]")
    page.fill("#reason", "Both are a different picture")
    page.click("#decide-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/review/\?done=\d+$"))

    page.click("header nav a:has-text('Allowlist')")
    row = page.locator("table.allowlist tr", has_text="near-a.jpg")
    assert row.count() == 1 and "known-b pdq" in row.inner_text() and "root" in row.inner_text()
    shots.take(page, "allowlist")
    row.locator("input[name=reason]").fill("Approved by mistake")
    row.locator("button:has-text('Remove')").click()
    page.wait_for_url(re.compile(r".*/review/allowlist\?removed=\d+$"))
    assert "Allowlist entries removed" in page.inner_text("main")
    assert page.locator("table.allowlist tr", has_text="near-a.jpg").count() == 0
    shots.take(page, "allowlist-removed")
    assert not errors, errors
    context.close()

    store = open_store(f"sqlite:///{home / 'childsafe.sqlite3'}")
    try:
        service = ServiceStore(store)
        removed = [e for e in service.audit_entries(limit=1000) if e.action == "allowlist.remove"]
        assert len(removed) == 1 and removed[0].actor == "root" and removed[0].target == key
        assert service.verify_audit().ok
    finally:
        store.close()
