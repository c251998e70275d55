"""The wheel carries every data file of the package (packs, models, samples, migrations, templates).

``scripts/check-wheel.sh`` (a CI step) builds the wheel and runs it; this test says the same thing in a
second, without a build, when a data file is added that ``package-data`` in pyproject.toml does not name.
"""

from __future__ import annotations

import tomllib
from fnmatch import fnmatchcase
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "childsafe"


def package_data_patterns() -> list[str]:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        config = tomllib.load(fh)
    patterns: list[str] = config["tool"]["setuptools"]["package-data"]["childsafe"]
    return patterns


def data_files() -> list[str]:
    return sorted(
        path.relative_to(PACKAGE).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts
    )


def unshipped(files: list[str], patterns: list[str]) -> list[str]:
    """The files no pattern names.  setuptools' globs match within one folder level ("*" does not
    cross "/"), as fnmatch on each part does here; pyproject.toml uses no "**"."""
    def named(name: str, pattern: str) -> bool:
        parts, globs = name.split("/"), pattern.split("/")
        return len(parts) == len(globs) and all(fnmatchcase(a, b) for a, b in zip(parts, globs, strict=True))

    return [name for name in files if not any(named(name, pattern) for pattern in patterns)]


def test_package_data_names_every_data_file_of_the_package() -> None:
    files = data_files()
    assert "text/data/author_model.npz" in files and "store/migrations/alembic.ini" in files
    assert unshipped(files, package_data_patterns()) == []


def test_a_data_file_that_no_pattern_names_is_found() -> None:
    files = ["samples/a.jpg", "text/data/packs/xx.yaml", "web/templates/sub/x.html", "web/templates/x.html"]
    assert unshipped(files, ["samples/*.jpg", "web/templates/*.html"]) == [
        "text/data/packs/xx.yaml", "web/templates/sub/x.html"]
