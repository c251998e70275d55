"""Helpers for the case tests: the back ends, the bank item, a scanned file's record."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from childsafe.media.hashing import FileHashes
from childsafe.services import Services
from childsafe.store.base import ScanRecord
from tests.graph.graphkit import pdq_of, sha_of
from tests.postgres import postgres_url

PG_URL = postgres_url()
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])
BANK_SHA, BANK_PDQ = sha_of("the listed item"), pdq_of(7)


def scan_one(services: Services, path: str, sha256: str = BANK_SHA, pdq: str = BANK_PDQ) -> dict[str, Any]:
    """Match one file's hashes with the services' matcher and store it, as a scan does."""
    rec: dict[str, Any] = {"path": path, "content_type": "photo", "size": 1000, "md5": None, "sha1": None,
                           "sha256": sha256, "pdq": {"hash": pdq, "quality": 100}, "error": None}
    rec.update(services.matcher().match_file(FileHashes.from_record(rec)).to_record())
    scan_id = services.store.start_scan(str(Path(path).parent))
    services.store.save_scan_records(scan_id, [ScanRecord(path, 1000, 1, rec)])
    services.store.finish_scan(scan_id, {"files": 1})
    return rec
