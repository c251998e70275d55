"""The network tables on PostgreSQL: the same ingest, idempotence and loading as on SQLite.

Runs against the database :func:`tests.postgres.postgres_url` names (``scripts/setup.sh`` starts
one on loopback); skipped when there is none.
"""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from tests.graph.graphkit import EVENT_KINDS, Platform
from tests.postgres import postgres_url, reset_postgres

from childsafe.graph.rank import rank_accounts
from childsafe.store.graph import GraphStore
from childsafe.store.sql import SqlStore

PG_URL = postgres_url()
pytestmark = pytest.mark.skipif(not PG_URL, reason="no PostgreSQL to test (see tests/postgres.py)")


@pytest.fixture
def pg_graph() -> Iterator[GraphStore]:
    reset_postgres(PG_URL)
    store = SqlStore(PG_URL)
    yield GraphStore(store)
    store.close()


def test_postgres_ingest_is_idempotent_and_loads_like_sqlite(pg_graph: GraphStore, platform: Platform) -> None:
    truth = platform.truth
    for kind in EVENT_KINDS:
        report = pg_graph.ingest_file(getattr(truth, kind))
        assert report.error_count == 0 and report.added > 0
    again = pg_graph.ingest_file(truth.messages)
    assert again.skipped_file and again.added == 0
    counts = pg_graph.counts()
    sqlite_store = SqlStore(f"sqlite:///{platform.db}")
    try:
        sqlite_graph = GraphStore(sqlite_store)
        assert counts == sqlite_graph.counts()
        on_sqlite = sqlite_graph.load(None)
    finally:
        sqlite_store.close()
    on_pg = pg_graph.load(None)
    assert sorted(on_pg.accounts) == sorted(on_sqlite.accounts)
    assert on_pg.platforms == on_sqlite.platforms
    assert len(on_pg.msg_sender) == len(on_sqlite.msg_sender)
    pg_rank = rank_accounts(on_pg, truth.seeds, top=20)
    sqlite_rank = rank_accounts(on_sqlite, truth.seeds, top=20)
    assert [lead.account for lead in pg_rank.leads] == [lead.account for lead in sqlite_rank.leads]
    assert np.isclose(sorted(pg_rank.fused)[-20:], sorted(sqlite_rank.fused)[-20:]).all()
