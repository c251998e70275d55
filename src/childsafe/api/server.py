"""Running the app under uvicorn: one process, or several on one port.

Several worker processes each listen on their own socket bound to the same port (``SO_REUSEPORT``):
the kernel then spreads new connections evenly over the workers.  uvicorn's own ``--workers`` shares
one socket instead, and the first worker to wake accepts every connection waiting: measured with 16
keep-alive clients, one worker did 96 % of the work while the other idled.  A worker's socket only
listens once its app has started (index loaded), so no connection waits on a cold worker.

Worker processes build their own app from the environment (``uvicorn --factory``).  The access log
shows paths without query strings: a ``?url=`` can carry a pre-signed secret, and the looked-up
hashes are nobody's business in a log file.  Headers are never logged.

Hardening (issue 10):

* **Slow clients**: a connection whose request headers have not all arrived within
  ``header_timeout_seconds`` is closed (:class:`TimedH11Protocol`; uvicorn has no such timeout, so 400
  connections dripping header bytes were held as long as they liked).  Slow bodies: the request gate.
* **Proxies**: uvicorn's own ``X-Forwarded-For`` handling is off (it trusts 127.0.0.1 by default, so
  anything on the host could pose as any address); the app believes those headers only from
  ``trusted_proxies``.
* **One server per port**: before binding with ``SO_REUSEPORT`` (which would let a second server
  share the port silently), the port is probed with a plain listening socket: any server already there,
  ours or not, makes that fail, and ``serve`` exits with a ConfigError (status 2) saying so.  A server
  still starting (workers not yet listening) is found by its supervisor's reservation of the port.
* **Workers die with their supervisor**: each worker asks the kernel for SIGTERM when its parent dies
  (``PR_SET_PDEATHSIG`` on Linux) and a watchdog thread also stops it when its parent process changes,
  so a ``kill -9`` of the supervisor leaves no worker serving with old settings.
"""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import errno
import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from dataclasses import dataclass
from typing import Any

from uvicorn import Config, Server
from uvicorn.protocols.http.h11_impl import H11Protocol
from uvicorn.supervisors import Multiprocess

from childsafe.errors import ConfigError

__all__ = ["QueryRedactingFilter", "ServerOptions", "TcpConfig", "TimedH11Protocol", "check_port_free", "log_config",
           "run_server"]

log = logging.getLogger("uvicorn.error")
APP = "childsafe.api.app:app_from_environment"
#: A worker that dies sooner than this after starting is not restarted: something is wrong for all.
MIN_WORKER_LIFE_SECONDS = 10.0
#: How often a worker's watchdog looks at its parent, and how long it then waits for a clean stop.
WATCHDOG_SECONDS = 1.0
ORPHAN_GRACE_SECONDS = 10.0
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


@dataclass(frozen=True)
class ServerOptions:
    host: str = "127.0.0.1"
    port: int = 8000
    workers: int = 1
    access_log: bool = True
    header_timeout: float = 10.0


class QueryRedactingFilter(logging.Filter):
    """Drop the query string from uvicorn's access-log lines (client, method, path, version, status)."""

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str) and "?" in args[2]:
            record.args = (*args[:2], args[2].split("?", 1)[0] + "?[redacted]", *args[3:])
        return True


def log_config() -> dict[str, Any]:
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = {**LOGGING_CONFIG, "filters": {"redact_query": {"()": QueryRedactingFilter}}}
    config["handlers"] = {name: dict(handler) for name, handler in LOGGING_CONFIG["handlers"].items()}
    config["handlers"]["access"]["filters"] = ["redact_query"]
    return config


class TcpConfig(Config):
    """uvicorn's configuration, with a listening socket fit for several worker processes.

    uvicorn creates the socket it shares with its workers as ``socket(family)`` (protocol 0), and
    asyncio only sets TCP_NODELAY on connections whose socket says IPPROTO_TCP: with ``--workers``
    every response then waited ~40 ms for the client's delayed ACK (measured: 360 instead of 1,400
    lookups/s).  Created here with the protocol named and TCP_NODELAY set on the listener, which
    accepted connections inherit.
    """

    header_timeout: float = 10.0

    def bind_socket(self) -> socket.socket:
        return _socket(self.host, self.port, reuse_port=False)


class TimedH11Protocol(H11Protocol):
    """uvicorn's h11 protocol, closing connections whose request headers are not in on time.

    The deadline starts when the connection opens, and again when the first byte of a later request
    on a kept-alive connection arrives; it is lifted as soon as h11 has parsed the request line and
    headers (a new request cycle exists).  Idle kept-alive connections are uvicorn's own keep-alive
    timeout's business.
    """

    config: TcpConfig

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        super().connection_made(transport)  # type: ignore[arg-type]
        self._deadline: asyncio.TimerHandle | None = None
        self._deadline_cycle: object = None
        self._arm_header_deadline()

    def data_received(self, data: bytes) -> None:
        between_requests = self.cycle is None or self.cycle.response_complete
        if between_requests and self._deadline is None:
            self._arm_header_deadline()
        super().data_received(data)
        if self._deadline is not None and self.cycle is not self._deadline_cycle:
            self._deadline.cancel()  # the headers are in: a request cycle has started
            self._deadline = None

    def connection_lost(self, exc: Exception | None) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None
        super().connection_lost(exc)

    def _arm_header_deadline(self) -> None:
        self._deadline_cycle = self.cycle
        self._deadline = self.loop.call_later(self.config.header_timeout, self._headers_too_slow)

    def _headers_too_slow(self) -> None:
        self._deadline = None
        if self.cycle is self._deadline_cycle and not self.transport.is_closing():
            self.transport.close()


