"""Detected faces as :class:`~childsafe.findings.Finding` objects: one per face, with its box (and,
in a video, the time of the sampled frame) as where it is and the detector that found it.

Faces order review; they never decide.  A face's finding says a face is there, nothing about who.
"""

from __future__ import annotations

from childsafe.faces.detect import FaceBox, FaceDetectionResult
from childsafe.findings import Evidence, Explanation, Finding, Location, clamp_score, context_of

__all__ = ["face_finding", "face_findings"]


def face_finding(face: FaceBox, path: str, detector: str = "face_detector",
                 size: tuple[int, int] | None = None) -> Finding:
    """One face: label ``face``, the detector's confidence as score, its box in the image's pixels."""
    where = Location(path=path, box=(face.x, face.y, face.w, face.h), time=face.time)
    share = face.w * face.h / (size[0] * size[1]) if size and size[0] > 0 and size[1] > 0 else None
    text = f"face of {face.w}x{face.h} px" + (f" at {face.time:.1f} s" if face.time is not None else "")
    return Finding("faces", "face", clamp_score(face.score), where,
                   Explanation(f"faces:{detector}", (Evidence("face_box", text, face.w * face.h, where,
                                                               clamp_score(face.score)),),
                               context_of([("image_fraction", round(share, 4) if share is not None else None)])))


def face_findings(result: FaceDetectionResult, detector: str = "face_detector") -> list[Finding]:
    """A finding per face of one photo or video (none when detection failed: ``result.error`` says why)."""
    return [face_finding(f, result.path, detector, result.size) for f in result.faces]
