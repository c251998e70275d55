"""``childsafe text train`` / ``text eval``: a reproducible, author-split training run.

1. Authors are split by group (an offender and their decoy together) into train (80 %) and test
   (20 %), per kind, with a fixed seed: no author, and no conversation, is on both sides.
2. Every author's messages are featurised once.  Training rows are *prefixes* of each author's
   history (first 5, 10, 25, 50, 100 messages and all), so the model learns to decide early.
3. The alert threshold and minimum message count are chosen by grouped 4-fold cross-validation on
   the training authors only: best F0.5 over full histories with at most
   :data:`MAX_ORDINARY_FALSE_ALARMS` of ordinary authors (>= 20 messages) ever alerted.
4. The model fitted on all training authors is evaluated on the test authors, streaming message by
   message exactly as :class:`~childsafe.text.model.AuthorStream` scores, and saved with its metrics.
"""

from __future__ import annotations

import logging
import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from childsafe.text.corpora import KINDS, LabelledAuthor, load_corpora
from childsafe.text.evaluation import binary_metrics, latency_f1, roc_auc
from childsafe.text.features import N_FEATURES, message_features
from childsafe.text.model import AuthorModel

__all__ = ["TrainResult", "train_and_evaluate", "evaluate_model", "WINDOWS"]

log = logging.getLogger(__name__)

WINDOWS: tuple[int | None, ...] = (10, 25, 50, 100, None)
TRAIN_PREFIXES: tuple[int | None, ...] = (5, 10, 25, 50, 100, None)
MAX_ORDINARY_FALSE_ALARMS = 0.005
FALSE_ALARM_MIN_MESSAGES = 20
TEST_FRACTION = 0.2
THRESHOLDS = tuple(round(x, 2) for x in np.arange(0.30, 0.991, 0.01))
MIN_MESSAGES_CHOICES = (1, 3, 5)


@dataclass
class _Featurised:
    author: LabelledAuthor
    buckets: npt.NDArray[np.int32]  # every message's buckets, concatenated
    ends: npt.NDArray[np.int64]  # end offset of each message in ``buckets``


@dataclass
class TrainResult:
    model: AuthorModel
    report: dict[str, Any]


def _featurise(authors: Sequence[LabelledAuthor], progress: Callable[[str], None]) -> list[_Featurised]:
    out = []
    started = time.monotonic()
    for i, a in enumerate(authors):
        parts = [np.fromiter(message_features(m).elements(), np.int32) for m in a.messages]
        ends = np.cumsum([len(p) for p in parts], dtype=np.int64)
        out.append(_Featurised(a, np.concatenate(parts) if parts else np.empty(0, np.int32), ends))
        if i % 500 == 0:
            progress(f"featurised {i}/{len(authors)} authors ({time.monotonic() - started:.0f} s)")
    return out


def _row(buckets: npt.NDArray[np.int32]) -> tuple[npt.NDArray[np.int32], npt.NDArray[np.float64]]:
    cols, counts = np.unique(buckets, return_counts=True)
    vals = np.log1p(counts.astype(np.float64))
    norm = float(np.sqrt((vals * vals).sum())) or 1.0
    return cols.astype(np.int32), vals / norm


def _design(items: Sequence[_Featurised]) -> tuple[Any, npt.NDArray[np.int64]]:
    from scipy.sparse import csr_matrix

    indptr, indices, data, labels = [0], [], [], []
    for f in items:
        n_msgs = len(f.ends)
        seen: set[int] = set()
        for prefix in TRAIN_PREFIXES:
            n = n_msgs if prefix is None else min(prefix, n_msgs)
            if n == 0 or n in seen:
                continue
            seen.add(n)
            cols, vals = _row(f.buckets[: f.ends[n - 1]])
            indices.append(cols)
            data.append(vals)
            indptr.append(indptr[-1] + len(cols))
            labels.append(f.author.label)
    matrix = csr_matrix((np.concatenate(data), np.concatenate(indices), np.asarray(indptr)),
                        shape=(len(labels), N_FEATURES))
    return matrix, np.asarray(labels, np.int64)


def _fit(items: Sequence[_Featurised], seed: int) -> tuple[npt.NDArray[np.float32], float]:
    from sklearn.linear_model import LogisticRegression

    x, y = _design(items)
    clf = LogisticRegression(C=4.0, max_iter=3000, class_weight="balanced", random_state=seed)
    clf.fit(x, y)
    # Round to the float16 the model ships in, so every metric is measured on the shipped weights.
    return clf.coef_[0].astype(np.float16).astype(np.float32), float(clf.intercept_[0])


