"""NDCG@10 per request and the holdout gate a new model must pass to become active.

Graded relevance from the latest decision: placed 4 > interviewed 3 = presented 3 >
shortlisted 2 > declined 1 > rejected 0 (a placement that ended early or was cancelled: 2).
Ties in score are broken by freelancer id, exactly as the live ranking does.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from scipy import stats

GRADES: dict[str, float] = {
    "placed": 4.0,
    "interviewed": 3.0,
    "presented": 3.0,
    "shortlisted": 2.0,
    "declined": 1.0,
    "rejected": 0.0,
}
WEAK_PLACEMENT_GRADE = 2.0
K = 10


def _dcg(
    order_keys: tuple[np.ndarray, ...], grades: np.ndarray, codes: np.ndarray, k: int, n_groups: int
) -> np.ndarray:
    order = np.lexsort(order_keys)
    sorted_codes = codes[order]
    starts = np.searchsorted(sorted_codes, np.arange(n_groups))
    rank = np.arange(len(order)) - starts[sorted_codes]
    keep = rank < k
    gains = (2.0 ** grades[order][keep] - 1.0) / np.log2(rank[keep] + 2.0)
    return np.bincount(sorted_codes[keep], weights=gains, minlength=n_groups)


def ndcg_per_group(
    scores: np.ndarray, grades: np.ndarray, groups: np.ndarray, ids: np.ndarray, k: int = K
) -> tuple[np.ndarray, np.ndarray]:
    """(group values, NDCG@k) for the groups whose candidates do not all share one grade."""
    unique, codes = np.unique(groups, return_inverse=True)
    n = len(unique)
    low = np.full(n, np.inf)
    high = np.full(n, -np.inf)
    np.minimum.at(low, codes, grades)
    np.maximum.at(high, codes, grades)
    informative = high > low
    actual = _dcg((ids, -scores, codes), grades, codes, k, n)
    ideal = _dcg((ids, -grades, codes), grades, codes, k, n)
    safe = np.where(ideal > 0, ideal, 1.0)
    return unique[informative], (actual / safe)[informative]


def compare_on_holdout(
    active_scores: np.ndarray,
    new_scores: np.ndarray,
    grades: np.ndarray,
    groups: np.ndarray,
    ids: np.ndarray,
    *,
    min_improvement: float,
    significance_level: float,
    min_requests: int,
) -> dict[str, Any]:
    """Paired comparison over holdout requests; `better` only if the mean NDCG gain exceeds
    `min_improvement` and a one-sided paired t-test finds it significant."""
    _, active = ndcg_per_group(active_scores, grades, groups, ids)
    _, new = ndcg_per_group(new_scores, grades, groups, ids)
    return paired_gate(
        active,
        new,
        min_improvement=min_improvement,
        significance_level=significance_level,
        min_requests=min_requests,
        what="holdout",
    )


def paired_gate(
    active: np.ndarray,
    new: np.ndarray,
    *,
    min_improvement: float,
    significance_level: float,
    min_requests: int,
    what: str,
) -> dict[str, Any]:
    """The gate on per-request NDCG pairs (a time-split holdout, or cross-validation folds)."""
    n = len(active)
    differences = new - active
    mean = float(differences.mean()) if n else 0.0
    stderr = float(differences.std(ddof=1) / np.sqrt(n)) if n > 1 else float("inf")
    critical = float(stats.t.ppf(1.0 - significance_level, n - 1)) if n > 1 else float("inf")
    lower = mean - critical * stderr if np.isfinite(stderr) else float("-inf")
    if n < min_requests:
        reason = f"only {n} informative {what} requests (need {min_requests})"
        better = False
    elif mean <= min_improvement:
        reason = f"NDCG@{K} gain {mean:+.4f} is not above the required {min_improvement:+.4f}"
        better = False
    elif lower <= 0:
        reason = f"gain {mean:+.4f} is within noise (one-sided {1 - significance_level:.0%} lower bound {lower:+.4f})"
        better = False
    else:
        reason = f"NDCG@{K} improves by {mean:+.4f} (lower bound {lower:+.4f})"
        better = True
    return {
        "metric": f"ndcg@{K}",
        "method": "time-split holdout" if what == "holdout" else "cross-validation over requests",
        "holdout_requests": n,
        "active_ndcg": float(active.mean()) if n else None,
        "new_ndcg": float(new.mean()) if n else None,
        "mean_difference": mean,
        "stderr": stderr if np.isfinite(stderr) else None,
        "lower_bound": lower if np.isfinite(lower) else None,
        "significance_level": significance_level,
        "wins": int((differences > 1e-12).sum()),
        "losses": int((differences < -1e-12).sum()),
        "ties": int((np.abs(differences) <= 1e-12).sum()),
        "better": better,
        "reason": reason,
    }
