"""Detected faces as Findings: the detector, the box, the video time; no detection needed to test it."""

from childsafe.faces.detect import FaceBox, FaceDetectionResult
from childsafe.faces.findings import face_findings
from childsafe.findings import Finding


def test_each_face_is_a_finding_with_its_box_and_detector() -> None:
    result = FaceDetectionResult("clip.mp4", [FaceBox(10, 20, 50, 60, 0.8, time=2.0), FaceBox(0, 0, 5, 5, 1.7)],
                                 size=(200, 100))
    first, second = face_findings(result, "hog")
    assert (first.source, first.label, first.detector, first.score) == ("faces", "face", "faces:hog", 0.8)
    assert (first.where.path, first.where.box, first.where.time) == ("clip.mp4", (10, 20, 50, 60), 2.0)
    assert first.explanation.evidence[0].text == "face of 50x60 px at 2.0 s"
    assert first.explanation.context["image_fraction"] == 0.15
    assert second.score == 1.0  # a detector's confidence above 1 is capped, not refused
    assert Finding.from_record(first.to_record()) == first
    assert face_findings(FaceDetectionResult("broken.jpg", error="not a photo or video")) == []
