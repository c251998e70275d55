"""The conversation view: re-score a stored conversation on demand and mark its indicator messages.

The store keeps no message text, only where ``childsafe text score`` saw the conversation (path and
id).  Opening it reads that file again with the same readers, scores it with the same model and
detector, and marks every message where an indicator fired: findings carry the index of the message
among its author's messages, which is mapped back to the position in the conversation.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from childsafe.errors import ChildsafeError
from childsafe.store.review import ConversationRef
from childsafe.text.messages import Message, RecordError
from childsafe.text.readers import iter_conversations
from childsafe.text.scoring import Finding, score_conversation

__all__ = ["ConversationView", "ShownMessage", "rescore"]

MAX_SHOWN_MESSAGES: Final = 2_000


@dataclass
class ShownMessage:
    position: int  # 1-based, in the conversation
    author: str
    text: str
    timestamp: str | None
    findings: list[Finding] = field(default_factory=list)


@dataclass
class ConversationView:
    ref: ConversationRef
    messages: list[ShownMessage] = field(default_factory=list)
    authors: list[dict[str, Any]] = field(default_factory=list)  # AuthorRisk records, riskiest first
    labels: list[dict[str, Any]] = field(default_factory=list)  # taxonomy labels with their evidence
    languages: list[str] = field(default_factory=list)
    truncated: bool = False
    error: str | None = None

    @property
    def flagged(self) -> int:
        return sum(1 for m in self.messages if m.findings)


def rescore(ref: ConversationRef, max_messages: int = MAX_SHOWN_MESSAGES) -> ConversationView:
    view = ConversationView(ref)
    path = Path(ref.path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            view.error = "the conversation file is no longer a regular file"
            return view
    except OSError:
        view.error = "the conversation file is gone: it was moved or deleted after it was scored"
        return view
    messages: list[Message] = []
    try:
        for chunk in iter_conversations(path):
            if isinstance(chunk, RecordError) or chunk[0] != ref.conversation_id:
                continue
            room = max_messages - len(messages)
            messages.extend(chunk[1][:room])
            view.truncated = view.truncated or len(chunk[1]) > room
    except (ChildsafeError, OSError) as exc:
        view.error = f"the conversation file cannot be read: {exc}"
        return view
    if not messages:
        view.error = f"conversation {ref.conversation_id!r} is no longer in the file"
        return view
    risk = score_conversation(messages)
    by_author: dict[tuple[str, int], list[Finding]] = {}
    for author in risk.authors.values():
        for f in author.findings:
            by_author.setdefault((author.author, f.message_index), []).append(f)
    seen: dict[str, int] = {}
    for position, m in enumerate(messages, start=1):
        index = seen.get(m.author, 0)
        seen[m.author] = index + 1
        findings = by_author.get((m.author, index), [])
        view.messages.append(ShownMessage(position, m.author, m.text, m.timestamp, findings))
    record = risk.to_record()  # roles and labels are assigned when the conversation is finished
    view.authors, view.labels, view.languages = record["authors"], record["labels"], record["languages"]
    return view
