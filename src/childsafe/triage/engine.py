"""Triage over the one walk: the triage analyser looks at pictures (faces, classifiers) in the walk's
workers; hashes and matches come from the walk; :func:`triage_result` turns them into a priority.
Public names in ``childsafe.triage``; the run itself is :func:`childsafe.scan.jobs.triage_tree`."""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image

from childsafe.errors import ChildsafeError, ConfigError
from childsafe.faces.detect import FaceDetector, load_rgb
from childsafe.matching import Matcher, MatchResult
from childsafe.media.analysis import MediaItem
from childsafe.media.content import ContentType
from childsafe.media.hashing import HashOptions, hash_file
from childsafe.triage.classifiers import ClassifierFinding, ImageClassifier
from childsafe.triage.priority import PriorityWeights, TriageResult, TriageSignals, score_priority

__all__ = ["TriageAnalyser", "TriageModels", "TriageOptions", "triage_file", "triage_path", "triage_result"]

log = logging.getLogger(__name__)

#: Images are looked at with the long side at most this (detectors and classifiers scale further).
ANALYSE_MAX_SIDE = 2048


@dataclass(frozen=True)
class TriageOptions:
    hash_options: HashOptions = field(default_factory=HashOptions)
    weights: PriorityWeights = field(default_factory=PriorityWeights)
    video_every_seconds: float = 1.0
    video_max_frames: int = 60


def triage_path(
    root: str | os.PathLike[str],
    matcher: Matcher | None,
    classifiers: Sequence[ImageClassifier],
    detector: FaceDetector | None,
    options: TriageOptions | None = None,
) -> Iterator[TriageResult]:
    """A :class:`TriageResult` for every item under ``root`` (or ``root`` itself), archive members too.

    The one walk of :mod:`childsafe.scan` does the reading (folders, zip and tar archives, each
    member triaged like a file, per-item errors), here in this process, one item at a time, so
    ``classifiers`` may be any objects; ``childsafe triage`` runs it in worker processes, stores
    and resumes (:func:`childsafe.scan.jobs.triage_tree`).  ``matcher`` None skips hash matching
    and ``detector`` None skips faces.  Content seen before in the same run (same sha256) is not
    looked at again: its faces and findings are reused.
    """
    from childsafe.scan.jobs import triage_tree  # the walk sits above this domain; called, not imported

    opts = options or TriageOptions()
    analyser = TriageAnalyser(list(classifiers), detector, opts)
    results, _summary = triage_tree(Path(root), None, matcher, analyser, in_process=True)
    yield from results


def triage_file(
    path: str | os.PathLike[str],
    matcher: Matcher | None,
    classifiers: Sequence[ImageClassifier],
    detector: FaceDetector | None,
    options: TriageOptions | None = None,
) -> TriageResult:
    """Hash, match and look at one file; problems with the content become reasons, never raise.

    An archive is looked at as a whole here (its digests); :func:`triage_path` opens it.
    """
    opts = options or TriageOptions()
    analyser = TriageAnalyser(list(classifiers), detector, opts)
    hashes = hash_file(path, opts.hash_options)
    matched = MatchResult()
    notes: list[str] = []
    if matcher is not None and hashes.sha256:
        try:
            matched = matcher.match_file(hashes)
        except ChildsafeError as exc:
            notes.append(f"hash matching failed: {exc}")
    record = hashes.to_record() | matched.to_record()
    analysis: dict[str, Any] = {}
    if not hashes.error and hashes.content_type in analyser.wants:
        analysis = analyser.analyse(MediaItem(str(path), hashes, local_path=Path(path)))
    record["analysis"] = {analyser.name: analysis}
    result = triage_result(record, matched, opts.weights)
    if result.signals is not None and notes:
        result.signals.notes[:0] = notes
        result = score_priority(result.signals, opts.weights)
    return result


