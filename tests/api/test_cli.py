"""The service's commands, run as users run them: user, token, audit, serve."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from tests.api.conftest import PASSWORD
from tests.cli_runner import Cli


def test_users_tokens_and_audit_verify(cli: Cli) -> None:
    created = cli.run("user", "create", "alice", "--role", "admin", "--password-stdin", input=PASSWORD + "\n")
    admin = [json.loads(line) for line in created.stdout.splitlines()]
    assert admin == [{**admin[0], "name": "alice", "role": "admin", "has_password": True}]
    cli.run("user", "create", "bot", "--role", "api-client")  # stdin is not a terminal: no password
    refused = cli.run("user", "create", "rev", "--role", "reviewer", check=2)
    assert "--password-stdin" in refused.stderr
    assert cli.run("user", "create", "x", "--role", "superuser", check=2).returncode == 2
    assert cli.run("user", "create", "alice", "--role", "admin", "--password-stdin", input=PASSWORD,
                   check=3).returncode == 3
    token = cli.run("token", "create", "bot")
    assert token.stdout.count("\n") == 1 and token.stdout.startswith("cs_")
    assert "shown once" in token.stderr
    assert token.stdout.strip() not in cli.run("token", "list", "bot").stdout
    assert cli.run("token", "create", "nobody", check=3).returncode == 3
    verified = cli.run("audit", "verify")
    assert verified.stdout == "ok\n" and "3 entries" in verified.stderr
    actions = [e["action"] for e in cli.json_lines("audit", "list")]
    assert actions == ["user.create", "user.create", "token.create"]  # refused commands left nothing

    db = cli.home / "childsafe.sqlite3"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE audit_log SET target = 'mallory' WHERE id = 2")
    broken = cli.run("audit", "verify", check=6)
    assert broken.stdout == "" and "entry 2" in broken.stderr
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE audit_log SET target = 'bot' WHERE id = 2")
        conn.execute("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)")
    truncated = cli.run("audit", "verify", check=6)
    assert "entry 3" in truncated.stderr and "missing" in truncated.stderr


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_serve_answers_over_tcp(cli: Cli, workers: int) -> None:
    cli.run("user", "create", "bot", "--role", "api-client")
    token = cli.run("token", "create", "bot").stdout.strip()
    port = _port()
    env = dict(os.environ, CHILDSAFE_HOME=str(cli.home))
    proc = subprocess.Popen([sys.executable, "-m", "childsafe", "serve", "--port", str(port), "--workers",
                             str(workers)], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/status", timeout=2) as r:
                    assert r.read() == b"I-AM-ALIVE"
                break
            except (urllib.error.URLError, ConnectionError):
                assert time.monotonic() < deadline and proc.poll() is None
                time.sleep(0.2)
        with pytest.raises(urllib.error.HTTPError) as denied:
            urllib.request.urlopen(base + "/c/banks", timeout=5)
        assert denied.value.code == 401
        denied.value.close()  # it holds the response's socket
        request = urllib.request.Request(base + "/c/banks", headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=5) as r:
            assert r.read() == b"[]"
    finally:
        proc.terminate()
        output = proc.communicate(timeout=30)[0].decode()
    assert token not in output
    assert '"GET /c/banks HTTP/1.1" 200' in output


def test_serve_help_names_its_options(cli: Cli) -> None:
    out = cli.run("serve", "--help").stdout
    assert "--host" in out and "--port" in out and "--workers" in out


def test_the_cli_refuses_unsafe_bank_names_like_the_api(cli: Cli) -> None:
    refused = cli.run("bank", "create", "a/b", check=2)
    assert "invalid bank name" in refused.stderr and "letters, digits" in refused.stderr
    cli.run("bank", "create", "ncmec-2024")
