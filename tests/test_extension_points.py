"""Chat formats, graph event kinds, face detectors and image classifiers are entry points: a plug-in
installed beside childsafe (a real ``*.dist-info`` on sys.path) is used by name, and `childsafe plugins`
lists it with every built-in."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO

import numpy as np
import pytest

from childsafe.errors import ConfigError
from childsafe.faces.detect import FACE_DETECTORS, FaceBox, FaceDetector, get_detector
from childsafe.graph.events import EVENT_BUILDERS, MessageEvent, RowError, iter_events
from childsafe.plugins import Registry
from childsafe.text.messages import Message, RecordError
from childsafe.text.readers import CHAT_FORMATS, iter_conversations
from childsafe.triage.classifiers import IMAGE_CLASSIFIERS, available_classifiers

REGISTRIES: list[Registry[object]] = [CHAT_FORMATS, EVENT_BUILDERS, FACE_DETECTORS, IMAGE_CLASSIFIERS]  # type: ignore[list-item]
ENTRY_POINTS = """\
[childsafe.chat_formats]
toy-chat = tests.test_extension_points:read_toy_chat
noisy-chat = tests.test_extension_points:read_noisy_chat
jsonl = tests.test_extension_points:read_toy_chat
[childsafe.event_kinds]
toy-messages = tests.test_extension_points:toy_message
[childsafe.face_detectors]
toy-faces = tests.test_extension_points:ToyFaceDetector
not-a-detector = tests.test_extension_points:toy_message
"""


def read_toy_chat(fh: IO[bytes]) -> Iterator[Message | RecordError]:
    """A toy export: one ``conversation|author|text`` line per message."""
    for number, raw in enumerate(fh, 1):
        parts = raw.decode("utf-8").rstrip("\n").split("|")
        if len(parts) != 3:
            yield RecordError(number, "expected conversation|author|text")
            continue
        yield Message(parts[0], parts[1], parts[2], record=number)


def read_noisy_chat(fh: IO[bytes]) -> Iterator[object]:
    yield Message("c", "a", "hello", record=1)
    yield {"not": "a message"}


def toy_message(fields: Mapping[str, object], row: int) -> MessageEvent:
    """Another export's columns (``from``, ``to``) mapped onto message events."""
    sender, recipient = fields.get("from"), fields.get("to")
    if not isinstance(sender, str) or not isinstance(recipient, str) or not sender or not recipient:
        raise ValueError("a message needs 'from' and 'to'")
    return MessageEvent(sender=sender, recipient=recipient, timestamp=None, platform="toy", row=row)


toy_message.header_needs = (("from", "to"), ())  # type: ignore[attr-defined]


class ToyFaceDetector(FaceDetector):
    name = "toy-faces"

    def __init__(self, max_side: int = 512) -> None:
        self.max_side = max_side

    def detect(self, rgb: np.ndarray) -> list[FaceBox]:
        return []


