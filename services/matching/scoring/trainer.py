"""A sign-constrained pairwise linear ranker fitted with scikit-learn.

Training target: within each request, every pair of reviewed candidates should differ in score
by the difference of their grades. Least squares over all within-request pairs, each request's
pairs weighted 1/n, is exactly least squares on features and grades centred per request, so
no pair matrix is ever built (1M examples fit in seconds).

Monotonicity is guaranteed by construction, not by hope: coefficients are written as
coef = M @ beta with beta >= 0 (scikit-learn `Ridge(positive=True)`), where M's columns are
+e_i for direction +1, -e_i for -1, both for unconstrained features, and e_a + e_b plus e_a for
a dominance pair (a stronger than b: coef_a >= coef_b >= 0). So a trained model can never give a
positive trust feature a negative weight, a warning a positive one, or an online-only vouch
more weight than an in-person voucher.

Shrinkage toward the prior (few decisions): with `prior` set, the fit minimises
||y - X M beta||^2 + prior_strength * ||beta - s * beta_prior||^2 over beta >= 0, where
M beta_prior = prior and s >= 0 gives the prior's scores the spread of the grades (grades and
prior points are on different scales; a scaled prior ranks exactly like the prior). The data term
grows with every reviewed pair while the prior's term stays fixed, so the pull toward the prior
falls as decisions grow: ten requests give a model close to the prior's ranking, hundreds one the
data decide. The sign and dominance constraints hold exactly as before (beta >= 0).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.linalg import cholesky, solve_triangular
from scipy.optimize import lsq_linear, nnls
from sklearn.base import BaseEstimator, RegressorMixin
from sklearn.linear_model import Ridge
from sklearn.utils.validation import check_is_fitted, validate_data


def constraint_basis(
    directions: Sequence[int], dominance: Sequence[tuple[int, int]] = ()
) -> np.ndarray:
    """M with coef = M @ beta, beta >= 0, spanning exactly the allowed coefficient vectors."""
    n = len(directions)
    weaker = {b: a for a, b in dominance}
    columns = []
    for i, direction in enumerate(directions):
        unit = np.zeros(n)
        unit[i] = 1.0
        if i in weaker:
            stronger = weaker[i]
            if directions[i] != 1 or directions[stronger] != 1:
                raise ValueError("dominance pairs must both have direction +1")
            joint = unit.copy()
            joint[stronger] = 1.0
            columns.append(joint)
        elif direction > 0:
            columns.append(unit)
        elif direction < 0:
            columns.append(-unit)
        else:
            columns.extend([unit, -unit])
    return np.column_stack(columns) if columns else np.zeros((n, 0))


def _group_centre(values: np.ndarray, codes: np.ndarray, counts: np.ndarray) -> np.ndarray:
    if values.ndim == 1:
        return values - (np.bincount(codes, weights=values) / counts)[codes]
    means = np.column_stack(
        [np.bincount(codes, weights=values[:, j]) / counts for j in range(values.shape[1])]
    )
    return values - means[codes]


def _shrunk_toward_prior(
    design: np.ndarray,
    target: np.ndarray,
    basis: np.ndarray,
    prior: np.ndarray,
    centred_x: np.ndarray,
    *,
    strength: float,
) -> np.ndarray:
    """beta >= 0 minimising ||design beta - target||^2 + strength ||beta - s beta_prior||^2."""
    if len(prior) != basis.shape[0]:
        raise ValueError(f"prior has {len(prior)} entries for {basis.shape[0]} features")
    beta_prior, residual = nnls(basis, prior)
    if residual > 1e-6 * (1.0 + float(np.abs(prior).sum())):
        raise ValueError("the prior does not satisfy the sign and dominance constraints")
    # The prior in grade units: its scores given the spread of the grades. Matching spreads
    # (not a regression slope) keeps the prior's direction even where it fits the data poorly,
    # so with few decisions the model ranks like the prior rather than like nothing.
    prior_spread = float(np.linalg.norm(centred_x @ prior))
    scale = float(np.linalg.norm(target)) / prior_spread if prior_spread > 0 else 0.0
    width = basis.shape[1]
    if width == 0 or not np.any(design):
        return scale * beta_prior
    # Normal equations reduced by Cholesky: the same minimiser on a width x width problem, so a
    # million reviewed pairs cost one matrix product.
    weight = max(strength, 0.0)
    gram = design.T @ design + weight * np.eye(width)
    gram += 1e-9 * (1.0 + float(np.trace(gram))) * np.eye(width)
    moment = design.T @ target + weight * scale * beta_prior
    lower = cholesky(gram, lower=True)
    rhs = solve_triangular(lower, moment, lower=True)
    solution = lsq_linear(lower.T, rhs, bounds=(0.0, np.inf), method="bvls").x
    # The solver may return -1e-17 on an active bound; a sign check must never see it.
    return np.maximum(np.asarray(solution, dtype=np.float64), 0.0)


class ConstrainedLinearRanker(RegressorMixin, BaseEstimator):
    """Pairwise least-squares ranker with per-feature sign constraints.

    Parameters: `alpha` (ridge penalty), `directions` (+1/-1/0 per feature; None = all free),
    `dominance` ((stronger, weaker) feature index pairs), and `prior` / `prior_strength`: the
    coefficients to shrink toward (they must satisfy the constraints) and the fixed weight of
    that pull (replaces `alpha` when `prior` is set).
    """

    def __init__(
        self,
        alpha: float = 1.0,
        directions: tuple[int, ...] | None = None,
        dominance: tuple[tuple[int, int], ...] = (),
        prior: tuple[float, ...] | None = None,
        prior_strength: float = 3.0,
    ) -> None:
        self.alpha = alpha
        self.directions = directions
        self.dominance = dominance
        self.prior = prior
        self.prior_strength = prior_strength

    def fit(
        self, X: np.ndarray, y: np.ndarray, groups: np.ndarray | None = None
    ) -> ConstrainedLinearRanker:
        X, y = validate_data(self, X, y, dtype=np.float64, y_numeric=True)
        directions = self.directions if self.directions is not None else (0,) * X.shape[1]
        if len(directions) != X.shape[1]:
            raise ValueError(f"directions has {len(directions)} entries for {X.shape[1]} features")
        group_values = np.zeros(len(y)) if groups is None else np.asarray(groups)
        _, codes, counts = np.unique(group_values, return_inverse=True, return_counts=True)
        centred_x = _group_centre(X, codes, counts.astype(np.float64))
        centred_y = _group_centre(y.astype(np.float64), codes, counts.astype(np.float64))
        if groups is None:  # one group: the plain regression (keeps a level for predict)
            centred_x, centred_y = X - X.mean(axis=0), y - y.mean()
        basis = constraint_basis(directions, self.dominance)
        design = centred_x @ basis
        if self.prior is not None:
            beta = _shrunk_toward_prior(
                design,
                centred_y,
                basis,
                np.asarray(self.prior, dtype=np.float64),
                centred_x,
                strength=self.prior_strength,
            )
        elif design.shape[1] and np.any(design):
            ridge = Ridge(alpha=self.alpha, positive=True, fit_intercept=False)
            ridge.fit(design, centred_y)
            beta = ridge.coef_
        else:
            beta = np.zeros(basis.shape[1])
        self.coef_ = basis @ beta
        self.intercept_ = float(np.mean(y - X @ self.coef_))
        return self

    def predict(self, X: np.ndarray) -> np.ndarray:
        check_is_fitted(self)
        X = validate_data(self, X, dtype=np.float64, reset=False)
        return np.asarray(X @ self.coef_ + self.intercept_)
