"""What HMA's own tests do not pin but its clients rely on: one id per content whatever its signals,
vPDQ distances as ``query%[compared%]``, ``disable_until_ts``, the matching ratio, the site map and the
index status, every content change audited."""

from __future__ import annotations

import random
import time

from childsafe.media.signals import get_signal_type
from tests.api.conftest import MD5, PDQ, SAMPLES, Service

VPDQ = get_signal_type("vpdq").examples[0]
VIDEO_MD5 = get_signal_type("video_md5").examples[0]


def _bank(svc: Service, name: str = "VIDEOS", **body: object) -> None:
    assert svc.admin.post("/c/banks", json={"name": name, **body}).status_code == 201


def test_a_content_with_two_signals_has_one_id_in_every_lookup(svc: Service) -> None:
    _bank(svc)
    r = svc.admin.post("/c/bank/VIDEOS/signal", json={"video_md5": VIDEO_MD5, "vpdq": VPDQ})
    assert r.status_code == 200, r.text
    content_id = r.json()["id"]
    for signal_type, signal in (("video_md5", VIDEO_MD5), ("vpdq", VPDQ)):
        found = svc.api.get("/m/lookup", params={"signal_type": signal_type, "signal": signal}).json()
        assert [m["bank_content_id"] for m in found["VIDEOS"]] == [content_id], signal_type
        raw = svc.api.get("/m/raw_lookup", params={"signal_type": signal_type, "signal": signal}).json()
        assert raw == {"matches": [content_id]}
    got = svc.api.get(f"/c/bank/VIDEOS/content/{content_id}?include_signals=true").json()
    assert got["signals"] == {"video_md5": VIDEO_MD5, "vpdq": get_signal_type("vpdq").validate(VPDQ)}
    # The next content gets an id of its own; deleting one removes all its signals.
    other = svc.admin.post("/c/bank/VIDEOS/signal", json={"md5": MD5}).json()["id"]
    assert other != content_id
    assert svc.admin.delete(f"/c/bank/VIDEOS/content/{content_id}").json() == {"deleted": 1}
    assert svc.api.get("/m/lookup", params={"signal_type": "vpdq", "signal": VPDQ}).json() == {}
    assert svc.api.get("/m/lookup", params={"signal_type": "video_md5", "signal": VIDEO_MD5}).json() == {}
    assert svc.admin.delete(f"/c/bank/VIDEOS/content/{content_id}").json() == {"deleted": 0}


def test_a_signal_banked_twice_answers_the_content_that_holds_it(svc: Service) -> None:
    _bank(svc)
    first = svc.admin.post("/c/bank/VIDEOS/signal", json={"pdq": PDQ, "note": "first"}).json()["id"]
    again = svc.admin.post("/c/bank/VIDEOS/signal", json={"pdq": PDQ, "note": "second"}).json()["id"]
    assert again == first
    assert svc.api.get(f"/c/bank/VIDEOS/content/{first}").json()["note"] == "first"


def test_vpdq_distances_read_like_hma(svc: Service) -> None:
    _bank(svc)
    svc.admin.post("/c/bank/VIDEOS/signal", json={"vpdq": VPDQ})
    found = svc.api.get("/m/lookup", params={"signal_type": "vpdq", "signal": VPDQ}).json()
    assert found["VIDEOS"][0]["distance"] == "100%[100%]"
    raw = svc.api.get("/m/raw_lookup", params={"signal_type": "vpdq", "signal": VPDQ, "include_distance": "true"})
    assert raw.json()["matches"][0]["distance"] == "100%[100%]"
    pdq = svc.api.get("/m/raw_lookup", params={"signal_type": "pdq", "signal": PDQ, "include_distance": "true"})
    assert pdq.json() == {"matches": []}
    compared = svc.api.post("/m/compare", json={"vpdq": [VPDQ, VPDQ]}).json()
    assert compared == {"vpdq": [True, {"query_match_percent": 100.0, "compared_match_percent": 100.0}]}


def test_disable_until_ts_hides_a_content_from_lookups_until_then(svc: Service) -> None:
    _bank(svc)
    content_id = svc.admin.post("/c/bank/VIDEOS/signal", json={"pdq": PDQ}).json()["id"]
    url = f"/c/bank/VIDEOS/content/{content_id}"
    params = {"signal_type": "pdq", "signal": PDQ}
    later = int(time.time()) + 3600
    assert svc.admin.put(url, json={"disable_until_ts": later}).json()["disable_until_ts"] == later
    assert svc.api.get("/m/lookup", params=params).json() == {}
    assert svc.api.get("/m/raw_lookup", params=params).json() == {"matches": [content_id]}  # HMA: raw ignores it
    assert svc.admin.put(url, json={"disable_until_ts": 0}).status_code == 200  # 0: disabled for good
    assert svc.api.get("/m/lookup", params=params).json() == {}
    assert svc.admin.put(url, json={"disable_until_ts": int(time.time()) - 10}).status_code == 200  # passed
    assert list(svc.api.get("/m/lookup", params=params).json()) == ["VIDEOS"]
    for bad in (-1, "soon", True, 9999999999):
        assert svc.admin.put(url, json={"disable_until_ts": bad}).status_code == 400, bad
    assert svc.admin.put("/c/bank/VIDEOS/content/999", json={"note": "x"}).status_code == 404
    assert svc.api.put(url, json={"note": "x"}).status_code == 403  # writes need banks:write


