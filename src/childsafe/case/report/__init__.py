"""A case's report: self-contained HTML, the same as PDF, every finding as JSON Lines (issue 14).

``write_report(CaseReportInput(...), out_dir)`` writes ``report.html``, ``report.pdf``,
``findings.jsonl`` and ``custody.jsonl`` and returns their paths and SHA-256s
(:class:`ReportPaths`); :func:`record_report` appends those hashes to the audit log.
"""

from childsafe.case.report.audit import REPORT_AUDIT_ACTION, record_report
from childsafe.case.report.kinds import KINDS, error_finding, face_group_finding, finding_kind, finding_line
from childsafe.case.report.model import (
    BankVersion,
    CaseReportInput,
    ChatMessage,
    CustodyFile,
    Decision,
    NetworkEdge,
    NetworkNode,
    ReportLimits,
    RunError,
    StageSummary,
    TimelineEvent,
)
from childsafe.case.report.render import ReportPaths, refuse_url, render_html, write_report

__all__ = ["KINDS", "REPORT_AUDIT_ACTION", "BankVersion", "CaseReportInput", "ChatMessage", "CustodyFile",
           "Decision", "NetworkEdge", "NetworkNode", "ReportLimits", "ReportPaths", "RunError", "StageSummary",
           "TimelineEvent", "error_finding", "face_group_finding", "finding_kind",
           "finding_line", "record_report", "refuse_url", "render_html", "write_report"]
