"""The one walk over folders and archives (parallel, resumable, with progress and per-item
errors), feeding analysers: ``scan`` hashes and matches, ``triage`` and ``faces index`` add theirs."""

from childsafe.media.analysis import Analyser, MediaItem
from childsafe.scan.runner import ItemReport, ScanOptions, ScanSummary, run_pipeline, run_scan
from childsafe.scan.walk import WalkError, WalkItem, walk

__all__ = ["Analyser", "ItemReport", "MediaItem", "ScanOptions", "ScanSummary", "WalkError", "WalkItem",
           "run_pipeline", "run_scan", "walk"]
