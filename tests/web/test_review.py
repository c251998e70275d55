"""The review UI in-process: login, CSRF, protection defaults, decisions and their effects, exposure."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from sqlalchemy import select

from childsafe.accounts import issue_token
from childsafe.matching import Matcher
from childsafe.media.hashing import hash_file
from childsafe.store.review import ALLOWLIST_BANK
from childsafe.store.schema import graph_labels, review_sessions
from tests.web.conftest import Web, csrf_of
from tests.web.seed import PASSWORD

PAGES = ["/review/", "/review/me", "/review/audit", "/review/item?key=text%3Asam_k"]


def item_url(key: str) -> str:
    return "/review/item?key=" + quote(key, safe="")


def decide(web: Web, client, key: str, decision: str, reason: str = "checked it") -> object:
    page = web.page(client, item_url(key))
    fingerprint = re.search(r'name="fingerprint" value="([^"]*)"', page.text)
    assert fingerprint is not None
    data = {"key": key, "decision": decision, "reason": reason, "fingerprint": fingerprint.group(1),
            "csrf": csrf_of(page.text)}
    shown = re.search(r'name="allowlist_preview" value="(\d+)"', page.text)  # the preview step, as the form sends it
    if shown is not None:
        data["allowlist_preview"] = shown.group(1)
    return client.post("/review/decide", data=data)


# -- login and sessions ---------------------------------------------------------------------------
@pytest.mark.parametrize("url", [*PAGES, "/review/media?key=x", "/review/conversation?author=sam_k",
                                 "/review/allowlist"])
def test_every_page_requires_login(web: Web, url: str) -> None:
    r = web.client().get(url)
    assert r.status_code == 303 and r.headers["location"].startswith("/review/login")


def test_login_logout_and_the_session_cookie(web: Web) -> None:
    client = web.client()
    assert client.get("/").headers["location"] == "/review/"
    form = client.get("/review/login")
    assert form.status_code == 200 and 'type="password"' in form.text
    bad = client.post("/review/login", data={"username": "rita", "password": "wrong password!",
                                             "csrf": csrf_of(form.text)})
    assert bad.status_code == 401 and "wrong user name or password" in bad.text
    r = client.post("/review/login", data={"username": "rita", "password": PASSWORD, "csrf": csrf_of(form.text),
                                           "next": "/review/me"})
    assert r.status_code == 303 and r.headers["location"] == "/review/me"
    cookie = next(c for c in r.headers.get_list("set-cookie") if c.startswith("childsafe_review="))
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/review" in cookie
    token = cookie.split(";")[0].split("=", 1)[1]
    with web.store.engine.connect() as conn:
        stored = [r.token_sha256 for r in conn.execute(select(review_sessions))]
    assert stored and token not in stored  # only its digest is kept
    queue = web.page(client, "/review/")
    assert "rita" in queue.text and "Review queue" in queue.text
    assert "default-src 'none'" in queue.headers["content-security-policy"]
    assert queue.headers["x-frame-options"] == "DENY" and "no-store" in queue.headers["cache-control"]
    out = client.post("/review/logout", data={"csrf": csrf_of(queue.text)})
    assert out.status_code == 303
    assert client.get("/review/").status_code == 303  # the session is gone server-side
    actions = [e.action for e in web.service.audit_entries(limit=1000)]
    assert {"login.failure", "login.success", "logout"} <= set(actions)


def test_open_redirects_are_refused(web: Web) -> None:
    client = web.client()
    form = client.get("/review/login")
    r = client.post("/review/login", data={"username": "rita", "password": PASSWORD, "csrf": csrf_of(form.text),
                                           "next": "https://evil.example/"})
    assert r.headers["location"] == "/review/"


def test_api_clients_cannot_use_the_ui(web: Web) -> None:
    client = web.client()
    form = client.get("/review/login")
    r = client.post("/review/login", data={"username": "bot", "password": PASSWORD, "csrf": csrf_of(form.text)})
    assert r.status_code == 403 and "may not use the review UI" in r.text
    assert client.get("/review/").status_code == 303


def test_login_is_rate_limited_with_the_service_limiter(web: Web) -> None:
    client = web.client()
    token = csrf_of(client.get("/review/login").text)
    codes = [client.post("/review/login", data={"username": "rita", "password": "nope nope nope",
                                                "csrf": token}).status_code for _ in range(12)]
    assert codes[0] == 401 and codes[-1] == 429
    assert web.app.state.childsafe.login_limiter.take(("login-user", "rita")) > 0


def test_reviewers_may_not_read_the_audit_page(web: Web) -> None:
    assert web.login("rita").get("/review/audit").status_code == 403
    assert web.page(web.login("root"), "/review/audit").status_code == 200


# -- CSRF -----------------------------------------------------------------------------------------
def test_forms_without_the_session_token_are_refused(web: Web) -> None:
    client = web.login()
    key = web.seeded.photo_key
    base = {"key": key, "decision": "confirmed", "reason": "x", "fingerprint": ""}
    for data in (base, {**base, "csrf": "forged" * 8}):
        r = client.post("/review/decide", data=data)
        assert r.status_code == 403 and "did not come from this site" in r.text
    assert client.post("/review/reveal", data={"key": key}).status_code == 403
    assert client.post("/review/logout", data={}).status_code == 403
    # another session's token is no good either
    other = csrf_of(web.page(web.login("root"), "/review/").text)
    assert client.post("/review/decide", data={**base, "csrf": other}).status_code == 403
    assert web.reviews.latest_decisions([key]) == {}


def test_cross_site_origin_is_refused_even_with_the_token(web: Web) -> None:
    client = web.login()
    token = csrf_of(web.page(client, "/review/").text)
    r = client.post("/review/reveal", data={"key": web.seeded.photo_key, "csrf": token},
                    headers={"Origin": "https://evil.example"})
    assert r.status_code == 403


def test_the_login_form_needs_its_double_submit_token(web: Web) -> None:
    client = web.client()
    client.get("/review/login")
    r = client.post("/review/login", data={"username": "rita", "password": PASSWORD, "csrf": "x" * 43})
    assert r.status_code == 403
    fresh = web.client()  # no cookie at all
    r = fresh.post("/review/login", data={"username": "rita", "password": PASSWORD, "csrf": "x" * 43})
    assert r.status_code == 403


# -- the queue and protection defaults ------------------------------------------------------------
def test_the_queue_spans_every_source_most_urgent_first(web: Web) -> None:
    html = web.page(web.login(), "/review/").text
    keys = [m for m in re.findall(r'item\?key=([^"]+)"', html)]
    sources = [k.split("%3A")[0] for k in keys]
    assert {"media", "text", "graph"} <= set(sources)
    urgencies = [float(u) for u in re.findall(r"<b>(\d\.\d\d)</b>", html)]
    assert urgencies == sorted(urgencies, reverse=True)
    assert "<img" not in html and "<video" not in html  # no media on the queue page
    only = web.page(web.login(), "/review/?source=graph").text
    assert "graph%3Aring_b" in only and "media%3A" not in only


def test_media_is_blurred_by_default_and_video_muted(web: Web) -> None:
    client = web.login()
    photo = web.page(client, item_url(web.seeded.photo_key)).text
    assert re.search(r'<img id="media" class="shielded"', photo)
    assert "data-reveal" in photo
    video = web.page(client, item_url(web.seeded.video_key)).text
    tag = re.search(r"<video[^>]*>", video)
    assert tag and 'class="shielded"' in tag.group(0) and " muted" in tag.group(0)
    css = client.get("/review/static/review.css").text
    assert re.search(r"\.shielded \{ filter: blur\(\d+px\) grayscale\(1\); \}", css)


def test_media_is_streamed_from_its_path_audited_and_only_for_review_items(web: Web) -> None:
    client = web.login()
    key = web.seeded.photo_key
    r = client.get("/review/media?key=" + quote(key, safe=""))
    assert r.status_code == 200 and r.headers["content-type"] == "image/jpeg"
    assert r.content == web.seeded.evidence.joinpath("forest.jpg").read_bytes()
    assert "sandbox" in r.headers["content-security-policy"]
    part = client.get("/review/media?key=" + quote(web.seeded.video_key, safe=""), headers={"Range": "bytes=0-99"})
    assert part.status_code == 206 and len(part.content) == 100 and part.headers["content-type"] == "video/mp4"
    # not a review item (no match): never served, whatever the path
    for other in ("media:" + str(web.seeded.evidence / "harbour.jpg"), "media:/etc/passwd"):
        assert client.get("/review/media?key=" + quote(other, safe="")).status_code == 404
    media = [e for e in web.service.audit_entries(limit=1000) if e.action == "review.media"]
    assert media and media[0].actor == "rita" and media[0].target == key and media[0].details["served"]


def test_a_file_gone_or_changed_is_said_not_shown(web: Web) -> None:
    client = web.login()
    photo = web.seeded.evidence / "forest.jpg"
    photo.write_bytes(photo.read_bytes() + b"\0")
    page = web.page(client, item_url(web.seeded.photo_key)).text
    assert "changed after it was scanned" in page and "<img" not in page
    assert client.get("/review/media?key=" + quote(web.seeded.photo_key, safe="")).status_code == 404
    photo.unlink()
    page = web.page(client, item_url(web.seeded.photo_key)).text
    assert "the file is gone" in page
    assert client.get("/review/media?key=" + quote(web.seeded.photo_key, safe="")).status_code == 410


def test_exposure_is_counted_per_reviewer_and_shown(web: Web) -> None:
    client = web.login()
    page = web.page(client, item_url(web.seeded.photo_key)).text
    web.page(client, item_url(web.seeded.photo_key))
    web.page(client, item_url(web.seeded.text_key))
    r = client.post("/review/reveal", data={"key": web.seeded.photo_key, "csrf": csrf_of(page)})
    assert r.status_code == 200 and r.json()["reveals_24h"] == 1
    exposure = web.reviews.exposure("rita")
    assert (exposure.items_viewed, exposure.views, exposure.reveals) == (2, 3, 1)
    assert web.reviews.exposure("root").views == 0
    me = web.page(client, "/review/me").text
    assert re.search(r'<span class="value">2</span><span class="label">items viewed', me)
    assert re.search(r'<span class="value">1</span><span class="label">reveals', me)
    assert any(e.action == "review.reveal" and e.actor == "rita" for e in web.service.audit_entries(limit=1000))


# -- decisions ------------------------------------------------------------------------------------
def test_a_false_positive_is_audited_and_allowlists_the_file(web: Web) -> None:
    client = web.login()
    key = web.seeded.photo_key
    r = decide(web, client, key, "false_positive", "a harbour at dusk, not the listed item")
    assert r.status_code == 303 and r.headers["location"].startswith("/review/?done=")
    entry = next(e for e in web.service.audit_entries(limit=1000) if e.action == "review.decide")
    assert entry.actor == "rita" and entry.target == key
    assert entry.details["decision"] == "false_positive"
    assert entry.details["reason"] == "a harbour at dusk, not the listed item"
    bank = web.store.get_bank(ALLOWLIST_BANK)
    assert bank.allowlist and bank.entry_count == 2  # the file's own SHA-256 and PDQ
    assert {e.signal_type for e in web.store.iter_entries(ALLOWLIST_BANK)} == {"sha256", "pdq"}
    assert any(e.action == "bank.create" and e.target == ALLOWLIST_BANK for e in web.service.audit_entries(limit=99))
    assert web.service.verify_audit().ok
    # the item leaves the queue; a new scan of the file is suppressed by the allowlist
    queue = web.page(client, "/review/?done=1").text
    assert "forest.jpg" not in queue and "Decision recorded" in queue
    result = Matcher(web.store).match_file(hash_file(web.seeded.evidence / "forest.jpg"))
    assert not result.matches and result.allowlisted
    # deciding again is refused
    again = client.post("/review/decide", data={"key": key, "decision": "confirmed", "reason": "x",
                                                "fingerprint": "", "csrf": csrf_of(queue)})
    assert again.status_code in (400, 409)


def test_a_reason_is_required(web: Web) -> None:
    client = web.login()
    r = decide(web, client, web.seeded.photo_key, "confirmed", "   ")
    assert r.status_code == 400 and "needs a reason" in r.text
    assert web.reviews.latest_decisions([web.seeded.photo_key]) == {}


def test_graph_decisions_label_the_account(web: Web) -> None:
    client = web.login()
    assert decide(web, client, "graph:ring_b", "confirmed", "same ring").status_code == 303
    assert decide(web, client, "graph:ring_c", "false_positive", "a relative").status_code == 303
    with web.store.engine.connect() as conn:
        labels = {(r.account, r.label) for r in conn.execute(select(graph_labels))}
    assert {("ring_b", "confirmed"), ("ring_c", "cleared")} <= labels
    queue = web.page(client, "/review/").text
    assert "graph%3Aring_b" not in queue and "graph%3Aring_c" not in queue


def test_escalated_items_wait_for_an_administrator(web: Web) -> None:
    rita = web.login()
    assert decide(web, rita, web.seeded.text_key, "escalate", "needs a second look").status_code == 303
    page = web.page(rita, item_url(web.seeded.text_key)).text
    assert "waiting for an administrator" in page and 'action="/review/decide"' not in page
    assert "Escalated" in web.page(rita, "/review/").text
    root = web.login("root")
    assert decide(web, root, web.seeded.text_key, "confirmed", "agreed: sextortion").status_code == 303
    history = web.reviews.history(web.seeded.text_key)
    assert [(d.decision, d.actor) for d in history] == [("escalate", "rita"), ("confirmed", "root")]


def test_the_conversation_view_highlights_indicator_messages(web: Web) -> None:
    client = web.login()
    item = web.page(client, item_url(web.seeded.text_key)).text
    assert "chat.jsonl" in item
    page = web.page(client, "/review/conversation?author=sam_k&n=0").text
    flagged = re.findall(r'<li class="msg flagged[^"]*" id="m(\d+)"', page)
    # every sam_k line with an indicator phrase; none of the bystander's lines
    assert [int(n) for n in flagged] == [3, 5, 6, 8, 9, 11, 13, 14]
    assert "sextortion threat" in page and "Top terms" in page
    # the child is named as such, with the age she stated; the suspect too
    assert re.search(r'role-at_risk"><b>at risk</b>, states age 14<', page)
    assert 'role-suspect"><b>suspect</b>' in page and ">sextortion</span>" in page
    assert any(e.action == "review.conversation" for e in web.service.audit_entries(limit=1000))
    web.seeded.conversation.unlink()
    gone = web.page(client, "/review/conversation?author=sam_k&n=0").text
    assert "the conversation file is gone" in gone


def test_the_audit_page_lists_entries_and_the_verify_result(web: Web) -> None:
    rita = web.login()
    decide(web, rita, web.seeded.video_key, "confirmed", "matches the listed clip")
    html = web.page(web.login("root"), "/review/audit").text
    assert "Verified:" in html and "review.decide" in html and "matches the listed clip" in html
    ids = [int(i) for i in re.findall(r'<tr class="action-[a-z_]+"><td class="num">(\d+)</td>', html)]
    assert len(ids) > 5 and ids == sorted(ids, reverse=True)  # newest first


def test_the_web_namespace_is_pinned() -> None:
    import childsafe.web

    assert sorted(childsafe.web.__all__) == ["ReviewUI", "mount_review_ui"]


def test_a_stored_triage_priority_queues_an_item_without_a_match(web: Web) -> None:
    from childsafe.store.base import ScanRecord

    path = str(web.seeded.evidence / "harbour.jpg")
    record = {"path": path, "content_type": "photo", "priority": 0.62, "matches": [],
              "reasons": ["classifier: explicit likelihood 0.70 (a hint for review, not a verdict)"]}
    web.store.save_scan_records(1, [ScanRecord(path, None, None, record)])
    client = web.login()
    queue = web.page(client, "/review/?source=media").text
    assert "harbour.jpg" in queue and "0.62" in queue
    page = web.page(client, item_url("media:" + path)).text
    assert "here by triage priority" in page and "explicit likelihood" in page


# -- the allowlist preview step, the admin gate, removal ------------------------------------------
def _store_a_copy_of_the_photo(web: Web) -> str:
    """Another stored file with the photo's hashes: a false positive on the photo would suppress it too."""
    from childsafe.store.base import ScanRecord

    photo = web.seeded.photo_key.removeprefix("media:")
    stored = web.store.load_scan_records([photo])[photo]
    copy = str(web.seeded.evidence / "forest-copy.jpg")
    scan_id = web.store.start_scan(str(web.seeded.evidence))
    web.store.save_scan_records(scan_id, [ScanRecord(copy, stored.size, stored.mtime_ns, dict(stored.record,
                                                                                              path=copy))])
    return copy


