"""Alembic environment: the store's own connection, its metadata, batch mode for SQLite.

Run through :func:`childsafe.store.migrate.upgrade` (every ``open_store``), or by hand with
``alembic -c src/childsafe/store/migrations/alembic.ini -x url=sqlite:///path upgrade head``.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from childsafe.store.schema import metadata

config = context.config


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _migrate(connection)
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("pass the store URL: alembic ... -x url=sqlite:///path/childsafe.sqlite3")
    engine = create_engine(url)
    with engine.begin() as conn:
        _migrate(conn)
    engine.dispose()


def _migrate(connection: object) -> None:
    context.configure(connection=connection, target_metadata=metadata,  # type: ignore[arg-type]
                      render_as_batch=True, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


run()
