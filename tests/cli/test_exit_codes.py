"""The CLI says what the README's exit-code table says, and its JSON lines stay whole on a terminal."""

from __future__ import annotations

import hashlib
import json
import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tests.cli_runner import Cli

from childsafe.text.model import MODEL_DIR

ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def test_hash_of_a_missing_file_exits_2_after_hashing_the_others(cli: Cli, picture_file, tmp_path: Path) -> None:
    photo = picture_file("a.jpg")
    proc = cli.run("hash", str(tmp_path / "nowhere.jpg"), check=2)
    assert "no such file" in proc.stderr and json.loads(proc.stdout)["error"]
    proc = cli.run("hash", str(photo), str(tmp_path / "nowhere.jpg"), check=2)
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert lines[0]["error"] is None and len(lines[0]["sha256"]) == 64
    assert "not a file" in cli.run("hash", str(tmp_path), check=2).stderr  # a folder is not a file either
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 truncated")
    assert json.loads(cli.run("hash", str(broken)).stdout)["error"]  # an item's failure is on its line


def test_bank_add_with_a_pattern_that_matched_nothing_exits_2_and_adds_nothing(
        cli: Cli, picture_file, tmp_path: Path) -> None:
    photo = picture_file("a.jpg")
    cli.run("bank", "create", "known")
    proc = cli.run("bank", "add", "known", str(tmp_path / "confirmed" / "*.jpg"), check=2)
    assert "no such file" in proc.stderr and "pattern" in proc.stderr and proc.stdout == ""
    assert cli.run("bank", "add", "known", str(photo), str(tmp_path / "gone.jpg"), check=2).stdout == ""
    assert cli.json_lines("bank", "list")[0]["entries"] == 0
    assert cli.json_lines("bank", "add", "known", str(photo))[0]["added"] == 4


def test_an_unknown_format_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    cli.run("bank", "create", "known")
    hash_list = tmp_path / "list.csv"
    hash_list.write_text("signal_type,signal\n")
    for args in (("bank", "import", "known", str(hash_list), "--format", "csvv"),
                 ("bank", "export", "known", "--format", "csvv")):
        proc = cli.run(*args, check=2)
        assert "unknown hash-list format 'csvv'" in proc.stderr and proc.stdout == ""
    assert cli.run("bank", "import", "known", str(hash_list), "--format", "CSV").returncode == 0


def test_faces_detect_of_a_missing_file_exits_2(cli: Cli, tmp_path: Path) -> None:
    proc = cli.run("faces", "detect", str(tmp_path / "nowhere.jpg"), check=2)
    assert json.loads(proc.stdout)["error"] and "no such file" in proc.stderr


def _package_model() -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(MODEL_DIR.glob("author_model*"))}


@pytest.mark.slow
def test_text_train_writes_to_the_home_not_the_package(cli: Cli, tmp_path: Path) -> None:
    from tests.text.test_training import _write_corpus

    shipped = _package_model()
    assert shipped  # the package ships a model
    data = _write_corpus(tmp_path / "data", n=10)
    proc = cli.run("text", "train", "--data", str(data), "--no-chitchat", "--seed", "3")
    target = cli.home / "text-model"
    assert {p.name for p in target.iterdir()} == set(shipped) and str(target) in proc.stderr
    assert _package_model() == shipped
    assert "test_metrics" in json.loads(proc.stdout)


def _run_in_pty(args: list[str], env: dict[str, str], *, stdout_tty: bool) -> tuple[str, str]:
    """Run the CLI with stderr (and stdout if asked) on a pseudo-terminal: (terminal text, piped stdout)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "childsafe", *args], stdin=subprocess.DEVNULL,
                            stdout=slave if stdout_tty else subprocess.PIPE, stderr=slave, env=env)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    piped = ""
    if proc.stdout is not None:
        with proc.stdout:
            piped = proc.stdout.read().decode()
    assert proc.wait(timeout=120) == 0
    os.close(master)
    return ANSI.sub("", b"".join(chunks).decode("utf-8", "replace")), piped


def test_json_lines_are_never_wrapped_on_a_terminal(picture_file, tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    for seed in range(3):
        picture_file(f"photos/p{seed}.jpg", seed=seed)
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(CHILDSAFE_HOME=str(tmp_path / "home"), TERM="xterm")
    screen, _ = _run_in_pty(["scan", str(folder), "--workers", "1"], env, stdout_tty=True)
    records = [line for line in screen.replace("\r", "\n").split("\n") if '"sha256"' in line]
    assert len(records) == 3
    for line in records:  # whole lines, longer than the 80 columns a pty reports by default
        line = line[line.index("{"):]
        assert len(line) > 80 and json.loads(line)["content_type"] == "photo"
    # stdout piped, stderr on the terminal (the progress display): the report stays on stdout.
    env["CHILDSAFE_HOME"] = str(tmp_path / "home2")
    screen, piped = _run_in_pty(["scan", str(folder), "--workers", "1"], env, stdout_tty=False)
    lines = [json.loads(line) for line in piped.splitlines()]
    assert len(lines) == 4 and lines[-1]["summary"] and '"sha256"' not in screen


def test_graph_ingest_error_lines_are_never_wrapped_on_a_terminal(tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text("sender,recipient,timestamp\na,b,1\nc,d,not-a-time-" + "x" * 90 + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env.update(CHILDSAFE_HOME=str(tmp_path / "home"), TERM="xterm")
    screen, _ = _run_in_pty(["graph", "ingest", str(events)], env, stdout_tty=True)
    lines = [line[line.index("{"):] for line in screen.replace("\r", "\n").split("\n") if '{"path"' in line]
    parsed = [json.loads(line) for line in lines]  # each a whole line, though longer than 80 columns
    assert [p.get("row") for p in parsed] == [3, None] and len(lines[0]) > 80


def test_an_output_path_that_cannot_be_written_is_a_usage_error(cli: Cli, tmp_path: Path) -> None:
    cli.run("bank", "create", "known")
    nowhere = tmp_path / "no" / "such" / "folder"
    for args in (("bank", "export", "known", "-o", str(nowhere / "list.txt")),
                 ("graph", "export", "--format", "json", "-o", str(nowhere / "graph.json"))):
        proc = cli.run(*args, check=2)
        assert "No such file or directory" in proc.stderr and "Traceback" not in proc.stderr