def test_the_item_page_previews_what_a_false_positive_allowlists(web: Web) -> None:
    client = web.login()
    page = web.page(client, item_url(web.seeded.photo_key)).text
    assert 'id="allowlist-preview"' in page and "reviewer allowlist" in page
    assert re.search(r'id="allowlist-others">0</b> other stored items', page)
    assert 'name="allowlist_preview" value="0"' in page and 'id="needs-admin"' not in page
    assert "synthetic-known pdq entry" in page and "at distance 0 or more" in page
    # a video matched exactly (video MD5): nothing is allowlisted, and the page says why
    video = web.page(client, item_url(web.seeded.video_key)).text
    assert "Adds nothing to the allowlist" in video and "exactly" in video
    assert 'name="allowlist_preview"' in video


def test_a_reviewer_may_not_save_an_allowlist_entry_that_suppresses_other_items(web: Web) -> None:
    copy = _store_a_copy_of_the_photo(web)
    client = web.login()
    page = web.page(client, item_url(web.seeded.photo_key)).text
    assert re.search(r'id="allowlist-others">1</b> other stored item\b', page)
    assert f"media:{copy}" in page and 'id="needs-admin"' in page and "Needs admin approval" in page
    assert re.search(r'value="false_positive" required disabled', page)
    r = decide(web, client, web.seeded.photo_key, "false_positive", "not the listed item")
    assert r.status_code == 403 and "needs admin approval" in r.text
    assert web.reviews.latest_decisions([web.seeded.photo_key]) == {}
    assert ALLOWLIST_BANK not in {b.name for b in web.store.list_banks()}
    # an administrator sees the same count and may save it
    admin = web.login("root")
    page = web.page(admin, item_url(web.seeded.photo_key)).text
    assert re.search(r'id="allowlist-others">1</b>', page) and 'id="needs-admin"' not in page
    assert decide(web, admin, web.seeded.photo_key, "false_positive", "both are the harbour").status_code == 303
    added = next(e for e in web.service.audit_entries(limit=1000) if e.action == "bank.add")
    assert added.actor == "root" and added.details["suppresses_other_items"] == 1