def stream_probabilities(f: _Featurised, weights: npt.NDArray[np.float64], bias: float) -> npt.NDArray[np.float64]:
    """Probability after each message, vectorised; equals AuthorStream.add() one by one."""
    b = f.buckets
    if len(b) == 0:
        return np.full(len(f.ends), 1 / (1 + np.exp(-bias)))
    order = np.argsort(b, kind="stable")
    sorted_b = b[order]
    run_start = np.r_[0, np.flatnonzero(sorted_b[1:] != sorted_b[:-1]) + 1]
    run_id = np.repeat(np.arange(len(run_start)), np.diff(np.r_[run_start, len(b)]))
    occurrence = np.empty(len(b), np.float64)
    occurrence[order] = np.arange(len(b)) - run_start[run_id] + 1  # 1st, 2nd... time a bucket appears
    step = np.log1p(occurrence) - np.log1p(occurrence - 1)
    dot = np.cumsum(weights[b] * step)[f.ends - 1]
    norm2 = np.cumsum(np.log1p(occurrence) ** 2 - np.log1p(occurrence - 1) ** 2)[f.ends - 1]
    z = np.where(norm2 > 0, dot / np.sqrt(np.maximum(norm2, 1e-12)), 0.0) + bias
    return 1.0 / (1.0 + np.exp(-z))


def _split(authors: Sequence[LabelledAuthor], seed: int) -> tuple[list[int], list[int]]:
    rng = np.random.default_rng(seed)
    groups_by_kind: dict[str, list[str]] = {}
    for a in authors:
        kind = "pj" if a.kind in ("offender", "decoy") else a.kind
        groups_by_kind.setdefault(kind, [])
        if a.group not in groups_by_kind[kind]:
            groups_by_kind[kind].append(a.group)
    test_groups: set[str] = set()
    for groups in groups_by_kind.values():
        ordered = sorted(groups)
        rng.shuffle(ordered)
        test_groups.update(ordered[: round(len(ordered) * TEST_FRACTION)])
    train = [i for i, a in enumerate(authors) if a.group not in test_groups]
    test = [i for i, a in enumerate(authors) if a.group in test_groups]
    return train, test


def _peak_score(probs: npt.NDArray[np.float64], window: int | None, min_messages: int) -> float:
    """Highest probability once ``min_messages`` are read, within the window: an author is flagged
    within the window exactly when this reaches the threshold (the streaming alert rule)."""
    n = len(probs) if window is None else min(window, len(probs))
    if n < min_messages:
        return 0.0
    return float(probs[min_messages - 1 : n].max())


def _first_alert(probs: npt.NDArray[np.float64], threshold: float, min_messages: int) -> int | None:
    hits = np.flatnonzero(probs[min_messages - 1 :] >= threshold)
    return int(hits[0]) + min_messages - 1 if len(hits) else None


def _choose_operating_point(items: list[_Featurised], seed: int, progress: Callable[[str], None]) -> dict[str, Any]:
    rng = np.random.default_rng(seed + 1)
    groups = sorted({f.author.group for f in items})
    rng.shuffle(groups)
    fold_of = {g: i % 4 for i, g in enumerate(groups)}
    oof: list[tuple[_Featurised, npt.NDArray[np.float64]]] = []
    for fold in range(4):
        train = [f for f in items if fold_of[f.author.group] != fold]
        held = [f for f in items if fold_of[f.author.group] == fold]
        w, b = _fit(train, seed)
        w64 = w.astype(np.float64)
        oof.extend((f, stream_probabilities(f, w64, b)) for f in held)
        progress(f"cross-validation fold {fold + 1}/4 done")
    best: dict[str, Any] = {}
    for min_messages in MIN_MESSAGES_CHOICES:
        peaks = [(f.author, _peak_score(p, None, min_messages)) for f, p in oof]
        for threshold in THRESHOLDS:
            labels = [a.label for a, _ in peaks]
            flagged = [int(s >= threshold) for _, s in peaks]
            ordinary = [fl for (a, _), fl in zip(peaks, flagged, strict=True)
                        if a.kind == "ordinary" and len(a.messages) >= FALSE_ALARM_MIN_MESSAGES]
            false_alarms = sum(ordinary) / max(1, len(ordinary))
            f05 = binary_metrics(labels, flagged).f_beta(0.5)
            if false_alarms <= MAX_ORDINARY_FALSE_ALARMS and f05 > best.get("cv_f05", -1):
                best = {"threshold": threshold, "min_messages": min_messages, "cv_f05": round(f05, 4),
                        "cv_ordinary_false_alarms": round(false_alarms, 4)}
    return best


