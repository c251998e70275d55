from __future__ import annotations

import math

import numpy as np
import pytest
from sklearn.metrics import fbeta_score, roc_auc_score

from childsafe.text.evaluation import binary_metrics, latency_f1, latency_penalty, roc_auc


def test_binary_metrics_agree_with_sklearn() -> None:
    rng = np.random.default_rng(0)
    y = rng.integers(0, 2, 200).tolist()
    p = rng.integers(0, 2, 200).tolist()
    m = binary_metrics(y, p)
    assert m.tp + m.fp + m.fn + m.tn == 200
    for beta in (0.5, 1.0, 2.0):
        assert m.f_beta(beta) == pytest.approx(fbeta_score(y, p, beta=beta))


def test_roc_auc_agrees_with_sklearn_including_ties() -> None:
    rng = np.random.default_rng(1)
    y = rng.integers(0, 2, 300).tolist()
    s = np.round(rng.random(300), 1).tolist()  # many ties
    assert roc_auc(y, s) == pytest.approx(roc_auc_score(y, s))
    assert math.isnan(roc_auc([1, 1], [0.2, 0.3]))


def test_latency_penalty_and_f1() -> None:
    assert latency_penalty(1) == 0.0
    assert latency_penalty(143) == pytest.approx(0.5, abs=0.01)  # eRisk's p: half penalty near 142
    m = binary_metrics([1, 1, 0, 0], [1, 1, 0, 1])
    assert latency_f1(m, [1, 1]) == pytest.approx(m.f_beta(1))
    assert latency_f1(m, [500, 500]) < m.f_beta(1) / 2
    assert latency_f1(m, []) == 0.0
