"""A toy signal type and hash-list format, written as a plug-in author would (only public names).

``toy_ahash``: the 64-bit average hash of a photo (8x8 grey thumbnail, one bit per pixel above the
mean), 16 hex digits, compared by Hamming distance, with its own small index class.  The tests
register it through a real ``childsafe.signal_types`` entry point (tests/media/test_toy_signal_type.py).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import numpy as np
import pytest

from childsafe.errors import InvalidSignalError
from childsafe.media.content import ContentType
from childsafe.media.hashlists import HashListEntry, HashListItem, hashlist_format_registry
from childsafe.media.signal_index import SignalHit, SignalIndex
from childsafe.media.signals import HashedSignal, PhotoHasher, SignalType, get_signal_type, signal_type_registry

if TYPE_CHECKING:
    from PIL.Image import Image

    from childsafe.media.hashing import HashOptions

_HEX16 = re.compile(r"^[0-9a-f]{16}$")


class ToyAhashIndex(SignalIndex):
    """Brute force over 64-bit integers: plenty for a toy's few entries."""

    def __init__(self) -> None:
        self._ids: list[int] = []
        self._values: list[int] = []

    @classmethod
    def build(cls, signal_type: type[SignalType], pairs: Sequence[tuple[int, str]]) -> ToyAhashIndex:
        index = cls()
        index.add(pairs)
        return index

    def add(self, pairs: Sequence[tuple[int, str]]) -> None:
        for entry_id, signal in pairs:
            self._ids.append(entry_id)
            self._values.append(int(signal, 16))

    def search(self, signal: str, radius: int) -> list[SignalHit]:
        query = int(signal, 16)
        hits = [SignalHit(i, d) for i, v in zip(self._ids, self._values, strict=True)
                if (d := (v ^ query).bit_count()) <= radius]
        return sorted(hits, key=lambda h: (h.distance, h.entry_id))

    def __len__(self) -> int:
        return len(self._ids)


class ToyAhashSignal(SignalType, PhotoHasher):
    name = "toy_ahash"
    exact = False
    content_types = (ContentType.PHOTO,)
    index = ToyAhashIndex
    threshold = 8
    examples = ("f0f0f0f00f0f0f0f", "0123456789abcdef")

    @classmethod
    def validate(cls, signal: str) -> str:
        value = signal.strip().lower()
        if not _HEX16.match(value):
            raise InvalidSignalError(f"toy_ahash: expected 16 hex digits, got {signal[:20]!r}")
        return value

    @classmethod
    def distance(cls, a: str, b: str) -> int:
        return (int(a, 16) ^ int(b, 16)).bit_count()

    @classmethod
    def hash_photo(cls, image: Image, options: HashOptions) -> HashedSignal:
        grey = np.asarray(image.convert("L").resize((8, 8)), dtype=np.float64)
        bits = (grey > grey.mean()).flatten()
        return HashedSignal(f"{int(''.join('1' if b else '0' for b in bits), 2):016x}")


class ToyTabFormat:
    """A toy hash-list format: ``<signal_type>\\t<signal>\\t<label>`` lines."""

    name = "toy_tab"

    def read(self, stream: BinaryIO) -> Iterator[HashListItem]:
        for number, raw in enumerate(stream, 1):
            parts = raw.decode("utf-8").rstrip("\n").split("\t")
            try:
                kind = get_signal_type(parts[0])
                yield HashListEntry(kind.name, kind.validate(parts[1]), parts[2] if len(parts) > 2 else None,
                                    line=number)
            except (IndexError, InvalidSignalError) as exc:
                yield number, str(exc)

    def write(self, entries: Iterable[HashListEntry], stream: BinaryIO) -> int:
        count = 0
        for count, entry in enumerate(entries, 1):
            stream.write(f"{entry.signal_type}\t{entry.signal}\t{entry.label or ''}\n".encode())
        return count


REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def toy_installed(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The toy installed as ``pip install`` would leave it: a dist-info on sys.path, and on PYTHONPATH
    (with this repository, for ``tests.media.toy_signal``) so scan workers and CLI subprocesses see it."""
    site = tmp_path_factory.mktemp("site")
    install(site)
    monkeypatch.syspath_prepend(str(site))
    paths = [str(site), str(REPO), *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))]
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(paths))
    signal_type_registry.reload()
    hashlist_format_registry.reload()
    try:
        yield site
    finally:
        monkeypatch.undo()  # sys.path first, so the reload below forgets the toy
        signal_type_registry.reload()
        hashlist_format_registry.reload()


def install(folder: Path) -> Path:
    """Write a ``*.dist-info`` declaring both entry points into ``folder`` (put it on sys.path)."""
    dist = folder / "childsafe_toy_signal-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: childsafe-toy-signal\nVersion: 1.0\n",
                                   encoding="utf-8")
    (dist / "entry_points.txt").write_text(
        "[childsafe.signal_types]\ntoy_ahash = tests.media.toy_signal:ToyAhashSignal\n\n"
        "[childsafe.hashlist_formats]\ntoy_tab = tests.media.toy_signal:ToyTabFormat\n", encoding="utf-8")
    return dist
