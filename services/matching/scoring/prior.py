"""The cold-start prior: documented weights an account manager can check by hand.

Scale: a perfect skills match is worth about 4 points, a close text match 2-3, strong trust
evidence about 3-4, the practical fit terms about 2 together. Rationale per weight:
- must-haves dominate (3.0): the client said they are required; nice-to-haves add 1.0.
- level deficit (-1.0) costs more than surplus earns (0.3): under-qualified is a real risk.
- years, recency and related-skill credit (0.5 each) refine among people with the skills.
- text similarity (6.0) is a major term: measured on real CVs, TF-IDF similarity alone ranks
  far better than structured skills alone (NDCG@10 0.83-0.87 vs 0.64), and real cosines are
  small (0.05-0.5), so 6.0 lets a clearly closer text outweigh a whole nice-to-have or a level
  step, while a must-have still needs to be shown somewhere (the missing penalty).
- skills shown only in a profile's text count as level 2 inside the coverage terms (see
  `features.compute`), so prose-only profiles compete without a skill list.
- trust: the weights are TRUST_PRIOR_WEIGHTS of shared/trust_features.py, the same numbers
  the referrals service scores `GET /v1/freelancers/{id}/trust` with. What trusted people say
  (attested quality, 3.0 on (-1, 1)) carries most; an in-person vouch is strong evidence (1.0
  for the best one, plus 0.05 per distinct in-person voucher up to ten), an online-only one weak
  (0.03 per discounted unit, capped: a thousand online contacts never outweigh a few met ones);
  reach counts less (the freelancer's own network trust and the best voucher's, 0.5 each); a
  warning from a trusted contact costs 3.0 per unit of warning strength, more than the best
  vouch of the same voucher earns; the referrer's track record adds 0.3.
- placement history (0.3 count, 0.5 success) rewards freelancers who delivered before.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from services.matching.features.registry import FEATURE_NAMES
from services.matching.scoring.model import RankingModel
from shared.trust_features import TRUST_PRIOR_WEIGHTS

PRIOR_WEIGHTS: Final[dict[str, float]] = {
    "must_have_coverage": 3.0,
    "nice_to_have_coverage": 1.0,
    "level_surplus": 0.3,
    "level_deficit": -1.0,
    "years_experience": 0.5,
    "skill_recency": 0.5,
    "related_skill_credit": 0.5,
    "text_similarity": 6.0,
    "rate_fit": 0.5,
    "availability_gap": -0.5,
    "location_fit": 0.5,
    "language_fit": 0.3,
    **TRUST_PRIOR_WEIGHTS,
    "placement_count": 0.3,
    "placement_success": 0.5,
}
PRIOR_INTERCEPT: Final[float] = 0.0
PRIOR_KIND: Final[str] = "prior"


def prior_model(version_id: int | None = None) -> RankingModel:
    coefficients = np.array([PRIOR_WEIGHTS[name] for name in FEATURE_NAMES], dtype=np.float64)
    return RankingModel(PRIOR_KIND, coefficients, PRIOR_INTERCEPT, version_id)
