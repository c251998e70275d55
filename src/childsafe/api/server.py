"""Running the app under uvicorn: one process, or several on one port.

Several worker processes each listen on their own socket bound to the same port (``SO_REUSEPORT``):
the kernel then spreads new connections evenly over the workers.  uvicorn's own ``--workers`` shares
one socket instead, and the first worker to wake accepts every connection waiting: measured with 16
keep-alive clients, one worker did 96 % of the work while the other idled.  A worker's socket only
listens once its app has started (index loaded), so no connection waits on a cold worker.

Worker processes build their own app from the environment (``uvicorn --factory``).  The access log
shows paths without query strings: a ``?url=`` can carry a pre-signed secret, and the looked-up
hashes are nobody's business in a log file.  Headers are never logged.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
import threading
import time
from typing import Any

from uvicorn import Config, Server
from uvicorn.supervisors import Multiprocess

from childsafe.errors import ConfigError

__all__ = ["QueryRedactingFilter", "TcpConfig", "log_config", "run_server"]

log = logging.getLogger("uvicorn.error")
APP = "childsafe.api.app:app_from_environment"
#: A worker that dies sooner than this after starting is not restarted: something is wrong for all.
MIN_WORKER_LIFE_SECONDS = 10.0


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

    def bind_socket(self) -> socket.socket:
        return _socket(self.host, self.port, reuse_port=False)


def _socket(host: str, port: int, *, reuse_port: bool) -> socket.socket:
    family = socket.AF_INET6 if host and ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if reuse_port:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.set_inheritable(True)
    return sock


def _config(host: str, port: int, workers: int, access_log: bool) -> TcpConfig:
    return TcpConfig(APP, factory=True, host=host, port=port, workers=workers, access_log=access_log,
                     log_config=log_config(), server_header=False)


def _worker(host: str, port: int, access_log: bool) -> None:
    """One worker process: its own listening socket on the shared port."""
    Server(_config(host, port, 1, access_log)).run(sockets=[_socket(host, port, reuse_port=True)])


def run_server(host: str, port: int, workers: int, access_log: bool) -> None:
    if workers <= 1:
        try:
            Server(_config(host, port, 1, access_log)).run()
        except KeyboardInterrupt:
            pass
        return
    if not hasattr(socket, "SO_REUSEPORT"):  # not on this platform: uvicorn's shared socket
        config = _config(host, port, workers, access_log)
        Multiprocess(config, sockets=[config.bind_socket()]).run()
        return
    _supervise(host, port, workers, access_log)


def _supervise(host: str, port: int, workers: int, access_log: bool) -> None:
    # Bound here (never listening, so it gets no connection): a port in use fails once, here, and
    # no process of another user can take the port while the workers restart.
    try:
        reservation = _socket(host, port, reuse_port=True)
    except OSError as exc:
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    context = multiprocessing.get_context("spawn")
    stop = threading.Event()

    def start() -> tuple[Any, float]:
        process = context.Process(target=_worker, args=(host, port, access_log), name="childsafe-worker")
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
