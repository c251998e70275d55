"""What the readers let through must store: fuzzed event files and hash lists into SQLite and PostgreSQL.

PostgreSQL refuses NUL in text, which SQLite keeps: the readers refuse control characters so that
neither store (nor an export) ever sees one.  Runs on PostgreSQL when :mod:`tests.postgres` names one.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from childsafe.media.hashlists import iter_hash_list
from childsafe.media.signals import SIGNAL_TYPES
from childsafe.store.graph import GraphStore
from childsafe.store.service import ServiceStore
from childsafe.store.service_banks import AuditedBanks
from childsafe.store.sql import SqlStore
from tests.fuzz.fuzzkit import fuzz_settings
from tests.postgres import postgres_url, reset_postgres

MD5 = SIGNAL_TYPES["md5"].examples[0]
# Text with the characters that break stores and exports, among ordinary ones.
hostile_text = st.text(st.sampled_from(list("ab ,;\t\"'\\\x00\x01\x1b\x7f\x85\u2028\ufeff\uffff") + ["\ud800"]),
                       min_size=1, max_size=8)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[SqlStore]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('fuzz_store') / 'store.sqlite3'}"
    else:
        url = postgres_url()
        if not url:
            pytest.skip("no PostgreSQL to test (see tests/postgres.py)")
        reset_postgres(url)
    opened = SqlStore(url)
    yield opened
    opened.close()


def _file(data: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input"
        path.write_bytes(data.encode("utf-8", "surrogatepass"))
        yield path


@fuzz_settings(60)
@given(cells=st.lists(st.tuples(hostile_text, hostile_text, hostile_text), min_size=1, max_size=6),
       kind=st.sampled_from(["messages", "identifiers", "accounts"]))
@example(cells=[("a\x00", "b", "1")], kind="messages")
def test_fuzzed_event_files_ingest_without_a_store_error(store: SqlStore, cells: list[tuple[str, str, str]],
                                                         kind: str) -> None:
    header = {"messages": "sender,recipient,platform", "identifiers": "account,kind,value",
              "accounts": "account,declared_age,bio"}[kind]
    quoted = ['"' + value.replace('"', '""') + '"' for row in cells for value in row]
    rows = [",".join(quoted[i:i + 3]) for i in range(0, len(quoted), 3)]
    for path in _file(header + "\n" + "\n".join(rows) + "\n"):
        report = GraphStore(store).ingest_file(path, kind)
        assert report.rows + report.error_count >= 1  # every row used or reported


@fuzz_settings(60)
@given(labels=st.lists(hostile_text, min_size=1, max_size=5))
@example(labels=["cat\x00a"])
def test_fuzzed_hash_list_labels_import_without_a_store_error(store: SqlStore, labels: list[str]) -> None:
    banks = AuditedBanks(ServiceStore(store))
    if not any(bank.name == "fuzz" for bank in store.list_banks()):
        banks.create("fuzz", actor="fuzz")
    rows = "".join(f'md5,{MD5},"{label.replace(chr(34), chr(34) * 2)}",src\n' for label in labels)
    for path in _file("signal_type,signal,label,source\n" + rows):
        report = banks.import_items("fuzz", iter_hash_list(path, "csv"), actor="fuzz", source="fuzz", fmt="csv",
                                    skip_invalid=True)
        assert report.to_record()["added"] + report.to_record()["invalid"] >= 0
