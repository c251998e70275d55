"""The triage engine: walk, hash, match, look at pictures, score (public names in ``childsafe.triage``)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np
from PIL import Image

from childsafe.errors import ChildsafeError, ConfigError
from childsafe.faces.detect import FaceDetector, load_rgb
from childsafe.matching import Matcher
from childsafe.media.content import ContentType
from childsafe.media.hashing import HashOptions, hash_file
from childsafe.scan.walk import WalkError, walk
from childsafe.triage.classifiers import ClassifierFinding, ImageClassifier
from childsafe.triage.priority import PriorityWeights, TriageResult, TriageSignals, score_priority

__all__ = ["TriageOptions", "triage_file", "triage_path"]

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
    """A :class:`TriageResult` for every file under ``root`` (or ``root`` itself), in walk order.

    ``matcher`` None skips hash matching and ``detector`` None skips faces.  Content seen before in
    the same run (same sha256) is not looked at again: its faces and findings are reused.
    """
    opts = options or TriageOptions()
    seen: dict[str, tuple[str, TriageSignals]] = {}
    for item in walk(Path(root)):
        if isinstance(item, WalkError):
            yield score_priority(TriageSignals(item.path, error=item.message), opts.weights)
        else:
            yield triage_file(item.path, matcher, classifiers, detector, opts, _seen=seen)


def triage_file(
    path: str | os.PathLike[str],
    matcher: Matcher | None,
    classifiers: Sequence[ImageClassifier],
    detector: FaceDetector | None,
    options: TriageOptions | None = None,
    *,
    _seen: dict[str, tuple[str, TriageSignals]] | None = None,
) -> TriageResult:
    """Hash, match and look at one file; problems with the content become reasons, never raise."""
    opts = options or TriageOptions()
    hashes = hash_file(path, opts.hash_options)
    signals = TriageSignals(str(path), content_type=hashes.content_type, error=hashes.error, sha256=hashes.sha256)
    if matcher is not None and hashes.sha256:
        try:
            result = matcher.match_file(hashes)
        except ChildsafeError as exc:
            signals.notes.append(f"hash matching failed: {exc}")
        else:
            signals.matches, signals.allowlisted = result.matches, result.allowlisted
    if signals.error:
        return score_priority(signals, opts.weights)
    previous = _seen.get(hashes.sha256) if _seen is not None and hashes.sha256 else None
    if previous is not None:
        first, earlier = previous
        signals.faces, signals.largest_face_fraction = earlier.faces, earlier.largest_face_fraction
        signals.findings, signals.analysed = list(earlier.findings), earlier.analysed
        signals.notes.extend(earlier.notes)
        signals.notes.append(f"same content as {first}: faces and classifiers not run again")
        return score_priority(signals, opts.weights)
    try:
        if hashes.content_type is ContentType.PHOTO:
            # From bytes: Pillow keeps a path's file open for multi-frame formats (GIF, TIFF).
            rgb = load_rgb(Path(path).read_bytes(), opts.hash_options.max_image_pixels)
            _look(signals, [(None, rgb)], classifiers, detector)
        elif hashes.content_type is ContentType.VIDEO:
            _look_at_video(signals, Path(path), classifiers, detector, opts)
        else:
            signals.notes.append("not a photo or video: only its digests were matched")
    except ConfigError:
        raise  # a misconfigured classifier fails every file: stop rather than report it N times
    except ChildsafeError as exc:
        signals.error = str(exc)
    except OSError as exc:
        signals.error = f"unreadable: {exc.strerror or exc}"
    if _seen is not None and hashes.sha256 and signals.error is None:
        _seen[hashes.sha256] = (str(path), signals)
    return score_priority(signals, opts.weights)


def _look_at_video(signals: TriageSignals, path: Path, classifiers: Sequence[ImageClassifier],
                   detector: FaceDetector | None, opts: TriageOptions) -> None:
    from childsafe.faces.video import sample_frames

    try:
        frames = _look(signals, sample_frames(path, opts.video_every_seconds, opts.video_max_frames),
                       classifiers, detector, keep_best=True)
    except ChildsafeError as exc:
        signals.notes.append(f"video frames not analysed: {exc}; the video was matched by its hashes only")
        return
    signals.notes.append(f"video: {frames} frames looked at (one every {opts.video_every_seconds:g} s, "
                         f"at most {opts.video_max_frames}); unsampled moments were not seen")


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
