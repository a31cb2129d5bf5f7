"""Network trust (truncated personalised PageRank): clique bound, no path → zero, cycles stop,
and the incremental update equals the full computation."""

from __future__ import annotations

from itertools import pairwise

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from services.referrals.trust.features import VouchEvidence, assess
from services.referrals.trust.network import NetworkState, apply_interactions, build_network
from services.referrals.trust.params import TrustParams
from services.referrals.trust.strength import interaction_evidence

PARAMS = TrustParams()
D = PARAMS.damping

# (contact a, contact b, channel code, age in days)
Edge = tuple[int, int, int, int]


def build(
    size: int, internal: set[int], edges: list[Edge], params: TrustParams = PARAMS
) -> NetworkState:
    data = np.array(edges, dtype=np.int64).reshape(-1, 4)
    a = np.minimum(data[:, 0], data[:, 1])
    b = np.maximum(data[:, 0], data[:, 1])
    flags = np.isin(np.arange(size), sorted(internal))
    return build_network(
        np.arange(1, size + 1), flags, a, b, data[:, 2], data[:, 3].astype(float), params
    )


def random_edges(draw: st.DrawFn, size: int, count: int) -> list[Edge]:
    edges = []
    for _ in range(count):
        a = draw(st.integers(0, size - 1))
        b = (a + draw(st.integers(1, size - 1))) % size
        edges.append((a, b, draw(st.integers(0, 4)), draw(st.integers(0, 1500))))
    return edges


@st.composite
def networks(draw: st.DrawFn) -> tuple[int, set[int], list[Edge]]:
    size = draw(st.integers(3, 25))
    internal = set(draw(st.lists(st.integers(0, size - 1), min_size=1, max_size=3)))
    return size, internal, random_edges(draw, size, draw(st.integers(0, 60)))


def test_internal_people_pass_one_unit_per_relationship_and_their_contacts_get_d_times_s() -> None:
    state = build(3, {0}, [(0, 1, 0, 0)])
    strength = 1 - np.exp(-1.0)
    assert state.propagation.raw[0] == 1.0
    # d·s after one hop; the walk back to the agency ends there (no echo 0 → 1 → 0 → 1).
    assert abs(state.propagation.raw[1] - D * strength) < 1e-12
    assert state.trust[2] == 0.0
    # The bounded value: L / (1 + L), L = ln(1 + τ / d).
    expected = np.log1p(D * strength / D) / (1 + np.log1p(D * strength / D))
    assert abs(state.trust[1] - expected) < 1e-9
    assert 0 < state.trust[1] < state.trust[0] < 1


def test_a_clique_behind_one_ordinary_contact_gains_almost_nothing() -> None:
    """Documented bound (propagation.py): Σ_C τ ≤ p · (d + … + d^{K−1}) · τ(B), K = 3 hops."""
    rng = np.random.default_rng(7)
    internal, ordinary = list(range(5)), list(range(5, 305))
    clique, bridge = list(range(305, 505)), 5
    edges: list[Edge] = []
    for person in ordinary:
        for _ in range(int(rng.integers(1, 4))):
            other = int(rng.choice(internal + ordinary))
            if other != person:
                edges.append((person, other, int(rng.integers(0, 5)), int(rng.integers(0, 400))))
    edges += [(0, bridge, 0, 10), (0, bridge, 0, 40)]
    # 200 fakes who "met in person" three times each, all with each other, recently.
    for i, x in enumerate(clique):
        for y in clique[i + 1 :]:
            edges += [(x, y, 0, 5), (x, y, 0, 30), (x, y, 0, 60)]
    edges.append((bridge, clique[0], 0, 15))
    state = build(505, set(internal), edges)
    raw = state.propagation.raw
    degree = np.asarray(state.edges.sum(axis=1)).ravel()
    unit = state.params.relationship_unit
    into_clique = state.edges[bridge, clique].sum() / max(degree[bridge], unit)

    assert raw[clique].sum() <= into_clique * (D + D**2) * raw[bridge] + 1e-12
    # On average a fake gets well under 1 % of what the bridge has.
    assert raw[clique].mean() < 0.01 * raw[bridge]
    # Without the hop limit the same clique captures several times more.
    unlimited = build(505, set(internal), edges, TrustParams(max_hops=200))
    assert unlimited.propagation.raw[clique].sum() > 2 * raw[clique].sum()
    # Fakes who each claim 199 fresh strong relationships are diluted on top of that.
    assert state.effective[clique].sum() < 0.1 * raw[clique].sum()


@settings(max_examples=60, deadline=None)
@given(networks(), st.integers(1, 8))
def test_contacts_without_a_path_from_the_agency_have_zero_trust(
    network: tuple[int, set[int], list[Edge]], island_size: int
) -> None:
    size, internal, edges = network
    # An island of contacts who only know each other (a cycle), plus one who knows nobody.
    island = list(range(size, size + island_size))
    island_edges = [
        (island[i], island[(i + 1) % island_size], 0, 1)
        for i in range(island_size)
        if island_size > 1
    ]
    state = build(size + island_size + 1, internal, edges + island_edges)
    assert (state.trust[island] == 0).all()
    assert state.trust[-1] == 0
    assert ((state.trust >= 0) & (state.trust <= 1)).all()


