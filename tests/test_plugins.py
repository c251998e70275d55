"""The registry style every extension point uses: built-ins and installed entry points, no silent swaps."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from childsafe.errors import ConfigError, ModelNotAvailableError
from childsafe.plugins import Registry

GROUP = "childsafe.test_widgets"


def _widget(obj: object) -> str:
    if not isinstance(obj, str):
        raise ConfigError(f"a widget is a string, not {type(obj).__name__}")
    return obj


BUILTIN_WIDGET = "the built-in widget"
PLUGIN_WIDGET = "a widget from a plug-in"


@pytest.fixture
def installed_plugin(tmp_path: Path) -> Iterator[Path]:
    """A real distribution on sys.path declaring entry points, as ``pip install`` would leave it."""
    dist = tmp_path / "toy_widgets-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: toy-widgets\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(
        f"[{GROUP}]\n"
        "extra = tests.test_plugins:PLUGIN_WIDGET\n"
        "builtin = tests.test_plugins:PLUGIN_WIDGET\n"  # tries to replace the built-in
        "broken = tests.no_such_module:THING\n"
        "wrong = tests.test_plugins:GROUP_NUMBER\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        yield tmp_path
    finally:
        sys.path.remove(str(tmp_path))


GROUP_NUMBER = 7


def test_builtins_are_found_without_installation() -> None:
    registry = Registry(GROUP, "widget", {"builtin": "tests.test_plugins:BUILTIN_WIDGET"}, _widget)
    assert registry.names() == ["builtin"]
    assert registry.load("builtin") == BUILTIN_WIDGET
    assert registry.entries()["builtin"].origin == "builtin"


def test_installed_plugins_join_but_cannot_replace_a_builtin(installed_plugin: Path) -> None:
    registry = Registry(GROUP, "widget", {"builtin": "tests.test_plugins:BUILTIN_WIDGET"}, _widget)
    entries = registry.entries()
    assert entries["extra"].origin == "toy-widgets"
    assert registry.load("extra") == PLUGIN_WIDGET
    assert registry.load("builtin") == BUILTIN_WIDGET
    with pytest.raises(ModelNotAvailableError, match="broken"):
        registry.load("broken")
    with pytest.raises(ConfigError, match="a widget is a string"):
        registry.load("wrong")
    with pytest.raises(ConfigError, match="unknown widget 'nothing'"):
        registry.load("nothing")
    assert registry.load_all() == {"builtin": BUILTIN_WIDGET, "extra": PLUGIN_WIDGET}


def test_reload_sees_a_plugin_installed_after_the_first_look(tmp_path: Path) -> None:
    registry = Registry(GROUP, "widget", {}, _widget)
    assert registry.names() == []
    dist = tmp_path / "late_widgets-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: late-widgets\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text(f"[{GROUP}]\nlate = tests.test_plugins:PLUGIN_WIDGET\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        assert registry.names() == []  # cached until asked to look again
        registry.reload()
        assert registry.load("late") == PLUGIN_WIDGET
    finally:
        sys.path.remove(str(tmp_path))
