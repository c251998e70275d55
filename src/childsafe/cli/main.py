"""The ``childsafe`` command.  Errors map to exit codes in one place (:func:`run`)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from childsafe.cli import audit as audit_commands
from childsafe.cli import bank as bank_commands
from childsafe.cli import case as case_commands
from childsafe.cli import case_run as case_run_commands
from childsafe.cli import faces as faces_commands
from childsafe.cli import graph as graph_commands
from childsafe.cli import serve as serve_commands
from childsafe.cli import text as text_commands
from childsafe.cli import user as user_commands
from childsafe.cli.context import AppContext
from childsafe.cli.output import say
from childsafe.config import load_settings
from childsafe.errors import ChildsafeError, exit_code_for
from childsafe.media.spool import start_spool

__all__ = ["app", "run"]

app = typer.Typer(
    name="childsafe",
    help="Offline toolkit against online child sexual exploitation: hash, match, scan.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.add_typer(bank_commands.app, name="bank")
app.add_typer(faces_commands.app, name="faces")
app.add_typer(graph_commands.app, name="graph")
app.add_typer(text_commands.app, name="text")
app.add_typer(user_commands.app, name="user")
app.add_typer(user_commands.token_app, name="token")
app.add_typer(audit_commands.app, name="audit")
case_run_commands.register(case_commands.case_app)  # case run, case report
app.add_typer(case_commands.case_app, name="case")
app.command("serve")(serve_commands.serve)


@app.callback()
def main(
    ctx: typer.Context,
    home: Annotated[Path | None, typer.Option(help="Data folder (store, indexes). Env: CHILDSAFE_HOME.")] = None,
    db: Annotated[str | None, typer.Option(help="SQLAlchemy database URL. Env: CHILDSAFE_DB.")] = None,
) -> None:
    ctx.obj = AppContext(load_settings({"home": home, "db": db}))
    ctx.call_on_close(ctx.obj.close)
    # Media copies of a killed run (and its orphan workers) go before anything else runs.
    start_spool(ctx.obj.settings.spool_path)


# Commands live in their own modules; importing them registers them on ``app``.
from childsafe.cli import commands as _commands  # noqa: E402,F401
from childsafe.cli import plugins as _plugins  # noqa: E402,F401


def run() -> None:
    """Console-script entry point.  Usage errors exit 2 (Typer's standalone mode)."""
    try:
        app()
    except ChildsafeError as exc:
        say(f"error: {exc}")
        sys.exit(exit_code_for(exc))
    except BrokenPipeError:  # `childsafe hash ... | head`
        sys.exit(0)
    except OSError as exc:
        # A path the user named (an output folder that does not exist, a file they may not
        # write) is a usage error; anything else the system refused is unexpected.  Either way
        # one line saying what, not a traceback.
        where = f" ({exc.filename})" if exc.filename else ""
        say(f"error: {exc.strerror or exc}{where}")
        sys.exit(2 if isinstance(exc, _PATH_ERRORS) else 1)


_PATH_ERRORS = (FileNotFoundError, PermissionError, NotADirectoryError, IsADirectoryError, FileExistsError)
