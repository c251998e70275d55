"""``childsafe user`` and ``childsafe token``: accounts of the service and their API tokens."""

from __future__ import annotations

import getpass
import sys
from typing import TYPE_CHECKING, Annotated

import typer

from childsafe.cli.context import AppContext
from childsafe.cli.output import say, write_json
from childsafe.errors import ConfigError, ModelNotAvailableError
from childsafe.store.service import ROLES, ServiceStore

if TYPE_CHECKING:
    from types import ModuleType

app = typer.Typer(help="Users of the service (admin, reviewer, api-client).", no_args_is_help=True)
token_app = typer.Typer(help="API tokens: created once, stored only as SHA-256.", no_args_is_help=True)


def cli_actor() -> str:
    """Who did it, for the audit log: the operating-system account running the command."""
    try:
        return f"cli:{getpass.getuser()}"
    except (KeyError, OSError):  # no passwd entry (containers)
        return "cli"


def _accounts() -> ModuleType:
    try:
        from childsafe import accounts
    except ImportError as exc:  # argon2-cffi is part of the ``server`` extra
        raise ModelNotAvailableError(f"accounts need the server extra ({exc.name} is missing): "
                                     "pip install 'childsafe[server]'") from exc
    return accounts


def _service(ctx: typer.Context) -> ServiceStore:
    app_ctx: AppContext = ctx.obj
    return app_ctx.service()


def _read_password(role: str, password_stdin: bool) -> str | None:
    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
        if not password:
            raise ConfigError("--password-stdin: no password on standard input")
        return password
    if sys.stdin.isatty() and role != "api-client":
        return str(typer.prompt("Password", hide_input=True, confirmation_prompt=True))
    if role != "api-client":
        raise ConfigError(f"a {role} needs a password: pipe it with --password-stdin or run in a terminal")
    return None  # API clients authenticate with tokens only


@app.command("create")
def create(
    ctx: typer.Context,
    name: str,
    role: Annotated[str, typer.Option("--role", help="admin, reviewer or api-client.")],
    password_stdin: Annotated[bool, typer.Option("--password-stdin", help="Read the password from stdin.")] = False,
) -> None:
    """Create a user (asks for a password in a terminal; api-client users may have none)."""
    if role not in ROLES:
        raise ConfigError(f"unknown role {role!r}: use {', '.join(ROLES)}")
    password = _read_password(role, password_stdin)
    digest = _accounts().hash_password(password) if password else None
    write_json(_service(ctx).create_user(name, role, digest, actor=cli_actor()).to_record())


@app.command("list")
def list_users(ctx: typer.Context) -> None:
    """One JSON object per user."""
    for user in _service(ctx).list_users():
        write_json(user.to_record())


@app.command("disable")
def disable(ctx: typer.Context, name: str) -> None:
    """Refuse the user's logins and tokens (within token_cache_seconds in running servers)."""
    write_json(_service(ctx).update_user(name, actor=cli_actor(), disabled=True).to_record())


@app.command("enable")
def enable(ctx: typer.Context, name: str) -> None:
    """Allow a disabled user again."""
    write_json(_service(ctx).update_user(name, actor=cli_actor(), disabled=False).to_record())


@token_app.command("create")
def token_create(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="The user the token acts as.")],
    label: Annotated[str | None, typer.Option(help="What the token is for.")] = None,
) -> None:
    """Print a new API token for user NAME.  It is shown this once: only its SHA-256 is kept."""
    token_id, token = _accounts().issue_token(_service(ctx), name, actor=cli_actor(), label=label)
    print(token, flush=True)
    say(f"token {token_id} for {name}: shown once, store it now (send it as 'Authorization: Bearer TOKEN')")


@token_app.command("list")
def token_list(ctx: typer.Context, name: str) -> None:
    """A user's tokens: id, label, created, revoked (never the token)."""
    for record in _service(ctx).list_tokens(name):
        write_json(record)


@token_app.command("revoke")
def token_revoke(ctx: typer.Context, token_id: int) -> None:
    """Revoke a token by id (running servers stop accepting it within token_cache_seconds)."""
    _service(ctx).revoke_token(token_id, actor=cli_actor())
    write_json({"revoked": token_id})
