"""The benchmark case's conversations and account events (see :mod:`childsafe.testing.benchcase`).

Chats are written in the exports people hand over (WhatsApp "Export chat" text, Telegram Desktop
JSON, DiscordChatExporter JSON, Instagram "Download your information" JSON), each conversation
between two participants.  A few conversations are planted grooming patterns made of short,
synthetic, non-explicit phrases; in some, the adult attaches one of the case's face photos by its
file name (so the case run can join the file to its sender).  Account events are CSV files of the
kinds ``graph ingest`` reads: messages, identifiers, shared media and accounts.
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

__all__ = ["CHAT_FORMATS", "ChatTruth", "trader_children", "write_chats", "write_events"]

CHAT_FORMATS: Final = ("whatsapp", "telegram", "discord", "instagram")
START: Final = datetime(2024, 1, 1, 8, 0, tzinfo=UTC)

_ORDINARY: Final = (
    "did you finish the homework", "see you at practice tomorrow", "lol that was so funny", "what time is the game",
    "my mum is making pasta tonight", "can you send me the notes", "the bus was late again", "have a good weekend",
    "i liked that new song", "are you going to the party on saturday", "the teacher gave us a quiz", "ok talk later",
    "happy birthday!!", "where did you buy those shoes", "my phone is almost dead", "we won the match",
    "that movie was boring", "do you want to play later", "thanks for the help", "good morning",
)
#: Planted pattern: short, synthetic, non-explicit phrases of the kind grooming indicators look for.
_GROOMING: Final = (
    "how old are you", "you seem really mature for your age", "don't tell your mom about us",
    "add me on snap", "are you home alone", "this is our little secret", "you can trust me",
    "delete our messages ok", "i can buy you a gift card",
)


@dataclass
class ChatTruth:
    """What the chats plant: conversations with the grooming pattern, their adults and children, and
    which face photos each adult attached."""

    grooming: list[str] = field(default_factory=list)
    suspects: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)
    attached: dict[str, list[str]] = field(default_factory=dict)
    messages: int = 0
    files: int = 0


@dataclass(frozen=True)
class _Line:
    at: datetime
    author: int  # 0 or 1: which participant
    text: str
    attachment: str | None = None


def _conversation(rng: random.Random, n: int, start: datetime, groom: bool, attach: Sequence[str]) -> list[_Line]:
    lines: list[_Line] = []
    at = start
    pending = list(attach)
    for i in range(n):
        at += timedelta(seconds=rng.randint(20, 4000))
        author = i % 2 if rng.random() < 0.8 else rng.randint(0, 1)
        if groom and author == 0 and rng.random() < 0.25:
            text = rng.choice(_GROOMING)
        else:
            text = rng.choice(_ORDINARY)
        attachment = pending.pop() if pending and author == 0 and rng.random() < 0.2 else None
        lines.append(_Line(at, author, text, attachment))
    return lines


def _whatsapp(names: tuple[str, str], lines: list[_Line]) -> str:
    out = []
    for line in lines:
        body = f"<attached: {line.attachment}>" if line.attachment else line.text
        out.append(f"[{line.at:%d/%m/%Y, %H:%M:%S}] {names[line.author]}: {body}")
    return "\n".join(out) + "\n"


def _telegram(chat_id: int, names: tuple[str, str], ids: tuple[str, str], lines: list[_Line]) -> dict[str, Any]:
    messages = []
    for i, line in enumerate(lines, 1):
        m: dict[str, Any] = {"id": i, "type": "message", "date": f"{line.at:%Y-%m-%dT%H:%M:%S}",
                             "from": names[line.author], "from_id": ids[line.author], "text": line.text}
        if line.attachment:
            m["photo"] = f"photos/{line.attachment}"
        messages.append(m)
    return {"name": names[1], "type": "personal_chat", "id": chat_id, "messages": messages}


def _discord(channel: int, names: tuple[str, str], ids: tuple[str, str], lines: list[_Line]) -> dict[str, Any]:
    messages = []
    for i, line in enumerate(lines, 1):
        m: dict[str, Any] = {"id": f"{channel}{i:06d}", "type": "Default", "timestamp": line.at.isoformat(),
                             "content": line.text,
                             "author": {"id": ids[line.author], "name": names[line.author].lower().replace(" ", "_"),
                                        "nickname": names[line.author]}, "attachments": []}
        if line.attachment:
            m["attachments"] = [{"id": f"{channel}{i:06d}1", "url": line.attachment, "fileName": line.attachment}]
        messages.append(m)
    return {"guild": {"id": "0", "name": "Direct Messages"},
            "channel": {"id": str(channel), "type": "DirectTextChat", "name": names[1]}, "messages": messages}


def _instagram(thread: str, names: tuple[str, str], lines: list[_Line]) -> dict[str, Any]:
    messages = []
    for line in reversed(lines):  # Meta writes the newest first
        m: dict[str, Any] = {"sender_name": names[line.author], "timestamp_ms": int(line.at.timestamp() * 1000),
                             "content": line.text}
        if line.attachment:
            m["photos"] = [{"uri": f"messages/inbox/{thread}/photos/{line.attachment}"}]
        messages.append(m)
    return {"participants": [{"name": names[0]}, {"name": names[1]}], "messages": messages, "title": names[1],
            "thread_path": f"inbox/{thread}"}


def write_chats(folder: Path, messages: int, rng: random.Random, face_files: Sequence[str],
                per_conversation: int = 250, grooming_share: float = 0.05) -> ChatTruth:
    """About ``messages`` messages in conversations of ``per_conversation``, the formats in turn;
    ``face_files`` (file names) are attached by the adults of the grooming conversations."""
    truth = ChatTruth()
    conversations = max(len(CHAT_FORMATS), round(messages / per_conversation))
    grooming_every = max(1, round(1 / grooming_share)) if grooming_share > 0 else 0
    faces = list(face_files)
    for c in range(conversations):
        n = messages // conversations + (1 if c < messages % conversations else 0)
        # every n-th conversation, and the last one of a case smaller than n
        groom = bool(grooming_every) and (c % grooming_every == grooming_every - 1 or
                                          (conversations < grooming_every and c == conversations - 1))
        # the planted ones take the formats in turn of their own (every n-th of a 4-cycle would be one format)
        turn = c // grooming_every if groom and conversations >= grooming_every else c
        fmt = CHAT_FORMATS[turn % len(CHAT_FORMATS)]
        names = (f"Adult {c:04d}", f"Kid {c:04d}") if groom else (f"Friend {c:04d}a", f"Friend {c:04d}b")
        ids = (f"user{c:04d}0", f"user{c:04d}1") if fmt == "telegram" else (f"9{c:05d}0", f"9{c:05d}1")
        attach = [faces.pop() for _ in range(min(2, len(faces)))] if groom else []
        lines = _conversation(rng, n, START + timedelta(days=c % 300), groom, attach)
        attach = [line.attachment for line in lines if line.attachment]
        sub = folder / fmt
        if fmt == "whatsapp":
            path = sub / f"WhatsApp Chat with {names[1]}.txt"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(_whatsapp(names, lines), encoding="utf-8")
            account = names[0]
        elif fmt == "telegram":
            path = sub / f"chat_{c:04d}" / "result.json"
            _dump(path, _telegram(700000 + c, names, ids, lines))
            account = ids[0]
        elif fmt == "discord":
            path = sub / f"Direct Messages - {names[1]} [{800000 + c}].json"
            _dump(path, _discord(800000 + c, names, ids, lines))
            account = ids[0]
        else:
            thread = f"kid{c:04d}_{1000 + c}" if groom else f"friend{c:04d}_{1000 + c}"
            path = sub / "your_instagram_activity" / "messages" / "inbox" / thread / "message_1.json"
            _dump(path, _instagram(thread, names, lines))
            account = names[0]
        truth.messages += n
        truth.files += 1
        if groom:
            truth.grooming.append(path.relative_to(folder).as_posix())
            truth.suspects.append(account)
            truth.children.append(ids[1] if fmt in ("telegram", "discord") else names[1])
            if attach:
                truth.attached[account] = [a for a in attach if a]
    return truth


def _dump(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="utf-8")


#: Each planted trader (an account sharing known items) writes to this many children of 13, this many
#: times each: their first contacts are what the network's at-risk view looks for.
_TRADER_CHILDREN: Final = 5
_TRADER_MESSAGES: Final = 10


def trader_children(traders: Sequence[str]) -> list[str]:
    """The children of 13 the planted traders write to (``child_<trader>_<n>``)."""
    return [f"child_{t}_{k}" for t in traders for k in range(_TRADER_CHILDREN)]


def write_events(folder: Path, events: int, rng: random.Random, posts: Sequence[tuple[str, str]],
                 traders: Sequence[str] = ()) -> dict[str, int]:
    """About ``events`` account events: 4 % accounts, 5 % identifiers, 4 % shared media (``posts``:
    (account, sha256) of the case's own files first), the rest messages; each of the ``traders``
    writes to :func:`trader_children` first.  Returns rows per file."""
    folder.mkdir(parents=True, exist_ok=True)
    accounts = max(50, events // 50)
    name = [f"acct{i:06d}" for i in range(accounts)]
    n_accounts, n_ident, n_media = max(10, events * 4 // 100), max(10, events * 5 // 100), max(10, events * 4 // 100)
    n_messages = max(10, events - n_accounts - n_ident - n_media)
    start = int(START.timestamp())
    with (folder / "accounts.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(("account", "declared_age", "created_at"))
        planted = trader_children(traders)
        w.writerows((child, 13, start) for child in planted)
        for i in range(n_accounts):
            w.writerow((name[i % accounts], rng.choice((13, 14, 15, 16, 17, 19, 24, 31, 45)), start - i * 60))
    with (folder / "identifiers.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(("account", "kind", "value"))
        for i in range(n_ident):
            kind = ("email", "phone", "ip", "device")[i % 4]
            value = {"email": f"person{i % (accounts // 2 or 1)}@example.org", "phone": f"+4420{i % 90000:07d}",
                     "ip": f"10.{i % 250}.{(i // 250) % 250}.{i % 7}", "device": f"dev-{i % 5000:05d}"}[kind]
            w.writerow((name[rng.randrange(accounts)], kind, value))
    with (folder / "media.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(("account", "sha256", "timestamp"))
        for i, (account, sha) in enumerate(posts):
            w.writerow((account, sha, start + i * 30))
        for i in range(max(0, n_media - len(posts))):
            w.writerow((name[rng.randrange(accounts)], f"{rng.getrandbits(256):064x}", start + i * 30))
    with (folder / "messages.csv").open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(("sender", "recipient", "timestamp", "platform"))
        platforms = ("chat", "game", "photo")
        for i, child in enumerate(planted):
            trader = traders[i // _TRADER_CHILDREN]
            w.writerows((trader, child, start + 3600 * (i + 1) + 60 * m, "game") for m in range(_TRADER_MESSAGES))
        for i in range(n_messages):
            sender = rng.randrange(accounts)
            recipient = (sender + 1 + rng.randrange(accounts - 1)) % accounts  # never the sender
            w.writerow((name[sender], name[recipient], start + i * 7, platforms[i % 3]))
    return {"accounts": n_accounts + len(planted), "identifiers": n_ident, "media": max(n_media, len(posts)),
            "messages": n_messages + len(planted) * _TRADER_MESSAGES}
