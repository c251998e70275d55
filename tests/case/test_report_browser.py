"""The case report in a real headless Chromium: it opens from disk with no console error, asks for
nothing over the network, shows every section, and lets no hostile string run.

Uses Debian's Chromium (``/usr/bin/chromium``, installed by ``scripts/setup.sh``) through Playwright,
launched as tests/web/test_browser.py does (Playwright's own browser download is not used).  Set
``CHILDSAFE_SCREENSHOTS=/some/dir`` to keep the screenshot.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from childsafe.case.report import write_report
from tests.case.sample import make_case
from tests.case.test_report import SECTIONS

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]

pytestmark = pytest.mark.slow


def test_report_opens_in_chromium_with_every_section_and_no_console_error(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing: install Debian's chromium (scripts/setup.sh does)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright for Python is missing (the dev extra)")
    paths = write_report(make_case(), tmp_path / "out")
    shots = Path(os.environ.get("CHILDSAFE_SCREENSHOTS") or tmp_path / "screenshots")
    shots.mkdir(parents=True, exist_ok=True)
    console: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.on("console", lambda m: console.append(f"{m.type}: {m.text}") if m.type in ("error", "warning")
                    else None)
            page.on("pageerror", lambda e: console.append(f"pageerror: {e}"))
            page.on("dialog", lambda d: console.append(f"dialog: {d.message}"))  # an injected alert()
            page.on("request", lambda r: requests.append(r.url))
            page.goto(paths.html.as_uri(), wait_until="load")
            page.screenshot(path=str(shots / "case-report.png"), full_page=True)
            seen: dict[str, Any] = page.evaluate(
                """ids => Object.fromEntries(ids.map(id => {
                       const s = document.getElementById(id);
                       return [id, s ? {h2: !!s.querySelector('h2'), text: s.innerText.length,
                                        visible: s.getBoundingClientRect().height > 0} : null];
                   }))""", list(SECTIONS))
            svgs = page.evaluate("Array.from(document.querySelectorAll('svg')).map(s => s.getBBox().width)")
            scripts = page.evaluate("document.scripts.length + document.images.length")
        finally:
            browser.close()
    assert console == []
    assert requests == [paths.html.as_uri()]  # the page itself, nothing else
    for section in SECTIONS:
        shown = seen[section]
        assert shown and shown["h2"] and shown["visible"] and shown["text"] > 20, section
    assert len(svgs) == 2 and all(w > 100 for w in svgs)  # the network and the timeline are drawn
    assert scripts == 0
    assert (shots / "case-report.png").stat().st_size > 10_000
