from __future__ import annotations

from pathlib import Path

import pytest

from childsafe.config import load_settings
from childsafe.errors import ConfigError


def test_layers_defaults_file_environment_flags(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text("workers = 3\nmax_archive_depth = 1\n")
    env = {"CHILDSAFE_HOME": str(home), "CHILDSAFE_WORKERS": "5"}
    s = load_settings({}, env)
    assert (s.home, s.workers, s.max_archive_depth, s.pdq_quality_min) == (home, 5, 1, 50)
    assert load_settings({"workers": 7}, env).workers == 7
    assert s.db_url == f"sqlite:///{home / 'childsafe.sqlite3'}"


def test_database_password_never_printed(tmp_path: Path) -> None:
    s = load_settings({"home": tmp_path, "db": "postgresql://u:hunter2@localhost/x"}, {})
    assert "hunter2" not in repr(s)


@pytest.mark.parametrize(("content", "message"), [("nope = 1", "unknown setting"),
                                                   ("workers = 'many'", "invalid value"),
                                                   ("workers = -1", "invalid value"),
                                                   ("not toml [", "config.toml")])
def test_bad_config_is_a_config_error(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "config.toml").write_text(content)
    with pytest.raises(ConfigError, match=message):
        load_settings({"home": tmp_path}, {})
