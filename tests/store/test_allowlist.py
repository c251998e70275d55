"""A reviewer's false positive must not silence true matches (issue 10, item 11).

The case replayed: a bank holds an item (its SHA-256 and its PDQ); the store holds byte-identical
copies of it, near copies at various distances, and a network in which two accounts share them.  A
reviewer calls one far near copy a false positive.  Before scoped allowlist entries, that put the
file's PDQ on the allowlist and the next rescan suppressed every file within 10 bits of it, exact
copies of the bank item among them, and the accounts' network scores fell.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select
from tests.graph.graphkit import flip_bits, pdq_of, sha_of, write_csv
from tests.postgres import postgres_url, reset_postgres
from tests.web.seed import make_users

from childsafe.errors import NotFoundError, PermissionDeniedError
from childsafe.graph.rank import rank_accounts
from childsafe.matching import Matcher
from childsafe.media.hashing import FileHashes
from childsafe.review import ReviewQueue
from childsafe.store.allowlist import list_grants
from childsafe.store.base import NewEntry, ScanRecord
from childsafe.store.graph import GraphStore, media_matcher
from childsafe.store.review import ALLOWLIST_BANK, REOPENED, ReviewStore
from childsafe.store.schema import allowlist_scopes
from childsafe.store.service import ServiceStore
from childsafe.store.sql import SqlStore, open_store

PG_URL = postgres_url()
BANK_SHA, BANK_PDQ = sha_of("the listed item"), pdq_of(7)
#: The reviewed file: 9 bits from the bank item's PDQ.  Closer copies flip a subset of these bits, so
#: they are within the allowlist's 10 bits of the reviewed file too; farther ones flip more.
REVIEWED_BITS = [3, 29, 57, 88, 120, 151, 190, 222, 250]
REVIEWED = "/evidence/reviewed.jpg"


@pytest.fixture(params=["sqlite"] + (["postgresql"] if PG_URL else []))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> SqlStore:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    else:
        reset_postgres(PG_URL)
        url = PG_URL
    s = open_store(url)
    yield s
    s.close()


def record(path: str, sha256: str, pdq: str) -> dict[str, Any]:
    return {"path": path, "content_type": "photo", "size": 1000, "md5": None, "sha1": None, "sha256": sha256,
            "pdq": {"hash": pdq, "quality": 100}, "error": None}


def scan(store: SqlStore, files: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Match every file with a fresh matcher and store the records, as a (re)scan does."""
    matcher = Matcher(store)
    out = {}
    for path, hashes in files.items():
        rec = dict(hashes)
        rec.update(matcher.match_file(FileHashes.from_record(rec)).to_record())
        out[path] = rec
    scan_id = store.start_scan("/evidence")
    store.save_scan_records(scan_id, [ScanRecord(p, 1000, 1, r) for p, r in out.items()])
    store.finish_scan(scan_id, {"files": len(out)})
    return out


def matched(rec: dict[str, Any]) -> set[tuple[str, str, int]]:
    return {(m["bank"], m["signal_type"], m["distance"]) for m in rec["matches"]}


def scores(store: SqlStore) -> dict[str, float]:
    result = rank_accounts(GraphStore(store).load(media_matcher(Matcher(store))), top=20)
    return {lead.account: round(lead.score, 6) for lead in result.leads}


def the_case(store: SqlStore, tmp_path: Path) -> dict[str, dict[str, Any]]:
    """Bank item, 5 byte-identical copies, 10 closer near copies, the reviewed file; 16 files in all."""
    store.create_bank("known")
    store.add_entries("known", [NewEntry("sha256", BANK_SHA, label="item-1"),
                                NewEntry("pdq", BANK_PDQ, label="item-1")])
    files = {f"/evidence/copy-{i}.jpg": record(f"/evidence/copy-{i}.jpg", BANK_SHA, BANK_PDQ) for i in range(5)}
    for i, k in enumerate([1, 1, 2, 3, 4, 5, 6, 7, 8, 8]):  # subsets of the reviewed file's bits: closer
        path = f"/evidence/near-{i}.jpg"
        files[path] = record(path, sha_of(f"near {i}"), flip_bits(BANK_PDQ, REVIEWED_BITS[i % 2:][:k]))
    files[REVIEWED] = record(REVIEWED, sha_of("reviewed"), flip_bits(BANK_PDQ, REVIEWED_BITS))
    near = [files[f"/evidence/near-{i}.jpg"] for i in range(10)]
    graph = GraphStore(store)
    graph.ingest_file(write_csv(tmp_path / "media.csv", ("account", "sha256", "pdq"), [
        ("sharer", BANK_SHA, BANK_PDQ), ("sharer", BANK_SHA, BANK_PDQ),
        *[("near_sharer", r["sha256"], r["pdq"]["hash"]) for r in near[:4]],
        ("holiday", sha_of("holiday"), pdq_of(99))]))
    graph.ingest_file(write_csv(tmp_path / "messages.csv", ("sender", "recipient", "timestamp"), [
        ("sharer", "friend", "1"), ("near_sharer", "friend", "2"), ("friend", "sharer", "3"),
        ("holiday", "friend", "4")]))
    return files


