"""``childsafe serve``: the REST API under uvicorn (see :mod:`childsafe.api.server`)."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from childsafe.cli.context import AppContext
from childsafe.cli.output import say
from childsafe.errors import ModelNotAvailableError

__all__ = ["serve", "MAX_DEFAULT_WORKERS"]

#: One worker per core by default, but no more than this: every worker loads the whole index
#: (a million PDQ hashes is ~160 MB), and the lookup goal is met with two (see the README).
MAX_DEFAULT_WORKERS = 4


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(
        "--workers", min=0, help="Server processes; 0 = one per core, at most 4 (each holds its own index).")] = 0,
    access_log: Annotated[bool, typer.Option(help="Log one line per request (no query strings).")] = True,
) -> None:
    """Serve the REST API (OpenAPI at /openapi.json; every route but /status needs a token)."""
    try:
        from childsafe.api.server import ServerOptions, check_port_free, run_server
    except ImportError as exc:  # the web stack is the ``server`` extra
        raise ModelNotAvailableError(f"childsafe serve needs the server extra ({exc.name} is missing): "
                                     "pip install 'childsafe[server]'") from exc

    app_ctx: AppContext = ctx.obj
    settings = app_ctx.settings
    workers = workers or min(os.cpu_count() or 1, MAX_DEFAULT_WORKERS)
    check_port_free(host, port)  # before anything else: a second server on a port says so at once
    app_ctx.service()  # create or migrate the tables (and the audit key) once, before the workers race to
    app_ctx.close()
    # Worker processes read their settings from the environment: pass on what the flags resolved.
    os.environ["CHILDSAFE_HOME"] = str(settings.home)
    if settings.db:
        os.environ["CHILDSAFE_DB"] = settings.db
    say(f"childsafe serve: http://{host}:{port} ({workers} worker{'s' if workers > 1 else ''}); "
        "OpenAPI at /openapi.json")
    run_server(ServerOptions(host, port, workers, access_log, float(settings.header_timeout_seconds)))
