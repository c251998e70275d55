"""Record a written report in the audit log: which case, which files, and each file's SHA-256, so a
report handed on can later be checked against the log."""

from __future__ import annotations

from childsafe.case.report.render import ReportPaths
from childsafe.store.service import AuditEntry, ServiceStore

__all__ = ["REPORT_AUDIT_ACTION", "record_report"]

REPORT_AUDIT_ACTION = "case.report"


def record_report(service: ServiceStore, case: str, paths: ReportPaths, actor: str = "cli") -> AuditEntry:
    """Append one ``case.report`` entry (target: the case) holding the report's hashes."""
    return service.append_audit(None, actor, REPORT_AUDIT_ACTION, case, paths.to_record())
