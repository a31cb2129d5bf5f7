"""Relationship strength: how often, how recently and how really two people met.

For a pair of contacts with interactions i (channel c_i, age a_i days on the day of computation):

    E = Σ_i w(c_i) · 2^(−a_i / h)          decayed evidence, h = interaction half-life (180 days)
    s = 1 − exp(−E)                         strength in [0, 1)

with channel weights w(in_person) = w(worked_together) = 1.0, w(video) = 0.5, w(phone) = 0.4,
w(online) = 0.2. Each interaction adds a positive term, so adding one never lowers s; an in-person
meeting adds more than an online one on the same day; an older one adds less (the decay halves
every h days). Interactions dated after the computation day count as of that day (age 0).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import numpy as np
import scipy.sparse as sp

from services.referrals.trust.params import CHANNEL_CODE, TrustParams


def decay(age_days: np.ndarray | float, half_life_days: float) -> np.ndarray:
    """2^(−age/h), with negative ages treated as 0 (nothing counts more than full)."""
    age = np.maximum(np.asarray(age_days, dtype=np.float64), 0.0)
    return np.exp2(-age / half_life_days)


def interaction_evidence(
    channel_codes: np.ndarray, age_days: np.ndarray, params: TrustParams
) -> np.ndarray:
    """w(channel) · 2^(−age/h) per interaction."""
    weights = params.weights_by_code()[channel_codes]
    return weights * decay(age_days, params.interaction_half_life_days)


def strength_from_evidence(evidence: np.ndarray | float) -> np.ndarray:
    """1 − exp(−E), computed without cancellation for small E."""
    return -np.expm1(-np.asarray(evidence, dtype=np.float64))


def pair_strength(
    interactions: Iterable[tuple[str, date]], *, as_of: date, params: TrustParams
) -> float:
    """Strength of one pair from its (channel, occurred_on) interactions."""
    rows = list(interactions)
    if not rows:
        return 0.0
    codes = np.array([CHANNEL_CODE[channel] for channel, _ in rows], dtype=np.int64)
    ages = np.array([(as_of - day).days for _, day in rows], dtype=np.float64)
    return float(strength_from_evidence(interaction_evidence(codes, ages, params).sum()))


def evidence_matrix(
    a_index: np.ndarray, b_index: np.ndarray, evidence: np.ndarray, size: int
) -> sp.csr_matrix:
    """Symmetric sparse matrix of decayed evidence per pair (repeated pairs are summed)."""
    # Sum the pairs once on one triangle, then mirror: half the sorting of a symmetric build.
    upper = sp.csr_matrix((evidence, (a_index, b_index)), shape=(size, size))
    upper.sum_duplicates()
    matrix = (upper + upper.T).tocsr()
    matrix.sort_indices()
    return matrix


def strength_matrix(evidence: sp.csr_matrix) -> sp.csr_matrix:
    """The same sparsity pattern with strengths 1 − exp(−E)."""
    strength = evidence.copy()
    strength.data = strength_from_evidence(evidence.data)
    return strength
