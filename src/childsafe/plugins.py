"""The one registry style of childsafe: ``importlib.metadata`` entry points, built-ins included.

Every extension point (signal types, hash-list formats, chat formats, graph event kinds, face
detectors, image classifiers) is a :class:`Registry` over one entry-point group.  Built-ins are
declared as entry points too, in code next to the registry (so a source checkout that was never
``pip install``-ed still finds them); plug-ins declare theirs in their own ``pyproject.toml``::

    [project.entry-points."childsafe.signal_types"]
    org-hash = "org_hashes.childsafe:OrgHashSignal"

A plug-in may not replace a built-in or an earlier plug-in of the same name: it is skipped with a
warning, so installing a package cannot silently swap an algorithm or a model.  ``childsafe plugins``
lists what every registry loaded and from where.
"""

from __future__ import annotations

import importlib.metadata
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from childsafe.errors import ConfigError, ModelNotAvailableError

__all__ = ["Plugin", "Registry"]

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Plugin:
    """One registry entry, as ``childsafe plugins`` shows it."""

    group: str
    name: str
    value: str  # "module:object"
    origin: str  # "builtin" or the distribution that declared the entry point
    entry_point: importlib.metadata.EntryPoint = field(repr=False, compare=False)

    def to_record(self) -> dict[str, str]:
        return {"group": self.group, "name": self.name, "object": self.value, "origin": self.origin}


class Registry(Generic[T]):
    """The entries of one entry-point group, loaded and checked on demand.

    ``check`` receives the loaded object and returns it typed, or raises :class:`ConfigError` saying
    what the object lacks; it is where a registry states its protocol.
    """

    def __init__(self, group: str, kind: str, builtins: Mapping[str, str], check: Callable[[object], T]) -> None:
        self.group = group
        self.kind = kind  # what one entry is, for messages: "signal type", "chat format"...
        self._builtins = [importlib.metadata.EntryPoint(name, value, group) for name, value in builtins.items()]
        self._check = check
        self._entries: dict[str, Plugin] | None = None
        self._loaded: dict[str, T] = {}

    def entries(self) -> dict[str, Plugin]:
        """Every registered entry by name: built-ins first, then installed plug-ins (cached; see :meth:`reload`)."""
        if self._entries is None:
            found = {ep.name: Plugin(self.group, ep.name, ep.value, "builtin", ep) for ep in self._builtins}
            for ep in importlib.metadata.entry_points(group=self.group):
                dist = getattr(ep, "dist", None)
                origin = str(getattr(dist, "name", None) or "entry point")
                current = found.get(ep.name)
                if current is None:
                    found[ep.name] = Plugin(self.group, ep.name, ep.value, origin, ep)
                elif current.value != ep.value:
                    log.warning("%s %r from %s ignored: the name is taken by %s (%s)",
                                self.kind, ep.name, origin, current.origin, current.value)
            self._entries = found
        return self._entries

    def names(self) -> list[str]:
        return list(self.entries())

    def load(self, name: str) -> T:
        """The object registered as ``name``.

        Raises :class:`ConfigError` for an unknown name or an object that fails the registry's check, and
        :class:`ModelNotAvailableError` when the plug-in cannot be imported.
        """
        if name in self._loaded:
            return self._loaded[name]
        entries = self.entries()
        entry = entries.get(name)
        if entry is None:
            raise ConfigError(f"unknown {self.kind} {name!r} (registered: {', '.join(sorted(entries)) or 'none'})")
        try:
            obj = entry.entry_point.load()
        except ImportError as exc:
            raise ModelNotAvailableError(
                f"{self.kind} {name!r} ({entry.value}, from {entry.origin}) could not be imported: {exc}") from exc
        except AttributeError as exc:
            raise ConfigError(f"{self.kind} {name!r}: entry point {entry.value!r} names nothing: {exc}") from exc
        checked = self._check(obj)
        self._loaded[name] = checked
        return checked

    def load_all(self) -> dict[str, T]:
        """Every entry that loads; one that does not is logged and left out, so one broken plug-in
        cannot stop a run that does not need it."""
        loaded: dict[str, T] = {}
        for name in self.entries():
            try:
                loaded[name] = self.load(name)
            except (ConfigError, ModelNotAvailableError) as exc:
                log.warning("%s", exc)
        return loaded

    def reload(self) -> None:
        """Forget what was found and loaded (after installing a plug-in, or in tests)."""
        self._entries = None
        self._loaded.clear()
        importlib.invalidate_caches()
