"""Fuzzing the archive readers: zip and tar built from fuzzed names, sizes and bytes, then damaged."""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import tarfile
import warnings
import zipfile

from hypothesis import example, given
from hypothesis import strategies as st

from childsafe.errors import ChildsafeError
from childsafe.media.archives import ArchiveLimits, ArchiveMember, ArchiveProblem, archive_kind, iter_archive
from tests.fuzz.fuzzkit import fuzz_settings, mutated

# Small limits, so that bombs and budgets are met within a few kilobytes.
LIMITS = ArchiveLimits(max_member_bytes=64 * 1024, max_archive_bytes=256 * 1024, max_ratio=50, max_depth=2,
                       max_members=50)
names = st.one_of(
    st.text(min_size=1, max_size=30),
    st.sampled_from(["../evil.jpg", "/abs/path.jpg", "a/../../b", "dir/", "C:\\x.jpg", "a\x00b", ".", "x" * 300]),
)
contents = st.one_of(st.binary(max_size=2000), st.just(b"\x00" * 50_000), st.just(b"\xff\xd8\xff\xe0" + b"A" * 100))
members = st.lists(st.tuples(names, contents), min_size=0, max_size=5)


def build_zip(entries: list[tuple[str, bytes]], method: int) -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", compression=method) as zf:
        warnings.simplefilter("ignore", UserWarning)  # duplicate names are part of the fuzzing
        for name, data in entries:
            try:  # a fixed time: the same example must give the same bytes (Hypothesis replays it)
                zf.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data, compress_type=method)
            except (ValueError, UnicodeEncodeError, IndexError):
                continue  # zipfile refuses (or trips on) some names: nothing to fuzz there
    return buf.getvalue()


def build_tar(entries: list[tuple[str, bytes]], compression: str, declared: list[int]) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.PAX_FORMAT) as tf:
        for index, (name, data) in enumerate(entries):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            try:
                tf.addfile(info, io.BytesIO(data))
            except (ValueError, UnicodeEncodeError, tarfile.TarError):
                continue
            if declared:  # lie about a size after the fact: a header that does not match its data
                info.size = declared[index % len(declared)]
    raw = buf.getvalue()
    return {"": raw, "gz": gzip.compress(raw, mtime=0), "bz2": bz2.compress(raw), "xz": lzma.compress(raw)}[compression]


@st.composite
def archives(draw: st.DrawFn) -> bytes:
    entries = draw(members)
    if draw(st.booleans()):
        data = build_zip(entries, draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED,
                                                        zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA])))
    else:
        data = build_tar(entries, draw(st.sampled_from(["", "gz", "bz2", "xz"])),
                         draw(st.lists(st.integers(0, 1 << 40), max_size=2)))
    if draw(st.booleans()):  # nest it once more
        data = build_zip([("inner" + draw(st.sampled_from([".zip", ".tar", ""])), data)], zipfile.ZIP_DEFLATED)
    return draw(mutated(data)) if draw(st.booleans()) else data


def read_everything(data: bytes) -> tuple[int, int]:
    """Iterate the archive and read every member whole; only ChildsafeError may come out of a read."""
    got = problems = 0
    for item in iter_archive(io.BytesIO(data), "fuzz.bin", LIMITS):
        if isinstance(item, ArchiveProblem):
            problems += 1
            assert item.path.startswith("fuzz.bin") and item.message
            continue
        assert isinstance(item, ArchiveMember) and item.path.startswith("fuzz.bin!/")
        try:
            while chunk := item.stream.read(8192):
                got += len(chunk)
        except ChildsafeError:
            problems += 1
    return got, problems


@fuzz_settings(400)
@given(data=archives())
@example(data=b"PK\x05\x06" + b"\x00" * 18)
@example(data=b"\x1f\x8b\x08\x00" + b"\x00" * 20)
def test_any_archive_gives_members_and_problems_never_an_exception(data: bytes) -> None:
    read_everything(data)


@fuzz_settings(250)
@given(data=st.one_of(st.binary(max_size=600), mutated(build_zip([("a.jpg", b"x" * 300)], zipfile.ZIP_DEFLATED)),
                      mutated(build_tar([("a.jpg", b"x" * 300)], "gz", []))))
def test_any_bytes_as_an_archive_never_raise(data: bytes) -> None:
    read_everything(data)


@fuzz_settings(100)
@given(entries=st.lists(st.tuples(st.from_regex(r"[a-z]{1,8}\.(jpg|txt)", fullmatch=True),
                                  # a member that is itself an archive is opened in place (nested)
                                  st.binary(max_size=500).filter(lambda b: archive_kind(b) is None)),
                        min_size=1, max_size=5, unique_by=lambda e: e[0]))
def test_intact_archives_give_every_member_back(entries: list[tuple[str, bytes]]) -> None:
    for data in (build_zip(entries, zipfile.ZIP_DEFLATED), build_tar(entries, "gz", [])):
        read = {item.path.split("!/", 1)[1]: item.stream.read()
                for item in iter_archive(io.BytesIO(data), "fuzz.bin", LIMITS) if isinstance(item, ArchiveMember)}
        assert read == dict(entries)
