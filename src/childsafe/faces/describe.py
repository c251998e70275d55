"""128-d face descriptors (dlib's ResNet from the ``face_recognition_models`` wheel).

Two descriptors of the same person are usually within Euclidean distance 0.6 (dlib's published
threshold, 99.38 % on LFW); :data:`MATCH_THRESHOLD` is checked on the shared portraits by the tests
and the face benchmark.  Only descriptors are kept: never crops or thumbnails.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from childsafe.faces.detect import RGB, FaceBox

__all__ = ["FaceDescriber", "MATCH_THRESHOLD", "DESCRIPTOR_SIZE"]

MATCH_THRESHOLD = 0.6
DESCRIPTOR_SIZE = 128


class FaceDescriber:
    def __init__(self, jitter: int = 0) -> None:
        import dlib
        import face_recognition_models as models

        self._shape = dlib.shape_predictor(models.pose_predictor_five_point_model_location())
        self._net = dlib.face_recognition_model_v1(models.face_recognition_model_location())
        self._rect = dlib.rectangle
        self.jitter = jitter

    def describe(self, rgb: RGB, faces: list[FaceBox]) -> npt.NDArray[np.float32]:
        """One row per face, in order."""
        if not faces:
            return np.empty((0, DESCRIPTOR_SIZE), np.float32)
        image = np.ascontiguousarray(rgb)
        shapes = [self._shape(image, self._rect(f.x, f.y, f.x + f.w, f.y + f.h)) for f in faces]
        out = [np.asarray(self._net.compute_face_descriptor(image, s, self.jitter), np.float32) for s in shapes]
        return np.stack(out)
