"""The review queue reads Findings back from the store: no LIKE over records, no translation per source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, update
from tests.postgres import postgres_url, reset_postgres
from tests.web.seed import make_users, seed_store

from childsafe.findings import Finding
from childsafe.matching import Match
from childsafe.media.content import ContentType
from childsafe.review import ReviewQueue
from childsafe.store.base import ScanRecord
from childsafe.store.migrate import _config
from childsafe.store.review import ReviewStore
from childsafe.store.schema import scan_items
from childsafe.store.service import ServiceStore
from childsafe.store.sql import SqlStore, open_store
from childsafe.triage.priority import TriageSignals, score_priority

PG_URL = postgres_url()
PDQ = "f" * 64


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


def _queue(store: SqlStore) -> ReviewQueue:
    return ReviewQueue(store, ReviewStore(ServiceStore(store)))


def _matched(path: str, distance: int = 6) -> dict[str, object]:
    return {"path": path, "content_type": "photo", "sha256": "a" * 64, "error": None,
            "matches": [Match("known", "pdq", PDQ, distance, "synthetic-1", None, 1).to_record()]}


def _save(store: SqlStore, records: list[ScanRecord]) -> None:
    store.save_scan_records(store.start_scan("/e"), records)


def _stored(store: SqlStore, key: str) -> tuple[str | None, float | None]:
    with store.engine.connect() as conn:
        row = conn.execute(select(scan_items.c.findings, scan_items.c.urgency).where(scan_items.c.key == key)).one()
    return row.findings, row.urgency


def test_a_stored_match_keeps_its_finding_and_the_queue_reads_it_back(store: SqlStore) -> None:
    _save(store, [ScanRecord("/e/a.jpg", 1, 1, _matched("/e/a.jpg")),
                                ScanRecord("/e/plain.jpg", 1, 1, {"path": "/e/plain.jpg", "matches": []})])
    text, urgency = _stored(store, "/e/a.jpg")
    assert text is not None
    stored, = [Finding.from_record(r) for r in json.loads(text)]
    expected = score_priority(TriageSignals("/e/a.jpg", ContentType.PHOTO, sha256="a" * 64, matches=[
        Match("known", "pdq", PDQ, 6, "synthetic-1", None, 0)]))
    assert urgency == stored.score == expected.priority
    assert _stored(store, "/e/plain.jpg") == ("[]", None)  # nothing for review, and said so

    item, = _queue(store).items().items
    assert item.key == "media:/e/a.jpg" and item.finding == stored
    assert (item.urgency, item.reasons) == (expected.priority, expected.reasons)
    assert item.summary == "photo matching 1 hash-list entry in known"
    assert stored.detector == "triage_priority" and stored.explanation.evidence[0].kind == "known_media"
    record = json.loads(json.dumps(item.to_record()))
    assert Finding.from_record(record["finding"]) == item.finding  # what the API serves round-trips


def test_a_triage_record_s_own_finding_is_used_as_written(store: SqlStore) -> None:
    triaged = score_priority(TriageSignals("/e/t.jpg", ContentType.PHOTO, faces=3, largest_face_fraction=0.3,
                                           analysed=True))
    _save(store, [ScanRecord("/e/t.jpg", 1, 1, triaged.to_record())])
    item = _queue(store).item("media:/e/t.jpg")
    assert item.finding == triaged.finding() and item.urgency == triaged.priority
    assert item.reasons == triaged.reasons and item.summary == f"photo, triage priority {triaged.priority:.2f}"


def test_items_stored_before_findings_are_worked_out_once_and_kept(store: SqlStore) -> None:
    _save(store, [ScanRecord("/e/old.jpg", 1, 1, _matched("/e/old.jpg", 2))])
    kept = _stored(store, "/e/old.jpg")
    with store.engine.begin() as conn:  # as migration 0009 leaves a candidate row
        conn.execute(update(scan_items).values(findings=None, urgency=None))
    item, = _queue(store).items().items
    assert item.key == "media:/e/old.jpg"
    assert _stored(store, "/e/old.jpg") == kept


def test_a_damaged_findings_column_never_breaks_the_queue(store: SqlStore) -> None:
    _save(store, [ScanRecord("/e/a.jpg", 1, 1, _matched("/e/a.jpg")),
                                ScanRecord("/e/b.jpg", 1, 1, _matched("/e/b.jpg"))])
    with store.engine.begin() as conn:
        conn.execute(update(scan_items).where(scan_items.c.key == "/e/b.jpg")
                     .values(findings='[{"score": 7}, "x"]'))
    assert [i.key for i in _queue(store).items().items] == ["media:/e/a.jpg"]


def test_every_source_of_the_queue_carries_a_finding_naming_its_detector(store: SqlStore, tmp_path: Path) -> None:
    make_users(ServiceStore(store), password=False)
    seeded = seed_store(store, tmp_path)
    items = {i.key: i for i in _queue(store).items().items}
    detectors = {i.source: i.finding.detector for i in items.values() if i.finding is not None}
    assert all(i.finding is not None for i in items.values())
    assert detectors == {"media": "triage_priority", "text": "text_score", "graph": "network_rank"} | (
        {"at_risk": "network_at_risk"} if "at_risk" in detectors else {})
    text = items[seeded.text_key]
    assert text.finding is not None and text.finding.where.account == "sam_k"
    assert text.reasons == text.finding.reasons() and all(r.startswith("indicator: ") for r in text.reasons)
    lead = items["graph:ring_b"]
    assert lead.finding is not None and lead.reasons == [r["text"] for r in lead.data["reasons"]]


def test_migration_0009_marks_what_was_never_for_review(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    store = open_store(url)
    _save(store, [ScanRecord("/e/a.jpg", 1, 1, _matched("/e/a.jpg")),
                                ScanRecord("/e/p.jpg", 1, 1, {"path": "/e/p.jpg", "matches": []}),
                                ScanRecord("/e/t.jpg", 1, 1, {"path": "/e/t.jpg", "priority": 0.5, "matches": []})])
    config = _config()
    with store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0007")
        command.upgrade(config, "0009")
    assert [_stored(store, k) for k in ("/e/a.jpg", "/e/p.jpg", "/e/t.jpg")] == [(None, None), ("[]", None),
                                                                                (None, None)]
    assert [i.key for i in _queue(store).items().items] == ["media:/e/a.jpg", "media:/e/t.jpg"]
    assert _stored(store, "/e/t.jpg")[1] == 0.5
    store.close()


def test_a_late_write_back_never_replaces_findings_a_rescan_stored(store: SqlStore) -> None:
    _save(store, [ScanRecord("/e/a.jpg", 1, 1, _matched("/e/a.jpg"))])
    fresh = _stored(store, "/e/a.jpg")
    _queue(store)._keep_findings([("/e/a.jpg", [])])  # worked out from the record read before the rescan
    assert _stored(store, "/e/a.jpg") == fresh