def evaluate_model(model: AuthorModel, authors: Sequence[LabelledAuthor],
                   progress: Callable[[str], None] = lambda _m: None) -> dict[str, Any]:
    """Every metric of the issue, on these authors, streaming as the product does."""
    items = _featurise(authors, progress)
    w = model.weights.astype(np.float64)
    probs = [(f.author, stream_probabilities(f, w, model.bias)) for f in items]
    return _metrics(probs, model.threshold, model.min_messages)


def _metrics(probs: list[tuple[LabelledAuthor, npt.NDArray[np.float64]]], threshold: float,
             min_messages: int) -> dict[str, Any]:
    windows: dict[str, Any] = {}
    for window in WINDOWS:
        name = "all" if window is None else f"first_{window}"
        rows = {}
        for negatives in ("all", "decoy", "ordinary"):
            chosen = [(a, p) for a, p in probs if a.label == 1 or negatives in ("all", a.kind)]
            labels = [a.label for a, _ in chosen]
            scores = [_peak_score(p, window, min_messages) for _, p in chosen]
            flagged = [int(s >= threshold) for s in scores]
            m = binary_metrics(labels, flagged)
            rows[negatives] = {"authors": len(chosen), "precision": round(m.precision, 4),
                               "recall": round(m.recall, 4), "f1": round(m.f_beta(1), 4),
                               "f05": round(m.f_beta(0.5), 4), "roc_auc": round(roc_auc(labels, scores), 4)}
        windows[name] = rows
    delays = []
    labels, flagged = [], []
    for a, p in probs:
        alert = _first_alert(p, threshold, min_messages)
        labels.append(a.label)
        flagged.append(int(alert is not None))
        if a.label == 1 and alert is not None:
            delays.append(alert + 1)
    m = binary_metrics(labels, flagged)
    ordinary = [(a, p) for a, p in probs if a.kind == "ordinary" and len(a.messages) >= FALSE_ALARM_MIN_MESSAGES]
    false_alarms = sum(_first_alert(p, threshold, min_messages) is not None for _, p in ordinary)
    decoys = [(a, p) for a, p in probs if a.kind == "decoy"]
    decoy_alarms = sum(_first_alert(p, threshold, min_messages) is not None for _, p in decoys)
    return {
        "threshold": threshold, "min_messages": min_messages,
        "authors": {k: sum(1 for a, _ in probs if a.kind == k) for k in KINDS},
        "messages": sum(len(a.messages) for a, _ in probs),
        "windows": windows,
        "early": {"offenders_alerted": len(delays), "offenders": sum(1 for a, _ in probs if a.label == 1),
                  "median_messages_to_alert": statistics.median(delays) if delays else None,
                  "latency_f1": round(latency_f1(m, delays), 4), "f1": round(m.f_beta(1), 4),
                  "f05": round(m.f_beta(0.5), 4)},
        "false_alarms": {"ordinary_authors_20plus": len(ordinary), "alerted": false_alarms,
                         "rate": round(false_alarms / max(1, len(ordinary)), 4),
                         "decoys": len(decoys), "decoys_alerted": decoy_alarms},
    }


