"""The records of the case registry: a case, what deleting one removed, what was added to one."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final

__all__ = ["DEFAULT_CASE", "AddReport", "Case", "CaseInput", "DeleteSummary"]

#: The main store itself: records made outside a case (every command without ``--case``) belong here.
DEFAULT_CASE: Final = "default"


@dataclass(frozen=True)
class Case:
    """A case: ``id`` 0 and no store of its own for :data:`DEFAULT_CASE`."""

    id: int
    name: str
    created_at: datetime | None
    created_by: str | None
    note: str | None = None

    @property
    def is_default(self) -> bool:
        return self.id == 0

    def to_record(self) -> dict[str, Any]:
        return {"name": self.name, "id": self.id, "default": self.is_default,
                "created_at": None if self.created_at is None else self.created_at.isoformat(),
                "created_by": self.created_by, "note": self.note}


@dataclass(frozen=True)
class DeleteSummary:
    """What ``case delete`` removed: rows per table of the case's store, and where the store was."""

    case: str
    removed: dict[str, int]
    store: str  # the file folder or the schema dropped
    audit_id: int

    @property
    def total(self) -> int:
        return sum(self.removed.values())

    def to_record(self) -> dict[str, Any]:
        return {"case": self.case, "deleted": True, "removed": self.removed, "rows": self.total,
                "store": self.store, "audit_id": self.audit_id}


@dataclass(frozen=True)
class CaseInput:
    """A path added to a case, with its size and modification time when it was added."""

    id: int
    path: str
    kind: str | None
    banks: tuple[str, ...]  # empty: every enabled bank
    added_at: datetime
    added_by: str
    size: int | None
    mtime_ns: int | None

    def to_record(self) -> dict[str, Any]:
        return {"id": self.id, "path": self.path, "kind": self.kind, "banks": list(self.banks),
                "added_at": self.added_at.isoformat(), "added_by": self.added_by, "size": self.size,
                "mtime_ns": self.mtime_ns}


@dataclass
class AddReport:
    """``case add``: what was added, what the case already had, and per-path errors (nothing else stops)."""

    added: list[CaseInput] = field(default_factory=list)
    already: list[str] = field(default_factory=list)
    errors: list[dict[str, str]] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        return {"added": [i.to_record() for i in self.added], "already": self.already, "errors": self.errors}
