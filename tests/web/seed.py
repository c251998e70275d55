"""A store with one item of every review source, built the way the commands build it.

* media: the synthetic sample pictures and clip copied to an evidence folder, hashed and matched
  against a bank holding their own hashes (ordinary synthetic pictures, standing in for known items);
* text: a synthetic conversation scored as ``childsafe text score`` does (author risk + where it is);
* graph: a few accounts messaging each other, one labelled confirmed, so its contacts are leads.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

from childsafe.accounts import hash_password
from childsafe.matching import Matcher
from childsafe.media.hashing import hash_file
from childsafe.store.base import NewEntry, ScanRecord
from childsafe.store.graph import GraphStore
from childsafe.store.review import ReviewStore
from childsafe.store.service import ServiceStore
from childsafe.store.sql import SqlStore
from childsafe.text.readers import iter_conversations
from childsafe.text.scoring import score_stream

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "childsafe" / "samples"
PASSWORD = "correct horse battery staple"
BANK = "synthetic-known"

#: A synthetic grooming and sextortion pattern (phrases from the indicator tests), and a bystander.
CONVERSATION = [
    ("sam_k", "hey whats up"), ("jo_14", "not much, homework"), ("sam_k", "how old are you"), ("jo_14", "14"),
    ("sam_k", "you're so mature for your age"), ("sam_k", "are you home alone"), ("jo_14", "yes why"),
    ("sam_k", "this is our little secret ok"), ("sam_k", "add me on snapchat"), ("jo_14", "no"),
    ("sam_k", "send me a pic"), ("jo_14", "stop"), ("sam_k", "i will send your photos to all your friends"),
    ("sam_k", "pay me $200 by tonight"),
]
#: sender, recipient: a ring around the confirmed account ``ring_lead``.
MESSAGES = [("ring_lead", "ring_b"), ("ring_b", "ring_lead"), ("ring_lead", "ring_c"), ("ring_c", "ring_b"),
            ("ring_c", "minor_1"), ("ring_b", "minor_2"), ("other_1", "other_2")]


@dataclass
class Seeded:
    evidence: Path
    photo_key: str  # review item keys
    video_key: str
    text_key: str
    graph_keys: list[str]
    conversation: Path


def make_users(service: ServiceStore, *, password: bool = True) -> None:
    digest = hash_password(PASSWORD) if password else None
    service.create_user("rita", "reviewer", digest, actor="test")
    service.create_user("root", "admin", digest, actor="test")
    service.create_user("bot", "api-client", digest, actor="test")


def seed_store(store: SqlStore, folder: Path) -> Seeded:
    evidence = folder / "evidence"
    evidence.mkdir(parents=True, exist_ok=True)
    photo = Path(shutil.copy(SAMPLES / "forest.jpg", evidence / "forest.jpg"))
    video = Path(shutil.copy(SAMPLES / "clip.mp4", evidence / "clip.mp4"))
    other = Path(shutil.copy(SAMPLES / "harbour.jpg", evidence / "harbour.jpg"))
    hashed = {p: hash_file(p) for p in (photo, video, other)}
    store.create_bank(BANK)
    pdq = hashed[photo].pdq
    assert pdq is not None
    entries = [NewEntry("pdq", pdq.hash, label="synthetic-1"), NewEntry("video_md5", str(hashed[video].video_md5),
                                                                         label="synthetic-2")]
    store.add_entries(BANK, entries)
    matcher = Matcher(store)
    scan_id = store.start_scan(str(evidence))
    records = []
    for path, hashes in hashed.items():
        record = hashes.to_record()
        record.update(matcher.match_file(hashes).to_record())
        st = path.stat()
        records.append(ScanRecord(str(path), st.st_size, st.st_mtime_ns, record))
    store.save_scan_records(scan_id, records)
    store.finish_scan(scan_id, {"files": len(records)})

    service = ServiceStore(store)
    reviews = ReviewStore(service)
    graph = GraphStore(store)
    conversation = folder / "chat.jsonl"
    conversation.write_text("".join(json.dumps({"conversation_id": "c-1", "author": a, "text": t}) + "\n"
                                    for a, t in CONVERSATION), encoding="utf-8")
    for result in score_stream(iter_conversations(conversation)):
        assert not isinstance(result, Exception) and hasattr(result, "authors")
        for author in result.authors.values():  # what `childsafe text score` does
            graph.save_author_risk(author.author, author.risk, author.alert_at is not None,
                                   {f.category for f in author.findings})
            if author.alert_at is not None or author.risk >= 0.5:
                reviews.note_conversation(author.author, str(conversation), result.conversation_id, author.risk)

    events = folder / "messages.csv"
    events.write_text("sender,recipient,timestamp\n" + "".join(
        f"{s},{r},2024-01-0{i + 1}T10:00:00Z\n" for i, (s, r) in enumerate(MESSAGES)), encoding="utf-8")
    graph.ingest_file(events)
    graph.add_label("ring_lead", "confirmed", reason="synthetic seed", source="test")
    return Seeded(evidence, f"media:{photo}", f"media:{video}", "text:sam_k",
                  ["graph:ring_b", "graph:ring_c"], conversation)
