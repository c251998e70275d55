"""``text eval --suite``: a tiny hand-written suite in the suite format, scored by three detectors."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from childsafe.errors import ConfigError
from childsafe.text.features import N_FEATURES
from childsafe.text.model import AuthorModel
from childsafe.text.suite_eval import evaluate_suite, format_suite_report, read_labels

QUIET = AuthorModel(np.zeros(N_FEATURES, np.float32), -5.0, 0.99, 1, {})

CONVERSATIONS = {
    ("g-en", "en", "grooming_short", "grooming", "man", ("kid", 13), ()): [
        ("man", "hey"), ("kid", "hi"), ("man", "how old are you"), ("kid", "13"), ("man", "are you home alone"),
        ("man", "don't tell your mom about us"), ("man", "send me a pic")],
    ("g-es", "es", "grooming_short", "grooming", "hombre", ("niña", 12), ()): [
        ("hombre", "hola guapa, cuántos años tienes?"), ("niña", "tengo 12 años"),
        ("hombre", "estás sola en casa ahora?"), ("hombre", "no le digas a nadie lo nuestro"),
        ("hombre", "mándame una foto tuya")],
    ("s-en", "en", "sextortion_short", "sextortion", "x", ("y", None), ()): [
        ("x", "i will send them to everyone"), ("x", "pay $200 in gift cards")],
    ("n-teen", "en", "teens", "negative", None, ("a", 15), ()): [
        ("a", "how old are you"), ("b", "15 hbu"), ("a", "im 15 too"), ("a", "add me on snap")],
    ("n-shop", "en", "customer_support", "negative", None, (None, None), ("agent", "client")): [
        ("client", "my order is late"), ("agent", "sorry, it ships tomorrow")],
}


def write_suite(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / "conversations.jsonl", "w", encoding="utf-8") as chat, \
            open(folder / "labels.jsonl", "w", encoding="utf-8") as labels:
        for (cid, language, family, kind, offender, child, adults), turns in CONVERSATIONS.items():
            for author, text in turns:
                chat.write(json.dumps({"conversation_id": cid, "author": author, "text": text}) + "\n")
            children = [{"author": child[0], "stated_age": child[1]}] if child[0] else []
            labels.write(json.dumps({"conversation_id": cid, "language": language, "family": family,
                                     "generator": "A", "kind": kind, "offender": offender,
                                     "children": children, "adults": list(adults)}) + "\n")
    return folder


def test_suite_report_per_family_and_language(tmp_path: Path) -> None:
    report = evaluate_suite(write_suite(tmp_path / "suite"), QUIET)
    rows = {(r["family"], r["language"]): r for r in report["rows"]}
    assert rows[("grooming_short", "en")]["ours"] == 1.0 and rows[("grooming_short", "es")]["ours"] == 1.0
    assert rows[("sextortion_short", "en")]["ours"] == 1.0
    assert rows[("grooming_short", "en")]["model_alone"] == 0.0  # the quiet model never alerts
    assert rows[("teens", "en")]["ours"] == 0.0 and rows[("teens", "en")]["rules_any_hit"] == 1.0
    assert rows[("customer_support", "en")]["ours"] == 0.0
    assert rows[("grooming_short", "en")]["median_alert"] == 4  # his 4th, secrecy, with the age of 13 in view
    assert [r["kind"] for r in report["rows"]][:3] == ["grooming", "grooming", "sextortion"]
    assert report["children"]["minors"] == 3 and report["children"]["at_risk"] == 3
    assert report["children"]["adults_at_risk"] == 0
    by_language = {(r["language"], r["kind"]) for r in report["by_language"]}
    assert ("es", "grooming") in by_language and ("en", "negative") in by_language
    text = format_suite_report(report)
    assert "| grooming_short | es | grooming (recall) | 1 | 1.000 | 0.000 |" in text
    assert "false alarms" in text


def test_bad_labels_are_a_config_error(tmp_path: Path) -> None:
    path = tmp_path / "labels.jsonl"
    path.write_text('{"conversation_id": "a", "kind": "maybe", "language": "en", "family": "f"}\n')
    with pytest.raises(ConfigError, match="labels.jsonl:1"):
        read_labels(path)


def test_cli_eval_suite(cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    suite = write_suite(tmp_path / "suite")
    out = cli.run("text", "eval", "--suite", str(suite)).stdout
    assert "| family | language |" in out and "customer_support" in out
    report = json.loads(cli.run("text", "eval", "--suite", str(suite), "--json").stdout)
    assert report["conversations"] == 5
    assert cli.run("text", "eval", "--suite", str(tmp_path), check=None).returncode != 0


def test_at_risk_is_reported_per_age_form_when_labels_name_it(tmp_path: Path) -> None:
    folder = write_suite(tmp_path / "suite")
    lines = (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines()
    forms = {"g-en": "bare", "g-es": "sentence"}  # the other children carry no form
    out = []
    for line in lines:
        raw = json.loads(line)
        for child in raw["children"]:
            if raw["conversation_id"] in forms:
                child["age_form"] = forms[raw["conversation_id"]]
        out.append(json.dumps(raw))
    (folder / "labels.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")
    report = evaluate_suite(folder, QUIET)
    by_form = report["children"]["by_form"]
    assert set(by_form) == {"bare", "sentence"}
    assert by_form["bare"]["minors"] == 1 and by_form["sentence"]["minors"] == 1
    assert by_form["bare"]["at_risk"] <= 1 and by_form["sentence"]["at_risk"] <= 1
    assert "By how the age was stated (at_risk/minors): bare" in format_suite_report(report)
    assert "By how the age was stated" not in format_suite_report(evaluate_suite(write_suite(tmp_path / "b"), QUIET))


def test_an_offender_listed_among_the_adults_is_counted_once(tmp_path: Path) -> None:
    plain = evaluate_suite(write_suite(tmp_path / "a"), QUIET)["children"]["adults"]
    folder = write_suite(tmp_path / "b")
    rows = [json.loads(line) for line in (folder / "labels.jsonl").read_text(encoding="utf-8").splitlines()]
    for raw in rows:
        if raw["offender"]:
            raw["adults"] = [*raw["adults"], raw["offender"]]
    (folder / "labels.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert evaluate_suite(folder, QUIET)["children"]["adults"] == plain == 5  # 3 offenders + agent + client
