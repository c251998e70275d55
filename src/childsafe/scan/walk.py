"""Walk a tree of files safely: no symlink loops, no crash on unreadable folders."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

__all__ = ["WalkItem", "WalkError", "walk"]


@dataclass(frozen=True)
class WalkItem:
    path: str  # absolute, as the report shows it
    size: int
    mtime_ns: int


@dataclass(frozen=True)
class WalkError:
    path: str
    message: str


def walk(root: Path, roots: Sequence[Path] = ()) -> Iterator[WalkItem | WalkError]:
    """Regular files under ``root`` (or ``root`` itself), in a stable order.

    Symlinks to files are followed (the report names the link); symlinked folders are followed
    once, and a folder reached again through a link is reported as a loop instead of recursing.
    With ``roots`` (the API's ``scan_roots``), every file and folder is resolved and must lie
    inside one of them: a link leading outside is an error item, never read.
    """
    root = Path(os.path.abspath(root))
    allowed = tuple(Path(os.path.realpath(r)) for r in roots)
    try:
        st = os.stat(root)
    except OSError as exc:
        yield WalkError(str(root), _describe(exc))
        return
    outside = _outside(root, allowed)
    if outside is not None:
        yield WalkError(str(root), outside)
    elif stat.S_ISDIR(st.st_mode):
        yield from _walk_dir(root, {(st.st_dev, st.st_ino)}, allowed)
    elif stat.S_ISREG(st.st_mode):
        yield WalkItem(str(root), st.st_size, st.st_mtime_ns)
    else:
        yield WalkError(str(root), "not a regular file or folder")


def _outside(path: Path, allowed: tuple[Path, ...]) -> str | None:
    """Why ``path`` may not be read under ``allowed`` roots, or None (always None without roots)."""
    if not allowed:
        return None
    real = Path(os.path.realpath(path))
    if any(real == r or real.is_relative_to(r) for r in allowed):
        return None
    return "outside the folders scans may read (scan_roots): a link leads out, not read"


def _walk_dir(folder: Path, visiting: set[tuple[int, int]],
              allowed: tuple[Path, ...] = ()) -> Iterator[WalkItem | WalkError]:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        yield WalkError(str(folder), _describe(exc))
        return
    for entry in entries:
        path = folder / entry.name
        try:
            st = os.stat(path)  # follows links; a loop or dangling link raises here
        except OSError as exc:
            yield WalkError(str(path), _describe(exc))
            continue
        if entry.is_symlink():  # only links can lead out of a root the walk started inside
            outside = _outside(path, allowed)
            if outside is not None:
                yield WalkError(str(path), outside)
                continue
        if stat.S_ISDIR(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in visiting:
                yield WalkError(str(path), "symlink loop: folder already being walked, not entered")
                continue
            yield from _walk_dir(path, visiting | {key}, allowed)
        elif stat.S_ISREG(st.st_mode):
            yield WalkItem(str(path), st.st_size, st.st_mtime_ns)
        else:
            yield WalkError(str(path), "special file (device, socket or pipe), not read")


def _describe(exc: OSError) -> str:
    import errno

    if exc.errno == errno.ELOOP:
        return "symlink loop: link resolves to itself"
    if exc.errno == errno.ENOENT:
        return "broken symlink or vanished file"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "unreadable: permission denied"
    return f"unreadable: {exc.strerror or exc}"
