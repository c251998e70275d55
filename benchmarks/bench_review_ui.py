#!/usr/bin/env python
"""Server-rendered review queue against a client-rendered one: page weight and time to first render.

The choice the review UI had to make (issue 6: "server-rendered pages or a small front end --
measure and choose").  Both variants show the same queue from the same process and the same data:

* ``ssr``: the shipped page (``GET /review/``), HTML rendered by Jinja2 with the rows in it;
* ``csr``: a shell page with the same CSS that fetches the queue as JSON and builds the same row
  markup in the browser with vanilla JavaScript (added by this script only).  This is the cheapest
  possible front end: any framework (React, Vue...) adds its runtime on top, so its figures are a
  lower bound for "a small front end".

Setup: a fresh home with ``--items`` media matches, 40 risky authors and a reviewer; the API app
under uvicorn in a thread on 127.0.0.1; Debian's Chromium headless through Playwright.  Each load
uses a fresh browser context (no cache: the service sends ``Cache-Control: no-store`` anyway).
Reported per variant, median of ``--loads`` loads: bytes received (all responses' bodies), time to
the first byte of the page, first contentful paint, and the first animation frame with every queue
row in the page (watched by the same injected script in both variants).

Run:
    python benchmarks/bench_review_ui.py             # 200 items, 15 loads each
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Mount

from childsafe.accounts import hash_password
from childsafe.api.app import create_app
from childsafe.config import load_settings
from childsafe.store.base import NewEntry, ScanRecord
from childsafe.store.graph import GraphStore
from childsafe.store.service import ServiceStore
from childsafe.store.sql import open_store
from childsafe.web.app import ReviewUI

PASSWORD = "correct horse battery staple"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
                 "--disable-background-networking", "--disable-component-update"]

SHELL = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Queue</title>
<link rel="stylesheet" href="/review/static/review.css"><script src="/review/bench/csr.js" defer></script></head>
<body><header class="top"><a class="brand" href="/review/">childsafe <span>review</span></a></header>
<main><h1>Review queue</h1><table class="queue"><thead><tr><th class="num">Urgency</th><th>Source</th><th>Item</th>
<th>Why</th><th></th></tr></thead><tbody id="rows"></tbody></table></main></body></html>"""

CSR_JS = r""""use strict";
// The same row markup as templates/queue.html, built in the browser from the JSON queue.
const ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"};
const esc = s => String(s).replace(/[&<>"']/g, c => ENTITIES[c]);
const NAMES = {media: "Media", text: "Conversation", graph: "Network"};
const ESCALATED = '<span class="badge escalate">Escalated</span>';
fetch("/review/bench/queue.json", {credentials: "same-origin"}).then(r => r.json()).then(items => {
  document.getElementById("rows").innerHTML = items.map(it => {
    const slash = it.subject.lastIndexOf("/");
    const subject = it.source === "media"
      ? `<b>${esc(it.subject.slice(slash + 1))}</b><small>${esc(it.subject.slice(0, slash))}</small>`
      : `<b>${esc(it.subject)}</b>`;
    const more = it.reasons.length > 1 ? ` <small>+${it.reasons.length - 1} more</small>` : "";
    return `<tr class="src-${it.source}${it.escalated ? " escalated" : ""}">
      <td class="num"><meter min="0" max="1" low="0.5" high="0.85" optimum="0" value="${it.urgency}"></meter>
      <b>${it.urgency.toFixed(2)}</b></td>
      <td><span class="badge ${it.source}">${NAMES[it.source]}</span>${it.escalated ? ESCALATED : ""}</td>
      <td class="subject">${subject}<small>${esc(it.summary)}</small></td>
      <td class="why">${esc(it.reasons[0] || "")}${more}</td>
      <td><a class="button" href="/review/item?key=${encodeURIComponent(it.key)}">Open</a></td></tr>`;
  }).join("");
});"""

#: Installed before any page script (not subject to the page's CSP): the time of the first animation frame
#: with every queue row in the document, measured the same way for both variants.
WATCH = """(() => {
  const want = %d;
  const tick = () => {
    if (document.querySelectorAll("table.queue tbody tr").length >= want) {
      requestAnimationFrame(() => performance.mark("painted"));
    } else { requestAnimationFrame(tick); }
  };
  requestAnimationFrame(tick);
})();"""

