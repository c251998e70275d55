"""Triage: order unknown imagery for human review, most urgent first, with reasons.

For every file under a folder: hash it and look it up in the banks (a known-hash match
dominates), then look at the picture -- faces (dlib HOG by default) and image classifiers
(NudeNet when installed, an organisation's ONNX model, plug-ins) -- and turn all of it into a
priority with :func:`~childsafe.triage.priority.score_priority`.  Videos are hashed and matched
whole; faces and classifiers look at frames sampled every second (at most 60).  A file that
cannot be read or decoded gets priority 0 and its error as a reason; it never stops the run.

Faces and nudity alone never decide; they order human review.
"""

from childsafe.triage.classifiers import (
    ABUSE,
    ENTRY_POINT_GROUP,
    EXPLICIT,
    MINOR,
    ClassifierFinding,
    ImageClassifier,
    NudeNetClassifier,
    OnnxClassifierConfig,
    OnnxImageClassifier,
    available_classifiers,
    load_classifier,
    load_onnx_classifier,
)
from childsafe.triage.engine import TriageOptions, triage_file, triage_path
from childsafe.triage.priority import PriorityWeights, TriageResult, TriageSignals, score_priority

__all__ = [
    "ABUSE",
    "ENTRY_POINT_GROUP",
    "EXPLICIT",
    "MINOR",
    "ClassifierFinding",
    "ImageClassifier",
    "NudeNetClassifier",
    "OnnxClassifierConfig",
    "OnnxImageClassifier",
    "PriorityWeights",
    "TriageOptions",
    "TriageResult",
    "TriageSignals",
    "available_classifiers",
    "load_classifier",
    "load_onnx_classifier",
    "score_priority",
    "triage_file",
    "triage_path",
]