def test_a_reviewers_false_positive_on_a_far_copy_keeps_exact_and_closer_matches(store: SqlStore,
                                                                                   tmp_path: Path) -> None:
    files = the_case(store, tmp_path)
    assert len(files) == 16
    before = scan(store, files)
    assert all(matched(r) for r in before.values())
    assert {p for p, r in before.items() if ("known", "sha256", 0) in matched(r)} == \
        {f"/evidence/copy-{i}.jpg" for i in range(5)}
    assert matched(before[REVIEWED]) == {("known", "pdq", 9)}
    network = scores(store)
    assert network["sharer"] > 0.5 and network["near_sharer"] > 0.5

    service = ServiceStore(store)
    make_users(service, password=False)
    reviews = ReviewStore(service)
    queue = ReviewQueue(store, reviews)
    item = queue.item(f"media:{REVIEWED}")
    preview = queue.allowlist_preview(item, "rita")
    assert preview is not None and preview.others == 0 and not preview.needs_admin
    effects = queue.effects(item, "false_positive", "rita")
    reviews.decide(item.key, item.source, item.fingerprint, "false_positive", "a different picture",
                   actor="rita", admin=False, effects=effects)
    assert store.get_bank(ALLOWLIST_BANK).entry_count == 2

    after = scan(store, files)
    reviewed = after.pop(REVIEWED)
    assert reviewed["matches"] == [] and reviewed["allowlisted"]  # the reviewed file itself is silenced
    suppressed = [p for p, r in after.items() if matched(r) != matched(before[p])]
    assert suppressed == []  # none of the 15 others: 5 exact copies, 10 closer copies
    assert all(not r.get("suppressed") and not r.get("allowlisted") for r in after.values())
    assert scores(store) == network


def test_suppressing_other_items_needs_an_administrator_and_the_preview_counts_them(store: SqlStore,
                                                                                    tmp_path: Path) -> None:
    files = the_case(store, tmp_path)
    far = flip_bits(BANK_PDQ, [*REVIEWED_BITS, 101, 102])  # 11 bits from the bank item, 2 from the reviewed file
    files["/evidence/far.jpg"] = record("/evidence/far.jpg", sha_of("far"), far)
    files["/evidence/reviewed-again.jpg"] = dict(files[REVIEWED], path="/evidence/reviewed-again.jpg")
    files["/evidence/elsewhere.jpg"] = record("/evidence/elsewhere.jpg", sha_of("other"), pdq_of(50))
    GraphStore(store).ingest_file(write_csv(tmp_path / "far.csv", ("account", "sha256", "pdq"),
                                            [("far_sharer", sha_of("far graph copy"), far)]))
    before = scan(store, files)
    service = ServiceStore(store)
    make_users(service, password=False)
    reviews = ReviewStore(service)
    queue = ReviewQueue(store, reviews)
    item = queue.item(f"media:{REVIEWED}")

    preview = queue.allowlist_preview(item, "rita")
    assert preview is not None
    assert preview.suppressed == ("graph-media:" + sha_of("far graph copy"), "media:/evidence/far.jpg",
                                  "media:/evidence/reviewed-again.jpg")
    assert preview.needs_admin and preview.to_record()["suppresses_other_items"] == 3
    assert [s.to_record() for s in preview.plan.scopes] == [
        {"bank": "known", "signal_type": "pdq", "signal": BANK_PDQ, "distance": 9}]

    audit_before = service.verify_audit().entries
    with pytest.raises(PermissionDeniedError, match="needs admin approval.*3 other stored items"):
        reviews.decide(item.key, item.source, item.fingerprint, "false_positive", "a different picture",
                       actor="rita", admin=False, effects=queue.effects(item, "false_positive", "rita"))
    assert reviews.history(item.key) == [] and service.verify_audit().entries == audit_before
    assert ALLOWLIST_BANK not in {b.name for b in store.list_banks()}

    reviews.decide(item.key, item.source, item.fingerprint, "false_positive", "checked the three as well",
                   actor="root", admin=True, effects=queue.effects(item, "false_positive", "root"))
    added = next(e for e in service.audit_entries(limit=1000) if e.action == "bank.add")
    assert added.details["suppresses_other_items"] == 3 and added.details["by_admin"] is True
    assert added.details["scopes"] == [{"bank": "known", "signal_type": "pdq", "signal": BANK_PDQ, "distance": 9}]
    after = scan(store, files)
    changed = sorted(p for p in files if matched(after[p]) != matched(before[p]))
    assert changed == ["/evidence/far.jpg", "/evidence/reviewed-again.jpg", REVIEWED]  # what the preview said
    assert matched(after["/evidence/elsewhere.jpg"]) == set() == matched(before["/evidence/elsewhere.jpg"])


