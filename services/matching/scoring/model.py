"""The scoring interface every ranking uses: a linear model whose contributions are exact.

score = bias + sum_i coef_i * x_i - penalty * must_have_missing, accumulated feature by feature
in registry order so the same inputs always give the same bits (and identical candidates tie
exactly, to be broken by freelancer id). `penalty` exceeds the largest possible spread of the
rest of the score, which is bounded because every feature is bounded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from services.matching.features.registry import BIAS, FEATURE_NAMES, FEATURES, MUST_HAVE_MISSING

CONTRIBUTION_NAMES: tuple[str, ...] = (BIAS, *FEATURE_NAMES, MUST_HAVE_MISSING.name)
_RANGES = np.array([spec.upper - spec.lower for spec in FEATURES])


@lru_cache(maxsize=64)
def _penalty(coefficients: bytes) -> float:
    values = np.frombuffer(coefficients, dtype=np.float64)
    return float(1.0 + np.sum(np.abs(values) * _RANGES))


@dataclass(frozen=True)
class RankingModel:
    """Frozen parameters of a linear ranker (the prior or a trained version)."""

    kind: str
    coefficients: np.ndarray  # float64 (F,), registry order (C-contiguous)
    intercept: float
    version_id: int | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return f"{self.kind}-{self.version_id}" if self.version_id is not None else self.kind

    @property
    def penalty(self) -> float:
        """Cost of one missing must-have: more than the whole spread of all other terms."""
        return _penalty(self.coefficients.tobytes())

    def weights(self) -> dict[str, float]:
        return {name: float(c) for name, c in zip(FEATURE_NAMES, self.coefficients, strict=True)}

    def contributions(self, values: np.ndarray, must_missing: np.ndarray) -> np.ndarray:
        """(n, len(CONTRIBUTION_NAMES)): bias, coef_i * x_i, and the must-have penalty."""
        n = values.shape[0]
        out = np.empty((n, len(CONTRIBUTION_NAMES)))
        out[:, 0] = self.intercept
        out[:, 1:-1] = values * self.coefficients + 0.0  # + 0.0 turns -0.0 into 0.0
        out[:, -1] = -self.penalty * must_missing + 0.0
        return out

    def score(self, values: np.ndarray, must_missing: np.ndarray) -> np.ndarray:
        """Sum of the contributions, accumulated left to right (deterministic per row)."""
        parts = self.contributions(values, must_missing)
        total = parts[:, 0].copy()
        for column in range(1, parts.shape[1]):
            total += parts[:, column]
        return total

    def partial_bounds(
        self, values: np.ndarray, must_missing: np.ndarray, column: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Score bounds when feature `column` is not computed yet (its value is in its bounds)."""
        known = values.copy()
        known[:, column] = 0.0
        base = self.score(known, must_missing)
        spec = FEATURES[column]
        ends = self.coefficients[column] * np.array([spec.lower, spec.upper])
        return base + ends.min(), base + ends.max()
