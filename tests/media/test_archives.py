"""Tests for childsafe.media.archives: every archive is built here, in memory or in tmp_path."""

from __future__ import annotations

import bz2
import gzip
import hashlib
import io
import lzma
import random
import struct
import tarfile
import tracemalloc
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

import pytest

from childsafe import config
from childsafe.errors import (
    ChildsafeError,
    ConfigError,
    MediaDecodeError,
    MediaTooLargeError,
    UnsafeArchiveError,
)
from childsafe.media import archives
from childsafe.media.archives import (
    ArchiveLimits,
    ArchiveMember,
    ArchiveProblem,
    archive_kind,
    iter_archive,
)
from childsafe.media.archives import zip as archive_zip

MiB = 1024**2
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4
PNG = b"\x89PNG\r\n\x1a\n" + bytes(100)
TEXT = b"hello archive\n" * 50
RANDOM = random.Random(7).randbytes(3000)


# --------------------------------------------------------------------------- builders


def make_zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def tar_file(name: str, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info, data


def tar_special(name: str, kind: bytes, linkname: str = "") -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = linkname
    return info, b""


def make_tar(entries: list[tuple[tarfile.TarInfo, bytes]], compression: str = "") -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=f"w:{compression}" if compression else "w") as tf:
        for info, data in entries:
            tf.addfile(info, io.BytesIO(data) if info.isreg() else None)
    return buf.getvalue()


def make_tar_of(members: dict[str, bytes], compression: str = "") -> bytes:
    return make_tar([tar_file(n, d) for n, d in members.items()], compression)


def patch_zip(
    data: bytes,
    name: bytes,
    *,
    flag_or: int = 0,
    compress_size: int | None = None,
    file_size: int | None = None,
    external_attr: int | None = None,
) -> bytes:
    """Rewrite header fields of entry ``name`` in its local and central headers (headers lie)."""
    out = bytearray(data)
    layouts = (  # signature, name offset, {field: offset}
        (b"PK\x03\x04", 30, {"flag": 6, "compress_size": 18, "file_size": 22}),
        (b"PK\x01\x02", 46, {"flag": 8, "compress_size": 20, "file_size": 24, "external_attr": 38}),
    )
    for signature, name_at, offsets in layouts:
        at = out.find(signature)
        while at >= 0:
            if out[at + name_at : at + name_at + len(name)] == name:
                flag = struct.unpack_from("<H", out, at + offsets["flag"])[0]
                struct.pack_into("<H", out, at + offsets["flag"], flag | flag_or)
                for field, value in (
                    ("compress_size", compress_size),
                    ("file_size", file_size),
                    ("external_attr", external_attr),
                ):
                    if value is not None and field in offsets:
                        struct.pack_into("<L", out, at + offsets[field], value)
            at = out.find(signature, at + 1)
    return bytes(out)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


class Pipe(io.RawIOBase):
    """A non-seekable stream, like stdin or a socket."""

    def __init__(self, data: bytes) -> None:
        self._data = io.BytesIO(data)

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        chunk = self._data.read(min(len(buffer), 1000))
        buffer[: len(chunk)] = chunk
        return len(chunk)


def scan(
    source: Path | BinaryIO, display: str = "arc", limits: ArchiveLimits | None = None
) -> tuple[dict[str, bytes | ChildsafeError], list[ArchiveProblem]]:
    """Run iter_archive reading every member whole; read errors are recorded, not raised."""
    members: dict[str, bytes | ChildsafeError] = {}
    problems: list[ArchiveProblem] = []
    for item in iter_archive(source, display, limits or ArchiveLimits()):
        if isinstance(item, ArchiveProblem):
            problems.append(item)
            continue
        try:
            members[item.path] = item.stream.read()
        except ChildsafeError as exc:
            members[item.path] = exc
    return members, problems


def drain(stream: BinaryIO, chunk: int = MiB) -> tuple[int, ChildsafeError | None]:
    """Read a stream in chunks like a hasher would; (bytes read, error)."""
    total = 0
    try:
        while data := stream.read(chunk):
            total += len(data)
    except ChildsafeError as exc:
        return total, exc
    return total, None


# --------------------------------------------------------------------------- archive_kind

BASIC = {"a.jpg": JPEG, "dir/b.txt": TEXT, "empty": b""}

KIND_CASES: list[tuple[str, Callable[[], bytes], str | None]] = [
    ("zip", lambda: make_zip(BASIC), "zip"),
    ("empty zip", lambda: make_zip({}), "zip"),
    ("tar", lambda: make_tar_of(BASIC), "tar"),
    ("tar.gz", lambda: make_tar_of(BASIC, "gz"), "tar.gz"),
    ("tar.bz2", lambda: make_tar_of(BASIC, "bz2"), "tar.bz2"),
    ("tar.xz", lambda: make_tar_of(BASIC, "xz"), "tar.xz"),
    ("gzip of a photo", lambda: gzip.compress(JPEG), "gz"),
    ("bzip2 of a photo", lambda: bz2.compress(JPEG), "bz2"),
    ("xz of a photo", lambda: lzma.compress(JPEG), "xz"),
    ("jpeg", lambda: JPEG, None),
    ("png", lambda: PNG, None),
    ("random", lambda: RANDOM, None),
    ("empty", lambda: b"", None),
    ("bare PK", lambda: b"PK", None),
]