def triage_result(record: dict[str, Any], matched: MatchResult,
                  weights: PriorityWeights | None = None) -> TriageResult:
    """The priority of one walked item from its scan record (hashes, ``analysis``) and its matches."""
    found = (record.get("analysis") or {}).get(TriageAnalyser.name) or {}
    signals = TriageSignals(str(record["path"]), content_type=ContentType(record.get("content_type") or "other"),
                            error=record.get("error") or found.get("error"), sha256=record.get("sha256"))
    signals.matches, signals.allowlisted = list(matched.matches), list(matched.allowlisted)
    signals.faces = int(found.get("faces", 0))
    signals.largest_face_fraction = float(found.get("largest_face_fraction", 0.0))
    signals.findings = [_finding_from(f) for f in found.get("findings", [])]
    signals.analysed = bool(found.get("analysed", False))
    signals.notes = list(found.get("notes", []))
    if record.get("archive"):
        signals.notes.append(f"{record['archive']} archive of {record.get('members', 0)} items: "
                             "each member is triaged on its own line")
    elif not signals.error and signals.content_type not in TriageAnalyser.wants:
        signals.notes.append("not a photo or video: only its digests were matched")
    if found.get("same_content_as"):
        signals.notes.append(f"same content as {found['same_content_as']}: faces and classifiers not run again")
    result = score_priority(signals, weights)
    return result


@dataclass(frozen=True)
class TriageModels:
    """A recipe for the classifiers and face detector, sent to worker processes to load there."""

    classifiers: tuple[str, ...] = ()  # registered names (``nudenet``, plug-ins)
    onnx_specs: tuple[Path, ...] = ()  # ONNX TOML spec files
    face_detector: str | None = "hog"

    def load(self) -> tuple[list[ImageClassifier], FaceDetector | None]:
        from childsafe.faces.detect import get_detector
        from childsafe.triage.classifiers import load_classifier, load_onnx_classifier

        classifiers = [load_classifier(name) for name in self.classifiers]
        classifiers.extend(load_onnx_classifier(spec) for spec in self.onnx_specs)
        return classifiers, None if self.face_detector is None else get_detector(self.face_detector)


class TriageAnalyser:
    """Faces and image classifiers on each photo and on frames sampled from each video.

    Hash matching and the priority happen in the scan's process (they need the banks); this
    part runs in the workers.  Sent to a worker, it travels as ``rebuild`` (a picklable recipe
    that loads the classifiers and the face detector again, once per process) when one is given.
    """

    name = "triage"
    wants = frozenset({ContentType.PHOTO, ContentType.VIDEO})

    def __init__(self, classifiers: list[ImageClassifier] | None, detector: FaceDetector | None,
                 options: TriageOptions,
                 rebuild: Callable[[], tuple[list[ImageClassifier], FaceDetector | None]] | None = None) -> None:
        self.classifiers, self.detector, self.rebuild = classifiers, detector, rebuild
        self.options: TriageOptions | None = options
        #: The parts of ``options`` a worker needs (the priority weights are not sent).
        self.hash_options = options.hash_options
        self.video = (options.video_every_seconds, options.video_max_frames)
        self._names = [c.name for c in classifiers or []]
        self._detector_name = detector.name if detector is not None else None

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["options"] = None  # the priority's weights are used in the scan's process only
        if self.rebuild is not None:  # models stay behind; the worker loads its own in setup()
            state["classifiers"] = state["detector"] = None
        return state

    def fingerprint(self) -> str:
        return json.dumps({"classifiers": self._names, "faces": self._detector_name, "max_side": ANALYSE_MAX_SIDE,
                           "video": list(self.video), "pixels": self.hash_options.max_image_pixels}, sort_keys=True)

    def setup(self) -> None:
        if self.classifiers is None and self.rebuild is not None:
            self.classifiers, self.detector = self.rebuild()

    def analyse(self, item: MediaItem) -> dict[str, Any]:
        signals = TriageSignals(item.key, content_type=item.content_type)
        classifiers = self.classifiers or []
        try:
            if item.content_type is ContentType.PHOTO:
                # From bytes: Pillow keeps a path's file open for multi-frame formats (GIF, TIFF).
                rgb = load_rgb(item.read_bytes(), self.hash_options.max_image_pixels)
                _look(signals, [(None, rgb)], classifiers, self.detector)
            elif item.content_type is ContentType.VIDEO and item.local_path is not None:
                _look_at_video(signals, item.local_path, classifiers, self.detector, *self.video)
        except ConfigError:
            raise  # a misconfigured classifier fails every file: stop rather than report it N times
        except ChildsafeError as exc:
            signals.error = str(exc)
        except OSError as exc:
            signals.error = f"unreadable: {exc.strerror or exc}"
        return {"faces": signals.faces, "largest_face_fraction": signals.largest_face_fraction,
                "findings": [_finding_record(f) for f in signals.findings], "analysed": signals.analysed,
                "notes": signals.notes, "error": signals.error}


