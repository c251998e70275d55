"""The case benchmark's generator at small scale: every part reads back with the project's own readers."""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from childsafe.faces import detect_faces
from childsafe.graph.events import MessageEvent, RowError, iter_events
from childsafe.media.hashing import hash_bytes
from childsafe.text.messages import Message
from childsafe.text.readers import iter_messages

pytest.importorskip("skimage")

from childsafe.testing.benchcase import KNOWN_EDITS, BenchCaseSpec, generate  # noqa: E402
from childsafe.testing.benchcase_text import write_chats  # noqa: E402
from childsafe.testing.face_photos import FACE_NAMES  # noqa: E402

SPEC = replace(BenchCaseSpec(min_mp=0.5, max_mp=0.8, workers=1).scaled(0.004), known_share=0.25, face_share=0.2)


@pytest.fixture(scope="module")
def case(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("benchcase")
    return out, generate(out, SPEC)


def test_the_counts_asked_for(case) -> None:
    out, truth = case
    photos = sorted((out / "evidence" / "photos").rglob("*.jpg"))
    assert len(photos) == SPEC.photos == truth["photos"] == 20
    for p in photos[:5]:
        with Image.open(p) as im:
            assert 0.5e6 * 0.98 <= im.width * im.height <= 0.8e6 * 1.02 or im.size == (1632, 1224)  # exact copies
    assert len(list((out / "evidence" / "videos").glob("*.mp4"))) == SPEC.videos
    assert truth["known"] and truth["faces"]


def test_planted_known_items_match_the_bank(case) -> None:
    out, truth = case
    bank = {r["label"] for r in truth["bank"]}
    lines = (out / "bank.csv").read_text().splitlines()
    assert lines[0] == "signal_type,signal,label,source" and len(lines) == 1 + 2 * SPEC.originals
    for item in truth["known"]:
        data = (out / "evidence" / item["path"]).read_bytes()
        entry = truth["bank"][item["original"]] if "original" in item else None
        assert entry is not None and item["label"] in bank
        if item["edit"] == "exact":
            assert hashlib.sha256(data).hexdigest() == entry["sha256"]
        pdq = hash_bytes(data, item["path"]).pdq.hash  # as the scan hashes it
        distance = bin(int(pdq, 16) ^ int(entry["pdq"], 16)).count("1")
        assert distance <= 31, (item, distance)


def test_only_the_planted_items_are_near_the_bank(case) -> None:
    out, truth = case
    assert {k["edit"] for k in truth["known"]} == set(KNOWN_EDITS)
    planted = {k["path"] for k in truth["known"]}
    bank = [int(b["pdq"], 16) for b in truth["bank"]]
    for path in sorted((out / "evidence" / "photos").rglob("*.jpg")):
        name = path.relative_to(out / "evidence").as_posix()
        if name in planted:
            continue
        pdq = int(hash_bytes(path.read_bytes(), name).pdq.hash, 16)
        assert min(bin(pdq ^ b).count("1") for b in bank) > 31, name  # no plain photo repeats an original


def test_face_photos_show_a_detectable_face(case) -> None:
    out, truth = case
    assert set(truth["faces"].values()) <= set(FACE_NAMES)
    for path in list(truth["faces"])[:3]:
        assert len(detect_faces(out / "evidence" / path).faces) >= 1, path
    posted: dict[str, set[str]] = {}
    for line in (out / "evidence" / "events" / "media.csv").read_text().splitlines()[1:]:
        account, sha, _ = line.split(",")
        posted.setdefault(sha, set()).add(account)
    for path, who in truth["faces"].items():
        sha = hashlib.sha256((out / "evidence" / path).read_bytes()).hexdigest()
        assert posted[sha] and posted[sha] <= set(truth["face_sharers"][who])
    astronaut = sorted(p for p, who in truth["faces"].items() if who == "astronaut")
    assert len(truth["face_sharers"]["astronaut"]) == min(3, len(astronaut))  # the same child across accounts


def test_chats_read_back_in_every_format(case) -> None:
    out, truth = case
    chats = out / "evidence" / "chats"
    formats = {p.name for p in chats.iterdir()}
    assert formats == {"whatsapp", "telegram", "discord", "instagram"}
    messages = errors = 0
    for path in sorted(p for p in chats.rglob("*") if p.is_file()):
        for item in iter_messages(path):
            messages += isinstance(item, Message)
            errors += not isinstance(item, Message)
    assert errors == 0 and messages == truth["chats"]["messages"] >= SPEC.messages * 0.99
    assert truth["chats"]["grooming"] and truth["chats"]["suspects"]


def test_account_events_read_back(case) -> None:
    out, truth = case
    rows = {}
    contacts = 0
    for path in sorted((out / "evidence" / "events").glob("*.csv")):
        items = list(iter_events(path))
        assert not [i for i in items if isinstance(i, RowError)], path
        rows[path.stem] = len(items)
        contacts += sum(1 for i in items if isinstance(i, MessageEvent) and i.sender in truth["traders"]
                        and i.recipient in truth["trader_children"])
    assert truth["trader_children"] and contacts == 10 * len(truth["trader_children"])  # traders write to children
    assert rows == truth["events"] and sum(rows.values()) >= SPEC.events
    assert json.loads((out / "truth.json").read_text())["events"] == rows


def test_planted_conversations_come_in_every_format_with_their_attachments(tmp_path: Path) -> None:
    faces = [f"IMG_{i:06d}.jpg" for i in range(40)]
    truth = write_chats(tmp_path, 1600, random.Random(1), faces, per_conversation=100, grooming_share=0.25)
    assert sorted(Path(p).parts[0] for p in truth.grooming) == ["discord", "instagram", "telegram", "whatsapp"]
    attached: dict[str, set[str]] = {}
    for path in sorted(p for p in tmp_path.rglob("*") if p.is_file()):
        for m in iter_messages(path):
            if isinstance(m, Message):
                attached.setdefault(m.author, set()).update(Path(a).name for a in m.attachments)
    for account, names in truth.attached.items():
        assert set(names) <= attached[account]  # the export names the file its adult sent, under the adult
