"""The real server in subprocesses on 127.0.0.1 (issue 10): memory under unauthenticated bodies, slow
headers, forwarded headers, one server per port, workers that die with their supervisor."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psutil
import pytest

from childsafe.accounts import issue_token
from childsafe.store.service import ServiceStore
from childsafe.store.sql import open_store

pytestmark = pytest.mark.slow
MB = 1024 * 1024


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Served:
    proc: subprocess.Popen[bytes]
    port: int
    home: Path
    token: str

    def request(self, method: str, path: str, headers: dict[str, str] | None = None,
                body: bytes | None = None) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()


def make_home(home: Path) -> str:
    home.mkdir(parents=True, exist_ok=True)
    store = open_store(f"sqlite:///{home / 'childsafe.sqlite3'}")
    service = ServiceStore(store)
    service.create_user("bot", "api-client", None, actor="test")
    token = issue_token(service, "bot", actor="test")[1]
    store.close()
    return token


def serve(home: Path, port: int, workers: int, **env: str) -> subprocess.Popen[bytes]:
    environ = dict(os.environ, CHILDSAFE_HOME=str(home), CHILDSAFE_DB="",
                   **{f"CHILDSAFE_{k.upper()}": v for k, v in env.items()})
    return subprocess.Popen([sys.executable, "-m", "childsafe", "serve", "--port", str(port), "--workers",
                             str(workers), "--no-access-log"], env=environ, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT)


def wait_ready(proc: subprocess.Popen[bytes], port: int) -> None:
    deadline = time.monotonic() + 90
    while True:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/status", timeout=2) as r:
                assert r.read() == b"I-AM-ALIVE"
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            assert proc.poll() is None, proc.communicate()[0].decode()
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)


def stop(proc: subprocess.Popen[bytes]) -> str:
    if proc.poll() is None:
        proc.terminate()
    return proc.communicate(timeout=60)[0].decode()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    home = tmp_path_factory.mktemp("served") / "home"
    token = make_home(home)
    port = free_port()
    proc = serve(home, port, 1, header_timeout_seconds="1")
    try:
        wait_ready(proc, port)
        yield Served(proc, port, home, token)
    finally:
        stop(proc)


def send_body(port: int, head: bytes, chunks: int, chunk: bytes) -> None:
    """Send a request of ``chunks`` x ``chunk`` bytes; the server may cut it off at any point."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        try:
            sock.sendall(head)
            for _ in range(chunks):
                sock.sendall(chunk)
            sock.shutdown(socket.SHUT_WR)
            while sock.recv(65536):
                pass
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server closed the connection: it stopped reading


