"""Labelled authors for training and evaluation, read from the shared research data.

* ``pj/predators/predator_<user>.txt``: offenders' lines (positives); ``pj/officers/officer_<user>.txt``:
  the decoys' side of the same conversations (hard negatives: same topics, adults role-playing
  children).  An offender and their decoy share a ``group`` so they always land in the same split.
* ``nps_chat.zip``: NPS Chat Corpus posts grouped by user (ordinary chat), parsed with defusedxml.
* the ``chitchat-dataset`` package: ordinary two-party chat, grouped by sender.

The transcripts contain offensive predatory language: they are only ever read here, never copied.
"""

from __future__ import annotations

import importlib.resources
import json
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from defusedxml import ElementTree

from childsafe.errors import ConfigError

__all__ = ["LabelledAuthor", "load_corpora", "chitchat_conversations", "KINDS"]

KINDS = ("offender", "decoy", "ordinary")


@dataclass(frozen=True)
class LabelledAuthor:
    key: str  # unique, e.g. "pj/predators/<user>"
    group: str  # authors that must share a split (an offender and their decoy)
    label: int  # 1 = offender
    kind: str  # one of KINDS
    messages: tuple[str, ...]


def load_corpora(text_dir: Path, include_chitchat: bool = True) -> list[LabelledAuthor]:
    if not (text_dir / "pj" / "predators").is_dir():
        raise ConfigError(f"{text_dir}: expected pj/predators and pj/officers (the shared text data)")
    authors = list(_perverted_justice(text_dir / "pj"))
    if (text_dir / "nps_chat.zip").is_file():
        authors.extend(_nps(text_dir / "nps_chat.zip"))
    if include_chitchat:
        authors.extend(_chitchat())
    return [a for a in authors if a.messages]


def _perverted_justice(pj: Path) -> Iterator[LabelledAuthor]:
    for folder, prefix, label, kind in (("predators", "predator_", 1, "offender"),
                                        ("officers", "officer_", 0, "decoy")):
        for path in sorted((pj / folder).glob("*.txt")):
            user = path.stem.removeprefix(prefix)
            with open(path, encoding="utf-8", errors="replace") as fh:
                lines = tuple(line.strip() for line in fh if line.strip())
            yield LabelledAuthor(f"pj/{folder}/{user}", f"pj/{user}", label, kind, lines)


def _nps(path: Path) -> Iterator[LabelledAuthor]:
    posts: dict[str, list[str]] = defaultdict(list)
    with zipfile.ZipFile(path) as zf:
        for name in sorted(zf.namelist()):
            if not name.endswith(".xml"):
                continue
            root = ElementTree.fromstring(zf.read(name))
            for post in root.iter("Post"):
                # user names are only unique within one session file
                posts[f"{name}:{post.get('user', '')}"].append((post.text or "").strip())
    for user, texts in posts.items():
        yield LabelledAuthor(f"nps/{user}", f"nps/{user}", 0, "ordinary", tuple(t for t in texts if t))


def _chitchat() -> Iterator[LabelledAuthor]:
    by_sender: dict[str, list[str]] = defaultdict(list)
    for conversation in chitchat_conversations().values():
        for turn in conversation["messages"]:
            for message in turn:
                by_sender[str(message["sender"])].append(str(message["text"]).strip())
    for sender, texts in by_sender.items():
        yield LabelledAuthor(f"chitchat/{sender}", f"chitchat/{sender}", 0, "ordinary",
                             tuple(t for t in texts if t))


def chitchat_conversations() -> dict[str, Any]:
    """The ``chitchat-dataset`` wheel's conversations, read directly from its data file
    (its own loader leaves the file open)."""
    try:
        resource = importlib.resources.files("chitchat_dataset") / "dataset.json"
        with resource.open("r", encoding="utf-8") as fh:
            data: dict[str, Any] = json.load(fh)
    except (ModuleNotFoundError, OSError, ValueError) as exc:
        raise ConfigError(
            f"the chitchat-dataset package is missing or unreadable ({exc}); run scripts/setup.sh"
        ) from exc
    return data
