"""Cases as their own evidence stores: isolation, retention by delete, the default case, names."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text

from childsafe.case.stores import case_folder
from childsafe.errors import CaseExistsError, CaseNotFoundError, ConfigError
from childsafe.review import ReviewService
from childsafe.services import Services
from childsafe.store.review import ALLOWLIST_BANK
from childsafe.store.schema import allowlist_scopes, bank_entries, scan_items
from tests.case.casekit import BANK_PDQ, scan_one
from tests.graph.graphkit import flip_bits
from tests.web.seed import make_users


def _queue_keys(services: Services) -> set[str]:
    return {i.key for i in services.review_queue().items().items}


def test_a_scan_in_one_case_is_in_no_other_queue(house: Services) -> None:
    registry = house.cases()
    registry.create("alpha", "tester")
    registry.create("beta", "tester")
    alpha = registry.open("alpha")
    scan_one(alpha, "/evidence/a.jpg")
    beta = registry.open("beta")
    assert _queue_keys(alpha) == {"media:/evidence/a.jpg"}
    assert _queue_keys(beta) == set()
    assert _queue_keys(house) == set()  # the default case is the main store
    scan_one(house, "/outside/d.jpg")
    assert _queue_keys(registry.open("default")) == {"media:/outside/d.jpg"}
    assert _queue_keys(alpha) == {"media:/evidence/a.jpg"}
    # matching in a case reads the main store's banks: the file matched 'known'
    assert alpha.store.load_scan_records(["/evidence/a.jpg"])["/evidence/a.jpg"].record["matches"]
    assert alpha.store.list_banks() == []  # and the case's store has none of its own
    alpha.close()
    beta.close()


def test_list_puts_default_first_and_names_are_unique(house: Services) -> None:
    registry = house.cases()
    registry.create("op one", "tester", note="first")
    with pytest.raises(CaseExistsError):
        registry.create("op one", "tester")
    with pytest.raises(CaseExistsError):
        registry.create("default", "tester")
    assert [c.name for c in registry.list()] == ["default", "op one"]
    assert registry.get("op one").note == "first"
    with pytest.raises(CaseNotFoundError):
        registry.get("nope")


@pytest.mark.parametrize("name", ["", "a/b", "back\\slash", "tab\there", "nul\x00", " padded", "x" * 101, "rtl\u202e"])
def test_bad_case_names_are_refused(house: Services, name: str) -> None:
    with pytest.raises(ConfigError):
        house.cases().create(name, "tester")
    assert [c.name for c in house.cases().list()] == ["default"]


def test_delete_removes_the_case_and_leaves_the_others_and_the_banks(house: Services) -> None:
    registry = house.cases()
    registry.create("gone", "tester")
    registry.create("kept", "tester")
    gone, kept = registry.open("gone"), registry.open("kept")
    scan_one(gone, "/evidence/a.jpg")
    scan_one(gone, "/evidence/b.jpg")
    scan_one(kept, "/evidence/k.jpg")
    scan_one(house, "/outside/d.jpg")
    gone.close()
    kept.close()
    gone_id = registry.get("gone").id
    folder = case_folder(house.settings, gone_id)
    assert folder.is_dir()
    summary = registry.delete("gone", "tester")
    assert summary.removed["scan_items"] == 2 and summary.removed["scans"] == 2
    assert not folder.exists()  # the store with its WAL and SHM files, the checkpoints
    if house.store.engine.dialect.name == "postgresql":
        with house.store.engine.connect() as conn:
            left = conn.execute(text("SELECT count(*) FROM information_schema.schemata WHERE schema_name = :s"),
                                {"s": f"case_{gone_id}"}).scalar_one()
        assert left == 0
    assert [c.name for c in registry.list()] == ["default", "kept"]
    with pytest.raises(CaseNotFoundError):
        registry.open("gone")
    kept = registry.open("kept")
    assert _queue_keys(kept) == {"media:/evidence/k.jpg"}
    kept.close()
    assert _queue_keys(house) == {"media:/outside/d.jpg"}
    assert [b.name for b in house.store.list_banks()] == ["known"] and house.store.get_bank("known").entry_count == 2
    # audited in the main log, with the counts
    entry = house.service_store().audit_entries(0, 100)[-1]
    assert (entry.action, entry.target) == ("case.delete", "gone")
    assert entry.details["removed"]["scan_items"] == 2 and entry.details["rows"] == summary.total
    assert house.service_store().verify_audit().ok
    # the name is free again, and the new case starts empty
    registry.create("gone", "tester")
    again = registry.open("gone")
    assert _queue_keys(again) == set()
    again.close()


def test_the_default_case_cannot_be_deleted(house: Services) -> None:
    with pytest.raises(ConfigError):
        house.cases().delete("default", "tester")
    with pytest.raises(CaseNotFoundError):
        house.cases().delete("never-made", "tester")


def test_a_false_positive_in_a_case_allowlists_in_the_main_banks(house: Services) -> None:
    make_users(house.service_store())
    reviewer = house.service_store().get_user("rita")
    registry = house.cases()
    registry.create("alpha", "tester")
    alpha = registry.open("alpha")
    near = flip_bits(BANK_PDQ, [3, 29, 57])
    scan_one(alpha, "/evidence/near.jpg", sha256="ab" * 32, pdq=near)
    service: ReviewService = alpha.review()
    item = service.queue.item("media:/evidence/near.jpg")
    service.decide(reviewer, item.key, "false_positive", "a beach, not the listed item", item.fingerprint,
                   allowlist_preview=0)
    with house.store.engine.connect() as conn:
        n_entries = conn.execute(select(func.count()).select_from(bank_entries)).scalar_one()
        grants = conn.execute(select(allowlist_scopes.c.review_item)).scalars().all()
    allowlist = house.store.get_bank(ALLOWLIST_BANK)
    assert allowlist.allowlist and allowlist.entry_count == 2 and n_entries == 4  # the file's SHA-256 and PDQ
    assert set(grants) == {"case/alpha/media:/evidence/near.jpg"}
    with alpha.store.engine.connect() as conn:  # the case's store has no bank of its own
        assert conn.execute(select(func.count()).select_from(bank_entries)).scalar_one() == 0
        assert conn.execute(select(func.count()).select_from(scan_items)).scalar_one() == 1
    assert alpha.reviews().latest_decisions([item.key])[item.key].decision == "false_positive"
    actions = [e.action for e in house.service_store().audit_entries(0, 100)]
    assert "bank.add" in actions and "review.decide" not in actions  # the decision is the case's
    assert [e.action for e in alpha.service_store().audit_entries(0, 100)] == ["review.decide"]
    assert alpha.service_store().verify_audit().ok and house.service_store().verify_audit().ok
    # an administrator removes it again, from the case: the main bank loses it, the item reopens
    admin = house.service_store().get_user("root")
    service.remove_allowlist(admin, item.key, "it is the listed item after all")
    with house.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(allowlist_scopes)).scalar_one() == 0
    assert alpha.reviews().latest_decisions([item.key])[item.key].decision == "reopened"
    alpha.close()
