"""The review UI's cases: a page listing them, each case's queue, items and decisions carrying the case."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import quote

from childsafe.matching import Matcher
from childsafe.media.hashing import hash_file
from childsafe.services import Services
from childsafe.store.base import ScanRecord
from childsafe.store.review import ALLOWLIST_BANK
from tests.web.conftest import Web, csrf_of
from tests.web.seed import SAMPLES


def _case_with_a_photo(web: Web) -> tuple[Services, str]:
    """Case 'alpha' holding one scanned copy of the listed photo (matched against the main store's banks)."""
    house = Services(web.settings, web.store)
    house.cases().create("alpha", "test")
    alpha = house.cases().open("alpha")
    folder = web.seeded.evidence.parent / "alpha"
    folder.mkdir()
    photo = Path(shutil.copy(SAMPLES / "forest.jpg", folder / "beach.jpg"))
    hashes = hash_file(photo)
    record = hashes.to_record()
    record.update(Matcher(web.store).match_file(hashes).to_record())
    assert record["matches"]
    scan_id = alpha.store.start_scan(str(folder))
    st = photo.stat()
    alpha.store.save_scan_records(scan_id, [ScanRecord(str(photo), st.st_size, st.st_mtime_ns, record)])
    return alpha, f"media:{photo}"


def test_the_cases_page_lists_cases_and_opens_a_case_queue(web: Web) -> None:
    alpha, key = _case_with_a_photo(web)
    client = web.login()
    cases = web.page(client, "/review/cases").text
    assert re.search(r"<b>default</b>", cases) and re.search(r"<b>alpha</b>", cases)
    assert 'href="/review/?case=alpha"' in cases
    row = cases[cases.index("<b>alpha</b>"):]
    assert re.search(r'<td class="num">1</td>', row)  # one scanned item
    queue = web.page(client, "/review/?case=alpha").text
    assert "beach.jpg" in queue and "forest.jpg" not in queue and "case alpha" in queue
    assert f'/review/item?key={quote(key)}&amp;case=alpha' in queue  # Jinja's urlencode keeps '/'
    default = web.page(client, "/review/").text
    assert "beach.jpg" not in default and "forest.jpg" in default
    missing = client.get("/review/?case=nope")
    assert missing.status_code == 404
    # the item page, its media and reveal carry the case; the item is not in the default case
    item = web.page(client, f"/review/item?key={quote(key, safe='')}&case=alpha").text
    assert 'name="case" value="alpha"' in item and "&amp;case=alpha" in item
    assert client.get(f"/review/item?key={quote(key, safe='')}").status_code == 404
    media = client.get(f"/review/media?key={quote(key, safe='')}&case=alpha")
    assert media.status_code == 200
    assert [e.action for e in alpha.service_store().audit_entries(0, 10)] == ["review.media"]
    alpha.close()
    web.app.state.childsafe.cases.close()


def test_a_decision_in_a_case_stays_in_the_case_and_its_allowlist_is_the_houses(web: Web) -> None:
    alpha, key = _case_with_a_photo(web)
    client = web.login()
    page = web.page(client, f"/review/item?key={quote(key, safe='')}&case=alpha").text
    fingerprint = re.search(r'name="fingerprint" value="([^"]*)"', page)
    shown = re.search(r'name="allowlist_preview" value="(\d+)"', page)
    assert fingerprint is not None and shown is not None and shown.group(1) == "0"
    r = client.post("/review/decide", data={"key": key, "decision": "false_positive", "reason": "a beach",
                                            "fingerprint": fingerprint.group(1), "csrf": csrf_of(page),
                                            "allowlist_preview": "0", "case": "alpha"})
    assert r.status_code == 303 and r.headers["location"].endswith("&case=alpha"), r.text
    assert [e.action for e in alpha.service_store().audit_entries(0, 10)] == ["review.decide"]
    assert not any(e.action == "review.decide" for e in web.service.audit_entries(limit=1000))
    assert web.store.get_bank(ALLOWLIST_BANK).entry_count == 2
    assert "beach.jpg" not in web.page(client, "/review/?case=alpha").text
    assert "forest.jpg" in web.page(client, "/review/").text  # the default case's item is still open
    # the allowlist page names the case; an administrator removes the entries from there
    admin = web.login("root")
    listed = web.page(admin, "/review/allowlist").text
    assert "<td>alpha</td>" in listed and f"{quote(key)}&amp;case=alpha" in listed
    r = admin.post("/review/allowlist/remove", data={"key": f"case/alpha/{key}", "reason": "it is the item",
                                                     "csrf": csrf_of(listed)})
    assert r.status_code == 303, r.text
    assert web.store.get_bank(ALLOWLIST_BANK).entry_count == 0
    assert alpha.reviews().latest_decisions([key])[key].decision == "reopened"
    alpha.close()
    web.app.state.childsafe.cases.close()
