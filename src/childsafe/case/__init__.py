"""Cases: one investigation's evidence, its run and its report (issue 14).

:mod:`childsafe.case.report` renders a case's report (HTML, PDF, findings.jsonl) from plain data.
"""

__all__ = ["report"]
