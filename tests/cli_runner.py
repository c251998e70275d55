"""Run the ``childsafe`` command in a subprocess, as users and later checks do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any


class Cli:
    def __init__(self, home: Path) -> None:
        self.home = home

    def run(self, *args: str, input: str | None = None, check: int | None = 0) -> subprocess.CompletedProcess[str]:
        env = dict(os.environ, CHILDSAFE_HOME=str(self.home))
        proc = subprocess.run([sys.executable, "-m", "childsafe", *args], capture_output=True,
                              text=True, env=env, input=input, timeout=300)
        if check is not None:
            assert proc.returncode == check, f"exit {proc.returncode}\nstdout: {proc.stdout}\nstderr: {proc.stderr}"
        return proc

    def json_lines(self, *args: str, check: int | None = 0) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.run(*args, check=check).stdout.splitlines() if line.strip()]


