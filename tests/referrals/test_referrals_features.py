"""Freelancer trust features and score: monotone in evidence, track records shrink."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st

from services.referrals.trust.features import (
    VouchEvidence,
    assess,
    smoothed_rate,
    vouch_strength,
)
from services.referrals.trust.params import CHANNELS, TrustParams
from shared.models.enums import Recommendation
from shared.trust_features import (
    TRUST_FEATURE_DIRECTION,
    TRUST_FEATURES,
    bounded_trust,
    bounded_value,
    trust_contributions,
)

PARAMS = TrustParams()
RECOMMENDATIONS = [r.value for r in Recommendation]


@st.composite
def vouch(draw: st.DrawFn, **fixed: object) -> VouchEvidence:
    values: dict[str, object] = {
        "vouch_id": draw(st.integers(1, 10**6)),
        "referrer_contact_id": draw(st.integers(1, 40)),
        "referrer_trust": draw(st.floats(0, 1)),
        "channel": draw(st.sampled_from(CHANNELS)),
        "recommendation": draw(st.sampled_from(RECOMMENDATIONS)),
        "age_days": draw(st.floats(0, 4000)),
        "referrer_track_record": draw(st.floats(0, 1)),
    }
    values.update(fixed)
    return VouchEvidence(**values)  # type: ignore[arg-type]


existing = st.lists(vouch(), max_size=8).map(
    lambda vs: [
        v
        for i, v in enumerate(vs)
        if v.referrer_contact_id not in {w.referrer_contact_id for w in vs[:i]}
    ]
)
own_trust = st.floats(0, 1)
mu = st.floats(0, 1)


def _score(vouches: list[VouchEvidence], own: float, rate: float) -> float:
    return assess(vouches, own_trust=own, params=PARAMS).score


def _new(recommendation: st.SearchStrategy[str]) -> st.SearchStrategy[VouchEvidence]:
    return st.builds(
        VouchEvidence,
        vouch_id=st.just(10**7),
        referrer_contact_id=st.just(999),
        referrer_trust=st.floats(0.05, 1),  # a trusted contact
        channel=st.sampled_from(["in_person", "worked_together"]),
        recommendation=recommendation,
        age_days=st.floats(0, 2000),
        referrer_track_record=st.floats(0, 1),
    )


@given(existing, own_trust, mu, _new(st.sampled_from(["strong", "yes"])))
def test_a_positive_in_person_vouch_never_lowers_the_score_and_withdrawing_restores_it(
    vouches: list[VouchEvidence], own: float, rate: float, new: VouchEvidence
) -> None:
    before = _score(vouches, own, rate)
    assert _score([*vouches, new], own, rate) >= before
    assert _score([v for v in [*vouches, new] if v is not new], own, rate) == before


@given(existing, own_trust, mu, _new(st.just("against")))
def test_an_against_vouch_never_raises_the_score_and_withdrawing_restores_it(
    vouches: list[VouchEvidence], own: float, rate: float, new: VouchEvidence
) -> None:
    before = _score(vouches, own, rate)
    assert _score([*vouches, new], own, rate) <= before
    assert _score(list(vouches), own, rate) == before


@given(existing, own_trust, mu, _new(st.sampled_from(["strong", "yes"])))
def test_each_feature_moves_in_its_direction_with_a_positive_vouch(
    vouches: list[VouchEvidence], own: float, rate: float, new: VouchEvidence
) -> None:
    before = assess(vouches, own_trust=own, params=PARAMS).features
    after = assess([*vouches, new], own_trust=own, params=PARAMS).features
    for name, direction in TRUST_FEATURE_DIRECTION.items():
        assert (after[name] - before[name]) * direction >= -1e-12, name


@given(existing, own_trust, mu, _new(st.sampled_from(["against", "reservations"])))
def test_each_feature_moves_against_its_direction_with_a_warning(
    vouches: list[VouchEvidence], own: float, rate: float, new: VouchEvidence
) -> None:
    before = assess(vouches, own_trust=own, params=PARAMS).features
    after = assess([*vouches, new], own_trust=own, params=PARAMS).features
    for name, direction in TRUST_FEATURE_DIRECTION.items():
        assert (after[name] - before[name]) * direction <= 1e-12, name


@given(existing, own_trust, mu)
def test_features_are_the_shared_names_and_the_score_is_the_sum_of_the_shared_points(
    vouches: list[VouchEvidence], own: float, rate: float
) -> None:
    result = assess(vouches, own_trust=own, params=PARAMS)
    assert set(result.features) == set(TRUST_FEATURES)
    assert result.contributions == trust_contributions(result.features)
    assert result.score == sum(result.contributions.values())
    assert -1.0 < result.features["attested_quality"] < 1.0
    assert result.features["network_trust"] == own


def test_no_evidence_means_zero_features() -> None:
    result = assess([], own_trust=0.0, params=PARAMS)
    assert result.score == 0.0
    assert all(v == 0.0 for v in result.features.values())


def test_a_trusted_warning_outweighs_the_same_trust_saying_yes() -> None:
    yes = VouchEvidence(1, 1, 0.8, "worked_together", "yes", 30, 0.3)
    against = VouchEvidence(2, 2, 0.8, "worked_together", "against", 30, 0.3)
    result = assess([yes, against], own_trust=0.0, params=PARAMS)
    assert result.features["attested_quality"] < 0
    # Below the no-vouch twin, not merely below the "yes" alone.
    assert result.score < assess([], own_trust=0.0, params=PARAMS).score
    assert result.features["trusted_warnings"] == vouch_strength(
        referrer_trust=0.8, channel="worked_together", age_days=30, params=PARAMS
    )


@st.composite
def record(draw: st.DrawFn) -> tuple[int, int]:
    vouched = draw(st.integers(1, 4))
    return draw(st.integers(0, vouched)), vouched


@given(record(), st.floats(0.01, 0.99), st.floats(1, 20))
def test_a_referrer_with_few_vouches_stays_near_the_global_rate(
    counts: tuple[int, int], rate: float, alpha: float
) -> None:
    placed, vouched = counts
    raw = placed / vouched
    smoothed = smoothed_rate(placed=placed, vouched=vouched, alpha=alpha, global_rate=rate)
    # Between the raw rate and the global rate, closer to the global rate than the raw rate is.
    assert min(raw, rate) - 1e-12 <= smoothed <= max(raw, rate) + 1e-12
    assert abs(smoothed - rate) <= abs(raw - rate) + 1e-12
    # The same raw rate over ten times more vouches is pulled less toward the global rate.
    more = smoothed_rate(placed=placed * 10, vouched=vouched * 10, alpha=alpha, global_rate=rate)
    assert abs(more - raw) <= abs(smoothed - raw) + 1e-12


def test_one_lucky_vouch_is_not_a_hero() -> None:
    lucky = smoothed_rate(placed=1, vouched=1, alpha=5, global_rate=0.2)
    proven = smoothed_rate(placed=12, vouched=20, alpha=5, global_rate=0.2)
    assert abs(lucky - (1 + 5 * 0.2) / 6) < 1e-12
    assert lucky < proven


@given(
    st.floats(0.2, 1),
    st.sampled_from(["in_person", "worked_together"]),
    st.floats(0, 400),
    st.floats(0, 0.2),
)
def test_a_trusted_warning_costs_at_least_what_the_same_voucher_s_best_vouch_earns(
    trust: float, channel: str, age: float, track: float
) -> None:
    """Documented in features.py: holds when 2 σ >= 0.05 + 0.5 T(r) + 0.3 track(r)."""
    sigma = vouch_strength(referrer_trust=trust, channel=channel, age_days=age, params=PARAMS)
    if 2 * sigma < 0.05 + 0.5 * trust + 0.3 * track:
        return
    none = assess([], own_trust=0.0, params=PARAMS).score
    strong = assess(
        [VouchEvidence(1, 1, trust, channel, "strong", age, track)], own_trust=0.0, params=PARAMS
    )
    against = assess(
        [VouchEvidence(1, 1, trust, channel, "against", age, track)], own_trust=0.0, params=PARAMS
    )
    assert none - against.score >= strong.score - none - 1e-12
    assert against.score < none


@given(st.sampled_from(sorted(TRUST_FEATURES)), st.floats(allow_nan=True, allow_infinity=False))
def test_the_scalar_and_the_vector_transform_agree(name: str, raw: float) -> None:
    assert bounded_value(name, raw) == bounded_trust(name, np.array([raw]))[0]
