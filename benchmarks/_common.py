"""Helpers shared by the benchmark scripts (run them as ``python benchmarks/<script>.py``)."""

from __future__ import annotations

import os
import platform
import sys
import time

__all__ = ["ForeignCpu", "cpu_name", "pkg_version", "progress"]


def progress(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


class ForeignCpu:
    """CPU time used by other processes on the machine while we measure (Linux /proc/stat).

    Busy time of all CPUs minus this process's own (and its reaped children's) CPU time: a
    check that nothing else competed for the cores, printed with the results.
    """

    def __init__(self) -> None:
        self._start = self._sample()

    @staticmethod
    def _sample() -> tuple[float, float, float] | None:
        try:
            with open("/proc/stat") as fh:
                fields = [int(x) for x in fh.readline().split()[1:]]
        except (OSError, ValueError):
            return None
        tick = os.sysconf("SC_CLK_TCK")
        user, nice, system, _idle, _iowait, irq, softirq = fields[:7]
        busy = (user + nice + system + irq + softirq) / tick
        t = os.times()
        own = t.user + t.system + t.children_user + t.children_system
        return busy, own, time.monotonic()

    def stop(self) -> dict[str, float] | None:
        end = self._sample()
        if self._start is None or end is None:
            return None
        other = max(0.0, (end[0] - self._start[0]) - (end[1] - self._start[1]))
        wall = end[2] - self._start[2]
        return {"other_cpu_s": other, "wall_s": wall, "other_cores_busy": other / wall}


def cpu_name() -> str:
    try:
        with open("/proc/cpuinfo") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def pkg_version(name: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(name)
    except PackageNotFoundError:
        return "unknown"
