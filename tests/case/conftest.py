"""The case tests' main services, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from childsafe.config import load_settings
from childsafe.services import Services
from childsafe.store.base import NewEntry
from tests.case.casekit import BACKENDS, BANK_PDQ, BANK_SHA, PG_URL
from tests.postgres import reset_postgres


@pytest.fixture(params=BACKENDS)
def house(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Services]:
    """The main store's services, with one bank holding one item (its SHA-256 and PDQ)."""
    values: dict[str, Any] = {"home": tmp_path / "home"}
    if request.param == "postgresql":
        reset_postgres(PG_URL)
        values["db"] = PG_URL
    services = Services(load_settings(values, environ={}))
    services.store.create_bank("known")
    services.store.add_entries("known", [NewEntry("sha256", BANK_SHA, "listed"), NewEntry("pdq", BANK_PDQ, "listed")])
    yield services
    services.close()
    if request.param == "postgresql":
        reset_postgres(PG_URL)