def test_a_partial_matching_ratio_is_hmas_coin_flip(svc: Service) -> None:
    _bank(svc, "HALF", enabled_ratio=0.5)
    svc.admin.post("/c/bank/HALF/signal", json={"pdq": PDQ})
    low = next(str(s) for s in range(100) if random.Random(str(s)).random() <= 0.5)  # noqa: S311
    high = next(str(s) for s in range(100) if random.Random(str(s)).random() > 0.5)  # noqa: S311
    params = {"signal_type": "pdq", "signal": PDQ}
    assert list(svc.api.get("/m/lookup", params={**params, "seed": low}).json()) == ["HALF"]
    assert svc.api.get("/m/lookup", params={**params, "seed": high}).json() == {}
    assert list(svc.api.get("/m/lookup", params={**params, "seed": high, "bypass_coinflip": "true"}).json()) == ["HALF"]


def test_content_changes_are_audited(svc: Service) -> None:
    _bank(svc)
    content_id = svc.admin.post("/c/bank/VIDEOS/signal", json={"pdq": PDQ, "note": "n"}).json()["id"]
    svc.admin.put(f"/c/bank/VIDEOS/content/{content_id}", json={"note": "m"})
    svc.admin.delete(f"/c/bank/VIDEOS/content/{content_id}")
    actions = [(e.action, e.details.get("content_id")) for e in svc.service.audit_entries(limit=100)]
    assert [a for a in actions if a[0].endswith("_content")] == [
        ("bank.add_content", content_id), ("bank.update_content", content_id), ("bank.remove_content", content_id)]


def test_site_map_and_index_status(svc: Service) -> None:
    paths = svc.client.get("/site-map").json()  # public, as HMA's
    assert {"/c/bank/{bank_name}/content", "/m/compare", "/status/live", "/c/exchanges"} <= set(paths)
    assert paths == sorted(paths)
    assert svc.api.get("/m/index/status").json()["pdq"] == {"present": False, "built_to": -1, "size": 0}
    _bank(svc)
    svc.admin.post("/c/bank/VIDEOS/signal", json={"pdq": PDQ})
    svc.app.state.childsafe.matchers.warm()
    status = svc.api.get("/m/index/status", params={"signal_type": "pdq"}).json()
    assert status["pdq"]["present"] is True and status["pdq"]["size"] == 1
    assert abs(status["pdq"]["built_to"] - time.time()) < 3600
    assert svc.api.get("/m/index/status", params={"signal_type": "nope"}).status_code == 400
    index = svc.api.get("/c/signal_type/index", params={"signal_type": "pdq"}).json()["pdq"]
    assert (index["db_size"], index["index_size"], index["index_out_of_date"]) == (1, 1, False)
    assert {"name": "pdq", "enabled_ratio": 1.0} in svc.api.get("/c/signal_type").json()
    assert svc.api.get("/c/content_type").json() == [{"name": "photo", "enabled": True},
                                                     {"name": "video", "enabled": True}]


def test_bank_names_follow_hmas_rule_and_renames_keep_contents(svc: Service) -> None:
    for bad in ("lower", "1ST", "A-B", "A.B", ""):
        assert svc.admin.post("/c/banks", json={"name": bad}).status_code == 400, bad
    _bank(svc, "OLD")
    content_id = svc.admin.post("/c/bank/OLD/signal", json={"pdq": PDQ}).json()["id"]
    _bank(svc, "TAKEN")
    assert svc.admin.put("/c/bank/OLD", json={"name": "TAKEN"}).status_code == 403
    assert svc.admin.put("/c/bank/OLD", json={"name": "NEW"}).json()["name"] == "NEW"
    assert svc.api.get("/m/lookup", params={"signal_type": "pdq", "signal": PDQ}).json() == {
        "NEW": [{"bank_content_id": content_id, "distance": "0"}]}
    assert svc.admin.put("/c/bank/MISSING", json={"enabled": True}).status_code == 404
    assert svc.admin.post("/c/bank/NEW/signal", json={"pdq": PDQ, "note": "x" * 256}).status_code == 400
    assert svc.admin.post("/c/bank/NEW/signal", json={"nope": PDQ}).status_code == 400


def test_media_banked_by_upload_with_metadata_and_note_form_fields(svc: Service) -> None:
    """How HMA's UI and client libraries bank a file: multipart, the file under ``photo``."""
    _bank(svc, "PHOTOS")
    photo = (SAMPLES / "forest.jpg").read_bytes()
    expected = svc.api.post("/h/hash", files={"photo": ("forest.jpg", photo, "image/jpeg")}).json()
    r = svc.admin.post("/c/bank/PHOTOS/content", files={"photo": ("forest.jpg", photo, "image/jpeg")},
                       data={"metadata": '{"content_id": "case-7"}', "note": "seized phone"})
    assert r.status_code == 200, r.text
    assert r.json()["signals"] == expected
    got = svc.api.get(f"/c/bank/PHOTOS/content/{r.json()['id']}").json()
    assert (got["note"], got["metadata"]["content_id"]) == ("seized phone", "case-7")
    assert list(svc.api.get("/m/lookup", params={"signal_type": "pdq", "signal": expected["pdq"]}).json()) == ["PHOTOS"]
    bad = svc.admin.post("/c/bank/PHOTOS/content", files={"photo": ("f.jpg", photo, "image/jpeg")},
                         data={"metadata": "{not json"})
    assert bad.status_code == 400 and "metadata" in bad.json()["message"]
    assert svc.admin.post("/c/bank/PHOTOS/content").status_code == 400  # neither a file nor ?url=
    assert svc.admin.post("/c/bank/NOPE/content", files={"photo": ("f.jpg", photo, "image/jpeg")}).status_code == 404