@pytest.mark.parametrize(("label", "build", "expected"), KIND_CASES, ids=[c[0] for c in KIND_CASES])
def test_archive_kind(label: str, build: Callable[[], bytes], expected: str | None) -> None:
    assert archive_kind(build()[: archives.ARCHIVE_SNIFF_BYTES]) == expected


def test_archive_kind_recognises_a_v7_tar_by_its_checksum() -> None:
    info = tarfile.TarInfo("old.txt")
    info.size = 3
    block = bytearray(info.tobuf(format=tarfile.USTAR_FORMAT)[:512])
    block[257:265] = bytes(8)  # v7 tars have no magic: the checksum alone must decide
    block[148:156] = b"        "
    block[148:156] = b"%06o\x00 " % sum(block)
    assert archive_kind(bytes(block)) == "tar"
    block[0] ^= 1  # a wrong checksum is no tar
    assert archive_kind(bytes(block)) is None


def test_archive_kind_guesses_tar_when_a_bzip2_block_is_not_all_there() -> None:
    # bzip2 cannot be decoded before its first block (up to 900 kB) is complete.
    data = bz2.compress(random.Random(1).randbytes(300_000))
    assert archive_kind(data[: archives.ARCHIVE_SNIFF_BYTES]) == "tar.bz2"


# --------------------------------------------------------------------------- round trips

ROUND_TRIPS: list[tuple[str, Callable[[dict[str, bytes]], bytes]]] = [
    ("zip stored", lambda m: make_zip(m, zipfile.ZIP_STORED)),
    ("zip deflated", lambda m: make_zip(m, zipfile.ZIP_DEFLATED)),
    ("zip bzip2", lambda m: make_zip(m, zipfile.ZIP_BZIP2)),
    ("zip lzma", lambda m: make_zip(m, zipfile.ZIP_LZMA)),
    ("tar", lambda m: make_tar_of(m)),
    ("tar.gz", lambda m: make_tar_of(m, "gz")),
    ("tar.bz2", lambda m: make_tar_of(m, "bz2")),
    ("tar.xz", lambda m: make_tar_of(m, "xz")),
]


@pytest.mark.parametrize(("label", "build"), ROUND_TRIPS, ids=[c[0] for c in ROUND_TRIPS])
def test_members_round_trip(tmp_path: Path, label: str, build: Callable[..., bytes]) -> None:
    members = {"a.jpg": JPEG, "dir/b.txt": TEXT, "dir/c.bin": RANDOM, "empty": b""}
    path = write(tmp_path, "arc", build(members))
    found, problems = scan(path, "evidence/arc")
    assert problems == []
    assert found == {f"evidence/arc!/{name}": data for name, data in members.items()}


@pytest.mark.parametrize("label", ["zip", "tar"])
def test_directories_are_skipped_silently_and_sizes_declared(tmp_path: Path, label: str) -> None:
    if label == "zip":
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.mkdir("folder")
            zf.writestr("folder/x.txt", TEXT)
        data = buf.getvalue()
    else:
        folder = tarfile.TarInfo("folder")
        folder.type = tarfile.DIRTYPE
        data = make_tar([(folder, b""), tar_file("folder/x.txt", TEXT)])
    items = list(iter_archive(write(tmp_path, "arc", data), "arc"))
    assert [(i.path, i.size) for i in items if isinstance(i, ArchiveMember)] == [("arc!/folder/x.txt", len(TEXT))]
    assert len(items) == 1


@pytest.mark.parametrize(
    ("suffix", "compress"), [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress)]
)
def test_a_compressed_single_file_is_a_one_member_archive(
    tmp_path: Path, suffix: str, compress: Callable[[bytes], bytes]
) -> None:
    path = write(tmp_path, f"photo.jpg{suffix}", compress(JPEG))
    found, problems = scan(path, f"case/photo.jpg{suffix}")
    assert problems == []
    assert found == {f"case/photo.jpg{suffix}!/photo.jpg": JPEG}


def test_streams_work_with_hash_stream(tmp_path: Path) -> None:
    from childsafe.media.hashing import HashOptions, hash_stream

    path = write(tmp_path, "arc.tar.gz", make_tar_of({"x/r.bin": RANDOM, "t.txt": TEXT}, "gz"))
    results = [
        hash_stream(item.stream, item.path, HashOptions(perceptual=False))
        for item in iter_archive(path, "arc.tar.gz")
        if isinstance(item, ArchiveMember)
    ]
    assert [(r.path, r.md5, r.error) for r in results] == [
        ("arc.tar.gz!/x/r.bin", hashlib.md5(RANDOM).hexdigest(), None),
        ("arc.tar.gz!/t.txt", hashlib.md5(TEXT).hexdigest(), None),
    ]


