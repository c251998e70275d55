"""Per-invocation state shared by commands: settings, and a store opened on first use."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from childsafe.config import Settings
from childsafe.matching import Matcher
from childsafe.store.sql import SqlStore, open_store

if TYPE_CHECKING:
    from childsafe.store.service import ServiceStore

__all__ = ["AppContext"]


@dataclass
class AppContext:
    settings: Settings
    _store: SqlStore | None = field(default=None, repr=False)

    @property
    def store(self) -> SqlStore:
        if self._store is None:
            self.settings.home.mkdir(parents=True, exist_ok=True)
            self._store = open_store(self.settings.db_url)
        return self._store

    def service(self) -> ServiceStore:
        """The service tables with the audit key and checkpoint file of the settings."""
        from childsafe.store.service import ServiceStore

        return ServiceStore.for_settings(self.store, self.settings)

    def matcher(self, banks: list[str] | None = None) -> Matcher:
        return Matcher(self.store, self.settings.index_dir, banks=banks,
                       pdq_quality_min=self.settings.pdq_quality_min)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
