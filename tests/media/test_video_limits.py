"""Issue 10: bounds on a video's frame size, frame count, wall time and memory; per-item errors."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from childsafe.config import load_settings
from childsafe.errors import ConfigError, MediaTooLargeError
from childsafe.media import ContentType, HashOptions, hash_bytes, hash_file
from childsafe.media import video as video_module
from childsafe.media.video import VideoLimits, vpdq_hash_video

needs_ffmpeg = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg not installed")


def make_video(path: Path, size: str = "160x120", seconds: int = 3, rate: int = 10) -> Path:
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", f"testsrc2=size={size}:rate={rate}",
                    "-t", str(seconds), "-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "ultrafast", str(path)],
                   check=True)
    return path


@pytest.fixture(scope="module")
def huge_frames(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two 8192x8192 frames in a few hundred KB: the issue's memory and time sink."""
    path = tmp_path_factory.mktemp("huge") / "huge.mp4"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "color=c=gray:size=8192x8192:rate=1",
                    "-t", "2", "-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "ultrafast", str(path)], check=True)
    return path


@needs_ffmpeg
def test_huge_frames_are_refused_before_decoding(huge_frames: Path) -> None:
    assert huge_frames.stat().st_size < 2 * 1024**2
    for hashes in (hash_file(huge_frames), hash_bytes(huge_frames.read_bytes(), "upload.mp4")):
        assert hashes.content_type is ContentType.VIDEO
        assert hashes.md5 and hashes.sha256 and hashes.vpdq is None  # digests still computed
        assert hashes.error is not None
        assert "8192x8192" in hashes.error and "max_video_frame_pixels" in hashes.error


@needs_ffmpeg
def test_frame_size_limit_is_a_setting(tmp_path: Path) -> None:
    path = make_video(tmp_path / "v.mp4", size="320x240")
    settings = load_settings({"home": tmp_path, "max_video_frame_pixels": 320 * 240 - 1}, {})
    refused = hash_file(path, HashOptions.from_settings(settings))
    assert refused.error and "max_video_frame_pixels" in refused.error
    assert hash_file(path, HashOptions.from_settings(load_settings({"home": tmp_path}, {}))).error is None


@needs_ffmpeg
def test_too_many_frames_are_refused(tmp_path: Path) -> None:
    path = make_video(tmp_path / "v.mp4", seconds=3, rate=10)  # 30 frames
    with pytest.raises(MediaTooLargeError, match="30 frames exceeds the limit of 29"):
        vpdq_hash_video(path, limits=VideoLimits(max_frames=29))
    assert len(vpdq_hash_video(path, limits=VideoLimits(max_frames=30))) == 3


@needs_ffmpeg
def test_memory_limit_refuses_the_video(tmp_path: Path) -> None:
    path = make_video(tmp_path / "v.mp4", size="640x480")
    with pytest.raises(MediaTooLargeError, match="max_video_memory_bytes"):
        vpdq_hash_video(path, limits=VideoLimits(max_memory_bytes=16 * 1024**2))
    assert vpdq_hash_video(path)  # the default leaves room for ordinary videos


def test_wall_time_limit_kills_the_hashing_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A stand-in for a video that decodes forever: the child never answers.
    marker = tmp_path / "child.pid"
    script = f"import os, time; open({str(marker)!r}, 'w').write(str(os.getpid())); time.sleep(600)"
    monkeypatch.setattr(video_module, "_child_command", lambda *_: [sys.executable, "-c", script])
    with pytest.raises(MediaTooLargeError, match="wall-time limit of 1 s"):
        vpdq_hash_video(tmp_path / "any.mp4", limits=VideoLimits(max_seconds=1))
    pid = int(marker.read_text())
    psutil = pytest.importorskip("psutil")
    assert not psutil.pid_exists(pid) or psutil.Process(pid).status() == psutil.STATUS_ZOMBIE


def test_limits_must_be_positive() -> None:
    with pytest.raises(ConfigError, match="max_frames"):
        VideoLimits(max_frames=0)
