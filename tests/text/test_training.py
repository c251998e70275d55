"""Training on a small synthetic corpus laid out like the shared data (no real transcripts)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pytest

from childsafe.text.corpora import load_corpora
from childsafe.text.training import _split, train_and_evaluate

RISKY = ["how old are you", "are you home alone", "don't tell your mom about us", "add me on snap",
         "send me a pic", "you are so mature for your age", "delete this chat", "where do you live"]
CHILD = ["i'm 13", "my mom is home", "i have school tomorrow", "lol ok", "what do you mean",
         "i don't know", "maybe", "i have homework"]
ORDINARY = ["the game was great", "see you at practice", "what time is dinner", "lol that's funny",
            "did you finish the report", "happy birthday", "the weather is nice", "traffic was bad"]


def _write_corpus(root: Path, n: int = 30, seed: int = 0) -> Path:
    rng = np.random.default_rng(seed)
    (root / "pj" / "predators").mkdir(parents=True)
    (root / "pj" / "officers").mkdir(parents=True)
    for i in range(n):
        lines = [str(rng.choice(RISKY + ORDINARY[:2])) for _ in range(int(rng.integers(20, 60)))]
        (root / "pj" / "predators" / f"predator_user{i}.txt").write_text("\n".join(lines))
        lines = [str(rng.choice(CHILD)) for _ in range(int(rng.integers(20, 60)))]
        (root / "pj" / "officers" / f"officer_user{i}.txt").write_text("\n".join(lines))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        posts = "".join(f'<Post class="Statement" user="u{i % 40}">{rng.choice(ORDINARY)}</Post>'
                        for i in range(1200))
        zf.writestr("nps_chat/s1.xml", f"<Session><Posts>{posts}</Posts></Session>")
    (root / "nps_chat.zip").write_bytes(buf.getvalue())
    return root


def test_corpus_loading_and_author_split(tmp_path: Path) -> None:
    authors = load_corpora(_write_corpus(tmp_path), include_chitchat=False)
    kinds = {a.kind for a in authors}
    assert kinds == {"offender", "decoy", "ordinary"}
    train, test = _split(authors, seed=1)
    train_groups = {authors[i].group for i in train}
    assert not train_groups & {authors[i].group for i in test}  # no conversation on both sides
    assert 0.1 < len(test) / len(authors) < 0.3


@pytest.mark.slow
def test_training_is_reproducible_and_learns(tmp_path: Path) -> None:
    root = _write_corpus(tmp_path)
    a = train_and_evaluate(root, seed=3, include_chitchat=False)
    b = train_and_evaluate(root, seed=3, include_chitchat=False)
    assert np.array_equal(a.model.weights, b.model.weights) and a.model.threshold == b.model.threshold
    metrics = a.report["test_metrics"]
    assert metrics["windows"]["all"]["all"]["roc_auc"] > 0.9
    assert a.model.info["trained_on"]["seed"] == 3
    assert set(metrics["early"]) >= {"median_messages_to_alert", "latency_f1"}
