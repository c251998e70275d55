"""Per-invocation state shared by commands: settings, and the services built from them (store opened on first use)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from childsafe.config import Settings
from childsafe.matching import Matcher
from childsafe.services import Services
from childsafe.store.sql import SqlStore

if TYPE_CHECKING:
    from childsafe.store.service import ServiceStore

__all__ = ["AppContext"]


@dataclass
class AppContext:
    settings: Settings
    services: Services = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.services = Services(self.settings)
        self.house = self.services

    def use_case(self, name: str | None) -> None:
        """Point this command at case ``name`` (``--case``): its store for records, the main store's banks.

        ``None`` (no ``--case``) keeps the main store: the default case.  An unknown name is
        :class:`~childsafe.errors.CaseNotFoundError` (exit 3) before anything is written.
        """
        if name is None or self.services is not self.house:
            return
        self.services = self.house.cases().open(name)

    @property
    def store(self) -> SqlStore:
        return self.services.store

    def service(self) -> ServiceStore:
        """The service tables with the audit key and checkpoint file of the settings."""
        return self.services.service_store()

    def matcher(self, banks: list[str] | None = None) -> Matcher:
        return self.services.matcher(banks)

    def close(self) -> None:
        if self.services is not self.house:
            self.services.close()
        self.house.close()
