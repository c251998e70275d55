from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from childsafe.media import ContentType, hash_bytes, hash_file
from childsafe.media.signals import VpdqSignal, pdq_distance

needs_ffmpeg = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg not installed")


def make_video(path: Path, pattern: str = "testsrc2", seconds: int = 3, size: str = "160x120") -> Path:
    source = f"{pattern}=size={size}:rate=10"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", source, "-t", str(seconds),
                    "-pix_fmt", "yuv420p", "-c:v", "libx264", "-crf", "28", str(path)], check=True)
    return path


@needs_ffmpeg
def test_video_gets_vpdq_and_video_md5(tmp_path: Path) -> None:
    path = make_video(tmp_path / "v.mp4")
    h = hash_file(path)
    assert h.error is None, h.error
    assert h.content_type is ContentType.VIDEO
    assert h.video_md5 == hashlib.md5(path.read_bytes()).hexdigest() == h.md5
    frames = VpdqSignal.parse(h.vpdq or "")
    assert len(frames) == 3  # one hash per second, as ThreatExchange hashes videos
    assert [f.timestamp for f in frames] == [0.0, 1.0, 2.0]


@needs_ffmpeg
def test_video_from_bytes_is_spooled_and_hashed_alike(tmp_path: Path) -> None:
    path = make_video(tmp_path / "v.mp4")
    a, b = hash_file(path), hash_bytes(path.read_bytes(), "member.mp4")
    assert (a.vpdq, a.video_md5, a.sha256) == (b.vpdq, b.video_md5, b.sha256)


@needs_ffmpeg
def test_reencoded_video_matches_and_other_video_does_not(tmp_path: Path) -> None:
    a = make_video(tmp_path / "a.mp4", size="320x240")
    small = tmp_path / "a_small.mkv"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(a), "-vf", "scale=160:120",
                    "-c:v", "libx264", "-crf", "35", str(small)], check=True)
    other = make_video(tmp_path / "o.mp4", pattern="life", size="320x240")
    ha, hs, ho = (hash_file(p).vpdq for p in (a, small, other))
    assert ha and hs and ho
    assert VpdqSignal.match_percents(hs, ha)[0] >= VpdqSignal.QUERY_MATCH_PERCENT
    assert VpdqSignal.match_percents(ho, ha)[0] < VpdqSignal.QUERY_MATCH_PERCENT


@pytest.mark.parametrize("cut", [0, 100, 2000])
@needs_ffmpeg
def test_truncated_or_empty_video_is_an_error(tmp_path: Path, cut: int) -> None:
    data = make_video(tmp_path / "v.mp4").read_bytes()
    bad = tmp_path / "bad.mp4"
    bad.write_bytes(data[:8] + b"ftypisom" + b"\0" * cut if cut else b"\0\0\0\x18ftypisom")
    h = hash_file(bad)
    assert h.content_type is ContentType.VIDEO
    assert h.error and "video" in h.error
    assert h.sha256 == hashlib.sha256(bad.read_bytes()).hexdigest()


def _meta_frames(path: Path) -> list[tuple[int, str]]:
    out = []
    for line in path.read_text().splitlines():
        _frame, quality, pdq, _ts = line.split(",")
        out.append((int(quality), pdq))
    return out


def test_shared_videos_agree_with_metas_vpdq(shared_data: Path) -> None:
    videos = shared_data / "vpdq" / "videos"
    hashes = shared_data / "vpdq" / "hashes"
    checked = 0
    for video in sorted(videos.glob("*.mp4"))[:6]:
        reference = [pdq for q, pdq in _meta_frames(hashes / f"{video.stem}.txt") if q >= 50]
        ours = VpdqSignal.good_hashes(VpdqSignal.parse(hash_file(video).vpdq or "[]"))
        assert ours, video.name
        close = sum(1 for h in ours if min(pdq_distance(h, r) for r in reference) <= 31)
        assert close / len(ours) >= 0.8, video.name
        checked += 1
    assert checked >= 3


def test_shared_variants_match_by_vpdq_rule(shared_data: Path) -> None:
    videos = shared_data / "vpdq" / "videos"
    base = hash_file(videos / "chair-orig-22-sd-bar.mp4").vpdq
    grey = hash_file(videos / "chair-22-sd-grey-bar.mp4").vpdq
    other = hash_file(videos / "doorknob-hd-no-bar.mp4").vpdq
    assert base and grey and other
    assert VpdqSignal.match_percents(grey, base)[0] >= 80
    assert VpdqSignal.match_percents(other, base)[0] < 80
