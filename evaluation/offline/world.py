"""What the offline experiments read: reviewed requests in time order, at the level the ranker
sees them (one feature row per reviewed candidate), plus the profile texts the plain-text
baselines search. `evaluation.offline.replay` builds it from the demo agency's history."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from shared.trust_features import TRUST_FEATURES

TrustSignal = Literal["default", "none"]
TRUST_NAMES: tuple[str, ...] = tuple(TRUST_FEATURES)


@dataclass
class ReviewedRequest:
    time: float  # days since the start of the history
    text: str
    pool: np.ndarray  # freelancer keys (positions in `OfflineWorld.profile_texts`)
    values: np.ndarray  # (pool, F) the features the ranker saw then
    must_missing: np.ndarray
    grades: np.ndarray  # what happened, graded as scoring.evaluation.GRADES
    # Rows with a decision (what training may use); the others were not reviewed (grade 0).
    judged: np.ndarray | None = None

    def decided(self) -> ReviewedRequest:
        """Only the reviewed candidates: what the service's training data holds."""
        if self.judged is None:
            return self
        keep = self.judged
        return ReviewedRequest(
            self.time,
            self.text,
            self.pool[keep],
            self.values[keep],
            self.must_missing[keep],
            self.grades[keep],
        )


@dataclass
class OfflineWorld:
    seed: int
    trust_signal: TrustSignal
    profile_texts: list[str]
    requests: list[ReviewedRequest]  # in time order
    # How many of `requests` are the past (trained on); None: the first two thirds.
    split: int | None = None
