"""Sample frames from a video for face detection (OpenCV's FFmpeg backend, from its wheel)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np

from childsafe.errors import MediaDecodeError

__all__ = ["sample_frames", "FRAME_EVERY_SECONDS", "MAX_FRAMES"]

FRAME_EVERY_SECONDS = 1.0
MAX_FRAMES = 120


def sample_frames(path: Path, every: float = FRAME_EVERY_SECONDS,
                  max_frames: int = MAX_FRAMES) -> Iterator[tuple[float, np.ndarray]]:
    """(seconds, RGB frame) every ``every`` seconds; MediaDecodeError when nothing decodes."""
    import cv2

    cap = cv2.VideoCapture(str(path))
    try:
        if not cap.isOpened():
            raise MediaDecodeError("video could not be opened")
        fps = cap.get(cv2.CAP_PROP_FPS) or 25.0
        step = max(1, round(fps * every))
        index = produced = 0
        while produced < max_frames:
            ok = cap.grab()
            if not ok:
                break
            if index % step == 0:
                ok, frame = cap.retrieve()
                if ok and frame is not None:
                    produced += 1
                    yield round(index / fps, 3), cv2.cvtColor(frame, cv2.COLOR_BGR2RGB)
            index += 1
        if produced == 0:
            raise MediaDecodeError("video has no decodable frames")
    finally:
        cap.release()
