"""Directed trust: meetings are mutual, vouches flow voucher → vouchee only, warnings pass no
trust (not even through the warner's meetings), and the top of the scale is never flat."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from services.referrals.trust.edges import vouch_edges
from services.referrals.trust.features import vouch_strength
from services.referrals.trust.network import (
    FullRecomputeNeeded,
    NetworkState,
    apply_interactions,
    build_network,
)
from services.referrals.trust.params import RECOMMENDATION_CODE, TrustParams
from services.referrals.trust.propagation import strongest_chains
from services.referrals.trust.strength import interaction_evidence

PARAMS = TrustParams()
IN_PERSON = 0

Meeting = tuple[int, int, int, int]  # a, b, channel code, age in days
Vouch = tuple[int, int, str]  # voucher, vouchee, recommendation


def build(
    size: int, internal: set[int], meetings: list[Meeting], vouches: list[Vouch]
) -> NetworkState:
    data = np.array(meetings, dtype=np.int64).reshape(-1, 4)
    ids = np.arange(size, dtype=np.int64)
    rows = {
        "source": np.array([v[0] for v in vouches], dtype=np.int64),
        "target": np.array([v[1] for v in vouches], dtype=np.int64),
        "channel": np.zeros(len(vouches), dtype=np.int64),
        "age": np.full(len(vouches), 10.0),
        "recommendation": np.array([RECOMMENDATION_CODE[v[2]] for v in vouches], dtype=np.int64),
    }
    return build_network(
        ids,
        np.isin(ids, sorted(internal)),
        np.minimum(data[:, 0], data[:, 1]),
        np.maximum(data[:, 0], data[:, 1]),
        data[:, 2],
        data[:, 3].astype(float),
        PARAMS,
        vouch_edges(ids, rows, PARAMS),
    )


def test_a_vouch_passes_trust_to_the_vouchee_and_never_back() -> None:
    # 0 (agency) met 1; 1 vouches for 2; 3 (a stranger) vouches for 1.
    base = build(4, {0}, [(0, 1, IN_PERSON, 5)], [])
    vouched = build(4, {0}, [(0, 1, IN_PERSON, 5)], [(1, 2, "strong"), (3, 1, "strong")])
    assert base.trust[2] == 0 and vouched.trust[2] > 0
    # The vouchee passes nothing back to the voucher, and the stranger's vouch adds nothing.
    assert vouched.trust[3] == 0
    assert vouched.propagation.raw[1] <= base.propagation.raw[1]
    # A 'strong' carries more than a 'yes'.
    yes = build(4, {0}, [(0, 1, IN_PERSON, 5)], [(1, 2, "yes")])
    assert vouched.trust[2] > yes.trust[2] > 0


def test_a_warning_passes_no_trust_not_even_through_the_warner_s_meetings() -> None:
    meetings = [(0, 1, IN_PERSON, 5), (1, 2, IN_PERSON, 5)]
    met = build(3, {0}, meetings, [])
    warned = build(3, {0}, meetings, [(1, 2, "against")])
    reserved = build(3, {0}, meetings, [(1, 2, "reservations")])
    assert met.trust[2] > 0
    assert warned.propagation.raw[2] == 0 and reserved.propagation.raw[2] == 0
    # What the warner's trust would have passed is held against the warned: below a stranger.
    assert warned.trust[2] < reserved.trust[2] < 0
    # The warner keeps the trust they have from the agency.
    assert warned.trust[1] > 0.3


def test_a_trusted_warning_takes_trust_from_the_warned_and_a_stranger_s_takes_none() -> None:
    # 0 (agency) met 1 and 3; both vouch for 2; 4 is a stranger to the agency.
    meetings = [(0, 1, IN_PERSON, 5), (0, 3, IN_PERSON, 5), (4, 5, IN_PERSON, 5)]
    praised = [(1, 2, "strong"), (3, 2, "yes")]
    base = build(6, {0}, meetings, praised)
    warned = build(6, {0}, meetings, [(1, 2, "strong"), (3, 2, "against")])
    reserved = build(6, {0}, meetings, [(1, 2, "strong"), (3, 2, "reservations")])
    stranger = build(6, {0}, meetings, [*praised, (4, 2, "against")])
    assert base.trust[2] > reserved.trust[2] > warned.trust[2] > 0
    assert stranger.trust[2] == base.trust[2]
    # Warnings that outweigh the trust put the warned below a stranger (4: 0), and more of them
    # further below; someone with a negative standing lends nothing when they vouch.
    piled = build(6, {0}, meetings, [(1, 2, "against"), (3, 2, "against"), (0, 2, "against")])
    fewer = build(6, {0}, meetings, [(1, 2, "against"), (3, 2, "against")])
    assert piled.trust[2] < fewer.trust[2] < 0 == stranger.trust[4]
    assert (np.delete(piled.trust, 2) >= 0).all()
    assert (
        vouch_strength(
            referrer_trust=float(piled.trust[2]), channel="in_person", age_days=0.0, params=PARAMS
        )
        == 0.0
    )


def test_a_prolific_warner_s_warnings_each_weigh_less() -> None:
    meetings = [(0, 1, IN_PERSON, 5), (0, 2, IN_PERSON, 5), (0, 3, IN_PERSON, 5)]
    meetings += [(0, 4, IN_PERSON, 5), (2, 3, IN_PERSON, 5)]
    one = build(5, {0}, meetings, [(1, 3, "strong"), (2, 3, "strong"), (1, 2, "against")])
    many = build(
        5,
        {0},
        meetings,
        [(1, 3, "strong"), (2, 3, "strong"), (1, 2, "against"), (1, 4, "against")],
    )
    # Warning against a second person spreads 1's opinion thinner: 2 loses less than before.
    assert one.trust[2] < many.trust[2]


def test_ties_backed_by_a_vouch_do_not_dilute_but_merely_claimed_ones_do() -> None:
    # 0 (agency) met 1; 1 met 2 to 11 (ten partners, strengths ~1 each: over the budget of 5).
    meetings = [(0, 1, IN_PERSON, 0)] + [(1, k, IN_PERSON, 0) for k in range(2, 12)] * 3
    claimed = build(12, {0}, meetings, [])
    backed = build(12, {0}, meetings, [(k, 1, "yes") for k in range(2, 12)])
    assert claimed.relationships[1] > PARAMS.relationship_budget
    assert backed.relationships[1] < 1.0  # only the agency tie is unvouched
    assert backed.trust[1] > claimed.trust[1]


def test_the_scale_keeps_its_order_at_the_top() -> None:
    # Agency people with 1 … 12 strong ties, met 1 … 12 times, each on its own days: no two
    # contacts have the same evidence, so none may share a value, and none may reach 1.
    meetings: list[Meeting] = []
    size, internal = 200, set(range(12))
    contact = 12
    for person in range(12):
        for tie in range(person + 1):
            for _ in range(tie + 1):
                meetings.append((person, contact, IN_PERSON, contact))
            contact += 1
    state = build(size, internal, meetings, [])
    trust = state.trust[:contact]
    top = np.sort(trust)[-len(trust) // 5 :]
    assert (trust < 1).all()
    assert len(np.unique(top)) == len(top)  # never flat for the top fifth
    assert len(np.unique(trust[:12])) == 12  # agency people ordered by how connected they are


@st.composite
def directed_networks(draw: st.DrawFn) -> tuple[int, list[Meeting], list[Vouch], list[Meeting]]:
    size = draw(st.integers(4, 20))

    def meeting() -> Meeting:
        a = draw(st.integers(0, size - 1))
        b = (a + draw(st.integers(1, size - 1))) % size
        return a, b, draw(st.integers(0, 4)), draw(st.integers(0, 900))

    meetings = [(0, 1, 0, 0), *(meeting() for _ in range(draw(st.integers(0, 40))))]
    vouches = []
    for _ in range(draw(st.integers(0, 8))):
        a = draw(st.integers(0, size - 1))
        b = (a + draw(st.integers(1, size - 1))) % size
        rec = draw(st.sampled_from(["strong", "yes", "reservations", "against"]))
        vouches.append((a, b, rec))
    added = [meeting() for _ in range(draw(st.integers(1, 3)))]
    return size, meetings, vouches, added


@settings(max_examples=60, deadline=None)
@given(directed_networks())
def test_the_incremental_update_equals_a_full_run_with_vouch_edges(
    case: tuple[int, list[Meeting], list[Vouch], list[Meeting]],
) -> None:
    size, meetings, vouches, added = case
    state = build(size, {0}, meetings, vouches)
    data = np.array(added, dtype=np.int64)
    try:
        apply_interactions(
            state,
            data[:, 0],
            data[:, 1],
            interaction_evidence(data[:, 2], data[:, 3].astype(float), PARAMS),
        )
    except FullRecomputeNeeded:
        return  # a meeting of a warner with the warned: the engine recomputes in full
    np.testing.assert_allclose(
        state.effective,
        build(size, {0}, meetings + added, vouches).effective,
        rtol=1e-10,
        atol=1e-12,
    )
    full = build(size, {0}, meetings + added, vouches)
    np.testing.assert_allclose(state.propagation.raw, full.propagation.raw, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(state.trust, full.trust, rtol=0, atol=2e-9)
    np.testing.assert_allclose(state.paths.best[-1], full.paths.best[-1], rtol=1e-10, atol=1e-12)
    # The chains kept up to date row by row are the chains read afresh from the updated layers.
    np.testing.assert_array_equal(state.chains(), strongest_chains(state.paths, state.internal))
