"""Ranking metrics over graded relevance (0-3) and bootstrap intervals over requests."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

# A CV graded 2 or 3 is "relevant" for precision, recall and MRR; NDCG uses every grade.
RELEVANT_GRADE = 2


def _gain(grade: int) -> float:
    return float(2**grade - 1)


def dcg_at_k(grades: Sequence[int], k: int) -> float:
    """Discounted cumulative gain of grades in ranked order (gain 2^rel - 1, log2 discount)."""
    return sum(_gain(grade) / math.log2(position + 2) for position, grade in enumerate(grades[:k]))


def ndcg_at_k(ranked: Sequence[str], grades: Mapping[str, int], k: int = 10) -> float:
    """DCG of the ranking over DCG of the best possible ranking of every graded item."""
    ideal = dcg_at_k(sorted(grades.values(), reverse=True), k)
    if ideal == 0:
        return 0.0
    return dcg_at_k([grades.get(item, 0) for item in ranked], k) / ideal


def precision_at_k(ranked: Sequence[str], grades: Mapping[str, int], k: int = 5) -> float:
    """Share of the first k places held by relevant items (a short list counts as misses)."""
    hits = sum(1 for item in ranked[:k] if grades.get(item, 0) >= RELEVANT_GRADE)
    return hits / k


def recall_at_k(ranked: Sequence[str], grades: Mapping[str, int], k: int = 20) -> float:
    """Share of all relevant items that appear in the first k places (1.0 if none exist)."""
    relevant = {item for item, grade in grades.items() if grade >= RELEVANT_GRADE}
    if not relevant:
        return 1.0
    return len(relevant.intersection(ranked[:k])) / len(relevant)


def reciprocal_rank(ranked: Sequence[str], grades: Mapping[str, int]) -> float:
    """1 / position of the first relevant item; 0 when none is ranked."""
    for position, item in enumerate(ranked, start=1):
        if grades.get(item, 0) >= RELEVANT_GRADE:
            return 1.0 / position
    return 0.0


@dataclass(frozen=True, slots=True)
class Estimate:
    mean: float
    low: float
    high: float


def bootstrap_interval(
    values: Sequence[float], *, seed: int, resamples: int = 2000, level: float = 0.95
) -> Estimate:
    """Mean with a percentile bootstrap interval, resampling the per-request values."""
    data = np.asarray(values, dtype=np.float64)
    if data.size == 0:
        return Estimate(math.nan, math.nan, math.nan)
    rng = np.random.default_rng(seed)
    picks = rng.integers(0, data.size, size=(resamples, data.size))
    means = data[picks].mean(axis=1)
    tail = (1.0 - level) / 2.0
    low, high = np.quantile(means, [tail, 1.0 - tail])
    return Estimate(float(data.mean()), float(low), float(high))


def paired_difference(
    ours: Sequence[float], theirs: Sequence[float], *, seed: int, resamples: int = 2000
) -> Estimate:
    """Mean per-request difference (ours - theirs) with a bootstrap interval over requests."""
    if len(ours) != len(theirs):
        raise ValueError("both systems must be scored on the same requests")
    differences = [a - b for a, b in zip(ours, theirs, strict=True)]
    return bootstrap_interval(differences, seed=seed, resamples=resamples)


METRICS = ("NDCG@10", "P@5", "recall@20", "MRR")


def per_request_scores(ranked: Sequence[str], grades: Mapping[str, int]) -> dict[str, float]:
    """Every reported metric for one request's ranking."""
    return {
        "NDCG@10": ndcg_at_k(ranked, grades, 10),
        "P@5": precision_at_k(ranked, grades, 5),
        "recall@20": recall_at_k(ranked, grades, 20),
        "MRR": reciprocal_rank(ranked, grades),
    }
