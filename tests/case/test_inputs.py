"""What is added to a case: stored once, missing paths reported, audited in the case's own log."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from childsafe.case.intake import CaseInputs
from childsafe.services import Services
from childsafe.store.schema import metadata


def test_a_path_added_twice_is_reported_and_a_missing_one_is_an_item_error(house: Services, tmp_path: Path) -> None:
    house.cases().create("alpha", "tester")
    alpha = house.cases().open("alpha")
    folder = tmp_path / "evidence"
    folder.mkdir()
    (folder / "chat.txt").write_text("how old are you\n")
    inputs = CaseInputs(alpha.service_store())
    first = inputs.add([folder, folder / "chat.txt", tmp_path / "vanished"], ["known"], "tester")
    assert [i.path for i in first.added] == [str(folder.resolve()), str((folder / "chat.txt").resolve())]
    assert first.added[1].size == len("how old are you\n") and first.added[0].size is None
    assert first.added[0].banks == ("known",)
    assert len(first.errors) == 1 and first.errors[0]["path"].endswith("vanished")
    second = inputs.add([folder / ".." / "evidence", folder / "chat.txt"], (), "tester")
    assert second.added == [] and second.already == [str(folder.resolve()), str((folder / "chat.txt").resolve())]
    assert [i.path for i in inputs.list()] == [str(folder.resolve()), str((folder / "chat.txt").resolve())]
    entries = alpha.service_store().audit_entries(0, 10)
    assert [e.action for e in entries] == ["case.add"] and entries[0].details["errors"] == 1
    # another case and the default case have no inputs
    house.cases().create("beta", "tester")
    beta = house.cases().open("beta")
    assert CaseInputs(beta.service_store()).list() == []
    assert CaseInputs(house.service_store()).list() == []
    alpha.close()
    beta.close()


def test_a_case_store_is_migrated_to_the_whole_schema(house: Services) -> None:
    case = house.cases().create("alpha", "tester")
    alpha = house.cases().open("alpha")
    with alpha.store.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        if conn.dialect.name == "postgresql":  # its own schema, and only that one on the path
            assert conn.exec_driver_sql("SELECT current_schema()").scalar_one() == f"case_{case.id}"
            assert "cases" in inspect(conn).get_table_names(schema=f"case_{case.id}")
    alpha.close()
