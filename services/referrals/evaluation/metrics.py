"""AUC with ties (Mann–Whitney) and a percentile bootstrap interval."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import rankdata


@dataclass(frozen=True)
class Estimate:
    value: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.value:.3f} [{self.low:.3f}, {self.high:.3f}]"


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    """P(score of a positive > score of a negative), ties counting one half."""
    labels = np.asarray(labels, dtype=bool)
    positives, negatives = int(labels.sum()), int((~labels).sum())
    if positives == 0 or negatives == 0:
        return float("nan")
    ranks = rankdata(np.asarray(scores, dtype=np.float64))
    return float((ranks[labels].sum() - positives * (positives + 1) / 2) / (positives * negatives))


def auc_interval(
    scores: np.ndarray, labels: np.ndarray, *, rng: np.random.Generator, rounds: int = 400
) -> Estimate:
    """AUC and its 95 % bootstrap interval (resampling the scored items)."""
    scores, labels = np.asarray(scores), np.asarray(labels, dtype=bool)
    samples = []
    for _ in range(rounds):
        pick = rng.integers(0, scores.size, scores.size)
        value = auc(scores[pick], labels[pick])
        if not np.isnan(value):
            samples.append(value)
    low, high = np.percentile(samples, [2.5, 97.5]) if samples else (np.nan, np.nan)
    return Estimate(auc(scores, labels), float(low), float(high))