MEASURE = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const res = performance.getEntriesByType("resource");
  const paint = performance.getEntriesByType("paint").find(p => p.name === "first-contentful-paint");
  const mark = performance.getEntriesByName("painted")[0];
  return {bytes: nav.encodedBodySize + res.reduce((s, r) => s + r.encodedBodySize, 0),
          requests: 1 + res.length, fcp: paint ? paint.startTime : null, ttfb: nav.responseStart,
          rows: mark ? mark.startTime : null,
          count: document.querySelectorAll("table.queue tbody tr").length};
}"""


def seed(home: Path, items: int) -> None:
    settings = load_settings({"home": home}, {})
    store = open_store(settings.db_url)
    service = ServiceStore.for_settings(store, settings)
    service.create_user("rita", "reviewer", hash_password(PASSWORD), actor="bench")
    store.create_bank("known")
    store.add_entries("known", [NewEntry("md5", f"{i:032x}", label=f"item-{i}") for i in range(items)])
    scan = store.start_scan("/evidence")
    records = []
    for i in range(items):
        path = f"/evidence/case-{i // 50:03d}/IMG_{i:05d}.jpg"
        record = {"path": path, "content_type": "photo", "size": 100_000 + i, "md5": f"{i:032x}",
                  "sha256": f"{i:064x}", "pdq": None, "error": None,
                  "matches": [{"bank": "known", "signal_type": "md5", "signal": f"{i:032x}", "distance": 0,
                               "label": f"item-{i}", "source": None}]}
        records.append(ScanRecord(path, record["size"], 0, record))
    store.save_scan_records(scan, records)
    graph = GraphStore(store)
    for i in range(40):
        graph.save_author_risk(f"author_{i:03d}", 0.5 + i / 100, i % 3 == 0, ["secrecy", "platform_move"])
    store.close()


def serve(home: Path) -> tuple[str, uvicorn.Server]:
    settings = load_settings({"home": home}, {})
    app = create_app(settings)
    mount = next(r for r in app.routes if isinstance(r, Mount) and r.path == "/review")
    ui: ReviewUI = mount.app.state.review_ui  # type: ignore[attr-defined]

    def shell(_request: Request) -> HTMLResponse:
        return HTMLResponse(SHELL)

    def script(_request: Request) -> HTMLResponse:
        return HTMLResponse(CSR_JS, media_type="text/javascript")

    def queue_json(request: Request) -> JSONResponse:
        ui.session(request)
        return JSONResponse([i.to_record() for i in ui.queue.items().items[:200]])

    ui.app.add_route("/bench/csr", shell)
    ui.app.add_route("/bench/csr.js", script)
    ui.app.add_route("/bench/queue.json", queue_json)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{port}", server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--loads", type=int, default=15)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        seed(home, args.items)
        base, server = serve(home)
        results: dict[str, list[dict[str, Any]]] = {"ssr": [], "csr": []}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
            login = browser.new_context()
            page = login.new_page()
            page.goto(base + "/review/login")
            page.fill("#username", "rita")
            page.fill("#password", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(base + "/review/")
            cookies = login.cookies()
            login.close()
            urls = {"ssr": base + "/review/", "csr": base + "/review/bench/csr"}
            for n in range(args.loads + 1):  # the first round warms the server
                for variant, url in urls.items():
                    context = browser.new_context(viewport={"width": 1280, "height": 860})
                    context.add_cookies(cookies)
                    context.add_init_script(WATCH % min(args.items, 200))
                    page = context.new_page()
                    page.goto(url, wait_until="load")
                    page.wait_for_selector("table.queue tbody tr")
                    deadline = time.monotonic() + 10
                    while not page.evaluate("performance.getEntriesByName('painted').length"):
                        assert time.monotonic() < deadline, "rows never painted"
                        time.sleep(0.02)
                    if n:
                        results[variant].append(page.evaluate(MEASURE))
                    context.close()
            browser.close()
        server.should_exit = True
    summary = {}
    for variant, runs in results.items():
        summary[variant] = {
            "rows": runs[0]["count"], "requests": runs[0]["requests"],
            "bytes": int(statistics.median(r["bytes"] for r in runs)),
            "ttfb_ms": round(statistics.median(r["ttfb"] for r in runs), 1),
            "fcp_ms": round(statistics.median(r["fcp"] for r in runs), 1),
            "rows_ms": round(statistics.median(r["rows"] for r in runs), 1),
        }
        s = summary[variant]
        print(f"{variant}: {s['rows']} rows, {s['requests']} requests, {s['bytes']:,} bytes, first byte "
              f"{s['ttfb_ms']} ms, first contentful paint {s['fcp_ms']} ms, all rows painted {s['rows_ms']} ms "
              f"(median of {len(runs)})")
    print(json.dumps({"items": args.items, "loads": args.loads, **summary}))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
