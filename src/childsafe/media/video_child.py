"""The child process that hashes one video (see :mod:`childsafe.media.video`).

Usage: ``python -m childsafe.media.video_child PARENT_PID PATH SECONDS_PER_HASH MAX_FRAME_PIXELS
MAX_FRAMES MAX_MEMORY_BYTES``.  Prints one JSON object, ``{"frames": [[hex, quality, ts], ...]}``
or ``{"error": "..."}``; exit 0, or :data:`~childsafe.media.video.REFUSED_EXIT` for a bound.
"""

from __future__ import annotations

import json
import resource
import sys
from typing import Any

from childsafe.media.lifeline import die_with_parent

_REFUSED_EXIT = 3  # childsafe.media.video.REFUSED_EXIT, not imported: keep this process small
_DECODE_EXIT = 2


def _answer(payload: dict[str, Any], status: int) -> None:
    sys.stdout.write(json.dumps(payload))
    sys.stdout.flush()
    sys.exit(status)


def _probe(path: str) -> tuple[int, int, int]:
    """(width, height, frame count) from the container, before any frame is hashed."""
    import cv2

    capture = cv2.VideoCapture(path, cv2.CAP_FFMPEG)
    try:
        if not capture.isOpened():
            return 0, 0, 0
        return (int(capture.get(cv2.CAP_PROP_FRAME_WIDTH)), int(capture.get(cv2.CAP_PROP_FRAME_HEIGHT)),
                int(capture.get(cv2.CAP_PROP_FRAME_COUNT)))
    finally:
        capture.release()


def _limit_memory(extra: int) -> None:
    import psutil

    # RLIMIT_AS counts address space, libraries included: allow what is mapped now plus ``extra``.
    base = int(psutil.Process().memory_info().vms)
    resource.setrlimit(resource.RLIMIT_AS, (base + extra, base + extra))


def main(argv: list[str]) -> None:
    parent, path, seconds_per_hash, max_pixels, max_frames, max_memory = argv
    die_with_parent(int(parent))
    # Imported before the memory cap: their libraries belong to the baseline, not to the video.
    import cv2  # noqa: F401
    import vpdq

    _limit_memory(int(max_memory))
    try:
        width, height, frames = _probe(path)
    except MemoryError:
        _answer({"error": f"video metadata needs more than {max_memory} bytes (max_video_memory_bytes)"},
                _REFUSED_EXIT)
    if width * height > int(max_pixels):
        _answer({"error": f"video frames of {width}x{height} = {width * height} pixels exceed the limit of "
                          f"{max_pixels} (max_video_frame_pixels), not decoded"}, _REFUSED_EXIT)
    if frames > int(max_frames):
        _answer({"error": f"video of {frames} frames exceeds the limit of {max_frames} (max_video_frames), "
                          "not decoded"}, _REFUSED_EXIT)
    try:
        features = vpdq.computeHash(path, seconds_per_hash=float(seconds_per_hash))
    except MemoryError:
        _answer({"error": f"video decoding needs more than {max_memory} bytes (max_video_memory_bytes)"},
                _REFUSED_EXIT)
    except Exception as exc:  # noqa: BLE001 - the bindings raise bare Exception on bad input
        _answer({"error": f"video could not be decoded: {exc}"}, _DECODE_EXIT)
    _answer({"frames": [[f.hex, int(f.quality), round(float(f.timestamp), 3)] for f in features]}, 0)


if __name__ == "__main__":
    main(sys.argv[1:])
