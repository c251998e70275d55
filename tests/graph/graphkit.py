"""Helpers of the network tests: hand-built networks, small event files, hashes, the planted bank."""

from __future__ import annotations

import csv
import hashlib
import itertools
import json
import shutil
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from childsafe.graph.network import NO_TIME, Network
from childsafe.graph.synthetic import PlatformSpec, PlatformTruth
from childsafe.store.base import NewEntry
from childsafe.store.sql import SqlStore

#: A small platform: 2,000 ordinary accounts, 10 hubs, 6 rings of 5 offender persons (1-3 accounts each).
SPEC = PlatformSpec(accounts=2_000, public_ip_users=120, viral_sharers=60, hub_fraction=0.005)
EVENT_KINDS = ("accounts", "identifiers", "media", "messages")

Message = tuple[str, str, int, str]  # sender, recipient, Unix seconds (NO_TIME if unknown), platform
Identifier = tuple[str, str, str]  # account, kind (ending in _hmac when hashed), value
Post = tuple[str, str, str, int]  # account, sha256 ('' if none), pdq ('' if none), Unix seconds


def make_network(ages: dict[str, int | None], messages: Sequence[Message] = (),
                 identifiers: Sequence[Identifier] = (), posts: Sequence[Post] = ()) -> Network:
    """A :class:`Network` built directly from tuples; accounts are numbered in the order of ``ages``."""
    accounts = list(ages)
    index = {name: i for i, name in enumerate(accounts)}
    platforms = sorted({m[3] for m in messages})
    idents: dict[tuple[str, str, bool], int] = {}
    for _, kind, value in identifiers:
        idents.setdefault((kind.removesuffix("_hmac"), value, kind.endswith("_hmac")), len(idents))
    media: dict[tuple[str, str], int] = {}
    for _, sha, pdq, _ in posts:
        media.setdefault((sha, pdq), len(media))

    def ints(values: Iterable[int], dtype: Any) -> np.ndarray:
        return np.asarray(list(values), dtype)

    return Network(
        accounts=accounts,
        declared_age=np.asarray([np.nan if a is None else a for a in ages.values()], np.float32),
        created_at=np.full(len(accounts), NO_TIME, np.int64),
        msg_sender=ints((index[m[0]] for m in messages), np.int32),
        msg_recipient=ints((index[m[1]] for m in messages), np.int32),
        msg_ts=ints((m[2] for m in messages), np.int64),
        msg_platform=ints((platforms.index(m[3]) for m in messages), np.int16),
        platforms=platforms,
        ident_kind=[k for k, _, _ in idents],
        ident_value=[v for _, v, _ in idents],
        ident_hashed=np.asarray([h for _, _, h in idents], bool),
        uses_account=ints((index[a] for a, _, _ in identifiers), np.int32),
        uses_identifier=ints((idents[(k.removesuffix("_hmac"), v, k.endswith("_hmac"))] for _, k, v in identifiers),
                             np.int32),
        media_sha256=[s for s, _ in media],
        media_pdq=[p for _, p in media],
        post_account=ints((index[p[0]] for p in posts), np.int32),
        post_media=ints((media[(p[1], p[2])] for p in posts), np.int32),
        post_ts=ints((p[3] for p in posts), np.int64),
    )


def write_csv(path: Path, header: Sequence[str], rows: Iterable[Sequence[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def sha_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def pdq_of(seed: int) -> str:
    return np.random.default_rng(seed).bytes(32).hex()


def flip_bits(hex64: str, bits: Sequence[int]) -> str:
    value = int(hex64, 16)
    for bit in bits:
        value ^= 1 << bit
    return f"{value:064x}"


@dataclass(frozen=True)
class Platform:
    """A generated platform and a store file holding its four ingested event files and nothing else."""

    truth: PlatformTruth
    db: Path

    def copy_store(self, folder: Path) -> SqlStore:
        """A store of its own, on a copy of the database file."""
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / "childsafe.sqlite3"
        shutil.copyfile(self.db, target)
        return SqlStore(f"sqlite:///{target}")


def add_known_media_bank(store: SqlStore, truth: PlatformTruth, name: str = "known") -> None:
    """A hash list of the planted known-abuse items: each item's SHA-256 and base PDQ under one label."""
    store.create_bank(name)
    entries = []
    for i, item in enumerate(truth.known_abuse_media):
        entries.append(NewEntry("sha256", item.sha256, label=f"item-{i}", source="synthetic"))
        entries.append(NewEntry("pdq", item.pdq, label=f"item-{i}", source="synthetic"))
    assert store.add_entries(name, entries) == len(entries)


def same_person_pairs(persons: Iterable[Iterable[str]]) -> set[tuple[str, ...]]:
    """Every pair of accounts that belong to one person (each pair sorted)."""
    return {tuple(sorted(pair)) for person in persons for pair in itertools.combinations(person, 2)}


def f1(predicted: set[tuple[str, ...]], truth: set[tuple[str, ...]]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1."""
    tp = len(predicted & truth)
    precision = tp / len(predicted) if predicted else 0.0
    recall = tp / len(truth) if truth else 0.0
    return precision, recall, (2 * precision * recall / (precision + recall) if tp else 0.0)
