"""Scanning folders and archives: walk, hash in parallel, match, report, store, resume."""

from childsafe.scan.runner import ScanOptions, ScanSummary, run_scan
from childsafe.scan.walk import WalkError, WalkItem, walk

__all__ = ["ScanOptions", "ScanSummary", "WalkError", "WalkItem", "run_scan", "walk"]