def unauthenticated_bodies(port: int, total: int) -> None:
    """``total`` bytes of JSON and multipart bodies, declared and chunked, without a token."""
    json_piece = b"0," * (MB // 2)
    parts = [
        (b"POST /api/v1/text/score HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
         b"Content-Length: %d\r\n\r\n[" % (total // 4 + 1), json_piece),
        (b"POST /c/banks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
         b"Transfer-Encoding: chunked\r\n\r\n", b"%x\r\n" % len(json_piece) + json_piece + b"\r\n"),
        (b"POST /api/v1/hash HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
         b"Content-Length: %d\r\n\r\n--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a\"\r\n\r\n"
         % (total // 4 + 100), b"\0" * MB),
        (b"POST /api/v1/banks/B/import HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
         b"Transfer-Encoding: chunked\r\n\r\n", b"%x\r\n" % MB + b"\0" * MB + b"\r\n"),
    ]
    threads = [threading.Thread(target=send_body, args=(port, head, total // 4 // len(chunk), chunk))
               for head, chunk in parts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)


def test_unauthenticated_bodies_leave_the_servers_memory_flat(served: Served) -> None:
    status, _ = served.request("GET", "/c/banks", {"Authorization": f"Bearer {served.token}"})
    assert status == 200  # warm: the app, the store and a token check have all run once
    process = psutil.Process(served.proc.pid)
    baseline = process.memory_info().rss
    peak = baseline
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, process.memory_info().rss)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        unauthenticated_bodies(served.port, 256 * MB)
    finally:
        done.set()
        sampler.join()
    assert peak - baseline < 50 * MB, f"RSS grew by {(peak - baseline) / MB:.0f} MB"
    assert served.request("GET", "/status")[0] == 200


def test_slow_headers_are_cut_off(served: Served) -> None:
    with socket.create_connection(("127.0.0.1", served.port), timeout=20) as sock:
        sock.sendall(b"GET /status HTTP/1.1\r\nHost: x\r\n")  # and never the blank line
        assert sock.recv(1024) == b""  # closed by the server (header_timeout_seconds=1), not by our timeout
    with socket.create_connection(("127.0.0.1", served.port), timeout=20) as idle:
        assert idle.recv(1024) == b""  # a connection that sends nothing at all is closed too
    assert served.request("GET", "/status")[0] == 200


def test_forwarded_headers_from_loopback_are_not_believed(served: Served) -> None:
    # Failed token checks are limited per address (30 in a burst): rotating X-Forwarded-For must not help.
    codes = [served.request("GET", "/c/banks", {"Authorization": "Bearer cs_wrong",
                                                "X-Forwarded-For": f"198.51.100.{i}"})[0] for i in range(40)]
    assert codes[0] == 401 and 429 in codes
    # Login attempts are limited per address too, and the address is what the audit log records.
    statuses = []
    for i in range(12):
        conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
        conn.request("GET", "/review/login")
        page = conn.getresponse()
        html = page.read().decode()
        cookie = page.getheader("set-cookie", "").split(";")[0]
        csrf = html.split('name="csrf" value="')[1].split('"')[0]
        conn.request("POST", "/review/login", body=f"username=user{i}&password=wrongwrong1&csrf={csrf}",
                     headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": cookie,
                              "X-Forwarded-For": f"198.51.100.{i}", "X-Real-IP": f"198.51.100.{i}"})
        statuses.append(conn.getresponse().status)
        conn.close()
    assert statuses[0] == 401 and statuses[-1] == 429
    store = open_store(f"sqlite:///{served.home / 'childsafe.sqlite3'}")
    try:
        entries = [e.to_record() for e in ServiceStore(store).audit_entries(0, 1000)]
    finally:
        store.close()
    clients = {e["details"].get("client") for e in entries if e["action"] == "login.failure"}
    assert clients == {"127.0.0.1"}, clients


def test_forwarded_headers_from_a_trusted_proxy_are_believed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    make_home(home)
    port = free_port()
    proc = serve(home, port, 1, trusted_proxies="127.0.0.1")
    try:
        wait_ready(proc, port)
        codes = [Served(proc, port, home, "").request("GET", "/c/banks", {
            "Authorization": "Bearer cs_wrong", "X-Forwarded-For": f"198.51.100.{i}"})[0] for i in range(40)]
        assert set(codes) == {401}  # each address has its own bucket: the proxy's word is taken
    finally:
        stop(proc)


def children(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def wait_workers(pid: int, count: int) -> list[psutil.Process]:
    deadline = time.monotonic() + 60
    while len(found := children(pid)) < count:
        assert time.monotonic() < deadline
        time.sleep(0.2)
    return found


@pytest.mark.parametrize("first_workers", [1, 2])
def test_a_second_server_on_a_bound_port_fails_clearly(tmp_path: Path, first_workers: int) -> None:
    home = tmp_path / "home"
    make_home(home)
    port = free_port()
    first = serve(home, port, first_workers)
    try:
        wait_ready(first, port)
        for workers in (1, 2):
            second = subprocess.run([sys.executable, "-m", "childsafe", "serve", "--port", str(port), "--workers",
                                     str(workers)], env=dict(os.environ, CHILDSAFE_HOME=str(home), CHILDSAFE_DB=""),
                                    capture_output=True, text=True, timeout=120)
            assert second.returncode == 2, second.stdout + second.stderr
            assert f"127.0.0.1:{port}" in second.stderr and "in use" in second.stderr
        assert first.poll() is None
    finally:
        stop(first)


def test_workers_die_with_a_killed_supervisor(tmp_path: Path) -> None:
    home = tmp_path / "home"
    make_home(home)
    port = free_port()
    proc = serve(home, port, 2)
    workers: list[psutil.Process] = []
    try:
        wait_ready(proc, port)
        workers = wait_workers(proc.pid, 2)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        gone, alive = psutil.wait_procs(workers, timeout=30)
        assert not alive, [p.pid for p in alive]
        # Nothing answers on the port any more, and a new server can take it.
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
    finally:
        for p in workers:
            if p.is_running():
                p.kill()
        stop(proc)


def test_a_second_server_started_while_the_first_starts_up_fails(tmp_path: Path) -> None:
    # The first one's workers are not listening yet (they load the app first): only its supervisor's
    # reservation of the port stands in the way.
    home = tmp_path / "home"
    make_home(home)
    port = free_port()
    first = serve(home, port, 2)
    try:
        assert first.stdout is not None
        # Printed just before the port is reserved; a first start also logs the audit key it created.
        lines = [first.stdout.readline() for _ in range(3)]
        assert any(b"childsafe serve:" in line for line in lines), lines
        time.sleep(0.3)
        second = subprocess.run([sys.executable, "-m", "childsafe", "serve", "--port", str(port), "--workers", "2"],
                                env=dict(os.environ, CHILDSAFE_HOME=str(home), CHILDSAFE_DB=""),
                                capture_output=True, text=True, timeout=120)
        assert second.returncode == 2 and "in use" in second.stderr, second.stdout + second.stderr
        wait_ready(first, port)
    finally:
        stop(first)
