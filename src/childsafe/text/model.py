"""The trained author-level model: logistic regression over an author's accumulated n-grams.

An author's messages so far are summed into bucket counts, damped with log(1 + count) and
L2-normalised; the model is ``sigmoid(w . x + b)``.  :class:`AuthorStream` keeps the dot product
and the squared norm up to date incrementally, so each new message costs only its own features
(no re-scan of the history): that is what makes early warning cheap.

The shipped model lives in ``childsafe/text/data/``: ``author_model.npz`` (plain arrays, loaded with
``allow_pickle=False``) and ``author_model.json`` (threshold, training data description, metrics).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from childsafe.errors import ModelNotAvailableError
from childsafe.text.features import N_FEATURES, features_and_names, normalized_features
from childsafe.text.normalize import normalize_text

__all__ = ["AuthorModel", "AuthorStream", "MODEL_DIR", "load_default_model"]

MODEL_DIR = Path(__file__).parent / "data"
MODEL_NAME = "author_model"


@dataclass
class AuthorModel:
    weights: npt.NDArray[np.float32]
    bias: float
    threshold: float  # alert when the probability reaches this
    min_messages: int = 3  # never alert on fewer messages than this
    info: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.weights.shape != (N_FEATURES,):
            raise ModelNotAvailableError(f"model has {self.weights.shape} weights, expected ({N_FEATURES},)")
        self._w = self.weights.astype(np.float64).tolist()  # list indexing beats numpy per item

    def stream(self) -> AuthorStream:
        return AuthorStream(self)

    def probability(self, messages: list[str]) -> float:
        s = self.stream()
        for m in messages:
            s.add(m)
        return s.probability

    def save(self, folder: Path, name: str = MODEL_NAME) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        with open(folder / f"{name}.npz", "wb") as fh:
            np.savez_compressed(fh, weights=self.weights.astype(np.float16), bias=np.float64(self.bias))
        meta = dict(self.info, threshold=self.threshold, min_messages=self.min_messages,
                    n_features=N_FEATURES, format="childsafe-author-model", version=1)
        (folder / f"{name}.json").write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path, name: str = MODEL_NAME) -> AuthorModel:
        try:
            meta = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
            with np.load(folder / f"{name}.npz", allow_pickle=False) as arrays:
                weights = arrays["weights"].astype(np.float32)
                bias = float(arrays["bias"])
        except (OSError, ValueError, KeyError, json.JSONDecodeError) as exc:
            raise ModelNotAvailableError(
                f"text model not found or unreadable in {folder} ({exc}); run 'childsafe text train'"
            ) from exc
        if meta.get("format") != "childsafe-author-model" or meta.get("n_features") != N_FEATURES:
            raise ModelNotAvailableError(f"{folder}/{name}.json is not a compatible childsafe text model")
        info = {k: v for k, v in meta.items()
                if k not in ("threshold", "min_messages", "n_features", "format", "version")}
        return cls(weights, bias, float(meta["threshold"]), int(meta.get("min_messages", 3)), info)


_DEFAULT: AuthorModel | None = None


def load_default_model() -> AuthorModel:
    """The model shipped in the package (loaded once per process, offline)."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = AuthorModel.load(MODEL_DIR)
    return _DEFAULT


class AuthorStream:
    """One author's running score: add messages one at a time, read the probability any time."""

    __slots__ = ("_model", "_counts", "_dot", "_norm2", "messages", "_names")

    def __init__(self, model: AuthorModel) -> None:
        self._model = model
        self._counts: Counter[int] = Counter()
        self._dot = 0.0
        self._norm2 = 0.0
        self.messages = 0
        self._names: dict[int, str] = {}

    def add(self, text: str, explain: bool = False) -> float:
        return self.add_normalized(normalize_text(text), explain)

    def add_normalized(self, normalized: str, explain: bool = False) -> float:
        """Like :meth:`add` for text already normalised (the scorer normalises once for both layers)."""
        w = self._model._w
        counts = self._counts
        dot, norm2 = self._dot, self._norm2
        log1p = math.log1p
        get = counts.get  # not counts[bucket]: a Counter's missing-key hook is a Python call
        if explain:
            features, names = features_and_names(normalized)
            setname = self._names.setdefault
            for bucket, name in names:
                setname(bucket, name)
        else:
            features = normalized_features(normalized)
        for bucket, n in features.items():
            old = get(bucket, 0)
            new = old + n
            counts[bucket] = new
            after = log1p(new)
            if old:
                before = log1p(old)
                dot += w[bucket] * (after - before)
                norm2 += after * after - before * before
            else:
                dot += w[bucket] * after
                norm2 += after * after
        self._dot, self._norm2 = dot, norm2
        self.messages += 1
        return self.probability

    @property
    def probability(self) -> float:
        if self._norm2 <= 0:
            return _sigmoid(self._model.bias)
        return _sigmoid(self._dot / math.sqrt(self._norm2) + self._model.bias)

    def top_terms(self, k: int = 8) -> list[tuple[str, float]]:
        """The words and word pairs that pushed this author's score up most (needs explain=True)."""
        if self._norm2 <= 0:
            return []
        scale = 1.0 / math.sqrt(self._norm2)
        w = self._model._w
        scored = [(name, w[b] * math.log1p(self._counts[b]) * scale) for b, name in self._names.items()]
        return sorted((s for s in scored if s[1] > 0), key=lambda s: -s[1])[:k]


def _sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)