@pytest.mark.parametrize("label", ["zip", "tar.gz", "tar"])
def test_non_seekable_sources_are_read_forward(label: str) -> None:
    data = make_zip(BASIC) if label == "zip" else make_tar_of(BASIC, label.removeprefix("tar."))
    found, problems = scan(Pipe(data), "stdin")  # type: ignore[arg-type]
    assert problems == []
    assert found == {f"stdin!/{name}": value for name, value in BASIC.items()}


def test_a_stream_source_is_read_from_its_position_and_left_open() -> None:
    stream = io.BytesIO(b"JUNK" + make_tar_of({"a.txt": TEXT}))
    stream.seek(4)
    found, problems = scan(stream)
    assert (found, problems) == ({"arc!/a.txt": TEXT}, [])
    assert not stream.closed


def test_member_stream_is_invalid_once_the_iterator_advances(tmp_path: Path) -> None:
    items = iter_archive(write(tmp_path, "a.zip", make_zip(BASIC)), "a.zip")
    first = next(items)
    assert isinstance(first, ArchiveMember)
    assert first.stream.read(4) == JPEG[:4]
    next(items)
    with pytest.raises(ValueError, match="moved on"):
        first.stream.read()


def test_read_returns_all_bytes_asked_for_like_a_buffered_file(tmp_path: Path) -> None:
    # hash_stream reads a photo with one read(n) and expects all of it.
    big = random.Random(3).randbytes(3 * MiB)
    items = iter_archive(write(tmp_path, "a.tar", make_tar_of({"big": big})), "a")
    member = next(items)
    assert isinstance(member, ArchiveMember)
    assert member.stream.read(512) == big[:512]
    assert member.stream.read(10 * MiB) == big[512:]


# --------------------------------------------------------------------------- nesting


def nested_evidence() -> bytes:
    inner = make_zip({"c.jpg": JPEG})
    middle = make_tar_of({"inner.zip": inner, "d.txt": TEXT})
    return make_zip({"mid.tar": middle, "e.txt": TEXT})


def test_nested_zip_in_tar_in_zip(tmp_path: Path) -> None:
    found, problems = scan(write(tmp_path, "outer.zip", nested_evidence()), "outer.zip")
    assert problems == []
    assert found == {
        "outer.zip!/mid.tar!/inner.zip!/c.jpg": JPEG,
        "outer.zip!/mid.tar!/d.txt": TEXT,
        "outer.zip!/e.txt": TEXT,
    }


def test_nested_compressed_layers(tmp_path: Path) -> None:
    inner = make_tar_of({"deep/c.jpg": JPEG}, "xz")
    data = gzip.compress(make_zip({"layer.tar.xz": inner}))
    found, problems = scan(write(tmp_path, "box.zip.gz", data), "box.zip.gz")
    assert problems == []
    assert found == {"box.zip.gz!/box.zip!/layer.tar.xz!/deep/c.jpg": JPEG}


@pytest.mark.parametrize(
    ("max_depth", "expected_members", "expected_problem"),
    [
        (2, {"outer.zip!/mid.tar!/inner.zip!/c.jpg"}, None),
        (1, {"outer.zip!/mid.tar!/inner.zip"}, ("outer.zip!/mid.tar!/inner.zip", "nested archive depth 2 exceeds 1")),
        (0, {"outer.zip!/mid.tar"}, ("outer.zip!/mid.tar", "nested archive depth 1 exceeds 0")),
    ],
)
def test_depth_limit(
    tmp_path: Path,
    max_depth: int,
    expected_members: set[str],
    expected_problem: tuple[str, str] | None,
) -> None:
    path = write(tmp_path, "outer.zip", nested_evidence())
    found, problems = scan(path, "outer.zip", ArchiveLimits(max_depth=max_depth))
    # The archive too deep is not opened but still handed out as a file, for its hashes.
    assert expected_members <= set(found)
    assert "outer.zip!/e.txt" in found
    if expected_problem is None:
        assert problems == []
    else:
        assert [(p.path, p.message.startswith(expected_problem[1])) for p in problems] == [(expected_problem[0], True)]


def test_depth_beyond_the_limit_at_the_call(tmp_path: Path) -> None:
    path = write(tmp_path, "a.zip", make_zip(BASIC))
    items = list(iter_archive(path, "a.zip", ArchiveLimits(max_depth=3), depth=4))
    assert items == [ArchiveProblem("a.zip", "nested archive depth 4 exceeds 3")]


def test_nested_bytes_count_against_the_outer_budget(tmp_path: Path) -> None:
    inner = make_tar_of({f"f{i}": random.Random(i).randbytes(400_000) for i in range(5)})
    path = write(tmp_path, "outer.zip", make_zip({"inner.tar": inner}, zipfile.ZIP_STORED))
    found, problems = scan(path, "outer.zip", ArchiveLimits(max_archive_bytes=2 * MiB))
    assert len(problems) == 1
    assert "expands beyond the limit of 2097152 bytes" in problems[0].message
    assert 0 < len(found) < 5


# --------------------------------------------------------------------------- bombs

BOMB_BYTES = 128 * MiB