def _finding_record(f: ClassifierFinding) -> dict[str, Any]:
    # Full-precision score (``to_record`` rounds for the report): the priority is computed from it.
    return {**f.to_record(), "score": f.score}


def _finding_from(record: dict[str, Any]) -> ClassifierFinding:
    box = record.get("box")
    return ClassifierFinding(record["label"], float(record["score"]), None if box is None else tuple(box),
                             record.get("explanation", ""), record.get("classifier", ""))


def _look_at_video(signals: TriageSignals, path: Path, classifiers: Sequence[ImageClassifier],
                   detector: FaceDetector | None, every_seconds: float, max_frames: int) -> None:
    from childsafe.faces.video import sample_frames

    try:
        frames = _look(signals, sample_frames(path, every_seconds, max_frames),
                       classifiers, detector, keep_best=True)
    except ChildsafeError as exc:
        signals.notes.append(f"video frames not analysed: {exc}; the video was matched by its hashes only")
        return
    signals.notes.append(f"video: {frames} frames looked at (one every {every_seconds:g} s, "
                         f"at most {max_frames}); unsampled moments were not seen")


def _look(signals: TriageSignals, images: Iterable[tuple[float | None, np.ndarray]],
          classifiers: Sequence[ImageClassifier], detector: FaceDetector | None, keep_best: bool = False) -> int:
    """Run the face detector and every classifier on each image; return how many were seen."""
    failed: set[str] = set()
    best: dict[tuple[str, str], ClassifierFinding] = {}
    count = 0
    for time, frame in images:
        rgb = _bounded(frame)
        count += 1
        signals.analysed = True
        at = "" if time is None else f" at {time:g} s"
        if detector is not None and "faces" not in failed:
            try:
                faces = detector.detect(rgb)
            except (RuntimeError, ValueError) as exc:  # dlib / OpenCV on an image they dislike
                failed.add("faces")
                signals.notes.append(f"face detection failed{at}: {exc}")
                faces = []
            if faces:
                area = float(rgb.shape[0] * rgb.shape[1]) or 1.0
                signals.faces = max(signals.faces, len(faces))
                signals.largest_face_fraction = max(signals.largest_face_fraction,
                                                    max(f.w * f.h for f in faces) / area)
        for clf in classifiers:
            if clf.name in failed:
                continue
            try:
                found = clf.classify(rgb)
            except ConfigError:
                raise
            except ChildsafeError as exc:
                failed.add(clf.name)
                signals.notes.append(f"classifier {clf.name} failed{at}: {exc}")
                continue
            except Exception as exc:  # noqa: BLE001 -- plug-in code: one bad image must not stop triage
                log.warning("classifier %s raised on %s", clf.name, signals.path, exc_info=True)
                failed.add(clf.name)
                signals.notes.append(f"classifier {clf.name} failed{at}: {type(exc).__name__}: {exc}")
                continue
            for f in found:
                f = replace(f, classifier=f.classifier or clf.name,
                            explanation=f.explanation + at)
                if not keep_best:
                    signals.findings.append(f)
                elif (key := (f.classifier, f.label)) not in best or f.score > best[key].score:
                    best[key] = f
    signals.findings.extend(best.values())
    return count


def _bounded(rgb: np.ndarray) -> np.ndarray:
    """The image with its long side at most :data:`ANALYSE_MAX_SIDE` (face fraction is relative)."""
    h, w = rgb.shape[:2]
    if max(h, w) <= ANALYSE_MAX_SIDE:
        return rgb
    s = ANALYSE_MAX_SIDE / max(h, w)
    size = (max(1, round(w * s)), max(1, round(h * s)))
    return np.asarray(Image.fromarray(rgb).resize(size, Image.Resampling.BILINEAR))
