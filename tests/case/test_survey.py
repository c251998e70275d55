"""What the survey of a case's added paths makes of each file: media, chat exports, event files and
unknown files told by content (never by name), archives' chats copied out, and per-item errors."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from childsafe.case import inputs as case_inputs
from childsafe.case.inputs import classify_file, survey
from childsafe.case.run import distinct_roots
from childsafe.samples import SAMPLES_DIR
from tests.case.mixed import CASE_SAMPLES, WHATSAPP

CHAT_JSONL = json.dumps({"conversation_id": "c1", "author": "a", "text": "how old are you"}) + "\n"
EVENTS_JSONL = json.dumps({"sender": "a", "recipient": "b", "timestamp": "2024-01-01T00:00:00"}) + "\n"


@pytest.mark.parametrize(("name", "content", "kind", "fmt"), [
    ("photo.dat", (SAMPLES_DIR / "harbour.jpg").read_bytes(), "media", None),
    ("clip.bin", (SAMPLES_DIR / "clip.mp4").read_bytes(), "media", None),
    ("chat.txt", (CASE_SAMPLES / WHATSAPP).read_bytes(), "chat", "whatsapp"),
    ("export.dat", (CASE_SAMPLES / "result.json").read_bytes(), "chat", "telegram"),
    ("a.jsonl", CHAT_JSONL.encode(), "chat", "jsonl"),
    ("b.jsonl", EVENTS_JSONL.encode(), "events", "messages"),
    ("chat.csv", b"conversation_id,author,text\nc1,a,hello\n", "chat", "csv"),
    ("posts.txt", (CASE_SAMPLES / "posts.csv").read_bytes(), "events", "media"),
    ("accounts.csv", (CASE_SAMPLES / "accounts.csv").read_bytes(), "events", "accounts"),
    ("notes.json", b'{"settings": {"volume": 3}}\n', "unknown", None),
    ("empty.txt", b"", "unknown", None),
    ("random.bin", bytes(range(256)) * 4, "unknown", None),
])
def test_files_are_told_by_content(tmp_path: Path, name: str, content: bytes, kind: str, fmt: str | None) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert classify_file(path)[:2] == (kind, fmt)


def test_a_forced_kind_is_taken_and_an_unknown_one_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_text("anything\n", encoding="utf-8")
    assert classify_file(path, "whatsapp")[:2] == ("chat", "whatsapp")
    assert classify_file(path, "identifiers")[:2] == ("events", "identifiers")
    photo = tmp_path / "photo.jpg"
    photo.write_bytes((SAMPLES_DIR / "harbour.jpg").read_bytes())
    assert classify_file(photo, "whatsapp")[:2] == ("media", None)  # a photo stays media
    from childsafe.errors import ConfigError

    with pytest.raises(ConfigError):
        classify_file(path, "fax")


def test_survey_reads_archives_copies_their_chats_and_reports_bad_items(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "case"
    folder.mkdir()
    with zipfile.ZipFile(folder / "phone.zip", "w") as zf:
        zf.write(SAMPLES_DIR / "forest.jpg", "DCIM/forest.jpg")
        zf.write(CASE_SAMPLES / WHATSAPP, f"chats/{WHATSAPP}")
        zf.writestr("chats/big.jsonl", CHAT_JSONL * 400)
        zf.writestr("readme.txt", "nothing\n")
    (folder / "big.jsonl").write_text(CHAT_JSONL * 400, encoding="utf-8")
    monkeypatch.setattr(case_inputs, "MAX_CHAT_BYTES", 4096)
    work = tmp_path / "work"
    items = {Path(i.path).name if "!/" not in i.path else i.path.split("!/", 1)[1]: i
             for i in survey([folder, tmp_path / "vanished"], work)}
    chat = items[f"chats/{WHATSAPP}"]
    assert chat.kind == "chat" and chat.fmt == "whatsapp" and chat.local is not None
    assert chat.local.parent == work and chat.local.name != WHATSAPP  # a numbered private copy
    assert chat.local.read_bytes() == (CASE_SAMPLES / WHATSAPP).read_bytes()
    assert items["phone.zip"].kind == "media" and "DCIM/forest.jpg" not in items  # the scan's
    assert items["readme.txt"].kind == "unknown"
    assert items["chats/big.jsonl"].kind == "error" and "limit" in (items["chats/big.jsonl"].note or "")
    assert items["big.jsonl"].kind == "error" and "limit" in (items["big.jsonl"].note or "")
    assert items["vanished"].kind == "error" and "vanished" in (items["vanished"].note or "")


def test_paths_inside_another_added_folder_are_walked_with_it(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert distinct_roots([tmp_path / "a" / "b", tmp_path / "a", tmp_path / "a", tmp_path / "c"]) == [
        tmp_path / "a", tmp_path / "c"]
