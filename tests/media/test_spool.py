"""Issue 10: media copied to disk live in one private folder per process, gone after any exit."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import psutil
import pytest

from childsafe.media import spool

# A process that spools a "video" through the real hashing path, then stops inside the copy
# (its stream blocks), so it can be ended in every way while the media is on disk.
_SPOOLING = textwrap.dedent("""
    import io, sys, time
    from childsafe.media.hashing import hash_stream
    from childsafe.media.spool import start_spool

    start_spool(sys.argv[1])
    HEAD = b"\\x00\\x00\\x00\\x18ftypisom" + bytes(600)

    class Slow(io.RawIOBase):
        def __init__(self):
            self.sent = 0
        def readable(self):
            return True
        def read(self, size=-1):
            if self.sent == 0:
                self.sent = 1
                return HEAD
            if self.sent == 1:
                self.sent = 2
                return b"private media bytes" * 10000
            print("spooled", flush=True)
            if sys.argv[2] == "raise":
                raise RuntimeError("boom")
            if sys.argv[2] == "exit":
                sys.exit(0)
            time.sleep(600)

    hash_stream(Slow(), "upload.mp4")
""")


def start_spooling(base: Path, mode: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", _SPOOLING, str(base), mode], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "spooled"
    return proc


def finish(proc: subprocess.Popen[str], kill: bool = True) -> int:
    if kill and proc.poll() is None:
        proc.kill()
    code = proc.wait(timeout=60)
    if proc.stdout is not None:
        proc.stdout.close()
    return code


def spooled_files(base: Path) -> list[Path]:
    return [p for p in base.rglob("*") if p.is_file() and p.name != "owner"] if base.exists() else []


def test_a_spool_file_is_private_and_named_by_its_process(tmp_path: Path) -> None:
    base = tmp_path / "spool"
    proc = start_spooling(base, "block")
    try:
        folders = list(base.iterdir())
        assert [f.name.split("-")[0] for f in folders] == [str(proc.pid)]
        assert stat.S_IMODE(base.stat().st_mode) == 0o700
        assert stat.S_IMODE(folders[0].stat().st_mode) == 0o700
        [media] = spooled_files(base)
        assert b"private media bytes" in media.read_bytes()
    finally:
        finish(proc)


@pytest.mark.parametrize("ending", ["exit", "raise", signal.SIGTERM, signal.SIGINT])
def test_every_exit_path_removes_the_folder(tmp_path: Path, ending: str | signal.Signals) -> None:
    base = tmp_path / "spool"
    proc = start_spooling(base, ending if isinstance(ending, str) else "block")
    if not isinstance(ending, str):
        assert spooled_files(base)
        proc.send_signal(ending)
    finish(proc, kill=False)
    assert list(base.iterdir()) == []


def test_kill_9_leaves_the_copy_until_the_next_start_removes_it(tmp_path: Path) -> None:
    base = tmp_path / "spool"
    proc = start_spooling(base, "block")
    finish(proc)  # SIGKILL: nothing in the process can run
    assert spooled_files(base), "the copy survives a kill -9: the next start must remove it"
    # The next start of any childsafe process: here a second process calling start_spool.
    subprocess.run([sys.executable, "-c", "import sys; from childsafe.media.spool import start_spool; "
                    "start_spool(sys.argv[1])", str(base)], check=True)
    assert list(base.iterdir()) == []


def test_clean_up_spares_living_processes(tmp_path: Path) -> None:
    base = tmp_path / "spool"
    proc = start_spooling(base, "block")
    try:
        assert spool.clean_stale_spools(base) == spool.SpoolCleanup(0, 0)
        assert spooled_files(base)
    finally:
        finish(proc)
    assert spool.clean_stale_spools(base) == spool.SpoolCleanup(removed=1, orphans_killed=0)


def test_an_orphan_helper_is_killed_even_if_it_ignores_sigterm(tmp_path: Path) -> None:
    base = tmp_path / "spool"
    owner = subprocess.Popen([sys.executable, "-c", "pass"])
    owner.wait()
    dead_owner = (owner.pid, time.time() - 5)
    script = textwrap.dedent(f"""
        import signal, sys, time
        from childsafe.media import spool
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        spool.configure_spool(sys.argv[1], {dead_owner!r})
        spool.process_spool_dir()
        print("ready", flush=True)
        time.sleep(600)
    """)
    helper = subprocess.Popen([sys.executable, "-c", script, str(base)], stdout=subprocess.PIPE, text=True)
    assert helper.stdout is not None and helper.stdout.readline().strip() == "ready"
    try:
        assert spool.clean_stale_spools(base) == spool.SpoolCleanup(removed=1, orphans_killed=1)
        # (clean_stale_spools waited for it, reaping it since it is our child: only check it is gone)
        finish(helper, kill=False)
        assert not psutil.pid_exists(helper.pid)
        assert list(base.iterdir()) == []
    finally:
        finish(helper)


def test_a_folder_of_a_reused_pid_is_stale(tmp_path: Path) -> None:
    base = tmp_path / "spool"
    base.mkdir(mode=0o700)
    # Our own pid, but a start time that is not ours: the process that made it is gone.
    stale = base / f"{os.getpid()}-{psutil.Process().create_time() - 3600:.2f}"
    stale.mkdir()
    (stale / "media-x.video").write_bytes(b"left over")
    assert spool.clean_stale_spools(base).removed == 1
    assert not stale.exists()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.skipif(__import__("shutil").which("ffmpeg") is None, reason="ffmpeg not installed")
def test_kill_9_of_the_server_during_an_upload_leaves_nothing_after_the_next_start(tmp_path: Path) -> None:
    import threading

    import httpx

    from childsafe.accounts import issue_token
    from childsafe.config import load_settings
    from childsafe.store import open_store
    from childsafe.store.service import ServiceStore

    home = tmp_path / "home"
    home.mkdir()
    store = open_store(load_settings({"home": home}, {}).db_url)
    service = ServiceStore(store)
    service.create_user("client", "api-client", None, actor="test")
    _, token = issue_token(service, "client", actor="test")
    store.close()
    video = tmp_path / "v.mp4"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=480x360:rate=25",
                    "-t", "20", "-pix_fmt", "yuv420p", "-c:v", "libx264", "-preset", "ultrafast", str(video)],
                   check=True)
    port = _free_port()
    env = dict(os.environ, CHILDSAFE_HOME=str(home))
    server = subprocess.Popen([sys.executable, "-m", "childsafe", "serve", "--port", str(port), "--workers", "1",
                               "--no-access-log"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    spool_dir = home / "spool"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/status", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.2)

        def upload() -> None:
            with contextlib.suppress(httpx.HTTPError):
                httpx.post(f"http://127.0.0.1:{port}/h/hash", headers={"Authorization": f"Bearer {token}"},
                           files={"video": ("clip.mp4", video.read_bytes(), "video/mp4")}, timeout=120)

        client = threading.Thread(target=upload)
        client.start()
        while time.monotonic() < deadline and not spooled_files(spool_dir):
            time.sleep(0.01)
        assert spooled_files(spool_dir), "the upload should be spooled while it is hashed"
        server.kill()
        server.wait()
        client.join()
        assert spooled_files(spool_dir)  # kill -9: nothing in the server could remove it
        subprocess.run([sys.executable, "-m", "childsafe", "bank", "list"], env=env, check=True,
                       capture_output=True)  # the next start
        assert spooled_files(spool_dir) == [] and list(spool_dir.iterdir()) == []
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")
def test_a_nested_zip_spills_into_the_private_folder_unnamed(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import io
    import random
    import zipfile

    from childsafe.media.archives import ArchiveMember, iter_archive

    monkeypatch.setattr(spool, "_base", tmp_path / "spool")
    monkeypatch.setattr(spool, "_dir", None)
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("big.bin", random.Random(1).randbytes(9 * 1024**2))  # over the 8 MiB kept in memory
    outer = tmp_path / "outer.zip"
    with zipfile.ZipFile(outer, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("inner.zip", inner.getvalue())
    try:
        for item in iter_archive(outer, "outer.zip"):
            assert isinstance(item, ArchiveMember)
            folder = spool.process_spool_dir()
            targets = [os.readlink(f"/proc/self/fd/{fd}") for fd in os.listdir("/proc/self/fd")
                       if os.path.exists(f"/proc/self/fd/{fd}")]
            assert any(t.startswith(str(folder)) and t.endswith("(deleted)") for t in targets), targets
            assert list(folder.iterdir()) == []  # unnamed: nothing to find, nothing to leave
    finally:
        spool.remove_process_spool()
