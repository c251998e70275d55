"""Faces: detection, descriptors (never crops), grouping the same person across media."""

from childsafe.faces.detect import (
    DETECTORS,
    FACE_DETECTORS,
    FaceBox,
    FaceDetectionResult,
    FaceDetector,
    HaarFaceDetector,
    HogFaceDetector,
    detect_faces,
    get_detector,
    load_rgb,
)

__all__ = [
    "DETECTORS",
    "FACE_DETECTORS",
    "FaceBox",
    "FaceDetectionResult",
    "FaceDetector",
    "HaarFaceDetector",
    "HogFaceDetector",
    "detect_faces",
    "get_detector",
    "load_rgb",
]
