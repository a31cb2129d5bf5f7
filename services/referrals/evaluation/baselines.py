"""Simple baselines computed in the same run: directed personalised PageRank and mean rating."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from services.referrals.evaluation.networks import Ratings


def directed_pagerank(
    size: int,
    source: np.ndarray,
    target: np.ndarray,
    weight: np.ndarray,
    seeds: np.ndarray,
    *,
    damping: float = 0.85,
    iterations: int = 100,
) -> np.ndarray:
    """Personalised PageRank over weighted directed edges, restart uniform over the seeds
    (dangling mass restarts too); untruncated power iteration."""
    matrix = sp.csr_matrix((weight, (source, target)), shape=(size, size))
    out = np.asarray(matrix.sum(axis=1)).ravel()
    scale = np.divide(1.0, out, out=np.zeros(size), where=out > 0)
    incoming = matrix.T.tocsr()
    restart = np.zeros(size)
    restart[seeds] = 1.0 / max(len(seeds), 1)
    rank = restart.copy()
    for _ in range(iterations):
        moved = incoming @ (scale * rank)
        dangling = rank[out == 0].sum()
        rank = damping * (moved + dangling * restart) + (1 - damping) * restart
    return np.asarray(rank)


def mean_rating(size: int, target: np.ndarray, value: np.ndarray) -> np.ndarray:
    """Mean received rating per node (0 without ratings)."""
    total = np.bincount(target, weights=value, minlength=size)
    count = np.bincount(target, minlength=size)
    return np.divide(total, count, out=np.zeros(size), where=count > 0)


def pagerank_before(ratings: Ratings, split: float) -> np.ndarray:
    """The PageRank baseline as of `split`: positive ratings given before it, from the seeds."""
    positive = (ratings.day < split) & (ratings.value > 0)
    return directed_pagerank(
        ratings.size,
        ratings.source[positive],
        ratings.target[positive],
        ratings.value[positive],
        ratings.seeds,
    )
