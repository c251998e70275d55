"""Fixtures of the network tests: a small synthetic platform in a store, and empty stores.

The platform (:data:`tests.graph.graphkit.SPEC`) is generated, ingested and loaded once per
session; a test that changes a store works on a copy of the database file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.graph.graphkit import EVENT_KINDS, SPEC, Platform, add_known_media_bank

from childsafe.graph.network import Network
from childsafe.graph.rank import RankResult, rank_accounts
from childsafe.graph.synthetic import generate_platform
from childsafe.matching import Matcher
from childsafe.store.graph import GraphStore, media_matcher
from childsafe.store.sql import SqlStore


@pytest.fixture(scope="session")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Platform:
    root = tmp_path_factory.mktemp("platform")
    truth = generate_platform(root / "events", SPEC)
    db = root / "store" / "childsafe.sqlite3"
    store = SqlStore(f"sqlite:///{db}")
    graph = GraphStore(store)
    for kind in EVENT_KINDS:
        report = graph.ingest_file(getattr(truth, kind))
        assert report.error_count == 0 and report.rows > 0, report.to_record()
    store.close()  # closing the last connection checkpoints the WAL: the file alone is the store
    return Platform(truth, db)


@pytest.fixture(scope="session")
def platform_net(platform: Platform, tmp_path_factory: pytest.TempPathFactory) -> Network:
    """The platform loaded with a bank of its planted known-abuse media matched in."""
    store = platform.copy_store(tmp_path_factory.mktemp("platform_bank"))
    add_known_media_bank(store, platform.truth)
    net = GraphStore(store).load(media_matcher(Matcher(store)))
    store.close()
    return net


@pytest.fixture(scope="session")
def platform_plain(platform: Platform, tmp_path_factory: pytest.TempPathFactory) -> Network:
    """The platform loaded with no hash lists: seeds and behaviour only."""
    store = platform.copy_store(tmp_path_factory.mktemp("platform_plain"))
    net = GraphStore(store).load(None)
    store.close()
    return net


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqlStore]:
    opened = SqlStore(f"sqlite:///{tmp_path / 'store' / 'childsafe.sqlite3'}")
    yield opened
    opened.close()


@pytest.fixture
def graph(store: SqlStore) -> GraphStore:
    return GraphStore(store)


@pytest.fixture(scope="session")
def platform_rank(platform: Platform, platform_net: Network) -> RankResult:
    """The platform ranked from its seeds, with the known-media bank matched in."""
    return rank_accounts(platform_net, platform.truth.seeds, top=50)