def test_cycles_terminate_and_paths_end_at_the_agency() -> None:
    # A triangle through an internal person and a long ring: plenty of cycles.
    ring = [(i, (i + 1) % 12, 0, 3) for i in range(12)]
    edges = [(0, 1, 0, 1), (1, 2, 0, 1), (2, 0, 0, 1), *ring]
    state = build(12, {0}, edges, TrustParams(max_hops=10_000))
    # Stopped on the residual, long before the hop limit.
    assert state.propagation.hops < 500
    assert state.propagation.residual <= 1e-7
    assert np.isfinite(state.propagation.raw).all()

    limited = build(12, {0}, edges)
    assert limited.propagation.hops == limited.params.max_hops == 3
    _assert_chains_are_best(limited)
    chains = limited.chains()
    for node in range(1, 12):
        chain = [c for c in chains[node] if c >= 0]
        # Every contact with trust has a chain of at most K hops ending at the agency.
        assert (limited.propagation.raw[node] > 0) == bool(chain)
        assert not chain or chain[-1] == 0


def _assert_chains_are_best(state: NetworkState) -> None:
    """Each chain is a real path whose strength product is the contact's best value."""
    best, chains = state.paths.best[-1], state.chains()
    for node in np.flatnonzero(~state.internal & (best > 0)):
        chain = [int(node), *(int(c) for c in chains[int(node)] if c >= 0)]
        assert state.internal[chain[-1]]
        assert len(chain) - 1 <= state.params.max_hops
        assert len(set(chain)) == len(chain)
        value = 1.0
        for x, y in pairwise(chain):
            # The chain runs from the contact back to the agency: trust flowed y → x.
            value *= state.params.damping * min(1.0, state.edges[y, x])
        assert abs(value - best[node]) <= 1e-10 * best[node]


@st.composite
def network_and_additions(draw: st.DrawFn) -> tuple[int, set[int], list[Edge], list[Edge]]:
    size, internal, edges = draw(networks())
    if len(internal) == size:
        internal = set(list(internal)[:1])
    # Make sure every internal person has a tie, so the full run uses all three hops.
    edges = edges + [(i, (i + 1) % size, 0, 0) for i in internal]
    return size, internal, edges, random_edges(draw, size, draw(st.integers(1, 3)))


@settings(max_examples=80, deadline=None)
@given(network_and_additions())
def test_the_incremental_update_equals_a_full_recomputation(
    case: tuple[int, set[int], list[Edge], list[Edge]],
) -> None:
    size, internal, edges, added = case
    state = build(size, internal, edges)
    before_trust, before_chains = state.trust.copy(), state.chains()
    data = np.array(added, dtype=np.int64)
    changed = apply_interactions(
        state,
        data[:, 0],
        data[:, 1],
        interaction_evidence(data[:, 2], data[:, 3].astype(float), PARAMS),
    )
    full = build(size, internal, edges + added)

    np.testing.assert_allclose(state.propagation.raw, full.propagation.raw, rtol=1e-10, atol=1e-12)
    np.testing.assert_allclose(state.paths.best[-1], full.paths.best[-1], rtol=1e-10, atol=1e-12)
    # Each incremental chain is a best one (ties may break differently by rounding).
    _assert_chains_are_best(state)
    moved = (state.trust != before_trust) | (state.chains() != before_chains).any(axis=1)
    assert set(np.flatnonzero(moved).tolist()) <= set(changed.tolist())


@settings(max_examples=60, deadline=None)
@given(
    networks(),
    st.data(),
    st.sampled_from(["strong", "yes"]),
    st.sampled_from(["in_person", "worked_together"]),
)
def test_in_a_random_network_a_trusted_positive_vouch_never_lowers_a_score_and_against_never_raises_it(
    network: tuple[int, set[int], list[Edge]], data: st.DataObject, positive: str, channel: str
) -> None:
    size, internal, edges = network
    trust = build(size, internal, edges).trust
    trusted = [i for i in range(size) if trust[i] > 0]
    vouchers = data.draw(st.lists(st.integers(0, size - 1), max_size=4, unique=True))
    recommendations = data.draw(
        st.lists(
            st.sampled_from(["strong", "yes", "reservations", "against"]), min_size=4, max_size=4
        )
    )
    existing = [
        VouchEvidence(i, voucher, float(trust[voucher]), "video", rec, 100.0, 0.2)
        for i, (voucher, rec) in enumerate(zip(vouchers, recommendations, strict=False))
    ]
    newcomer = data.draw(st.sampled_from(trusted))

    def score(extra: list[VouchEvidence]) -> float:
        return assess([*existing, *extra], own_trust=0.0, params=PARAMS).score

    def vouch(rec: str) -> VouchEvidence:
        return VouchEvidence(99, 1000 + newcomer, float(trust[newcomer]), channel, rec, 30.0, 0.2)

    before = score([])
    assert score([vouch(positive)]) >= before
    assert score([vouch("against")]) <= before
    assert score([]) == before  # withdrawing either leaves the score as it was
