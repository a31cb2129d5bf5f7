"""The trust features the referrals service writes to `freelancer_trust.features` and the
matching service reads. One list, so the writer and the reader cannot drift apart.

Each value is a float; a freelancer without any trust evidence has every feature at 0.
"""

from __future__ import annotations

from typing import Final

TRUST_FEATURES: Final[dict[str, str]] = {
    "best_in_person_vouch": (
        "Strongest positive (strong/yes) vouch from someone who met the freelancer in person or "
        "worked with them: voucher network trust x channel weight x recency decay, in [0, 1]."
    ),
    "in_person_vouchers": "Number of distinct referrers with a positive in-person/worked-together vouch.",
    "online_only_vouches": "Positive vouches whose channel is video, phone or online (weak evidence), discounted sum.",
    "best_voucher_network_trust": "Network trust (personalised PageRank) of the best positive voucher, in [0, 1].",
    "attested_quality": (
        "Trust-weighted mean recommendation (strong +2, yes +1, reservations -1, against -2) over "
        "active vouches, each weighted by voucher trust x channel weight x decay; 0 without vouches."
    ),
    "trusted_warnings": (
        "Trust-weighted sum of 'reservations' (x0.5) and 'against' (x1) vouches; >= 0, higher is worse."
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
    "attested_quality": 1,
    "trusted_warnings": -1,
    "referrer_track_record": 1,
}
