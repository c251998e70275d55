"""The one private folder per process where media may touch the disk, and the clean-up of dead ones.

FFmpeg needs a seekable file, so a video that arrives as a stream (an upload, an archive member)
is copied to disk while it is hashed.  "Uploads are never kept" must hold after a crash too, so
every such copy lives in one folder per process, ``<base>/<pid>-<start time>`` (mode 0700, under
a base folder of mode 0700), and:

* normal exit, an exception, SIGINT and SIGTERM remove it (``atexit``, and multiprocessing's
  finaliser in worker processes, which leave through ``os._exit`` and skip ``atexit``);
* ``kill -9`` or the OOM killer cannot be caught: the next run removes the folder of any process
  that is gone (:func:`clean_stale_spools`, called at start-up by the CLI and the server).

Helper processes (scan workers) record the process they work for in an ``owner`` file; a helper
whose owner is dead is an orphan, and the next run kills it before removing its folder.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing.util
import os
import shutil
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import psutil

__all__ = [
    "SPOOL_ENV",
    "SpoolCleanup",
    "clean_stale_spools",
    "configure_spool",
    "process_spool_dir",
    "remove_process_spool",
    "spool_base",
    "spooled_file",
    "start_spool",
]

#: Environment variable naming the base folder when nothing configured it (library use).
SPOOL_ENV = "CHILDSAFE_SPOOL_DIR"
_OWNER_FILE = "owner"
# Start times are compared with this tolerance: psutil derives them from clock ticks.
_START_TOLERANCE = 1.0

_base: Path | None = None
_owner: tuple[int, float] | None = None  # (pid, start time) of the process a helper works for
_dir: Path | None = None
_dir_pid = 0  # the pid that created _dir: a forked child must not reuse (or remove) its parent's


def _process_start(pid: int) -> float | None:
    try:
        return float(psutil.Process(pid).create_time())
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return None


def process_identity(pid: int | None = None) -> tuple[int, float]:
    """(pid, start time) of a running process; together they survive pid reuse."""
    pid = os.getpid() if pid is None else pid
    return pid, _process_start(pid) or 0.0


def configure_spool(base: Path | str | None, owner: tuple[int, float] | None = None) -> None:
    """Set the base folder (None: the default) and, in a helper process, the process it works for."""
    global _base, _owner
    _base = Path(base).expanduser() if base else None
    _owner = owner


def start_spool(base: Path | str) -> SpoolCleanup:
    """At a program's start: use ``base`` (children too), clean what killed runs left, and make
    SIGTERM leave through the normal exit path so this process's folder is removed."""
    configure_spool(base)
    os.environ[SPOOL_ENV] = str(base)  # worker and server processes started later inherit it
    if threading.current_thread() is threading.main_thread() and \
            signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
    return clean_stale_spools()


def _exit_on_sigterm(signum: int, _frame: object) -> None:
    raise SystemExit(128 + signum)


def spool_base() -> Path:
    """The configured base folder, else ``$CHILDSAFE_SPOOL_DIR``, else one per user in the temp dir."""
    if _base is not None:
        return _base
    env = os.environ.get(SPOOL_ENV)
    if env:
        return Path(env).expanduser()
    return Path(tempfile.gettempdir()) / f"childsafe-spool-{os.getuid()}"


def _private_dir(path: Path) -> Path:
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    st = os.lstat(path)
    if not stat.S_ISDIR(st.st_mode) or st.st_uid != os.getuid():
        raise PermissionError(f"spool folder {path} is not a folder owned by this user")
    if stat.S_IMODE(st.st_mode) != 0o700:
        os.chmod(path, 0o700)
    return path


def process_spool_dir() -> Path:
    """This process's private folder, created on first use and removed by every exit path."""
    global _dir, _dir_pid
    if _dir is not None and _dir_pid == os.getpid():
        return _dir
    pid, started = process_identity()
    folder = _private_dir(spool_base()) / f"{pid}-{started:.2f}"
    _private_dir(folder)
    if _owner is not None:
        (folder / _OWNER_FILE).write_text(f"{_owner[0]} {_owner[1]:.2f}\n", encoding="ascii")
    _dir, _dir_pid = folder, pid
    atexit.register(remove_process_spool)
    # Worker processes end through os._exit, which skips atexit; multiprocessing runs these.
    multiprocessing.util.Finalize(None, remove_process_spool, exitpriority=100)
    return folder


def remove_process_spool() -> None:
    """Remove this process's folder (idempotent; never another process's)."""
    global _dir
    if _dir is not None and _dir_pid == os.getpid():
        shutil.rmtree(_dir, ignore_errors=True)
        _dir = None


@contextlib.contextmanager
def spooled_file(suffix: str = "") -> Iterator[IO[bytes]]:
    """A private temporary file in this process's spool folder, deleted when the block ends."""
    with tempfile.NamedTemporaryFile(prefix="media-", suffix=suffix, dir=process_spool_dir()) as tmp:
        yield tmp


@dataclass
class SpoolCleanup:
    """What :func:`clean_stale_spools` found: folders removed and orphan helpers killed."""

    removed: int = 0
    orphans_killed: int = 0


def _alive(pid: int, started: float) -> bool:
    actual = _process_start(pid)
    return actual is not None and abs(actual - started) < _START_TOLERANCE


def _parse_identity(text: str, sep: str) -> tuple[int, float] | None:
    pid, _, started = text.strip().partition(sep)
    try:
        return int(pid), float(started)
    except ValueError:
        return None


def clean_stale_spools(base: Path | None = None) -> SpoolCleanup:
    """Remove the spool folders of dead processes and kill helpers whose owner is dead.

    Safe beside other running processes: a folder is only removed when its process is gone
    (or was an orphan helper, killed here first).
    """
    base = spool_base() if base is None else base
    done = SpoolCleanup()
    try:
        entries = list(os.scandir(base))
    except OSError:
        return done
    for entry in entries:
        ident = _parse_identity(entry.name, "-")
        if ident is None or not entry.is_dir(follow_symlinks=False):
            continue
        folder = Path(entry.path)
        if _alive(*ident):
            owner = _read_owner(folder)
            if owner is None or _alive(*owner):
                continue
            if not _kill(ident[0]):
                continue
            done.orphans_killed += 1
        shutil.rmtree(folder, ignore_errors=True)
        done.removed += 1
    return done


def _read_owner(folder: Path) -> tuple[int, float] | None:
    try:
        return _parse_identity((folder / _OWNER_FILE).read_text(encoding="ascii"), " ")
    except OSError:
        return None


def _kill(pid: int) -> bool:
    """SIGKILL an orphan helper (it may ignore SIGTERM) and wait for it; False if it lives on."""
    try:
        proc = psutil.Process(pid)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=5)
    except psutil.NoSuchProcess:
        return True
    except (psutil.AccessDenied, psutil.TimeoutExpired):
        return False
    return True
