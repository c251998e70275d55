"""Helper processes die with the process they work for, even when it is killed with ``kill -9``.

A killed scan used to leave its worker processes behind, holding the store open (one ignoring
SIGTERM).  Two guards: Linux's ``PR_SET_PDEATHSIG`` (the kernel sends SIGKILL when the parent
dies), and a watch thread polling the owner, for helpers whose parent is not the owner (workers
forked by multiprocessing's fork server) and for systems without ``prctl``.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading

import psutil

__all__ = ["die_with_parent", "watch_owner"]

_PR_SET_PDEATHSIG = 1
WATCH_SECONDS = 0.5


def die_with_parent(expected_parent: int | None = None) -> None:
    """Have the kernel SIGKILL this process when its parent dies (Linux); exit if it already has."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    # The parent may have died before prctl: then we were already adopted by another process.
    if expected_parent is not None and os.getppid() != expected_parent:
        os._exit(1)


def watch_owner(owner: tuple[int, float], interval: float = WATCH_SECONDS) -> threading.Thread:
    """Kill this process as soon as ``owner`` (pid, start time) is gone; returns the watch thread."""

    def watch() -> None:
        pid, started = owner
        while True:
            try:
                proc = psutil.Process(pid)
                alive = abs(proc.create_time() - started) < 1.0 and proc.status() != psutil.STATUS_ZOMBIE
            except (psutil.NoSuchProcess, psutil.ZombieProcess):
                alive = False
            except psutil.AccessDenied:
                alive = True
            if not alive:
                os.kill(os.getpid(), signal.SIGKILL)
            threading.Event().wait(interval)

    thread = threading.Thread(target=watch, name="childsafe-owner-watch", daemon=True)
    thread.start()
    return thread
