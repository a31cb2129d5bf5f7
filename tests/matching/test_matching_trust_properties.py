"""Trust properties over random worlds: more positive evidence never hurts, warnings never help.

Vouches are applied to `freelancer_trust.features` the way the referrals service defines them
(shared/trust_features.py): a positive in-person vouch raises the best in-person vouch, the
number of in-person vouchers, the best voucher's trust and the referrer track record, and pulls
the shrunk trust-weighted mean recommendation towards +1; an online-only vouch adds a discounted
amount instead; an `against` vouch adds a warning and pulls the mean towards -1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy.orm import Session

from services.matching.features.registry import DOMINANCE, FEATURE_INDEX, FEATURES
from services.matching.index.live import LiveIndex
from services.matching.ranking.requests import load_queries
from services.matching.scoring.model import RankingModel
from services.matching.scoring.prior import prior_model
from services.matching.scoring.trainer import constraint_basis
from services.referrals.trust.features import VouchEvidence, assess
from services.referrals.trust.params import TrustParams
from shared.models import Freelancer

CHANNEL_WEIGHT = {
    "in_person": 1.0,
    "worked_together": 1.0,
    "video": 0.5,
    "phone": 0.4,
    "online": 0.3,
}
VALUE = {"strong": 2.0, "yes": 1.0, "reservations": -1.0, "against": -2.0}


@dataclass(frozen=True)
class Evidence:
    features: dict[str, float]
    attested_weight: float  # Σ σ·|q| + 1 behind attested_quality (a shrunk weighted mean)


def add_vouch(
    evidence: Evidence, *, voucher_trust: float, channel: str, recommendation: str, track: float
) -> Evidence:
    f = dict(evidence.features)
    weight = voucher_trust * CHANNEL_WEIGHT[channel]
    in_person = channel in ("in_person", "worked_together")
    if recommendation in ("strong", "yes"):
        if in_person:
            f["best_in_person_vouch"] = max(f["best_in_person_vouch"], weight)
            f["in_person_vouchers"] += 1
        else:
            f["online_only_vouches"] += weight
        f["best_voucher_network_trust"] = max(f["best_voucher_network_trust"], voucher_trust)
        f["referrer_track_record"] = max(f["referrer_track_record"], track)
    else:
        f["trusted_warnings"] += weight * (1.0 if recommendation == "against" else 0.5)
    total = evidence.attested_weight + abs(VALUE[recommendation]) * weight
    f["attested_quality"] = (
        f["attested_quality"] * evidence.attested_weight + VALUE[recommendation] * weight
    ) / total
    return Evidence(f, total)


evidence_strategy = st.builds(
    lambda best, count, online, network, attested, weight, warnings, track: Evidence(
        {
            "best_in_person_vouch": best,
            "in_person_vouchers": float(count),
            "online_only_vouches": online,
            "best_voucher_network_trust": network,
            "attested_quality": attested,
            "trusted_warnings": warnings,
            "referrer_track_record": track,
        },
        weight,
    ),
    st.floats(0, 1),
    st.integers(0, 8),
    st.floats(0, 3),
    st.floats(0, 1),
    st.floats(-0.99, 0.99),
    st.floats(1, 4),
    st.floats(0, 3),
    st.floats(0, 1),
)
person_strategy = st.tuples(
    st.integers(1, 5), st.integers(0, 5), st.integers(400, 650), evidence_strategy
)


def _score_and_rank(
    index: LiveIndex, session: Session, request_id: int, target: int
) -> tuple[float, int]:
    index.ensure_fresh(session, force_poll=True)
    query = load_queries(session, [request_id])[request_id]
    output = index.rank(query, prior_model(), top_k=50)
    for position, result in enumerate(output.results, start=1):
        if result.freelancer_id == target:
            return result.score, position
    raise AssertionError("target not ranked")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    people=st.lists(person_strategy, min_size=2, max_size=6),
    target_index=st.integers(0, 5),
    voucher_trust=st.floats(0.05, 1),
    track=st.floats(0, 1),
    online_channel=st.sampled_from(["video", "phone", "online"]),
)
def test_vouches_move_score_and_rank_only_in_their_direction(
    session: Session,
    world: Any,
    people: list[tuple[int, int, int, Evidence]],
    target_index: int,
    voucher_trust: float,
    track: float,
    online_channel: str,
) -> None:
    savepoint = session.begin_nested()
    try:
        request = world.request(
            skills={"mt-python": (True, 3, 1.0), "mt-sql": (False, 3, 1.0)}, max_day_rate=700
        )
        rows: list[Freelancer] = []
        for python, sql, rate, evidence in people:
            skills = {"mt-python": python, **({"mt-sql": sql} if sql else {})}
            rows.append(world.freelancer(skills=skills, day_rate=rate, trust=evidence.features))
        chosen = target_index % len(people)
        target, base_evidence = rows[chosen], people[chosen][3]
        index = LiveIndex()
        base_score, base_rank = _score_and_rank(index, session, request.id, target.id)

        def after(evidence: Evidence) -> tuple[float, int]:
            world.set_trust(target, evidence.features)
            return _score_and_rank(index, session, request.id, target.id)

        common = {"voucher_trust": voucher_trust, "track": track}
        in_person = after(
            add_vouch(base_evidence, channel="in_person", recommendation="strong", **common)
        )
        online = after(
            add_vouch(base_evidence, channel=online_channel, recommendation="strong", **common)
        )
        against = after(
            add_vouch(base_evidence, channel="in_person", recommendation="against", **common)
        )

        assert in_person[0] >= base_score - 1e-12 and in_person[1] <= base_rank
        assert online[0] >= base_score - 1e-12 and online[1] <= base_rank
        assert online[0] - base_score <= in_person[0] - base_score + 1e-12
        assert against[0] <= base_score + 1e-12 and against[1] >= base_rank
    finally:
        savepoint.rollback()


def _random_model(seed: int) -> RankingModel:
    rng = np.random.default_rng(seed)
    directions = [spec.direction for spec in FEATURES]
    dominance = tuple((FEATURE_INDEX[a], FEATURE_INDEX[b]) for a, b in DOMINANCE)
    basis = constraint_basis(directions, dominance)
    beta = rng.exponential(1.0, basis.shape[1]) * (rng.random(basis.shape[1]) < 0.7)
    return RankingModel("linear", basis @ beta, float(rng.normal()))


@settings(max_examples=200, deadline=None)
@given(
    seed=st.integers(0, 2**32 - 1),
    feature=st.sampled_from([spec.name for spec in FEATURES if spec.direction != 0]),
    start=st.floats(0, 1),
    step=st.floats(0, 1),
)
def test_every_trainable_model_is_monotone_in_each_feature(
    seed: int, feature: str, start: float, step: float
) -> None:
    """Any coefficients the trainer can produce respect every feature's direction."""
    model = _random_model(seed)
    rng = np.random.default_rng(seed + 1)
    values = rng.random((1, len(FEATURES)))
    column = FEATURE_INDEX[feature]
    values[0, column] = start
    moved = values.copy()
    moved[0, column] = start + step
    missing = np.zeros(1)
    delta = model.score(moved, missing)[0] - model.score(values, missing)[0]
    assert FEATURES[column].direction * delta >= -1e-12
    online, in_person = FEATURE_INDEX["online_only_vouches"], FEATURE_INDEX["in_person_vouchers"]
    assert model.coefficients[in_person] >= model.coefficients[online] >= 0


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(voucher_trust=st.floats(0.2, 1), age_days=st.floats(0, 700))
def test_a_trusted_former_colleague_s_warning_alone_ranks_below_the_no_vouch_twin(
    session: Session, world: Any, voucher_trust: float, age_days: float
) -> None:
    """Features as the referrals service writes them (its own `assess`), ranked by the prior."""
    savepoint = session.begin_nested()
    try:
        request = world.request(skills={"mt-python": (True, 3, 1.0)}, max_day_rate=700)
        warning = VouchEvidence(1, 1, voucher_trust, "worked_together", "against", age_days, 0.0)
        warned = assess([warning], own_trust=0.0, params=TrustParams()).features
        twin = world.freelancer(skills={"mt-python": 4}, day_rate=600, trust={})
        flagged = world.freelancer(skills={"mt-python": 4}, day_rate=600, trust=warned)
        index = LiveIndex()
        twin_score, twin_rank = _score_and_rank(index, session, request.id, twin.id)
        flagged_score, flagged_rank = _score_and_rank(index, session, request.id, flagged.id)
        assert flagged_score < twin_score and flagged_rank > twin_rank
    finally:
        savepoint.rollback()
