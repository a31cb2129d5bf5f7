"""A freelancer's trust features and overall score, from the vouches in force.

Vouch strength, for a vouch by referrer r (network trust T(r)) through channel c, last met
a days ago:

    σ = T(r) · w(c) · 2^(−a / h_v)              h_v = vouch half-life, 18 months

Referrer track record (smoothed placement rate of the referrer's vouches):

    track(r) = (placed_r + α · μ) / (n_r + α)     α = 5, μ = Σ placed / Σ n over all referrers

n_r counts the freelancers r vouches for positively now or whose placement credited r's
positive vouch; placed_r the latter. A referrer with one lucky vouch stays near μ.

Features (the names of shared/trust_features.py), over the freelancer's ACTIVE vouches:

    best_in_person_vouch        max σ over positive (strong/yes) in_person/worked_together vouches
    in_person_vouchers          number of distinct referrers of such vouches with T(r) > 0
    online_only_vouches         Σ σ over positive video/phone/online vouches (w already discounts)
    best_voucher_network_trust  max T(r) over positive vouchers (max, so a new voucher never
                                lowers it)
    attested_quality            Σ σ·q / Σ σ over all vouches, q = strong +2, yes +1,
                                reservations −1, against −2; 0 when Σ σ = 0
    trusted_warnings            Σ σ · (0.5 for reservations, 1 for against)
    referrer_track_record       max track(r) over positive vouchers; 0 without one

Score in [0, 1):

    support = Σ_{positive} σ · q / 2            (strong counts σ, yes σ / 2)
    reach   = network trust of the freelancer's own contact, if they are one
    score   = (1 − exp(−(support + reach))) · exp(−β · trusted_warnings)      β = 2

Non-decreasing in positive evidence (a positive vouch only adds to support), non-increasing in
warnings (an against/reservations vouch only adds to trusted_warnings and leaves support alone),
and a withdrawn vouch simply leaves the sums. The score uses the sums behind attested_quality
rather than the mean itself: a mean can fall when a 'yes' joins two 'strong's, which would let
positive evidence lower the score. The track record is left to the ranker as a feature.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from services.referrals.trust.params import (
    IN_PERSON_CHANNELS,
    POSITIVE_RECOMMENDATIONS,
    RECOMMENDATION_VALUE,
    WARNING_WEIGHT,
    TrustParams,
)
from shared.trust_features import TRUST_FEATURES


@dataclass(frozen=True)
class VouchEvidence:
    vouch_id: int
    referrer_contact_id: int
    referrer_trust: float
    channel: str
    recommendation: str
    age_days: float  # since last_met_on
    referrer_track_record: float


@dataclass
class Assessment:
    features: dict[str, float]
    score: float
    support: float
    reach: float
    strengths: dict[int, float] = field(default_factory=dict)  # vouch id -> σ


def vouch_strength(
    *, referrer_trust: float, channel: str, age_days: float, params: TrustParams
) -> float:
    """σ = T(r) · w(channel) · 2^(−age / h_v)."""
    decay = 2.0 ** (-max(age_days, 0.0) / params.vouch_half_life_days)
    return referrer_trust * params.weight(channel) * decay


def smoothed_rate(*, placed: float, vouched: float, alpha: float, global_rate: float) -> float:
    """(placed + α·μ) / (n + α): shrinks a referrer's rate toward the global rate."""
    return (placed + alpha * global_rate) / (vouched + alpha)


def global_rate(placed_total: float, vouched_total: float) -> float:
    return placed_total / vouched_total if vouched_total > 0 else 0.0


def trust_score(*, support: float, reach: float, warnings: float, params: TrustParams) -> float:
    return (1.0 - math.exp(-(support + reach))) * math.exp(-params.warning_penalty * warnings)


def zero_features() -> dict[str, float]:
    # 0, not the global rate, without a positive voucher: then the max over vouchers can only
    # grow when a positive vouch is added, which the matcher's monotonicity relies on.
    return dict.fromkeys(TRUST_FEATURES, 0.0)


def assess(
    vouches: Sequence[VouchEvidence],
    *,
    own_trust: float,
    params: TrustParams,
) -> Assessment:
    """Features and score of one freelancer from their active vouches."""
    features = zero_features()
    strengths: dict[int, float] = {}
    in_person_vouchers: set[int] = set()
    track_records: list[float] = []
    weight_sum = weighted_quality = support = warnings = 0.0
    for vouch in vouches:
        sigma = vouch_strength(
            referrer_trust=vouch.referrer_trust,
            channel=vouch.channel,
            age_days=vouch.age_days,
            params=params,
        )
        strengths[vouch.vouch_id] = sigma
        value = RECOMMENDATION_VALUE[vouch.recommendation]
        weight_sum += sigma
        weighted_quality += sigma * value
        warnings += sigma * WARNING_WEIGHT.get(vouch.recommendation, 0.0)
        if vouch.recommendation not in POSITIVE_RECOMMENDATIONS:
            continue
        support += sigma * value / 2.0
        track_records.append(vouch.referrer_track_record)
        features["best_voucher_network_trust"] = max(
            features["best_voucher_network_trust"], vouch.referrer_trust
        )
        if vouch.channel in IN_PERSON_CHANNELS:
            features["best_in_person_vouch"] = max(features["best_in_person_vouch"], sigma)
            if sigma > 0.0:
                in_person_vouchers.add(vouch.referrer_contact_id)
        else:
            features["online_only_vouches"] += sigma
    features["in_person_vouchers"] = float(len(in_person_vouchers))
    features["attested_quality"] = weighted_quality / weight_sum if weight_sum > 0 else 0.0
    features["trusted_warnings"] = warnings
    if track_records:
        features["referrer_track_record"] = max(track_records)
    score = trust_score(support=support, reach=own_trust, warnings=warnings, params=params)
    return Assessment(
        features=features, score=score, support=support, reach=own_trust, strengths=strengths
    )
