"""The import-linter contracts in pyproject.toml hold, and a wrong arrow breaks them.

Each wrong arrow is added to a copy of the package (never to the tree under test), then
``lint-imports`` runs on the copy with the real contracts: it must fail and name the import.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import importlinter  # noqa: F401 - the dev extra installs it; CI runs `lint-imports`
import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = "import sys; from importlinter.cli import lint_imports_command; sys.exit(lint_imports_command())"


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", LINT, "--config", str(root / "pyproject.toml"), "--no-cache"],
                          cwd=root, env={"PYTHONPATH": str(root / "src"), "PATH": "/usr/bin:/bin"},
                          capture_output=True, text=True, timeout=120, check=False)


def _copy(tmp_path: Path) -> Path:
    def not_python(folder: str, names: list[str]) -> set[str]:
        return {n for n in names if n == "__pycache__" or (Path(folder, n).is_file() and not n.endswith(".py"))}

    shutil.copytree(ROOT / "src" / "childsafe", tmp_path / "src" / "childsafe", ignore=not_python)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def test_the_contracts_hold_on_this_tree(tmp_path: Path) -> None:
    done = _lint(_copy(tmp_path))
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 broken" in done.stdout


@pytest.mark.parametrize(("module", "line", "named"), [
    # the review UI reaching into the API's internals instead of its port (web.host.ReviewHost)
    ("web/pages.py", "from childsafe.api.state import get_state", "childsafe.web.pages -> childsafe.api.state"),
    # a domain importing storage
    ("media/content.py", "import childsafe.store.sql", "childsafe.media.content -> childsafe.store.sql"),
    # the store importing an application service
    ("store/base.py", "import childsafe.review", "childsafe.store.base -> childsafe.review"),
    # two domains that must stay independent
    ("text/normalize.py", "import childsafe.graph.events", "childsafe.text.normalize -> childsafe.graph.events"),
    # a service reaching up to a front door
    ("accounts/access.py", "import childsafe.cli.output", "childsafe.accounts.access -> childsafe.cli.output"),
    # a domain speaking HTTP
    ("graph/rank.py", "import fastapi", "childsafe.graph.rank -> fastapi"),
])
def test_a_wrong_arrow_breaks_the_contracts(tmp_path: Path, module: str, line: str, named: str) -> None:
    root = _copy(tmp_path)
    target = root / "src" / "childsafe" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{line}  # deliberately wrong\n", encoding="utf-8")
    done = _lint(root)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "BROKEN" in done.stdout
    assert named in done.stdout


def test_a_new_room_must_be_placed_in_a_layer(tmp_path: Path) -> None:
    root = _copy(tmp_path)
    (root / "src" / "childsafe" / "newroom.py").write_text('"""Not placed in any layer."""\n', encoding="utf-8")
    done = _lint(root)
    assert done.returncode != 0
    assert "childsafe.newroom" in done.stdout + done.stderr
