"""Which PostgreSQL the store, graph and API suites also run against.

``CHILDSAFE_TEST_POSTGRES_URL`` names a database the tests may empty; ``off`` disables them.
Unset, the database that ``scripts/setup.sh`` creates on loopback is used when it answers, so
the README's test command covers PostgreSQL wherever setup ran.
"""

from __future__ import annotations

import functools
import os

from sqlalchemy import create_engine, text
from sqlalchemy.exc import SQLAlchemyError

__all__ = ["DEFAULT_URL", "postgres_url", "reset_postgres"]

DEFAULT_URL = "postgresql+psycopg://childsafe:childsafe@127.0.0.1:5432/childsafe_test"


@functools.cache
def postgres_url() -> str:
    """The URL to test against, or '' when there is none."""
    chosen = os.environ.get("CHILDSAFE_TEST_POSTGRES_URL")
    if chosen is not None:
        return "" if chosen.strip().lower() in ("", "off", "0", "no") else chosen
    try:
        engine = create_engine(DEFAULT_URL, connect_args={"connect_timeout": 2})
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except (SQLAlchemyError, ImportError):
        return ""
    return DEFAULT_URL


def reset_postgres(url: str) -> None:
    """Empty the test database: every childsafe table, Alembic's revision marker and the cases' schemas."""
    from childsafe.store.schema import metadata

    engine = create_engine(url)
    with engine.begin() as conn:
        schemas = conn.execute(text("SELECT schema_name FROM information_schema.schemata "
                                    "WHERE schema_name LIKE 'case\\_%'")).scalars().all()
        for schema in schemas:  # case stores (childsafe.case.stores): a fresh registry reuses their ids
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        metadata.drop_all(conn)
        conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()
