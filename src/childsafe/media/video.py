"""Video hashing: Meta's vPDQ through the ``vpdq`` bindings (FFmpeg underneath)."""

from __future__ import annotations

from pathlib import Path

import vpdq

from childsafe.errors import MediaDecodeError
from childsafe.media.signals import VpdqFrame, VpdqSignal

__all__ = ["vpdq_hash_video", "SECONDS_PER_HASH"]

#: One frame hash per second, as ThreatExchange and HMA hash videos.
SECONDS_PER_HASH = 1.0


def vpdq_hash_video(path: Path, seconds_per_hash: float = SECONDS_PER_HASH) -> list[VpdqFrame]:
    """vPDQ frames of the video at ``path``; raise MediaDecodeError when nothing decodes."""
    try:
        features = vpdq.computeHash(str(path), seconds_per_hash=seconds_per_hash)
    except Exception as exc:  # noqa: BLE001 - the bindings raise bare Exception on bad input
        raise MediaDecodeError(f"video could not be decoded: {exc}") from exc
    frames = [VpdqFrame(f.hex, int(f.quality), round(float(f.timestamp), 3)) for f in features]
    if not frames:
        raise MediaDecodeError("video has no decodable frames")
    return frames


def vpdq_signal(frames: list[VpdqFrame]) -> str:
    return VpdqSignal.serialize(frames)
