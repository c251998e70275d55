"""Video hashing: Meta's vPDQ through the ``vpdq`` bindings (FFmpeg underneath), within bounds.

Hostile videos are cheap to make and expensive to decode (a 700 KB two-frame 8192x8192 MP4 took
11.5 s and 2 GB), and FFmpeg runs in C where no Python check can interrupt it.  So each video is
hashed in a child process (:mod:`childsafe.media.video_child`) that

* reads the container's metadata first (OpenCV's FFmpeg backend: width, height, frame count) and
  refuses frames over ``max_frame_pixels`` or more than ``max_frames`` before hashing any frame;
* caps its own address space at ``max_memory_bytes`` beyond what it had at start (``RLIMIT_AS``);
* is killed by the parent after ``max_seconds`` of wall time, and by the kernel when the parent
  dies (``PR_SET_PDEATHSIG``).

Each bound ends in a per-item error (:class:`MediaTooLargeError`), never a crash of the run.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, fields
from pathlib import Path

from childsafe import config
from childsafe.errors import ConfigError, MediaDecodeError, MediaTooLargeError
from childsafe.media.signals import VpdqFrame, VpdqSignal

__all__ = ["VideoLimits", "vpdq_hash_video", "vpdq_signal", "SECONDS_PER_HASH"]

#: One frame hash per second, as ThreatExchange and HMA hash videos.
SECONDS_PER_HASH = 1.0
#: Exit status of the child for a refused video (bounds); 0 is success, anything else a failure.
REFUSED_EXIT = 3
_CHILD_MODULE = "childsafe.media.video_child"


@dataclass(frozen=True)
class VideoLimits:
    """Bounds on hashing one video; see :mod:`childsafe.config` for the defaults."""

    max_frame_pixels: int = config.DEFAULT_MAX_VIDEO_FRAME_PIXELS
    max_frames: int = config.DEFAULT_MAX_VIDEO_FRAMES
    max_seconds: float = config.DEFAULT_MAX_VIDEO_SECONDS
    max_memory_bytes: int = config.DEFAULT_MAX_VIDEO_MEMORY_BYTES

    def __post_init__(self) -> None:
        for f in fields(self):
            if getattr(self, f.name) <= 0:
                raise ConfigError(f"video limit {f.name} must be positive, got {getattr(self, f.name)}")

    @classmethod
    def from_settings(cls, settings: config.Settings) -> VideoLimits:
        return cls(max_frame_pixels=settings.max_video_frame_pixels, max_frames=settings.max_video_frames,
                   max_seconds=settings.max_video_seconds, max_memory_bytes=settings.max_video_memory_bytes)


def vpdq_hash_video(path: Path, seconds_per_hash: float = SECONDS_PER_HASH,
                    limits: VideoLimits | None = None) -> list[VpdqFrame]:
    """vPDQ frames of the video at ``path``; MediaTooLargeError beyond a bound, MediaDecodeError
    when nothing decodes."""
    limits = limits or VideoLimits()
    command = _child_command(path, seconds_per_hash, limits)
    try:
        # The child's stderr carries FFmpeg's decoder chatter: dropped, errors come back as JSON.
        proc = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, env=_child_env(),
                              stderr=subprocess.DEVNULL, timeout=limits.max_seconds, check=False)
    except subprocess.TimeoutExpired as exc:  # subprocess.run has killed and reaped the child
        raise MediaTooLargeError(
            f"video hashing exceeded the wall-time limit of {limits.max_seconds:g} s (max_video_seconds)"
        ) from exc
    return _frames_from_child(proc.returncode, proc.stdout, limits)


def _child_command(path: Path, seconds_per_hash: float, limits: VideoLimits) -> list[str]:
    return [sys.executable, "-m", _CHILD_MODULE, str(os.getpid()), str(path), repr(seconds_per_hash),
            str(limits.max_frame_pixels), str(limits.max_frames), str(limits.max_memory_bytes)]


def _child_env() -> dict[str, str]:
    # The child must import this very childsafe, wherever it was imported from.
    package_root = str(Path(__file__).resolve().parents[2])
    paths = [package_root, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    return {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}


def _frames_from_child(returncode: int, stdout: bytes, limits: VideoLimits) -> list[VpdqFrame]:
    try:
        answer = json.loads(stdout.decode("utf-8") or "null")
    except (UnicodeDecodeError, json.JSONDecodeError):
        answer = None
    if returncode == 0 and isinstance(answer, dict) and isinstance(answer.get("frames"), list):
        frames = [VpdqFrame(str(h), int(q), float(t)) for h, q, t in answer["frames"]]
        if not frames:
            raise MediaDecodeError("video has no decodable frames")
        return frames
    message = answer.get("error") if isinstance(answer, dict) else None
    if returncode == REFUSED_EXIT and message:
        raise MediaTooLargeError(str(message))
    if message:
        raise MediaDecodeError(str(message))
    if returncode < 0 or returncode == 1:
        # Killed by the timer, or aborted: under the memory cap a failed allocation aborts (SIGABRT), and
        # so does an FFmpeg assertion on some damaged containers (found by the fuzzing suite), so the
        # exit status cannot tell the two apart.  Either way it is this item's error, not the run's.
        raise MediaTooLargeError(
            f"video hashing process died (exit {returncode}): beyond the memory limit of "
            f"{limits.max_memory_bytes} bytes (max_video_memory_bytes), or the decoder aborted on damaged data"
        )
    raise MediaDecodeError(f"video could not be decoded (hashing process exit {returncode})")


def vpdq_signal(frames: list[VpdqFrame]) -> str:
    return VpdqSignal.serialize(frames)
