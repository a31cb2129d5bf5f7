"""Relationship strength: properties of E = Σ w·2^(−age/h), s = 1 − exp(−E)."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from services.referrals.trust.params import CHANNELS, TrustParams
from services.referrals.trust.strength import pair_strength

PARAMS = TrustParams()
TODAY = date(2026, 6, 1)

interaction = st.tuples(
    st.sampled_from(CHANNELS),
    st.integers(min_value=0, max_value=3650).map(lambda days: TODAY - timedelta(days=days)),
)


@given(st.lists(interaction, max_size=30), interaction)
def test_adding_an_interaction_never_lowers_the_strength(
    history: list[tuple[str, date]], extra: tuple[str, date]
) -> None:
    before = pair_strength(history, as_of=TODAY, params=PARAMS)
    after = pair_strength([*history, extra], as_of=TODAY, params=PARAMS)
    assert after >= before
    assert 0.0 <= before <= after < 1.0


@given(st.lists(interaction, max_size=30), st.integers(min_value=0, max_value=3650))
def test_in_person_raises_strength_more_than_online_on_the_same_day(
    history: list[tuple[str, date]], days_ago: int
) -> None:
    day = TODAY - timedelta(days=days_ago)
    in_person = pair_strength([*history, ("in_person", day)], as_of=TODAY, params=PARAMS)
    online = pair_strength([*history, ("online", day)], as_of=TODAY, params=PARAMS)
    assert in_person >= online
    if not history:
        assert in_person > online


@given(
    st.sampled_from(CHANNELS),
    st.integers(min_value=0, max_value=3000),
    st.integers(min_value=1, max_value=600),
)
def test_older_interactions_count_less(channel: str, days_ago: int, older_by: int) -> None:
    recent = pair_strength(
        [(channel, TODAY - timedelta(days=days_ago))], as_of=TODAY, params=PARAMS
    )
    older = pair_strength(
        [(channel, TODAY - timedelta(days=days_ago + older_by))], as_of=TODAY, params=PARAMS
    )
    assert older < recent


def test_frequent_recent_in_person_is_strong_and_one_old_online_message_is_nearly_nothing() -> None:
    frequent = [("in_person", TODAY - timedelta(days=d)) for d in (3, 20, 45, 80)]
    assert pair_strength(frequent, as_of=TODAY, params=PARAMS) > 0.95
    old_message = [("online", TODAY - timedelta(days=3 * 365))]
    assert pair_strength(old_message, as_of=TODAY, params=PARAMS) < 0.005


def test_the_decay_halves_evidence_every_half_life() -> None:
    fresh = pair_strength([("in_person", TODAY)], as_of=TODAY, params=PARAMS)
    half = pair_strength([("in_person", TODAY - timedelta(days=180))], as_of=TODAY, params=PARAMS)
    # s = 1 − exp(−E): E = 1 today, 0.5 after one half-life.
    assert abs(fresh - (1 - 2.718281828459045**-1)) < 1e-12
    assert abs(half - (1 - 2.718281828459045**-0.5)) < 1e-12