@pytest.fixture
def installed(tmp_path: Path) -> Iterator[Path]:
    dist = tmp_path / "site" / "toy_childsafe_plugins-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: toy-childsafe-plugins\nVersion: 1.0\n",
                                   encoding="utf-8")
    (dist / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")
    sys.path.insert(0, str(dist.parent))
    for registry in REGISTRIES:
        registry.reload()
    try:
        yield dist.parent
    finally:
        sys.path.remove(str(dist.parent))
        for registry in REGISTRIES:
            registry.reload()


def test_a_chat_format_plugin_is_read_by_name(installed: Path, tmp_path: Path) -> None:
    export = tmp_path / "chat.toy"
    export.write_text("c1|a|how old are you\nc1|b|13\nbroken line\nc2|a|add me on snap\n", encoding="utf-8")
    items = list(iter_conversations(export, "toy-chat"))
    errors = [i for i in items if isinstance(i, RecordError)]
    conversations = [i for i in items if not isinstance(i, RecordError)]
    assert [(cid, [m.text for m in messages]) for cid, messages in conversations] == [
        ("c1", ["how old are you", "13"]), ("c2", ["add me on snap"])]
    assert [e.record for e in errors] == [3]
    # A plug-in cannot take a built-in's name; the built-in stays.
    assert CHAT_FORMATS.entries()["jsonl"].origin == "builtin"


def test_a_chat_format_plugin_yielding_garbage_gives_a_record_error(installed: Path, tmp_path: Path) -> None:
    export = tmp_path / "chat.noisy"
    export.write_text("anything\n", encoding="utf-8")
    items = list(iter_conversations(export, "noisy-chat"))
    assert [i.message for i in items if isinstance(i, RecordError)] == [
        "chat format 'noisy-chat' yielded a dict, not a message"]
    assert [cid for cid, _messages in (i for i in items if not isinstance(i, RecordError))] == ["c"]


def test_an_unknown_chat_format_names_the_registered_ones(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="unknown chat format 'nope'.*jsonl, csv, pan12"):
        iter_conversations(tmp_path / "x", "nope")


def test_an_event_kind_plugin_maps_another_export(installed: Path, tmp_path: Path) -> None:
    export = tmp_path / "toy.csv"
    export.write_text("from,to\nu1,u2\nu3,\n", encoding="utf-8")
    events = list(iter_events(export, "toy-messages"))
    assert isinstance(events[0], MessageEvent) and (events[0].sender, events[0].recipient) == ("u1", "u2")
    assert isinstance(events[1], RowError) and "needs 'from' and 'to'" in events[1].message
    missing = tmp_path / "other.csv"
    missing.write_text("sender,recipient\nu1,u2\n", encoding="utf-8")
    (only,) = list(iter_events(missing, "toy-messages"))
    assert isinstance(only, RowError) and "lacks required column(s) from, to" in only.message  # header checked


def test_a_face_detector_plugin_is_used_by_name(installed: Path) -> None:
    detector = get_detector("toy-faces", max_side=256)
    assert isinstance(detector, ToyFaceDetector) and detector.max_side == 256
    with pytest.raises(ConfigError, match="FaceDetector subclass"):
        get_detector("not-a-detector")
    with pytest.raises(ConfigError, match="unknown face detector 'nope'.*toy-faces"):
        get_detector("nope")


def test_childsafe_plugins_lists_every_registry(installed: Path, tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "CHILDSAFE_HOME": str(tmp_path / "home"),
           "PYTHONPATH": ":".join([str(installed), *sys.path])}
    done = subprocess.run([sys.executable, "-m", "childsafe", "plugins", "--load"], capture_output=True,
                          text=True, env=env, timeout=300, check=False)
    assert done.returncode == 0, done.stderr
    records = [json.loads(line) for line in done.stdout.splitlines()]
    assert all(set(r) == {"group", "name", "object", "origin", "error"} for r in records)
    listed = {(r["group"], r["name"]): r for r in records}
    for registry in REGISTRIES:
        for name in registry.names():  # the built-ins, as this process sees them with the plug-in installed
            assert (registry.group, name) in listed
    assert listed[("childsafe.image_classifiers", "nudenet")]["origin"] == "builtin"
    assert listed[("childsafe.chat_formats", "toy-chat")] == {
        "group": "childsafe.chat_formats", "name": "toy-chat", "object": "tests.test_extension_points:read_toy_chat",
        "origin": "toy-childsafe-plugins", "error": None}
    assert listed[("childsafe.chat_formats", "jsonl")]["origin"] == "builtin"
    assert "FaceDetector subclass" in listed[("childsafe.face_detectors", "not-a-detector")]["error"]
    assert available_classifiers()["nudenet"].to_record() == {
        "name": "nudenet", "factory": "childsafe.triage.classifiers:NudeNetClassifier", "origin": "builtin"}
