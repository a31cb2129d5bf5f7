"""A freelancer's trust features and trust score, from the vouches in force and their reach.

Vouch strength, for a vouch by referrer r (network trust T(r), propagation.py) through channel
c, last met a days ago — the same for positive vouches and for warnings:

    σ = max(T(r), 0) · w(c) · 2^(−a / h_v)      h_v = vouch half-life, 18 months; T < 0 for
                                                someone warned against (propagation.py)

Referrer track record (smoothed placement rate of the referrer's vouches):

    track(r) = (placed_r + α · μ) / (n_r + α)     α = 5, μ = Σ placed / Σ n over all referrers

n_r counts the freelancers r vouches for positively now or whose placement credited r's
positive vouch; placed_r the latter. A referrer with one lucky vouch stays near μ.

Features (the names of shared/trust_features.py), over the freelancer's ACTIVE vouches:

    best_in_person_vouch        max σ · g over positive in_person/worked_together vouches, g = 1
                                for strong, 0.5 for yes (what the vouch passes along its edge,
                                params.VOUCH_EDGE_FACTOR): a 'yes' is not a 'strong'
    in_person_vouchers          number of distinct referrers of such vouches with T(r) > 0
    online_only_vouches         Σ σ over positive video/phone/online vouches (w already discounts)
    best_voucher_network_trust  max(T(r), 0) over positive vouchers (a new voucher never lowers it)
    network_trust               max(T, 0) of the freelancer's own contact (reach), 0 if not a contact
    attested_quality            Σ σ·q / (Σ σ·|q| + k), q = strong +2, yes +1, reservations −1,
                                against −2, k = 1 (quality prior): the trust-weighted mean
                                recommendation shrunk toward 0 when little trust stands behind
                                it, in (−1, 1); a positive vouch only raises it and a warning
                                only lowers it (each adds σ·|q| to the denominator and ±σ·|q|
                                to the numerator, and |mean| < 1)
    trusted_warnings            Σ σ · (0.5 for reservations, 1 for against)
    referrer_track_record       max track(r) over positive vouchers; 0 without one

Trust score — one number, the same as the trust contributions a match gets under the prior:

    score = Σ_f TRUST_PRIOR_WEIGHTS[f] · bounded_trust(f, feature_f)      (shared/trust_features.py)

Warnings that bite: a warning weighs by channel and recency exactly like a positive vouch (the
same σ), costs 3 points per unit of trusted_warnings, and moves attested_quality as far down as
the same voucher's 'strong' would move it up. So an 'against' costs at least what that
voucher's best positive vouch earns (1.0 σ + 0.05 + 0.5 T(r) + 0.3 track(r), plus the mirrored
attested quality) whenever 2 σ >= 0.05 + 0.5 T(r) + 0.3 track(r) — any trusted voucher who
met the freelancer in person recently (tested; the README gives the figures).

Non-decreasing in positive evidence (a positive vouch only raises positive-weighted features and
attested_quality), non-increasing in warnings (a warning only raises trusted_warnings and lowers
attested_quality), and a withdrawn vouch simply leaves the sums: the score returns exactly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from services.referrals.trust.params import (
    IN_PERSON_CHANNELS,
    POSITIVE_RECOMMENDATIONS,
    RECOMMENDATION_VALUE,
    VOUCH_EDGE_FACTOR,
    WARNING_WEIGHT,
    TrustParams,
)
from shared.trust_features import TRUST_FEATURES, trust_contributions


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
    contributions: dict[str, float]
    strengths: dict[int, float] = field(default_factory=dict)  # vouch id -> σ


def vouch_strength(
    *, referrer_trust: float, channel: str, age_days: float, params: TrustParams
) -> float:
    """σ = max(T(r), 0) · w(channel) · 2^(−age / h_v): someone warned against lends nothing."""
    decay = 2.0 ** (-max(age_days, 0.0) / params.vouch_half_life_days)
    return max(referrer_trust, 0.0) * params.weight(channel) * decay


def smoothed_rate(*, placed: float, vouched: float, alpha: float, global_rate: float) -> float:
    """(placed + α·μ) / (n + α): shrinks a referrer's rate toward the global rate."""
    return (placed + alpha * global_rate) / (vouched + alpha)


def global_rate(placed_total: float, vouched_total: float) -> float:
    return placed_total / vouched_total if vouched_total > 0 else 0.0


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
    """Features and score of one freelancer from their active vouches and own network trust."""
    features = zero_features()
    strengths: dict[int, float] = {}
    in_person_vouchers: set[int] = set()
    track_records: list[float] = []
    signed = weighted = warnings = 0.0
    for vouch in vouches:
        sigma = vouch_strength(
            referrer_trust=vouch.referrer_trust,
            channel=vouch.channel,
            age_days=vouch.age_days,
            params=params,
        )
        strengths[vouch.vouch_id] = sigma
        value = RECOMMENDATION_VALUE[vouch.recommendation]
        signed += sigma * value
        weighted += sigma * abs(value)
        warnings += sigma * WARNING_WEIGHT.get(vouch.recommendation, 0.0)
        if vouch.recommendation not in POSITIVE_RECOMMENDATIONS:
            continue
        track_records.append(vouch.referrer_track_record)
        features["best_voucher_network_trust"] = max(
            features["best_voucher_network_trust"], vouch.referrer_trust, 0.0
        )
        if vouch.channel in IN_PERSON_CHANNELS:
            features["best_in_person_vouch"] = max(
                features["best_in_person_vouch"], sigma * VOUCH_EDGE_FACTOR[vouch.recommendation]
            )
            if sigma > 0.0:
                in_person_vouchers.add(vouch.referrer_contact_id)
        else:
            features["online_only_vouches"] += sigma
    features["in_person_vouchers"] = float(len(in_person_vouchers))
    # Reach only: warnings against the freelancer count through trusted_warnings and
    # attested_quality, so the ranker's feature stays in [0, 1).
    features["network_trust"] = max(own_trust, 0.0)
    features["attested_quality"] = attested_quality(signed, weighted, params.quality_prior)
    features["trusted_warnings"] = warnings
    if track_records:
        features["referrer_track_record"] = max(track_records)
    contributions = trust_contributions(features)
    return Assessment(
        features=features,
        score=sum(contributions.values()),
        contributions=contributions,
        strengths=strengths,
    )


def attested_quality(signed: float, weighted: float, prior: float) -> float:
    """Σ σ·q / (Σ σ·|q| + k); 0 without vouches."""
    return signed / (weighted + prior) if weighted + prior > 0 else 0.0
