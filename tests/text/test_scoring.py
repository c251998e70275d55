"""Conversation scoring: the interface later checks call, alerts and their evidence."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from childsafe.text.features import N_FEATURES
from childsafe.text.messages import Message
from childsafe.text.model import AuthorModel
from childsafe.text.scoring import EarlyWarning, score_conversation

GROOMING = ["hey", "how old are you", "are you home alone", "you are so mature for your age",
            "add me on snap", "don't tell your mom about us", "send me a pic", "let's meet at the mall"]
ORDINARY = ["hey", "did you finish the homework", "see you at practice", "ok", "lol", "cool",
            "what time is the game", "bye"]


def _conversation(cid: str = "c1") -> list[Message]:
    out = []
    for a, b in zip(GROOMING, ORDINARY, strict=True):
        out.append(Message(cid, "stranger", a))
        out.append(Message(cid, "kid", b))
    return out


def test_score_conversation_has_the_interface_shape() -> None:
    record = score_conversation(_conversation()).to_record()
    assert record["conversation_id"] == "c1"
    assert 0 <= record["risk"] <= 1
    by_author = {a["author"]: a for a in record["authors"]}
    assert set(by_author) == {"stranger", "kid"}
    for a in record["authors"]:
        assert {"author", "risk", "alert_at", "indicators"} <= set(a)
        for ind in a["indicators"]:
            assert {"category", "message_index", "score"} <= set(ind)
            assert 0 <= ind["message_index"] < a["messages"]
    categories = {i["category"] for i in by_author["stranger"]["indicators"]}
    assert {"age_identity", "isolation_check", "secrecy", "platform_move", "image_request", "meeting"} <= categories
    assert by_author["kid"]["indicators"] == []
    assert by_author["stranger"]["risk"] > by_author["kid"]["risk"]
    assert record["risk"] == by_author["stranger"]["risk"]


def test_the_shipped_model_alerts_on_the_groomer_not_the_child() -> None:
    record = score_conversation(_conversation()).to_record()
    by_author = {a["author"]: a for a in record["authors"]}
    assert by_author["stranger"]["alert_at"] is not None
    assert by_author["kid"]["alert_at"] is None


def test_sextortion_rule_alerts_with_its_evidence() -> None:
    # A model that never alerts, so the alert can only come from the sextortion rule.
    quiet = AuthorModel(np.zeros(N_FEATURES, np.float32), -5.0, 0.99, 1, {})
    warning = EarlyWarning(quiet)
    texts = ["hi", "i will send your photos to all your friends", "pay me $500 in gift cards",
             "you have 24 hours"]
    alerts = [warning.add(Message("x", "extorter", t)) for t in texts]
    assert alerts[0] is None and alerts[1] is None
    alert = alerts[2]
    assert alert is not None and alert.message_index == 2 and "sextortion" in alert.reason
    assert {f.category for f in alert.evidence} >= {"sextortion_threat", "sextortion_payment"}
    assert alerts[3] is None  # one alert per author
    record = warning.pop("x").to_record()
    assert record["authors"][0]["alert_at"] == 2 and record["risk"] >= 0.95


def test_alert_at_counts_only_that_authors_messages() -> None:
    always = AuthorModel(np.zeros(N_FEATURES, np.float32), 5.0, 0.5, 3, {})
    warning = EarlyWarning(always)
    for i in range(6):
        # "school": each side sees a minor-related cue from the other, so the model may alert alone
        warning.add(Message("c", "a" if i % 2 else "b", f"message {i} about school"))
    record = warning.pop("c").to_record()
    assert {a["author"]: a["alert_at"] for a in record["authors"]} == {"a": 2, "b": 2}


def test_cli_text_score_every_format(cli, tmp_path: Path) -> None:
    msgs = _conversation("c1") + _conversation("c2")
    jsonl = tmp_path / "chat.jsonl"
    jsonl.write_text("".join(json.dumps({"conversation_id": m.conversation_id, "author": m.author,
                                         "text": m.text}) + "\n" for m in msgs) + "{broken\n")
    out = cli.json_lines("text", "score", str(jsonl))
    assert [o["conversation_id"] for o in out] == ["c1", "c2"]
    proc = cli.run("text", "score", str(jsonl))
    assert '"error"' in proc.stderr  # the broken record is reported, the rest scored
    csv_file = tmp_path / "chat.csv"
    csv_file.write_text("conversation_id,author,text\n" + "".join(
        f'{m.conversation_id},{m.author},"{m.text}"\n' for m in msgs))
    assert len(cli.json_lines("text", "score", str(csv_file), "--format", "csv")) == 2
    pan = tmp_path / "chat.xml"
    body = "".join(f'<message line="{i + 1}"><author>{m.author}</author><time>10:00</time>'
                   f"<text>{m.text.replace(chr(39), '&apos;')}</text></message>" for i, m in enumerate(msgs[:16]))
    pan.write_text(f'<conversations><conversation id="p1">{body}</conversation></conversations>')
    pan_out = cli.json_lines("text", "score", str(pan))
    assert pan_out[0]["conversation_id"] == "p1" and pan_out[0]["authors"]
    assert cli.run("text", "score", str(jsonl), "--format", "yaml", check=None).returncode == 2


def test_cli_hostile_xml_is_refused_not_expanded(cli, tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
                    '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
                    '<conversations><conversation id="x"><message line="1"><author>a</author>'
                    "<text>&b;</text></message></conversation></conversations>")
    proc = cli.run("text", "score", str(bomb))
    assert proc.stdout.strip() == "" and "error" in proc.stderr


@pytest.mark.parametrize("text", ["", "   ", "😀" * 50, "a" * 19_999])
def test_odd_messages_score_without_error(text: str) -> None:
    record = score_conversation([Message("c", "a", text)] * 3).to_record()
    assert 0 <= record["risk"] <= 1
