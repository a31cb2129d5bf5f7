"""The trust features the referrals service writes to `freelancer_trust.features` and the
matching service reads — and the one way both turn them into points. One list, one set of
transforms and one set of prior weights, so the `/trust` score, the trust contributions of a
match result and the explanation's words cannot drift apart.

Each raw value is a float; a freelancer without any trust evidence has every feature at 0.
`bounded_trust` maps a raw value into the bounded range the ranker sees; the trust score shown by
`GET /v1/freelancers/{id}/trust` is Σ TRUST_PRIOR_WEIGHTS[name] · bounded_trust(name, raw) —
exactly the trust contributions a match under the prior model gets.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Final

import numpy as np

TRUST_FEATURES: Final[dict[str, str]] = {
    "best_in_person_vouch": (
        "Strongest positive vouch from someone who met the freelancer in person or worked with "
        "them: voucher network trust x channel weight x recency decay x (1 strong, 0.5 yes), "
        "in [0, 1]."
    ),
    "in_person_vouchers": "Number of distinct referrers with a positive in-person/worked-together vouch.",
    "online_only_vouches": "Positive vouches whose channel is video, phone or online (weak evidence), discounted sum.",
    "best_voucher_network_trust": "Network trust (personalised PageRank) of the best positive voucher, in [0, 1).",
    "network_trust": (
        "Network trust of the freelancer's own contact (trust reaching them through meetings and "
        "vouches from the agency's people), in [0, 1); 0 when they are not a contact."
    ),
    "attested_quality": (
        "What trusted people say: sum of vouch strength x recommendation (strong +2, yes +1, "
        "reservations -1, against -2) over (sum of vouch strength x |recommendation| + 1), in "
        "(-1, 1); a trust-weighted mean shrunk toward 0 when little trust stands behind it, "
        "never lower after a positive vouch, never higher after a warning; 0 without vouches."
    ),
    "trusted_warnings": (
        "Trust-weighted sum of 'reservations' (x0.5) and 'against' (x1) vouches, each weighed by "
        "channel and recency like a positive vouch; >= 0, higher is worse."
    ),
    "referrer_track_record": (
        "Best smoothed placement rate (placed + alpha*mu) / (n + alpha) among positive vouchers; "
        "0 when there is no positive voucher."
    ),
}

# Direction of each feature's effect on a match score, for monotonic constraints in the ranker:
# +1 more is never worse, -1 more is never better.
TRUST_FEATURE_DIRECTION: Final[dict[str, int]] = {
    "best_in_person_vouch": 1,
    "in_person_vouchers": 1,
    "online_only_vouches": 1,
    "best_voucher_network_trust": 1,
    "network_trust": 1,
    "attested_quality": 1,
    "trusted_warnings": -1,
    "referrer_track_record": 1,
}

VOUCH_COUNT_CAP: Final[float] = 10.0
WARNING_CAP: Final[float] = 1.0

# How each raw value is brought into a bounded range (all monotonic, so directions hold).
TRUST_TRANSFORMS: Final[dict[str, str]] = {
    "best_in_person_vouch": "clipped to [0, 1]",
    "in_person_vouchers": "min(n, 10) / 10 (linear, so each voucher counts the same)",
    "online_only_vouches": "min(x, 10) / 10 (same scale as in-person vouchers)",
    "best_voucher_network_trust": "clipped to [0, 1]",
    "network_trust": "clipped to [0, 1]",
    "attested_quality": "clipped to [-1, 1]",
    "trusted_warnings": "min(x, 1): linear up to one fully trusted warning",
    "referrer_track_record": "clipped to [0, 1]",
}

# The cold-start weights (points per bounded unit), shared by the matcher's prior and /trust.
# What trusted people say (attested_quality) carries most: on the evaluation it predicts best,
# and the parts that only count praise (best vouch, voucher count, reach) got less weight until
# the combined score was at least as predictive as attested quality alone. A trusted warning
# costs 3 points per unit of warning strength: more than everything the best positive vouch of
# the same voucher earns through best_in_person_vouch (1.0 per unit), the voucher count (0.05),
# the voucher's own trust (0.5 per unit) and the track record (0.3 x rate); attested_quality
# moves by the same amount either way. The referrals README states the resulting figures, and a
# test recomputes them.
TRUST_PRIOR_WEIGHTS: Final[dict[str, float]] = {
    "best_in_person_vouch": 1.0,
    "in_person_vouchers": 0.5,
    "online_only_vouches": 0.3,
    "best_voucher_network_trust": 0.5,
    "network_trust": 0.5,
    "attested_quality": 3.0,
    "trusted_warnings": -3.0,
    "referrer_track_record": 0.3,
}


def bounded_trust(name: str, raw: np.ndarray) -> np.ndarray:
    """The ranker's bounded value of a raw trust feature (vectorised)."""
    value = np.nan_to_num(np.asarray(raw, dtype=np.float64))
    if name in ("in_person_vouchers", "online_only_vouches"):
        return np.clip(value, 0.0, VOUCH_COUNT_CAP) / VOUCH_COUNT_CAP
    if name == "trusted_warnings":
        return np.clip(value, 0.0, WARNING_CAP)
    if name == "attested_quality":
        return np.clip(value, -1.0, 1.0)
    return np.clip(value, 0.0, 1.0)


def bounded_value(name: str, raw: float) -> float:
    """bounded_trust for one value, in plain Python (the per-freelancer hot path)."""
    value = float(raw) if math.isfinite(raw) else 0.0
    if name in ("in_person_vouchers", "online_only_vouches"):
        return min(max(value, 0.0), VOUCH_COUNT_CAP) / VOUCH_COUNT_CAP
    if name == "trusted_warnings":
        return min(max(value, 0.0), WARNING_CAP)
    if name == "attested_quality":
        return min(max(value, -1.0), 1.0)
    return min(max(value, 0.0), 1.0)


def trust_contributions(features: Mapping[str, float]) -> dict[str, float]:
    """Points per trust feature under the prior weights (missing features count as 0)."""
    return {
        name: TRUST_PRIOR_WEIGHTS[name] * bounded_value(name, features.get(name, 0.0))
        for name in TRUST_FEATURES
    }


def trust_points(features: Mapping[str, float]) -> float:
    """The trust score: the sum of the trust contributions."""
    return float(sum(trust_contributions(features).values()))