def train_and_evaluate(text_dir: Path, seed: int = 20241124, include_chitchat: bool = True,
                       progress: Callable[[str], None] = lambda _m: None) -> TrainResult:
    started = time.monotonic()
    authors = load_corpora(text_dir, include_chitchat=include_chitchat)
    progress(f"loaded {len(authors)} authors, {sum(len(a.messages) for a in authors)} messages")
    train_idx, test_idx = _split(authors, seed)
    items = _featurise(authors, progress)
    train_items = [items[i] for i in train_idx]
    point = _choose_operating_point(train_items, seed, progress)
    weights, bias = _fit(train_items, seed)
    progress("final model fitted on all training authors")
    w64 = weights.astype(np.float64)
    test_probs = [(items[i].author, stream_probabilities(items[i], w64, bias)) for i in test_idx]
    metrics = _metrics(test_probs, point["threshold"], point["min_messages"])
    info = {
        "trained_on": {
            "description": "author-level logistic regression over hashed word 1-2-grams and character "
                           "2-4-grams (log counts, L2-normalised), trained on prefixes of each "
                           "author's history (first 5/10/25/50/100/all messages)",
            "positives": "Perverted-Justice offender lines (shared/data/text/pj/predators)",
            "negatives": "decoy lines of the same conversations (pj/officers), NPS Chat Corpus users, "
                         "chitchat-dataset senders",
            "split": f"by conversation group, {int((1 - TEST_FRACTION) * 100)}/{int(TEST_FRACTION * 100)} "
                     f"per kind, seed {seed}",
            "train_authors": {k: sum(1 for i in train_idx if authors[i].kind == k) for k in KINDS},
            "test_authors": {k: sum(1 for i in test_idx if authors[i].kind == k) for k in KINDS},
            "seed": seed,
        },
        "operating_point": point,
        "test_metrics": metrics,
        "training_seconds": round(time.monotonic() - started, 1),
    }
    model = AuthorModel(weights, bias, point["threshold"], point["min_messages"], info)
    return TrainResult(model, {"operating_point": point, "test_metrics": metrics})


def held_out_authors(text_dir: Path, seed: int, include_chitchat: bool = True) -> list[LabelledAuthor]:
    """The test authors of a training run with this seed (for ``text eval``)."""
    authors = load_corpora(text_dir, include_chitchat=include_chitchat)
    _train, test = _split(authors, seed)
    return [authors[i] for i in test]


def evaluate_scorer(authors: Sequence[LabelledAuthor], model: AuthorModel,
                    progress: Callable[[str], None] = lambda _m: None, other_side: bool = True,
                    warning_factory: Callable[[], Any] | None = None) -> dict[str, Any]:
    """The same metrics for the whole streaming scorer (evidence fusion, sextortion rule, gated model).

    Each author's messages are streamed as the corpora hold them: one author at a time, since the
    Perverted-Justice lines of an offender and of their decoy are not interleaved.  With ``other_side``
    the age the other side of the conversation states (the first age found in the lines of the other
    author of the same group, if any) opens the conversation as a one-line message of a second author,
    as the decoy's profile and first lines do in the real chats; without it, the model-only alert sees
    only the author's own words (the cost of the minor-cue gate at its worst).

    The scorer's decision (alerted by message k) is mapped onto a score in which "alerted" is >= 0.5 and
    "not yet" below, ordered by the author's risk inside each half, so :func:`_metrics` computes the
    flags, windows and ROC-AUC unchanged.
    """
    from childsafe.text.evidence import stated_age
    from childsafe.text.messages import Message
    from childsafe.text.packs import normalize_pack_text
    from childsafe.text.scoring import EarlyWarning

    def first_age(author: LabelledAuthor) -> int | None:
        for text in author.messages:
            statement = stated_age(normalize_pack_text(text, {}))
            if statement is not None and statement.age is not None:
                return statement.age
        return None

    # Only Perverted-Justice pairs have an "other side"; ordinary authors come from group chat rooms.
    by_group: dict[str, list[LabelledAuthor]] = {}
    for a in authors:
        if a.kind in ("offender", "decoy"):
            by_group.setdefault(a.group, []).append(a)
    ages = {a.key: first_age(a) for members in by_group.values() for a in members}
    make = warning_factory or (lambda: EarlyWarning(model))
    warning = make()
    scored: list[tuple[LabelledAuthor, npt.NDArray[np.float64]]] = []
    started = time.monotonic()
    for i, a in enumerate(authors):
        if other_side and a.group in by_group:
            age = next((x for o in by_group[a.group] if o is not a and (x := ages[o.key]) is not None), None)
            if age is not None:
                warning.add(Message(a.key, "(other side)", f"i'm {age}"))
        trajectory = np.empty(len(a.messages), np.float64)
        alerted = False
        for k, text in enumerate(a.messages):
            alerted |= warning.add(Message(a.key, a.key, text)) is not None
            risk = warning.conversations[a.key].authors[a.key].risk
            trajectory[k] = 0.5 + risk / 2 if alerted else min(risk, 0.999) / 2
        warning.pop(a.key)
        scored.append((a, trajectory))
        if i % 100 == 0:
            progress(f"scored {i}/{len(authors)} authors ({time.monotonic() - started:.0f} s)")
    report = _metrics(scored, 0.5, 1)
    report.update(threshold=model.threshold, min_messages=model.min_messages)
    return report
