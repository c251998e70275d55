from __future__ import annotations

import math
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from childsafe.errors import ModelNotAvailableError
from childsafe.text.features import N_FEATURES, message_features
from childsafe.text.model import AuthorModel, load_default_model
from childsafe.text.training import _Featurised, stream_probabilities

MESSAGES = ["hi how was school", "lol same", "see you tomorrow", "what are you up to", "ok cool", "sure thing"]


def _random_model(seed: int = 0) -> AuthorModel:
    rng = np.random.default_rng(seed)
    return AuthorModel(rng.normal(0, 1, N_FEATURES).astype(np.float32), -0.5, 0.8, 3, {})


def _batch_probability(model: AuthorModel, messages: list[str]) -> float:
    counts: Counter[int] = Counter()
    for m in messages:
        counts.update(message_features(m))
    x = {b: math.log1p(c) for b, c in counts.items()}
    norm = math.sqrt(sum(v * v for v in x.values()))
    z = sum(float(model.weights[b]) * v for b, v in x.items()) / norm + model.bias
    return 1 / (1 + math.exp(-z))


def test_streaming_equals_scoring_the_whole_history_each_time() -> None:
    model = _random_model()
    stream = model.stream()
    for i, m in enumerate(MESSAGES):
        p = stream.add(m)
        assert p == pytest.approx(_batch_probability(model, MESSAGES[: i + 1]), rel=1e-9)


def test_vectorised_training_scores_equal_the_stream() -> None:
    model = _random_model(3)
    parts = [np.fromiter(message_features(m).elements(), np.int32) for m in MESSAGES]
    f = _Featurised(None, np.concatenate(parts), np.cumsum([len(p) for p in parts]))  # type: ignore[arg-type]
    vector = stream_probabilities(f, model.weights.astype(np.float64), model.bias)
    stream = model.stream()
    assert [stream.add(m) for m in MESSAGES] == pytest.approx(vector.tolist(), rel=1e-9)


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    model = _random_model(5)
    model.info = {"trained_on": {"seed": 1}}
    model.save(tmp_path)
    with open(tmp_path / "author_model.npz", "rb") as fh:
        assert fh.read(2) == b"PK"  # npz: a zip of .npy arrays, loaded with allow_pickle=False
    loaded = AuthorModel.load(tmp_path)
    assert (loaded.threshold, loaded.min_messages, loaded.info) == (0.8, 3, {"trained_on": {"seed": 1}})
    assert loaded.probability(MESSAGES) == pytest.approx(model.probability(MESSAGES), abs=1e-3)  # float16


@pytest.mark.parametrize("damage", ["missing", "garbage", "wrong_format"])
def test_unusable_model_files(tmp_path: Path, damage: str) -> None:
    _random_model().save(tmp_path)
    if damage == "missing":
        (tmp_path / "author_model.npz").unlink()
    elif damage == "garbage":
        (tmp_path / "author_model.npz").write_bytes(b"not a zip")
    else:
        (tmp_path / "author_model.json").write_text('{"format": "other"}')
    with pytest.raises(ModelNotAvailableError):
        AuthorModel.load(tmp_path)


def test_shipped_model_loads_offline_with_its_description() -> None:
    model = load_default_model()
    assert 0.5 <= model.threshold < 1
    info = model.info
    assert "Perverted-Justice" in info["trained_on"]["positives"]
    assert info["test_metrics"]["windows"]["all"]["all"]["f05"] >= 0.93
    assert model.probability(["see you at practice tomorrow", "ok"]) < model.threshold


def test_top_terms_explain_the_score() -> None:
    model = _random_model(7)
    stream = model.stream()
    for m in MESSAGES:
        stream.add(m, explain=True)
    terms = stream.top_terms(5)
    assert 0 < len(terms) <= 5
    assert all(w > 0 for _, w in terms)
    assert [w for _, w in terms] == sorted((w for _, w in terms), reverse=True)


def test_features_and_names_match_the_separate_functions() -> None:
    from childsafe.text.features import feature_name_hashes, features_and_names, normalized_features
    from childsafe.text.normalize import normalize_text

    for text in ("hey how old r u", "ur so cute lol lol", "", "😀 hi there 😀", "a" * 40 + " b"):
        normalized = normalize_text(text)
        features, names = features_and_names(normalized)
        assert features == normalized_features(normalized)
        first: dict[int, str] = {}
        for bucket, name in names:
            first.setdefault(bucket, name)
        assert first == feature_name_hashes(normalized)