@pytest.fixture(scope="module")
def zip_bomb() -> bytes:
    """128 MiB of zeros deflated to ~130 kB, written in chunks (never held whole)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("readme.txt", TEXT)
        with zf.open("zeros.bin", "w") as out:
            chunk = bytes(MiB)
            for _ in range(BOMB_BYTES // MiB):
                out.write(chunk)
    return buf.getvalue()


def test_zip_bomb_is_refused_from_its_declared_ratio(tmp_path: Path, zip_bomb: bytes) -> None:
    path = write(tmp_path, "bomb.zip", zip_bomb)
    tracemalloc.start()
    found, problems = scan(path, "bomb.zip")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert found == {"bomb.zip!/readme.txt": TEXT}
    assert len(problems) == 1 and problems[0].path == "bomb.zip!/zeros.bin"
    assert problems[0].message.startswith("zip bomb: ratio ")
    assert problems[0].message.endswith(":1 exceeds 200, not read")
    assert peak < 8 * MiB


@pytest.mark.parametrize(
    ("lie", "read_size", "error_type", "message"),
    [
        # Declared size small enough to pass the ratio check: stopped at that size.
        ({"file_size": 20 * MiB}, MiB, MediaDecodeError, "expands beyond its declared size"),
        # The same with one huge read(), as hash_stream does for a photo.
        ({"file_size": 20 * MiB}, 512 * MiB, MediaDecodeError, "expands beyond its declared size"),
        # Declared compressed size absurdly large: the ratio actually seen stops it.
        ({"compress_size": 2**31}, MiB, UnsafeArchiveError, "zip bomb: "),
    ],
)
def test_zip_bomb_with_lying_header_is_stopped_while_reading(
    tmp_path: Path,
    zip_bomb: bytes,
    lie: dict[str, int],
    read_size: int,
    error_type: type[ChildsafeError],
    message: str,
) -> None:
    path = write(tmp_path, "liar.zip", patch_zip(zip_bomb, b"zeros.bin", **lie))
    tracemalloc.start()
    outcomes = []
    for item in iter_archive(path, "liar.zip"):
        assert isinstance(item, ArchiveMember), item
        outcomes.append((item.path, *drain(item.stream, read_size)))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert outcomes[0] == ("liar.zip!/readme.txt", len(TEXT), None)
    _, read, error = outcomes[1]
    assert isinstance(error, error_type)
    assert message in str(error)
    assert read < 40 * MiB
    assert peak < 48 * MiB


def overlapping_zip(copies: int, payload: bytes) -> bytes:
    """A zip whose ``copies`` directory entries all point at one stored member's data."""
    data = make_zip({"f00": payload}, zipfile.ZIP_STORED)
    eocd = data.rfind(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack_from("<LL", data, eocd + 12)
    entry = data[cd_offset : cd_offset + cd_size]
    entries = b"".join(entry.replace(b"f00", b"f%02d" % i) for i in range(copies))
    end = bytearray(data[eocd:])
    struct.pack_into("<HHL", end, 8, copies, copies, len(entries))
    return data[:cd_offset] + entries + bytes(end)


def test_overlapping_entries_are_refused_as_a_bomb(tmp_path: Path) -> None:
    # Issue 10: 40 entries pointing at one 100 MiB member made a scan hash 4 GiB.  The archive
    # budget used to catch this only after five copies were read; now nothing is read at all.
    payload = random.Random(5).randbytes(MiB + MiB // 5)  # incompressible: looks innocent
    path = write(tmp_path, "overlap.zip", overlapping_zip(20, payload))
    items = list(iter_archive(path, "overlap.zip", ArchiveLimits(max_archive_bytes=5 * MiB)))
    assert len(items) == 1 and isinstance(items[0], ArchiveProblem)
    assert items[0].path == "overlap.zip"
    assert items[0].message.startswith("zip bomb: entries 'f00' and 'f01' share or overlap their data")


def test_entries_whose_data_runs_into_the_next_header_are_refused(tmp_path: Path) -> None:
    # Overlap without sharing an offset: the first entry claims a compressed size past the
    # second entry's local header (the "overlapping files" construction of non-recursive bombs).
    data = bytearray(make_zip({"a": RANDOM, "b": RANDOM}, zipfile.ZIP_STORED))
    first_cd = data.find(b"PK\x01\x02")
    struct.pack_into("<L", data, first_cd + 20, len(RANDOM) + 40)  # compressed size of "a"
    items = list(iter_archive(write(tmp_path, "o.zip", bytes(data)), "o.zip"))
    assert [type(i) for i in items] == [ArchiveProblem]
    assert "overlap" in items[0].message


def test_genuine_zips_are_not_called_overlapping(tmp_path: Path) -> None:
    for compression in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        data = make_zip({"a/": b"", "empty": b"", **BASIC, "r": RANDOM}, compression)
        found, problems = scan(write(tmp_path, "g.zip", data), "g.zip")
        assert problems == [] and found["g.zip!/r"] == RANDOM


def gz_tar_bomb(tmp_path: Path) -> Path:
    info = tarfile.TarInfo("zeros.bin")
    info.size = 64 * MiB
    path = tmp_path / "bomb.tar.gz"
    with gzip.open(path, "wb", compresslevel=9) as out:
        out.write(tar_file("first.txt", TEXT)[0].tobuf() + TEXT + bytes(-len(TEXT) % 512))
        out.write(info.tobuf())
        chunk = bytes(MiB)
        for _ in range(64):
            out.write(chunk)
        out.write(make_tar_of({"after.txt": TEXT}))
    return path


@pytest.mark.parametrize("read_members", [True, False])
def test_tar_gz_bomb_is_stopped_whether_or_not_members_are_read(tmp_path: Path, read_members: bool) -> None:
    path = gz_tar_bomb(tmp_path)
    tracemalloc.start()
    outcomes, problems = [], []
    for item in iter_archive(path, "bomb.tar.gz"):
        if isinstance(item, ArchiveProblem):
            problems.append(item)
        else:
            outcomes.append((item.path, drain(item.stream) if read_members else None))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert [p.path for p in problems] == ["bomb.tar.gz"]
    assert problems[0].message.startswith("decompression bomb: ")
    assert problems[0].message.endswith("; the rest of the archive not read")
    assert outcomes[0][0] == "bomb.tar.gz!/first.txt"
    if read_members:
        assert outcomes[1][0] == "bomb.tar.gz!/zeros.bin"
        assert isinstance(outcomes[1][1][1], UnsafeArchiveError)
    assert peak < 8 * MiB


def test_single_compressed_file_bomb(tmp_path: Path) -> None:
    path = tmp_path / "zeros.gz"
    with gzip.open(path, "wb", compresslevel=9) as out:
        for _ in range(16):
            out.write(bytes(MiB))
    items = iter_archive(path, "zeros.gz")
    member = next(items)
    assert isinstance(member, ArchiveMember)
    read, error = drain(member.stream)
    assert isinstance(error, UnsafeArchiveError)
    assert read < 16 * MiB


def test_oversized_tar_metadata_header_is_refused(tmp_path: Path) -> None:
    pax = tarfile.TarInfo("././@PaxHeader")
    pax.type = tarfile.XHDTYPE
    pax.size = 100 * MiB  # tarfile would read all of it into memory
    good = make_tar_of({"good.txt": TEXT})
    data = good[:1536] + pax.tobuf(format=tarfile.USTAR_FORMAT) + bytes(4096)  # after good.txt
    found, problems = scan(write(tmp_path, "pax.tar", data), "pax.tar")
    assert found == {"pax.tar!/good.txt": TEXT}
    assert len(problems) == 1 and "metadata header of 104857600 bytes" in problems[0].message


# --------------------------------------------------------------------------- hostile names, links

UNSAFE_NAMES = [
    ("../../etc/passwd", "'..' component"),
    ("/abs", "absolute"),
    ("a/../../b", "'..' component"),
    ("..\\..\\windows\\win.ini", "'..' component"),
    ("C:/Windows/evil.dll", "drive letter"),
    ("\\\\server\\share\\x", "absolute"),
]


@pytest.mark.parametrize("container", ["zip", "tar", "tar.gz"])
def test_unsafe_member_names_are_reported_and_not_read(tmp_path: Path, container: str) -> None:
    members = {"good1.txt": TEXT} | {name: RANDOM for name, _ in UNSAFE_NAMES} | {"good2.jpg": JPEG}
    if container == "zip":
        data = make_zip(members)
    else:
        data = make_tar_of(members, container.removeprefix("tar").removeprefix("."))
    found, problems = scan(write(tmp_path, "evil", data), "evil")
    assert found == {"evil!/good1.txt": TEXT, "evil!/good2.jpg": JPEG}
    assert [(p.path, p.message) for p in problems] == [
        (f"evil!/{name}", f"unsafe member path ({reason}), not read") for name, reason in UNSAFE_NAMES
    ]


def test_nul_in_a_zip_name_is_reported_and_shown_escaped(tmp_path: Path) -> None:
    data = make_zip({"aXb.jpg": JPEG, "ok.txt": TEXT}).replace(b"aXb.jpg", b"a\x00b.jpg")
    found, problems = scan(write(tmp_path, "nul.zip", data), "nul.zip")
    assert found == {"nul.zip!/ok.txt": TEXT}
    assert [(p.path, p.message) for p in problems] == [
        ("nul.zip!/a\\x00b.jpg", "unsafe member path (NUL byte), not read")
    ]


def test_control_characters_in_names_are_escaped(tmp_path: Path) -> None:
    found, _ = scan(write(tmp_path, "t.tar", make_tar_of({"a\x1b[2Jb\n.txt": TEXT})), "t.tar")
    assert list(found) == ["t.tar!/a\\x1b[2Jb\\n.txt"]


def test_tar_links_and_special_files_are_reported(tmp_path: Path) -> None:
    entries = [
        tar_file("good.txt", TEXT),
        tar_special("sym", tarfile.SYMTYPE, "/etc/shadow"),
        tar_special("hard", tarfile.LNKTYPE, "good.txt"),
        tar_special("fifo", tarfile.FIFOTYPE),
        tar_special("tty", tarfile.CHRTYPE),
        tar_file("last.jpg", JPEG),
    ]
    found, problems = scan(write(tmp_path, "l.tar", make_tar(entries)), "l.tar")
    assert found == {"l.tar!/good.txt": TEXT, "l.tar!/last.jpg": JPEG}
    assert [(p.path, p.message) for p in problems] == [
        ("l.tar!/sym", "link member not followed (symbolic link to /etc/shadow)"),
        ("l.tar!/hard", "link member not followed (hard link to good.txt)"),
        ("l.tar!/fifo", "special file member (device or FIFO), not read"),
        ("l.tar!/tty", "special file member (device or FIFO), not read"),
    ]


def test_zip_symlink_is_reported(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        link = zipfile.ZipInfo("link")
        link.create_system = 3
        link.external_attr = 0o120777 << 16
        zf.writestr(link, "/etc/shadow")
        zf.writestr("ok.txt", TEXT)
    found, problems = scan(write(tmp_path, "s.zip", buf.getvalue()), "s.zip")
    assert found == {"s.zip!/ok.txt": TEXT}
    assert [(p.path, p.message) for p in problems] == [("s.zip!/link", "link member not followed (symbolic link)")]


def test_zip_directory_without_trailing_slash_is_skipped(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        folder = zipfile.ZipInfo("folder")
        folder.create_system = 3
        folder.external_attr = 0o040755 << 16
        zf.writestr(folder, b"")
        zf.writestr("folder/ok.txt", TEXT)
    found, problems = scan(write(tmp_path, "d.zip", buf.getvalue()), "d.zip")
    assert (found, problems) == ({"d.zip!/folder/ok.txt": TEXT}, [])


def test_encrypted_zip_member_is_reported(tmp_path: Path) -> None:
    data = patch_zip(make_zip({"secret.jpg": JPEG, "open.txt": TEXT}), b"secret.jpg", flag_or=1)
    found, problems = scan(write(tmp_path, "e.zip", data), "e.zip")
    assert found == {"e.zip!/open.txt": TEXT}
    assert problems == [ArchiveProblem("e.zip!/secret.jpg", "encrypted member, not read")]


# --------------------------------------------------------------------------- corrupt, truncated


def test_truncated_tar_gz_keeps_earlier_members(tmp_path: Path) -> None:
    members = {f"m{i}.bin": random.Random(i).randbytes(20_000) for i in range(3)}
    data = make_tar_of(members, "gz")
    found, problems = scan(write(tmp_path, "t.tar.gz", data[: len(data) * 3 // 4]), "t.tar.gz")
    assert found["t.tar.gz!/m0.bin"] == members["m0.bin"]
    assert found["t.tar.gz!/m1.bin"] == members["m1.bin"]
    cut = found.get("t.tar.gz!/m2.bin")
    assert cut is None or isinstance(cut, MediaDecodeError)
    assert [p.path for p in problems] == ["t.tar.gz"]
    assert "ended before the end-of-stream marker" in problems[0].message


# Three ustar members: a.txt header at 0, b.bin header at 1024 (data 1536-4608), c.txt header
# at 4608 (data to 6144), then the end-of-archive marker.
PLAIN_TAR = [tar_file("a.txt", TEXT[:500]), tar_file("b.bin", RANDOM), tar_file("c.txt", TEXT)]


@pytest.mark.parametrize(
    ("cut", "read_members", "expected"),
    [
        (lambda d: d[:6144], True, "truncated archive: it ends without the end-of-archive marker"),
        (lambda d: d[:2048], True, "unexpected end of data"),
        (lambda d: d[:2048], False, "unexpected end of data"),
        (
            lambda d: d[:4608] + b"\xff" * 512 + d[5120:],
            True,
            "corrupt archive: bad checksum at offset 4608; the rest not read",
        ),
    ],
    ids=["no end marker", "cut in data, read", "cut in data, skipped", "garbage header"],
)
def test_truncated_or_corrupt_plain_tar_is_reported(
    tmp_path: Path, cut: Callable[[bytes], bytes], read_members: bool, expected: str
) -> None:
    path = write(tmp_path, "t.tar", cut(make_tar(PLAIN_TAR)))
    problems = []
    first = None
    for item in iter_archive(path, "t.tar"):
        if isinstance(item, ArchiveProblem):
            problems.append(item)
        elif first is None:
            first = item.stream.read()
        elif read_members:
            drain(item.stream)
    assert first == TEXT[:500]
    assert problems[-1].path == "t.tar"
    assert expected in problems[-1].message


def corrupt_local_header(data: bytes, name: bytes) -> bytes:
    at = data.find(b"PK\x03\x04")
    while data[at + 30 : at + 30 + len(name)] != name:
        at = data.find(b"PK\x03\x04", at + 1)
    return data[:at] + b"XXXX" + data[at + 4 :]


def test_corrupt_zip_member_header_is_a_member_problem(tmp_path: Path) -> None:
    data = corrupt_local_header(make_zip({"a.txt": TEXT, "b.jpg": JPEG, "c.txt": TEXT}), b"b.jpg")
    found, problems = scan(write(tmp_path, "c.zip", data), "c.zip")
    assert found == {"c.zip!/a.txt": TEXT, "c.zip!/c.txt": TEXT}
    assert problems == [ArchiveProblem("c.zip!/b.jpg", "corrupt member: bad local file header")]


ZIP_METHODS = [zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]


@pytest.mark.parametrize("compression", ZIP_METHODS)
@pytest.mark.parametrize("where", ["start", "end"])
def test_corrupt_zip_member_data_affects_that_member_only(tmp_path: Path, compression: int, where: str) -> None:
    big = RANDOM * 10
    data = bytearray(make_zip({"a.txt": TEXT, "b.bin": big, "c.txt": TEXT}, compression))
    start = data.find(b"b.bin") + len(b"b.bin")
    end = data.find(b"PK\x03\x04", start)
    at = start + 60 if where == "start" else end - 40
    data[at : at + 8] = bytes(x ^ 0x5A for x in data[at : at + 8])
    found, problems = scan(write(tmp_path, "d.zip", bytes(data)), "d.zip")
    assert found["d.zip!/a.txt"] == TEXT and found["d.zip!/c.txt"] == TEXT
    # Found while peeking at the head (a problem) or while the caller reads (a read error).
    outcome = found.get("d.zip!/b.bin") or problems[0].message
    assert isinstance(outcome, MediaDecodeError | str)
    assert str(outcome).startswith("corrupt archive data: ")
    assert len(problems) == (0 if "d.zip!/b.bin" in found else 1)


@pytest.mark.parametrize(
    ("label", "mangle", "expected"),
    [
        ("truncated", lambda d: d[: len(d) // 2], "corrupt archive: File is not a zip file"),
        ("empty", lambda d: b"PK\x03\x04", "corrupt archive: File is not a zip file"),
        ("garbage tail", lambda d: d[:-10] + b"\xff" * 10, "corrupt archive: "),
    ],
)
def test_broken_zip_is_one_archive_problem(
    tmp_path: Path, label: str, mangle: Callable[[bytes], bytes], expected: str
) -> None:
    found, problems = scan(write(tmp_path, "b.zip", mangle(make_zip(BASIC))), "b.zip")
    assert found == {}
    assert len(problems) == 1 and problems[0].path == "b.zip"
    assert problems[0].message.startswith(expected)


def test_not_an_archive_and_missing_file(tmp_path: Path) -> None:
    assert list(iter_archive(write(tmp_path, "p.jpg", JPEG), "p.jpg")) == [
        ArchiveProblem("p.jpg", "not an archive (no zip, tar, gzip, bzip2 or xz header)")
    ]
    assert list(iter_archive(tmp_path / "gone.zip", "gone.zip")) == [
        ArchiveProblem("gone.zip", "unreadable archive: No such file or directory")
    ]


def mutations(data: bytes, count: int, seed: int) -> Iterator[bytes]:
    rng = random.Random(seed)
    for _ in range(count):
        mutated = bytearray(data)
        for _ in range(rng.randint(1, 8)):
            at = rng.randrange(len(mutated))
            mutated[at] = rng.randrange(256)
        if rng.random() < 0.3:
            del mutated[rng.randrange(len(mutated)) :]
        yield bytes(mutated)


@pytest.mark.parametrize(
    "build",
    [
        lambda: make_zip(BASIC),
        lambda: make_zip(BASIC, zipfile.ZIP_BZIP2),
        lambda: make_zip(BASIC, zipfile.ZIP_LZMA),
        lambda: make_tar_of(BASIC),
        lambda: make_tar_of(BASIC, "gz"),
        lambda: make_tar_of(BASIC, "bz2"),
        lambda: make_tar_of(BASIC, "xz"),
        nested_evidence,
    ],
    ids=["zip", "zip bzip2", "zip lzma", "tar", "tar.gz", "tar.bz2", "tar.xz", "nested"],
)
def test_mutated_archives_never_raise(build: Callable[[], bytes]) -> None:
    for mutated in mutations(build(), 150, seed=len(build())):
        for item in iter_archive(io.BytesIO(mutated), "fuzz"):
            if isinstance(item, ArchiveMember):
                drain(item.stream)  # read errors are ChildsafeErrors, anything else fails here


# --------------------------------------------------------------------------- counts and sizes


@pytest.mark.parametrize("container", ["zip", "tar", "tar.bz2"])
def test_max_members(tmp_path: Path, container: str) -> None:
    members = {f"m{i}.txt": TEXT for i in range(5)}
    data = (
        make_zip(members)
        if container == "zip"
        else make_tar_of(members, container.removeprefix("tar").removeprefix("."))
    )
    found, problems = scan(write(tmp_path, "many", data), "many", ArchiveLimits(max_members=3))
    assert list(found) == ["many!/m0.txt", "many!/m1.txt", "many!/m2.txt"]
    assert problems == [ArchiveProblem("many", "more than 3 members; the rest not read")]


@pytest.mark.parametrize("container", ["zip", "tar"])
def test_member_larger_than_the_limit_is_not_read(tmp_path: Path, container: str) -> None:
    members = {"small.txt": TEXT, "large.bin": RANDOM}
    data = make_zip(members) if container == "zip" else make_tar_of(members)
    found, problems = scan(write(tmp_path, "a", data), "a", ArchiveLimits(max_member_bytes=1000))
    assert found == {"a!/small.txt": TEXT}
    assert problems == [ArchiveProblem("a!/large.bin", "member of 3000 bytes exceeds the limit of 1000, not read")]


def test_member_without_declared_size_is_cut_at_the_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "r.bin.xz", lzma.compress(RANDOM * 10))
    items = iter_archive(path, "r.bin.xz", ArchiveLimits(max_member_bytes=10_000))
    member = next(items)
    assert isinstance(member, ArchiveMember) and member.size is None
    read, error = drain(member.stream, 1000)
    assert (read, type(error)) == (10_000, MediaTooLargeError)
    assert list(items) == []


def test_budget_ends_a_tar(tmp_path: Path) -> None:
    members = {f"m{i}": random.Random(i).randbytes(MiB) for i in range(4)}
    path = write(tmp_path, "b.tar", make_tar_of(members))
    found, problems = scan(path, "b.tar", ArchiveLimits(max_archive_bytes=int(2.5 * MiB)))
    assert found["b.tar!/m0"] == members["m0"]
    assert len(found) <= 3
    assert [p.path for p in problems] == ["b.tar"]
    assert "expands beyond the limit" in problems[0].message


def test_oversized_zip_directory_is_refused_before_zipfile_loads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive_zip, "_MAX_ZIP_DIRECTORY_BYTES", 100)
    found, problems = scan(write(tmp_path, "d.zip", make_zip(BASIC)), "d.zip")
    assert found == {}
    assert len(problems) == 1 and problems[0].message.startswith("zip directory of ")


# --------------------------------------------------------------------------- limits object


def test_limits_default_to_config_and_come_from_settings() -> None:
    assert ArchiveLimits().max_ratio == config.DEFAULT_MAX_ARCHIVE_RATIO
    settings = config.Settings(
        max_member_bytes=1, max_archive_bytes=2, max_archive_ratio=3, max_archive_depth=4, max_archive_members=5
    )
    assert ArchiveLimits.from_settings(settings) == ArchiveLimits(1, 2, 3, 4, 5)


def test_negative_limits_are_refused() -> None:
    with pytest.raises(ConfigError, match="max_depth"):
        ArchiveLimits(max_depth=-1)


# --------------------------------------------------------------------------- containers (issue 10)


def _digests(data: bytes) -> tuple[str, str, str]:
    return (hashlib.md5(data).hexdigest(), hashlib.sha1(data).hexdigest(), hashlib.sha256(data).hexdigest())


@pytest.mark.parametrize("inner_kind", ["zip", "tar", "tar.gz", "gz"])
def test_every_nested_archive_yields_one_container_with_its_digests(tmp_path: Path, inner_kind: str) -> None:
    inner = {
        "zip": lambda: make_zip({"c.jpg": JPEG}),
        "tar": lambda: make_tar_of({"c.jpg": JPEG}),
        "tar.gz": lambda: make_tar_of({"c.jpg": JPEG}, "gz"),
        "gz": lambda: gzip.compress(JPEG),
    }[inner_kind]()
    mid = make_tar_of({"inner.bin": inner, "t.txt": TEXT})
    path = write(tmp_path, "outer.zip", make_zip({"mid.tar": mid}))
    items = list(iter_archive(path, "outer.zip", containers=True))
    containers = [i for i in items if isinstance(i, archives.ArchiveContainer)]
    assert [c.path for c in containers] == ["outer.zip!/mid.tar!/inner.bin", "outer.zip!/mid.tar"]
    deepest, middle = containers
    assert (deepest.md5, deepest.sha1, deepest.sha256) == _digests(inner)
    assert (middle.md5, middle.sha1, middle.sha256) == _digests(mid)
    assert (deepest.size, middle.size) == (len(inner), len(mid))
    assert deepest.kind == inner_kind and middle.kind == "tar"
    assert deepest.error is None and middle.error is None
    assert middle.members == 3  # the inner archive, its member, t.txt
    assert not [i for i in items if isinstance(i, ArchiveProblem)]
    # Without the flag, the iteration is as before: no container items.
    assert not [i for i in iter_archive(path, "outer.zip") if isinstance(i, archives.ArchiveContainer)]


def test_a_corrupt_nested_archive_has_its_problem_folded_into_its_container(tmp_path: Path) -> None:
    broken = b"PK\x03\x04" + RANDOM
    path = write(tmp_path, "o.zip", make_zip({"bad.zip": broken, "a.jpg": JPEG}))
    items = list(iter_archive(path, "o.zip", containers=True))
    by_path = {i.path: i for i in items}
    assert len(by_path) == len(items) == 2  # one item per path
    bad = by_path["o.zip!/bad.zip"]
    assert isinstance(bad, archives.ArchiveContainer) and bad.error
    assert bad.sha256 == _digests(broken)[2]  # its bytes were all read: digests are right
