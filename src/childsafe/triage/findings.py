"""Image classifier output as :class:`~childsafe.findings.Finding` objects.

A :class:`~childsafe.triage.classifiers.ClassifierFinding` already has a label, a score in [0, 1], a box
and an explanation; this names the classifier as the detector and the file as where it is.  The
file-level triage result is :meth:`~childsafe.triage.priority.TriageResult.finding`.
"""

from __future__ import annotations

from childsafe.findings import Evidence, Explanation, Finding, box_location
from childsafe.triage.classifiers import ClassifierFinding

__all__ = ["classifier_finding"]


def classifier_finding(found: ClassifierFinding, path: str) -> Finding:
    """One classifier finding in the file at ``path`` (a hint for review, never a verdict)."""
    where = box_location(found.box, path)
    detector = f"classifier:{found.classifier}" if found.classifier else "classifier"
    return Finding("triage", found.label, found.score, where,
                   Explanation(detector, (Evidence("classifier", found.explanation, found.label, where,
                                                   found.score),)))
