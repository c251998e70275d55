"""Where a case's evidence store lives: a SQLite file in the home, or a PostgreSQL schema.

Forensic tools keep one case database per case.  Here that gives isolation by construction (no
``case_id`` column on twenty tables, so no query can forget to filter by it) and retention by
dropping one store.  The store of case ``<id>`` is

* on SQLite, the file ``<home>/cases/<id>/store.db`` (its WAL and SHM files beside it);
* on PostgreSQL, the schema ``case_<id>`` of the main database, reached by connections whose
  ``search_path`` is that schema only (psycopg's ``options=-csearch_path=...``), so Alembic, the
  store's queries and raw SQL run unchanged against it.

Each case also has a folder ``<home>/cases/<id>/`` on every back end, for what lives beside a store:
the signed checkpoints of the case's own audit chain.  The id, never the name, is used in paths and
schema names: names are free text, ids are safe and never reused.
"""

from __future__ import annotations

from pathlib import Path
from typing import Final

from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url

from childsafe.config import Settings

__all__ = ["CASES_DIR", "case_checkpoint_path", "case_folder", "case_schema", "case_store_exists", "case_store_url",
           "is_postgres", "prepare_case_store"]

CASES_DIR: Final = "cases"
STORE_FILE: Final = "store.db"
CHECKPOINT_FILE: Final = "audit-checkpoints.jsonl"


def case_folder(settings: Settings, case_id: int) -> Path:
    return settings.home / CASES_DIR / str(int(case_id))


def case_checkpoint_path(settings: Settings, case_id: int) -> Path:
    """The case's audit checkpoints: beside its store, never in the main checkpoint file."""
    return case_folder(settings, case_id) / CHECKPOINT_FILE


def case_schema(case_id: int) -> str:
    return f"case_{int(case_id)}"


def is_postgres(url: str) -> bool:
    return make_url(url).get_backend_name() == "postgresql"


def case_store_url(settings: Settings, case_id: int) -> str:
    """The SQLAlchemy URL of the case's store, derived from the main store's URL."""
    main = settings.db_url
    url = make_url(main)
    backend = url.get_backend_name()
    if backend == "sqlite":
        return f"sqlite:///{case_folder(settings, case_id) / STORE_FILE}"
    if backend == "postgresql":
        # Only the case's schema on the path: a table the case store lacks is an error, never the main one.
        options = f"-csearch_path={case_schema(case_id)}"
        return url.update_query_dict({"options": options}).render_as_string(hide_password=False)
    from childsafe.errors import ConfigError

    raise ConfigError(f"cases need SQLite or PostgreSQL; the store is {backend}")


def prepare_case_store(main: Engine, settings: Settings, case_id: int) -> None:
    """Make the case's folder and, on PostgreSQL, its schema (idempotent); migrations run when it is opened."""
    case_folder(settings, case_id).mkdir(parents=True, exist_ok=True)
    if main.dialect.name == "postgresql":
        with main.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA IF NOT EXISTS "{case_schema(case_id)}"'))


def case_store_exists(main: Engine, settings: Settings, case_id: int) -> bool:
    """Whether something is already where the case's store would go (an orphan from a lost registry)."""
    if main.dialect.name == "postgresql":
        with main.connect() as conn:
            found = conn.execute(text("SELECT 1 FROM information_schema.schemata WHERE schema_name = :s"),
                                 {"s": case_schema(case_id)}).first()
        return found is not None
    return (case_folder(settings, case_id) / STORE_FILE).exists()
