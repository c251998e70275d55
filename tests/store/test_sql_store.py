from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from childsafe.errors import BankExistsError, BankNotFoundError, ConfigError, InvalidSignalError
from childsafe.store import NewEntry, SqlStore, open_store
from childsafe.store.base import ScanRecord

PDQ = "d8f8f0cce0f4a84f0e370a22028f67f0b36e2ed596623e1d33e6b39c4e9c9b22"
MD5 = "d41d8cd98f00b204e9800998ecf8427e"


@pytest.fixture
def store(tmp_path: Path) -> SqlStore:
    s = open_store(f"sqlite:///{tmp_path / 'home' / 'db.sqlite3'}")
    yield s
    s.close()


def test_sqlite_store_uses_wal(store: SqlStore) -> None:
    with store.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_bank_lifecycle(store: SqlStore) -> None:
    bank = store.create_bank("ncmec", pdq_threshold=20)
    assert (bank.name, bank.pdq_threshold, bank.allowlist, bank.enabled) == ("ncmec", 20, False, True)
    store.create_bank("fp", allowlist=True)
    assert [b.name for b in store.list_banks()] == ["fp", "ncmec"]
    with pytest.raises(BankExistsError):
        store.create_bank("ncmec")
    assert store.set_bank_enabled("ncmec", False).enabled is False
    assert store.set_bank_threshold("ncmec", 10).pdq_threshold == 10
    store.delete_bank("ncmec")
    with pytest.raises(BankNotFoundError):
        store.get_bank("ncmec")


@pytest.mark.parametrize("name", ["", " padded", "x" * 201, "tab\there"])
def test_bad_bank_names(store: SqlStore, name: str) -> None:
    with pytest.raises(ConfigError):
        store.create_bank(name)


def test_threshold_range(store: SqlStore) -> None:
    with pytest.raises(ConfigError):
        store.create_bank("b", pdq_threshold=300)


def test_entries_keep_provenance_and_skip_duplicates(store: SqlStore) -> None:
    store.create_bank("b")
    added = store.add_entries("b", [NewEntry("pdq", PDQ.upper(), "cat-1", "iwf"), NewEntry("md5", MD5)])
    assert added == 2
    assert store.add_entries("b", [NewEntry("pdq", PDQ, "again", "x")]) == 0
    entries = list(store.iter_entries("b"))
    assert [(e.signal_type, e.signal, e.label, e.source) for e in entries] == [
        ("pdq", PDQ, "cat-1", "iwf"), ("md5", MD5, None, None)]
    assert all(e.added_at is not None for e in entries)
    assert store.get_bank("b").entry_count == 2


def test_a_bad_entry_adds_nothing(store: SqlStore) -> None:
    store.create_bank("b")
    with pytest.raises(InvalidSignalError):
        store.add_entries("b", [NewEntry("md5", MD5), NewEntry("pdq", "nothex")])
    assert store.get_bank("b").entry_count == 0


def test_entry_ids_are_never_reused(store: SqlStore) -> None:
    store.create_bank("b")
    store.add_entries("b", [NewEntry("md5", MD5)])
    first = store.max_entry_id()
    store.remove_entries("b", "md5", [MD5])
    store.add_entries("b", [NewEntry("md5", MD5)])
    assert store.max_entry_id() > first


def test_delete_bank_removes_its_entries(store: SqlStore) -> None:
    store.create_bank("a")
    store.create_bank("b")
    store.add_entries("a", [NewEntry("md5", MD5)])
    store.add_entries("b", [NewEntry("md5", MD5)])
    store.delete_bank("a")
    refs = store.find_exact("md5", [MD5])
    assert [r.bank for r in refs] == ["b"]


def test_iter_signals_pages_by_id(store: SqlStore) -> None:
    store.create_bank("b")
    hexes = [f"{i:064x}" for i in range(25)]
    store.add_entries("b", [NewEntry("pdq", h) for h in hexes])
    batches = list(store.iter_signals(["pdq"], batch=10))
    assert [len(b) for b in batches] == [10, 10, 5]
    got = [s for b in batches for _, s in b]
    assert got == hexes
    after = batches[1][-1][0]
    assert [s for b in store.iter_signals(["pdq"], after_id=after) for _, s in b] == hexes[20:]


def test_scan_records_upsert(store: SqlStore) -> None:
    scan = store.start_scan("/x")
    store.save_scan_records(scan, [ScanRecord("/x/a", 1, 2, {"path": "/x/a", "sha256": "00"})])
    store.save_scan_records(scan, [ScanRecord("/x/a", 3, 4, {"path": "/x/a", "sha256": "11"})])
    got = store.load_scan_records(["/x/a", "/x/b"])
    assert list(got) == ["/x/a"] and got["/x/a"].size == 3 and got["/x/a"].record["sha256"] == "11"
    store.save_scan_records(scan, [ScanRecord("/x/z.zip!/m%_1", 1, 2, {"path": "m"})])
    assert list(store.load_scan_records_under("/x/z.zip!/")) == ["/x/z.zip!/m%_1"]
    assert store.load_scan_records_under("/x/z.zi") != {}
    assert store.load_scan_records_under("/x/z_zip") == {}  # LIKE wildcards are escaped
    store.finish_scan(scan, {"files": 1})


def test_store_survives_reopen(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    s = open_store(url)
    s.create_bank("b")
    s.add_entries("b", [NewEntry("md5", MD5)])
    s.close()
    s2 = open_store(url)
    assert s2.get_bank("b").entry_count == 1
    s2.close()


def test_unopenable_store_is_a_store_error(tmp_path: Path) -> None:
    from childsafe.errors import StoreError

    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError):
        open_store(f"sqlite:///{tmp_path / 'file' / 'db.sqlite3'}")
