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
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
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


class ConstrainedLinearRanker(RegressorMixin, BaseEstimator):
    """Pairwise least-squares ranker with per-feature sign constraints.

    Parameters: `alpha` (ridge penalty), `directions` (+1/-1/0 per feature; None = all free)
    and `dominance` ((stronger, weaker) feature index pairs).
    """

    def __init__(
        self,
        alpha: float = 1.0,
        directions: tuple[int, ...] | None = None,
        dominance: tuple[tuple[int, int], ...] = (),
    ) -> None:
        self.alpha = alpha
        self.directions = directions
        self.dominance = dominance

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
        if design.shape[1] and np.any(design):
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