def _socket(host: str, port: int, *, reuse_port: bool, reuse_addr: bool = True) -> socket.socket:
    family = socket.AF_INET6 if host and ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    if reuse_addr:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def _config(options: ServerOptions, workers: int = 1) -> TcpConfig:
    # proxy_headers off: uvicorn would believe X-Forwarded-For from 127.0.0.1 (see the module's doc).
    config = TcpConfig(APP, factory=True, host=options.host, port=options.port, workers=workers,
                       access_log=options.access_log, log_config=log_config(), server_header=False,
                       proxy_headers=False, http=TimedH11Protocol)
    config.header_timeout = options.header_timeout
    return config


def check_port_free(host: str, port: int) -> None:
    """Raise a ConfigError when something already listens on ``host:port``.

    A plain listening socket (SO_REUSEADDR, so connections of a stopped server in TIME_WAIT do not
    count, but no SO_REUSEPORT) cannot share a port with any listener, ours included.
    """
    family = socket.AF_INET6 if host and ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
            probe.listen(1)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise ConfigError(f"cannot listen on {host}:{port}: the port is in use (another childsafe serve, "
                                  "or another program); stop it or choose another --port") from exc
            raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def die_with_parent(parent: int) -> None:
    """Make this process stop when its parent (pid ``parent``) dies, even by SIGKILL."""
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(1)

    def watch() -> None:
        # Elsewhere than Linux (and as a second line here): poll the parent.
        while os.getppid() == parent:
            time.sleep(WATCHDOG_SECONDS)
        log.warning("worker %d: the supervisor is gone, stopping", os.getpid())
        os.kill(os.getpid(), signal.SIGTERM)  # uvicorn's clean shutdown
        time.sleep(ORPHAN_GRACE_SECONDS)
        os._exit(1)  # it did not stop in time

    threading.Thread(target=watch, name="childsafe-parent-watchdog", daemon=True).start()


def _worker(options: ServerOptions, parent: int) -> None:
    """One worker process: its own listening socket on the shared port."""
    die_with_parent(parent)
    Server(_config(options)).run(sockets=[_socket(options.host, options.port, reuse_port=True)])


def run_server(options: ServerOptions) -> None:
    check_port_free(options.host, options.port)
    if options.workers <= 1:
        try:
            Server(_config(options)).run()
        except KeyboardInterrupt:
            pass
        return
    if not hasattr(socket, "SO_REUSEPORT"):  # not on this platform: uvicorn's shared socket
        config = _config(options, options.workers)
        Multiprocess(config, sockets=[config.bind_socket()]).run()
        return
    _supervise(options)


def _supervise(options: ServerOptions) -> None:
    host, port, workers = options.host, options.port, options.workers
    # Bound here (never listening, so it gets no connection): no process of another user can take the
    # port while the workers restart.  Without SO_REUSEADDR, so that another server's probe (which has
    # it) fails on it too during our start-up, before any worker listens; SO_REUSEPORT still lets our
    # workers join, and lets this bind over connections of a stopped server left in TIME_WAIT.
    try:
        reservation = _socket(host, port, reuse_port=True, reuse_addr=False)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    context = multiprocessing.get_context("spawn")
    stop = threading.Event()

    def start() -> tuple[Any, float]:
        process = context.Process(target=_worker, args=(options, os.getpid()), name="childsafe-worker")
        process.start()
        return process, time.monotonic()

    def request_stop(_signum: int, _frame: Any) -> None:
        stop.set()

    previous = {sig: signal.signal(sig, request_stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    running = [start() for _ in range(workers)]
    log.info("Started %d worker processes on %s:%d", workers, host, port)
    try:
        while not stop.wait(0.5):
            for i, (process, started) in enumerate(running):
                if process.is_alive():
                    continue
                if time.monotonic() - started < MIN_WORKER_LIFE_SECONDS:
                    log.error("worker %s exited with %s right after starting: stopping", process.pid,
                              process.exitcode)
                    stop.set()
                    break
                log.warning("worker %s exited with %s: starting another", process.pid, process.exitcode)
                running[i] = start()
    finally:
        for process, _started in running:
            if process.is_alive():
                process.terminate()  # SIGTERM: uvicorn finishes the requests in flight
        for process, _started in running:
            process.join(30)
            if process.is_alive():
                process.kill()
                process.join()
        reservation.close()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