def test_a_missing_or_stale_preview_is_refused(web: Web) -> None:
    client = web.login()
    page = web.page(client, item_url(web.seeded.photo_key)).text
    fingerprint = re.search(r'name="fingerprint" value="([^"]*)"', page)
    assert fingerprint is not None
    data = {"key": web.seeded.photo_key, "decision": "false_positive", "reason": "not it",
            "fingerprint": fingerprint.group(1), "csrf": csrf_of(page)}
    r = client.post("/review/decide", data=data)  # no preview: the form always sends it
    assert r.status_code == 400 and "preview changed" in r.text
    _store_a_copy_of_the_photo(web)  # the count changes after the page was shown
    r = client.post("/review/decide", data={**data, "allowlist_preview": "0"})
    assert r.status_code == 400 and "would now suppress 1 other" in r.text
    assert web.reviews.latest_decisions([web.seeded.photo_key]) == {}


def test_admins_remove_allowlist_entries_and_the_item_reopens(web: Web) -> None:
    client = web.login()
    key = web.seeded.photo_key
    assert decide(web, client, key, "false_positive", "a harbour, not the listed item").status_code == 303
    listed = web.page(client, "/review/allowlist").text
    assert f">{key}</a>" in listed and "synthetic-known pdq" in listed
    assert "allowlist/remove" not in listed  # reviewers see the list, not the undo
    refused = client.post("/review/allowlist/remove", data={"key": key, "reason": "mine", "csrf": csrf_of(listed)})
    assert refused.status_code == 403 and web.store.get_bank(ALLOWLIST_BANK).entry_count == 2

    admin = web.login("root")
    listed = web.page(admin, "/review/allowlist").text
    assert "allowlist/remove" in listed
    r = admin.post("/review/allowlist/remove", data={"key": key, "reason": "it is the listed item",
                                                     "csrf": csrf_of(listed)})
    assert r.status_code == 303 and r.headers["location"].startswith("/review/allowlist?removed=")
    after = web.page(admin, r.headers["location"]).text
    assert "Allowlist entries removed" in after and 'id="allowlist-empty"' in after
    assert web.store.get_bank(ALLOWLIST_BANK).entry_count == 0
    entry = next(e for e in web.service.audit_entries(limit=1000) if e.action == "allowlist.remove")
    assert entry.actor == "root" and entry.target == key and entry.details["reason"] == "it is the listed item"
    assert web.service.verify_audit().ok
    assert "Reopened (allowlist removed)" in web.page(admin, item_url(key)).text
    result = Matcher(web.store).match_file(hash_file(web.seeded.evidence / "forest.jpg"))
    assert result.matches and not result.allowlisted


@pytest.mark.parametrize("change", [{"password": "a brand new passphrase"}, {"disabled": True}])
def test_a_password_change_or_disable_ends_the_users_sessions(web: Web, change: dict[str, object]) -> None:
    rita = web.login("rita")
    other = web.login("root")
    assert web.page(rita, "/review/").status_code == 200
    admin = web.client()
    admin.token = issue_token(web.service, "root", actor="test")[1]
    assert admin.patch("/api/v1/users/rita", json=change).status_code == 200
    if change.get("disabled"):  # enabling the account again does not bring the old session back
        assert admin.patch("/api/v1/users/rita", json={"disabled": False}).status_code == 200
    assert rita.get("/review/").status_code == 303  # to the login form
    with web.store.engine.connect() as conn:
        assert not [r for r in conn.execute(select(review_sessions)) if r.user_name == "rita"]
    assert web.page(other, "/review/").status_code == 200  # other users keep theirs
    entry = [e for e in web.service.audit_entries(limit=1000) if e.action == "user.update"][0]
    assert entry.details["sessions_ended"] == 1
