"""Metrics for author-level decisions and early warning.

* Precision, recall, F1 and F0.5 (the PAN 2012 sexual predator identification measure), ROC-AUC.
* Early warning: for each offender, the number of their messages read when the streaming scorer
  first alerted; the median over offenders, and the latency-weighted F1 of Sadeque et al. (2018):
  ``F_latency = F1 * (1 - median(penalty(k)))`` over true positives, with
  ``penalty(k) = -1 + 2 / (1 + exp(-p (k - 1)))``, ``p = 0.0078`` (eRisk's value, used by the early
  sexual predator detection work: half the penalty at ~142 messages).
* False-alarm rate: the share of ordinary-chat authors with at least 20 messages that ever alerted.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["binary_metrics", "latency_f1", "latency_penalty", "roc_auc", "BinaryMetrics"]

LATENCY_P = 0.0078


@dataclass(frozen=True)
class BinaryMetrics:
    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def f_beta(self, beta: float) -> float:
        p, r = self.precision, self.recall
        if p == 0 and r == 0:
            return 0.0
        b2 = beta * beta
        return (1 + b2) * p * r / (b2 * p + r)


def binary_metrics(labels: Sequence[int], predictions: Sequence[int]) -> BinaryMetrics:
    tp = sum(1 for y, p in zip(labels, predictions, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, predictions, strict=True) if not y and p)
    fn = sum(1 for y, p in zip(labels, predictions, strict=True) if y and not p)
    return BinaryMetrics(tp, fp, fn, len(labels) - tp - fp - fn)


def roc_auc(labels: Sequence[int], scores: Sequence[float]) -> float:
    """Area under the ROC curve (Mann-Whitney U with ties averaged)."""
    pairs = sorted(zip(scores, labels, strict=True))
    n_pos = sum(labels)
    n_neg = len(labels) - n_pos
    if n_pos == 0 or n_neg == 0:
        return float("nan")
    rank_sum = 0.0
    i = 0
    while i < len(pairs):
        j = i
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            j += 1
        mid_rank = (i + j + 1) / 2  # 1-based average rank of the tie block
        rank_sum += mid_rank * sum(1 for k in range(i, j) if pairs[k][1])
        i = j
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def latency_penalty(k: int, p: float = LATENCY_P) -> float:
    return -1.0 + 2.0 / (1.0 + math.exp(-p * (k - 1)))


def latency_f1(metrics: BinaryMetrics, true_positive_delays: Sequence[int], p: float = LATENCY_P) -> float:
    if not true_positive_delays:
        return 0.0
    speed = 1.0 - statistics.median(latency_penalty(k, p) for k in true_positive_delays)
    return metrics.f_beta(1.0) * speed