def test_removing_an_allowlist_entry_is_for_admins_audited_and_reopens_the_item(store: SqlStore,
                                                                                tmp_path: Path) -> None:
    files = the_case(store, tmp_path)
    before = scan(store, files)
    service = ServiceStore(store)
    make_users(service, password=False)
    reviews = ReviewStore(service)
    queue = ReviewQueue(store, reviews)
    item = queue.item(f"media:{REVIEWED}")
    reviews.decide(item.key, item.source, item.fingerprint, "false_positive", "a different picture",
                   actor="rita", admin=False, effects=queue.effects(item, "false_positive", "rita"))
    [grant] = list_grants(store)
    assert grant.review_item == item.key and grant.actor == "rita"
    assert sorted(t for _, t, _ in grant.entries) == ["pdq", "sha256"]
    assert scan(store, files)[REVIEWED]["matches"] == []
    assert item.key not in [i.key for i in queue.items("media").items]

    with pytest.raises(PermissionDeniedError, match="administrator"):
        reviews.remove_allowlist(item.key, actor="rita", admin=False, reason="oops")
    done = reviews.remove_allowlist(item.key, actor="root", admin=True, reason="it is the listed item after all")
    assert sorted(done["removed"]) == sorted(f"{t}:{s}" for _, t, s in grant.entries)
    assert store.get_bank(ALLOWLIST_BANK).entry_count == 0 and list_grants(store) == []
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(allowlist_scopes)).scalar_one() == 0
    removed = [e for e in service.audit_entries(limit=1000) if e.action == "allowlist.remove"]
    assert len(removed) == 1 and removed[0].actor == "root" and removed[0].target == item.key
    assert removed[0].details["reason"] == "it is the listed item after all" and removed[0].details["reopened"]
    assert service.verify_audit().ok
    assert [d.decision for d in reviews.history(item.key)] == ["false_positive", REOPENED]
    # the next scan matches it again, and it is back in the queue
    assert matched(scan(store, files)[REVIEWED]) == matched(before[REVIEWED])
    assert item.key in [i.key for i in queue.items("media").items]
    with pytest.raises(NotFoundError):
        reviews.remove_allowlist(item.key, actor="root", admin=True, reason="again")


def test_a_false_positive_on_an_exact_match_allowlists_nothing(store: SqlStore, tmp_path: Path) -> None:
    files = the_case(store, tmp_path)
    scan(store, files)
    service = ServiceStore(store)
    make_users(service, password=False)
    reviews = ReviewStore(service)
    queue = ReviewQueue(store, reviews)
    item = queue.item("media:/evidence/copy-0.jpg")
    effects = queue.effects(item, "false_positive", "rita")
    assert effects.allowlist == () and effects.allowlist_scopes == ()
    preview = queue.allowlist_preview(item, "rita")
    assert preview is not None and {s.signal_type for s in preview.plan.left_alone} == {"sha256"}


def test_the_migration_scopes_entries_that_earlier_decisions_made(store: SqlStore, tmp_path: Path) -> None:
    import importlib.util

    import childsafe.store

    files = the_case(store, tmp_path)
    before = scan(store, files)
    # what a false positive did before scopes: the file's own signals, unscoped
    reviews = ReviewStore(ServiceStore(store))
    reviews.decide(f"media:{REVIEWED}", "media", files[REVIEWED]["sha256"], "false_positive", "a different picture",
                   actor="rita", admin=False)
    store.create_bank(ALLOWLIST_BANK, pdq_threshold=10, allowlist=True)
    store.add_entries(ALLOWLIST_BANK, [NewEntry("sha256", files[REVIEWED]["sha256"], source="review"),
                                       NewEntry("pdq", files[REVIEWED]["pdq"]["hash"], source="review")])
    legacy = scan(store, files)
    assert sum(matched(legacy[p]) != matched(before[p]) for p in files) == 16  # the issue: everything silenced

    path = Path(childsafe.store.__file__).parent / "migrations" / "versions" / "0007_allowlist_scopes.py"
    spec = importlib.util.spec_from_file_location("migration_0007", path)
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    with store.engine.begin() as conn:
        assert migration.scope_review_entries(conn) == 2  # two entries, each answering the PDQ entry at 9
    with store.engine.begin() as conn:
        assert migration.scope_review_entries(conn) == 0  # idempotent
    after = scan(store, files)
    assert [p for p in files if matched(after[p]) != matched(before[p])] == [REVIEWED]
