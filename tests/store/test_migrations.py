"""Alembic migrations: a new store is at head and matches the schema; older stores upgrade in place."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import (
    BigInteger,
    Column,
    Integer,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    create_engine,
    insert,
    inspect,
    select,
    text,
)
from tests.postgres import postgres_url, reset_postgres

from childsafe.errors import StoreError
from childsafe.store import NewEntry, open_store
from childsafe.store.migrate import _revisions, current_revision
from childsafe.store.schema import bank_entries, metadata, schema_info
from childsafe.store.sql import SCHEMA_VERSION

PG_URL = postgres_url()
V3_TABLES = ("schema_info", "banks", "bank_entries", "scans", "scan_items", "face_media", "faces", "graph_sources",
             "graph_accounts", "graph_identifiers", "graph_account_identifiers", "graph_media", "graph_posts",
             "graph_messages", "graph_labels", "author_risk")


@pytest.fixture(params=["sqlite"] + (["postgresql"] if PG_URL else []))
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'db.sqlite3'}"
    reset_postgres(PG_URL)
    return PG_URL


def test_a_new_store_is_at_head_and_matches_the_schema_exactly(url: str) -> None:
    store = open_store(url)
    try:
        with store.engine.connect() as conn:
            assert current_revision(conn) == _revisions()[0]
            diffs = compare_metadata(MigrationContext.configure(conn), metadata)
            assert diffs == []
            version = conn.execute(select(schema_info.c.value).where(schema_info.c.key == "version")).scalar_one()
            assert int(version) == SCHEMA_VERSION
    finally:
        store.close()


def test_reopening_a_current_store_changes_nothing(url: str) -> None:
    open_store(url).close()
    store = open_store(url)
    store.create_bank("kept")
    store.close()
    again = open_store(url)
    assert [b.name for b in again.list_banks()] == ["kept"]
    again.close()


#: Columns of v1-v3 tables added by later revisions (0008: the author roles).
_LATER_COLUMNS = {"author_risk": {"role", "stated_age", "language", "labels"},
                  "banks": {"matching_ratio"}, "bank_entries": {"content_id"}}  # v13


def _legacy_v3(url: str) -> None:
    """A store as childsafe made it before Alembic: create_all of the v1-v3 tables and schema_info."""
    engine = create_engine(url)
    old = MetaData()
    for name in V3_TABLES:
        if name == "graph_media":  # its v3 shape: two signal columns (migration 0010 moved them)
            _v3_graph_media(old)
            continue
        later = _LATER_COLUMNS.get(name)
        if later:  # columns that came with a later revision
            Table(name, old, *(c._copy() for c in metadata.tables[name].columns if c.name not in later))
            continue
        table = metadata.tables[name].to_metadata(old)
        for index in list(table.indexes):
            if index.name == "ix_entries_type_id":  # came with v4
                table.indexes.discard(index)
    with engine.begin() as conn:
        old.create_all(conn)
        # came with migration 0009 (scan findings)
        conn.execute(text("DROP INDEX ix_scan_items_urgency"))
        conn.execute(text("ALTER TABLE scan_items DROP COLUMN urgency"))
        conn.execute(text("ALTER TABLE scan_items DROP COLUMN findings"))
        conn.execute(insert(schema_info).values(key="version", value="3"))
        conn.execute(text("INSERT INTO banks (name, allowlist, pdq_threshold, enabled, created_at) "
                          "VALUES ('legacy', false, 31, true, '2024-01-01 00:00:00')"))
    engine.dispose()


def _v3_graph_media(old: MetaData) -> Table:
    return Table("graph_media", old,
                 Column("id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True),
                 Column("sha256", String(64), nullable=False), Column("pdq", String(64), nullable=False),
                 UniqueConstraint("sha256", "pdq", name="uq_graph_media"))


def test_a_store_from_before_alembic_is_stamped_and_upgraded_keeping_its_data(url: str) -> None:
    _legacy_v3(url)
    store = open_store(url)
    try:
        assert [b.name for b in store.list_banks()] == ["legacy"]
        store.add_entries("legacy", [NewEntry("md5", "0" * 32)])
        with store.engine.connect() as conn:
            assert current_revision(conn) == _revisions()[0]
            names = set(inspect(conn).get_table_names())
            assert {"users", "audit_log", "review_decisions"} <= names
            assert "ix_entries_type_id" in {i["name"] for i in inspect(conn).get_indexes(bank_entries.name)}
    finally:
        store.close()


def test_a_store_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    open_store(url).close()
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StoreError, match="newer"):
        open_store(url)


def test_migration_0010_moves_network_media_signals_keeping_ids_and_posts(url: str, tmp_path: Path) -> None:
    sha, pdq = "ab" * 32, "f0" * 32
    _legacy_v3(url)
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO graph_accounts (id, name) VALUES (1, 'a'), (2, 'b')"))
        conn.execute(text(f"INSERT INTO graph_media (id, sha256, pdq) VALUES (7, '{sha}', '{pdq}'), "
                          f"(9, '', '{pdq}'), (11, '{'cd' * 32}', '')"))
        conn.execute(text("INSERT INTO graph_posts (account_id, media_id, ts) VALUES (1, 7, 5), (2, 7, 6), (2, 9, 7)"))
    engine.dispose()
    store = open_store(url)
    try:
        from childsafe.store.graph import GraphStore, media_key

        with store.engine.connect() as conn:
            rows = set(conn.execute(text("SELECT media_id, signal_type, value_key FROM graph_media_signals")))
            keys = dict(conn.execute(text("SELECT id, key FROM graph_media")).all())
        assert rows == {(7, "sha256", sha), (7, "pdq", pdq), (9, "pdq", pdq), (11, "sha256", "cd" * 32)}
        assert keys[7] == media_key([("sha256", sha), ("pdq", pdq)]) and keys[9] == media_key([("pdq", pdq)])
        net = GraphStore(store).load()
        assert (net.media_sha256, net.media_pdq) == ([sha, "", "cd" * 32], [pdq, pdq, ""])
        assert sorted((net.accounts[a], net.media_name(m)) for a, m in zip(net.post_account, net.post_media,
                                                                          strict=True)) == [
            ("a", f"sha256:{sha}"), ("b", f"pdq:{pdq}"), ("b", f"sha256:{sha}")]
        # the moved item is found again by a new ingest: no second node for the same signals
        events = tmp_path / "media.csv"
        events.write_text(f"account,sha256,pdq\nc,{sha},{pdq}\n", encoding="utf-8")
        GraphStore(store).ingest_file(events)
        assert GraphStore(store).counts()["media"] == 3
    finally:
        store.close()


def test_migration_0010_downgrades_to_the_two_columns_and_up_again(url: str, tmp_path: Path) -> None:
    from alembic import command

    from childsafe.store.graph import GraphStore
    from childsafe.store.migrate import _config

    sha, pdq, md5 = "ab" * 32, "f0" * 32, "12" * 16
    store = open_store(url)
    events = tmp_path / "media.csv"
    events.write_text(f"account,sha256,pdq,md5\na,{sha},{pdq},\nb,,,{md5}\nb,{sha},,\n", encoding="utf-8")
    assert GraphStore(store).ingest_file(events).rows == 3
    with store.engine.begin() as conn:
        config = _config()
        config.attributes["connection"] = conn
        command.downgrade(config, "0009")
    with store.engine.connect() as conn:
        # the old columns hold SHA-256 and PDQ; the MD5-only item cannot be kept, nor its post
        assert sorted(conn.execute(text("SELECT sha256, pdq FROM graph_media")).all()) == [(sha, ""), (sha, pdq)]
        assert conn.execute(text("SELECT count(*) FROM graph_posts")).scalar_one() == 2
    store.close()
    again = open_store(url)  # upgrades to head on open
    try:
        net = GraphStore(again).load()
        assert sorted(zip(net.media_sha256, net.media_pdq, strict=True)) == [(sha, ""), (sha, pdq)]
    finally:
        again.close()
