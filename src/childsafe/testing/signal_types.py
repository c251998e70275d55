"""The conformance suite every signal type passes: built-ins and plug-ins alike.

A plug-in author subclasses it in a test module and names the type::

    from childsafe.testing.signal_types import SignalTypeConformance
    from org_hashes.childsafe import OrgHashSignal

    class TestOrgHash(SignalTypeConformance):
        signal_type = OrgHashSignal

Each check is a pytest test method: the declarations the registry checks, validation (examples,
idempotence, garbage refused with :class:`InvalidSignalError` only), distance, the index class
(finds what it holds; a snapshot reloads the same), the hashers it declares (on generated
pictures, bytes and, with FFmpeg, a generated clip), a ``childsafe hash`` record and the
hash-list formats (what is written reads back).  Override :meth:`make_photo` or
:meth:`make_video` to feed your hasher content it can hash meaningfully.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import ClassVar

import numpy as np
import pytest
from PIL import Image, ImageDraw

from childsafe.errors import InvalidSignalError
from childsafe.media.content import ContentType
from childsafe.media.hashing import FileHashes, HashOptions, hash_bytes, hash_file
from childsafe.media.hashlists import HashListEntry, get_format
from childsafe.media.signals import (
    BytesHasher,
    HashedSignal,
    PhotoHasher,
    SignalType,
    VideoHasher,
    check_signal_type,
    get_signal_type,
)

__all__ = ["SignalTypeConformance", "GARBAGE"]

#: Strings no signal type may accept (and none may raise anything but InvalidSignalError on).
GARBAGE = ("", " ", "not a signal", "zz" * 32, "0" * 1000, "[]", "[\"x\"]", "{}", "\x00", "é" * 16, "-1", "1e999")


class SignalTypeConformance:
    """Base class: set ``signal_type`` in a subclass whose name starts with ``Test``."""

    signal_type: ClassVar[type[SignalType]]

    # -- content the hashers are fed (override for a hasher that needs something particular) ------
    def make_photo(self, seed: int) -> bytes:
        """A textured JPEG, different for every seed (PDQ quality well above 50)."""
        rng = np.random.default_rng(seed)
        y, x = np.mgrid[0:240, 0:320].astype(np.float64)
        channels = [np.sin((x * fx + y * fy) * 6.28 + phase) for fx, fy, phase in rng.uniform(0.003, 0.04, (3, 3))]
        pixels = ((np.stack(channels, axis=-1) + 1) * 127.5).astype(np.uint8)
        image = Image.fromarray(pixels, "RGB")
        draw = ImageDraw.Draw(image)
        for _ in range(6):
            x0, y0 = int(rng.integers(0, 280)), int(rng.integers(0, 200))
            draw.ellipse([x0, y0, x0 + 40, y0 + 30], fill=tuple(int(v) for v in rng.integers(0, 256, 3)))
        out = io.BytesIO()
        image.save(out, "JPEG", quality=92)
        return out.getvalue()

    def make_video(self, folder: Path) -> Path | None:
        """A 3-second generated clip, or None without FFmpeg (the video checks then skip)."""
        if shutil.which("ffmpeg") is None:
            return None
        path = folder / "clip.mp4"
        subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=10",
                        "-t", "3", "-pix_fmt", "yuv420p", "-c:v", "libx264", "-crf", "28", str(path)], check=True)
        return path

    # -- declarations ----------------------------------------------------------------------------
    def test_passes_the_registry_check(self) -> None:
        assert check_signal_type(self.signal_type) is self.signal_type

    def test_capabilities_agree_with_content_types(self) -> None:
        kind = self.signal_type
        if issubclass(kind, PhotoHasher):
            assert ContentType.PHOTO in kind.content_types
        if issubclass(kind, VideoHasher):
            assert ContentType.VIDEO in kind.content_types
        assert issubclass(kind, BytesHasher | PhotoHasher | VideoHasher), "a signal type needs a hasher"
        assert kind.threshold >= 0
        assert not (kind.exact and kind.threshold), "an exact type matches at distance 0 only"

    # -- validation and distance -----------------------------------------------------------------
    def test_examples_are_normalised_and_idempotent(self) -> None:
        for example in self.signal_type.examples:
            normal = self.signal_type.validate(example)
            assert isinstance(normal, str) and normal
            assert self.signal_type.validate(normal) == normal
            assert self.signal_type.validate(f"  {normal}\n") == normal

    @pytest.mark.parametrize("garbage", GARBAGE)
    def test_garbage_is_refused_with_invalid_signal_error(self, garbage: str) -> None:
        with pytest.raises(InvalidSignalError):
            self.signal_type.validate(garbage)

    def test_distance_zero_to_itself_and_a_match(self) -> None:
        for example in self.signal_type.examples:
            normal = self.signal_type.validate(example)
            assert self.signal_type.distance(normal, normal) == 0
            assert self.signal_type.matches(normal, normal)

    def test_different_examples_are_apart(self) -> None:
        normals = list(dict.fromkeys(self.signal_type.validate(e) for e in self.signal_type.examples))
        for a in normals:
            for b in normals:
                if a != b:
                    assert self.signal_type.distance(a, b) > 0
                    if self.signal_type.exact:
                        assert not self.signal_type.matches(a, b)

    # -- index -----------------------------------------------------------------------------------
    def _pairs(self) -> list[tuple[int, str]]:
        return [(i + 1, self.signal_type.validate(e)) for i, e in enumerate(self.signal_type.examples)]

    def test_index_finds_every_entry_it_holds(self) -> None:
        pairs = self._pairs()
        index = self.signal_type.index.build(self.signal_type, pairs)
        assert len(index) == len(pairs)
        for entry_id, signal in pairs:
            hits = index.search(signal, self.signal_type.threshold)
            assert (entry_id, 0) in [(h.entry_id, h.distance) for h in hits]

    def test_index_entries_added_later_are_found(self) -> None:
        index = self.signal_type.index.build(self.signal_type, [])
        assert len(index) == 0
        pairs = self._pairs()
        assert index.search(pairs[0][1], self.signal_type.threshold) == []
        index.add(pairs)
        for entry_id, signal in pairs:
            assert entry_id in [h.entry_id for h in index.search(signal, self.signal_type.threshold)]
        many = index.search_many([s for _, s in pairs], self.signal_type.threshold)
        assert [[h.entry_id for h in hits] for hits in many] == [
            [h.entry_id for h in index.search(s, self.signal_type.threshold)] for _, s in pairs]

    def test_index_snapshot_reloads_the_same(self, tmp_path: Path) -> None:
        if not self.signal_type.index.persistent:
            pytest.skip(f"{self.signal_type.index.__name__} keeps no snapshot")
        pairs = self._pairs()
        index = self.signal_type.index.build(self.signal_type, pairs)
        index.save(tmp_path / "snapshot")
        loaded = self.signal_type.index.load(self.signal_type, tmp_path / "snapshot")
        for _, signal in pairs:
            assert loaded.search(signal, self.signal_type.threshold) == index.search(signal, self.signal_type.threshold)

    # -- hashers ---------------------------------------------------------------------------------
    @pytest.fixture
    def installed(self) -> None:
        """Override to install the plug-in first (e.g. a dist-info on sys.path); by default it is."""

    @pytest.fixture
    def registered(self, installed: None) -> None:
        """The hashing checks go through the registry, as a scan does: the type must be installed."""
        try:
            found = get_signal_type(self.signal_type.name)
        except InvalidSignalError:
            found = None
        assert found is self.signal_type, (
            f"{self.signal_type.name!r} is not the registered signal type of that name: declare it as a "
            f"'childsafe.signal_types' entry point and install the package (found {found!r})")

    def _hashed(self, hashes: FileHashes) -> HashedSignal:
        assert hashes.error is None, hashes.error
        found = hashes.hashed.get(self.signal_type.name)
        assert found is not None, f"{self.signal_type.name} not computed for {hashes.content_type.value}"
        assert self.signal_type.validate(found.value) == found.value, "a hasher returns normalised signals"
        return found

    @pytest.mark.usefixtures("registered")
    def test_hashes_photos_stably(self) -> None:
        if ContentType.PHOTO not in self.signal_type.content_types:
            pytest.skip("not a photo type")
        first = self._hashed(hash_bytes(self.make_photo(1), "a.jpg"))
        again = self._hashed(hash_bytes(self.make_photo(1), "again.jpg"))
        other = self._hashed(hash_bytes(self.make_photo(2), "b.jpg"))
        assert first.value == again.value
        assert self.signal_type.matches(first.value, again.value)
        if not self.signal_type.exact:  # a perceptual hash tells two different pictures apart
            assert self.signal_type.distance(first.value, other.value) > 0

    @pytest.mark.usefixtures("registered")
    def test_hashes_other_bytes_when_declared(self) -> None:
        if ContentType.OTHER not in self.signal_type.content_types:
            pytest.skip("not a type for any content")
        a = self._hashed(hash_bytes(b"plain text, not media\n", "a.txt"))
        b = self._hashed(hash_bytes(b"plain text, not media!\n", "b.txt"))
        assert a.value != b.value

    @pytest.mark.usefixtures("registered")
    def test_hashes_videos_when_declared(self, tmp_path: Path) -> None:
        if ContentType.VIDEO not in self.signal_type.content_types:
            pytest.skip("not a video type")
        clip = self.make_video(tmp_path)
        if clip is None:
            pytest.skip("ffmpeg not installed")
        found = self._hashed(hash_file(clip, HashOptions()))
        assert self.signal_type.matches(found.value, found.value)

    # -- records and hash lists ------------------------------------------------------------------
    @pytest.mark.usefixtures("registered")
    def test_record_round_trip(self) -> None:
        signal = self._pairs()[0][1]
        content = self.signal_type.content_types[0]
        hashes = FileHashes("item", content, 1, hashed={self.signal_type.name: HashedSignal(signal)})
        record = hashes.to_record()
        assert self.signal_type.name in record
        assert FileHashes.from_record(record).value(self.signal_type.name) == signal

    @pytest.mark.parametrize("fmt", ["te", "csv"])
    @pytest.mark.usefixtures("registered")
    def test_hash_list_round_trip(self, fmt: str) -> None:
        entries = [HashListEntry(self.signal_type.name, s, line=0) for _, s in self._pairs()]
        stream = io.BytesIO()
        get_format(fmt).write(entries, stream)
        stream.seek(0)
        back = list(get_format(fmt).read(stream))
        assert [(e.signal_type, e.signal) for e in back if isinstance(e, HashListEntry)] == [
            (e.signal_type, e.signal) for e in entries]
        assert all(isinstance(e, HashListEntry) for e in back), back
