"""``childsafe plugins``: every extension point's entries, built-ins and installed plug-ins alike."""

from __future__ import annotations

import importlib
from typing import Annotated, Any, Final

import typer

from childsafe.cli.main import app
from childsafe.cli.output import write_json
from childsafe.errors import ConfigError, ModelNotAvailableError
from childsafe.plugins import Registry

__all__ = ["REGISTRY_MODULES", "plugin_records", "registries"]

#: Modules that hold a :class:`~childsafe.plugins.Registry`; every registry in them is listed.  A new
#: extension point is one line here.  A module missing from this installation is passed over.
REGISTRY_MODULES: Final = (
    "childsafe.media.signals",  # childsafe.signal_types
    "childsafe.media.hashlists",  # childsafe.hashlist_formats
    "childsafe.text.readers",  # childsafe.chat_formats
    "childsafe.graph.events",  # childsafe.event_kinds
    "childsafe.faces.detect",  # childsafe.face_detectors
    "childsafe.triage.classifiers",  # childsafe.image_classifiers
)


def registries() -> list[Registry[Any]]:
    """Every registry of :data:`REGISTRY_MODULES`, in that order, each once."""
    found: dict[str, Registry[Any]] = {}
    for name in REGISTRY_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:  # the module exists but something it imports does not: say so
                raise
            continue
        for value in vars(module).values():
            if isinstance(value, Registry) and value.group not in found:
                found[value.group] = value
    return list(found.values())


def plugin_records(load: bool = False) -> list[dict[str, Any]]:
    """One record per entry: group, name, object ("module:attribute"), origin; with ``load``, whether it
    loads (``error`` says why not)."""
    records: list[dict[str, Any]] = []
    for registry in registries():
        for entry in registry.entries().values():
            record: dict[str, Any] = entry.to_record()
            if load:
                try:
                    registry.load(entry.name)
                    record["error"] = None
                except (ConfigError, ModelNotAvailableError) as exc:
                    record["error"] = str(exc)
            records.append(record)
    return records


@app.command("plugins")
def plugins_command(
    load: Annotated[bool, typer.Option(
        "--load", help="Also import each entry and check it (error: why it cannot be used).")] = False,
) -> None:
    """List every extension point's entries (JSON Lines: group, name, object, origin).

    Signal types, hash-list formats, chat formats, graph event kinds, face detectors and image
    classifiers: built-ins and installed plug-ins register the same way, as entry points.
    """
    for record in plugin_records(load):
        write_json(record)
