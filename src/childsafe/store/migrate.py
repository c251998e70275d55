"""Schema migrations with Alembic: the same numbered revisions on SQLite and PostgreSQL.

:func:`upgrade` runs on every :func:`childsafe.store.sql.open_store`.  It costs one query when the
store is current (the revision is compared with the head before Alembic is loaded).  Stores made
before Alembic came in carry only ``schema_info.version`` (1-3): they are stamped with the matching
revision first, then upgraded, so nothing already stored is touched.  A store whose revision this
childsafe does not know was made by a newer release and is refused rather than guessed at.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Final

from sqlalchemy import Engine, inspect, text
from sqlalchemy.engine import Connection

from childsafe.errors import StoreError

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = ["LEGACY_REVISIONS", "current_revision", "upgrade"]

MIGRATIONS: Final = Path(__file__).with_name("migrations")

#: ``schema_info.version`` of stores made before Alembic -> the revision with the same tables.
LEGACY_REVISIONS: Final = {1: "0001", 2: "0002", 3: "0003"}


@functools.cache
def _revisions() -> tuple[str, frozenset[str]]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    head = script.get_current_head()
    if head is None:
        raise StoreError("no schema migrations found: the childsafe installation is incomplete")
    return head, frozenset(r.revision for r in script.walk_revisions())


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config



def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table("alembic_version"):
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def upgrade(engine: Engine) -> None:
    """Bring the store at ``engine`` to the newest revision (creating it when empty)."""
    from alembic import command

    head, known = _revisions()
    with engine.begin() as conn:
        current = current_revision(conn)
        if current == head:
            return
        if current is not None and current not in known:
            raise StoreError(f"store schema revision {current} is newer than this childsafe (head {head}); upgrade")
        config = _config()
        config.attributes["connection"] = conn
        if current is None:
            legacy = _legacy_version(conn)
            if legacy is not None:
                if legacy not in LEGACY_REVISIONS:
                    raise StoreError(f"store schema v{legacy} is unknown to this childsafe; upgrade")
                command.stamp(config, LEGACY_REVISIONS[legacy])
        command.upgrade(config, "head")


def _legacy_version(conn: Connection) -> int | None:
    if not inspect(conn).has_table("schema_info"):
        return None
    row = conn.execute(text("SELECT value FROM schema_info WHERE key = 'version'")).first()
    if row is None:
        return None
    try:
        return int(row[0])
    except ValueError as exc:
        raise StoreError(f"store schema version {row[0]!r} is not a number") from exc
