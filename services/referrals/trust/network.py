"""The whole network's trust in memory: built from arrays, updated in place for new meetings.

`build_network` runs the full computation (strength.py, propagation.py) over meetings (mutual)
and vouches (directed, voucher → vouchee's contact). `apply_interactions` updates a built
network for a few appended interactions between known contacts and returns the contacts whose
trust or best path changed. It is exact — the same sums as a full run, up to floating-point
rounding — because only the rows of P and the restart mass of the two contacts of each new
interaction change, so the change of every hop's walk mass can be pushed forward from them:

    δ_0 = y'_0 − y_0                                     (non-zero only at those contacts)
    δ_k = m ∘ (A'ᵀ (s' ∘ y'_{k−1} − s ∘ y_{k−1}) + ΔAᵀ (s ∘ y_{k−1})),   s = 1 / max(deg, 1)
    τ'  = τ + Σ_k d^k δ_k

where every product only touches the rows in the support of the previous δ (the ≤ K-hop
neighbourhood of the new pair), and the best-path layers are recomputed for the same
neighbourhood only. A meeting between a voucher and the person they warn against changes only
one direction of A: such a pair (rare) falls back to the full computation. Vouch changes always
do (engine.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import scipy.sparse as sp

from services.referrals.trust.edges import (
    VouchEdges,
    dilution,
    distrust,
    edge_matrices,
    index_lookup,
    unvouched_relationships,
    warning_matrix,
)
from services.referrals.trust.params import TrustParams
from services.referrals.trust.propagation import (
    BestPaths,
    Propagation,
    accumulate,
    best_paths,
    degrees,
    neighbour_best,
    network_trust,
    propagate,
    restart_mass,
    row_scale,
    step,
    stopping_hop,
    strongest_chains,
)
from services.referrals.trust.strength import (
    evidence_matrix,
    interaction_evidence,
    strength_from_evidence,
    strength_matrix,
)

MAX_INCREMENTAL_HOPS = 10
TRUST_DECIMALS = 9


class FullRecomputeNeeded(Exception):
    """The stored network cannot be updated incrementally; recompute it from scratch."""


@dataclass
class NetworkState:
    contact_ids: np.ndarray  # sorted
    internal: np.ndarray
    evidence: sp.csr_matrix  # symmetric decayed meeting evidence
    edges: sp.csr_matrix  # A: rows are out-going edges (meetings μ·s both ways, vouches)
    incoming: sp.csr_matrix  # Aᵀ: rows are in-coming edges
    blocked: frozenset[tuple[int, int]]  # (voucher, vouchee) pairs with a warning
    warnings: sp.csr_matrix  # W: warner → warned, distrust weights (edges.warning_matrix)
    relationships: np.ndarray  # Σ_u s(v, u) over u without a positive vouch for v (dilution)
    backed: frozenset[tuple[int, int]]  # (voucher, vouchee) pairs with a positive vouch
    degree: np.ndarray
    propagation: Propagation
    paths: BestPaths
    params: TrustParams
    _chains: np.ndarray | None = field(default=None, repr=False)

    @property
    def size(self) -> int:
        return int(self.contact_ids.shape[0])

    @property
    def trust(self) -> np.ndarray:
        """The stored value, rounded to 1e-9: changes far below any ranking's resolution (a
        meeting four hops away) do not rewrite rows, nor the freelancers behind them."""
        return np.round(network_trust(self.effective, self.params.damping), TRUST_DECIMALS)

    @property
    def effective(self) -> np.ndarray:
        """τ diluted for contacts claiming more strong relationships than anyone keeps up, less
        the distrust of the warnings against them (below 0 where the warnings outweigh it)."""
        diluted = self.propagation.raw * dilution(self.relationships, self.internal, self.params)
        if self.warnings.nnz == 0:
            return diluted
        lost = distrust(self.warnings, diluted, self.degree, self.params)
        return diluted - lost

    def chains(self) -> np.ndarray:
        """(contacts × K) positions on each contact's strongest chain, nearest first, −1 padded."""
        if self._chains is None:
            self._chains = strongest_chains(self.paths, self.internal)
        return self._chains

    def chain_ids(self, positions: np.ndarray) -> np.ndarray:
        """The same as contact ids, 0 padded, for the given positions."""
        chains = self.chains()[positions]
        return np.where(chains >= 0, self.contact_ids[np.maximum(chains, 0)], 0)

    def index_of(self, ids: np.ndarray) -> np.ndarray:
        """Positions of contact ids, −1 for ids that are not in the network."""
        return index_lookup(self.contact_ids, ids)


def build_network(
    contact_ids: np.ndarray,
    internal: np.ndarray,
    a_index: np.ndarray,
    b_index: np.ndarray,
    channel_codes: np.ndarray,
    age_days: np.ndarray,
    params: TrustParams,
    vouches: VouchEdges | None = None,
) -> NetworkState:
    """Full computation from interaction arrays (contact positions, channel codes, ages)."""
    size = int(contact_ids.shape[0])
    evidence = evidence_matrix(
        a_index, b_index, interaction_evidence(channel_codes, age_days, params), size
    )
    strength = strength_matrix(evidence)
    vouches = vouches or VouchEdges.empty()
    edges, incoming, blocked = edge_matrices(strength, vouches, params)
    internal = np.asarray(internal, dtype=bool)
    propagation = propagate(
        edges,
        incoming,
        internal,
        damping=params.damping,
        max_hops=params.max_hops,
        tolerance=params.tolerance,
        unit=params.relationship_unit,
    )
    # Keep every hop's walk mass for incremental updates, even past an early stop.
    degree = degrees(edges)
    scale = row_scale(degree, params.relationship_unit)
    while len(propagation.layers) <= params.max_hops <= MAX_INCREMENTAL_HOPS:
        propagation.layers.append(step(incoming, scale, internal, propagation.layers[-1]))
    paths = best_paths(incoming, internal, damping=params.damping, max_hops=params.max_hops)
    return NetworkState(
        contact_ids=np.asarray(contact_ids, dtype=np.int64),
        internal=internal,
        evidence=evidence,
        edges=edges,
        incoming=incoming,
        blocked=blocked,
        warnings=warning_matrix(vouches, size),
        relationships=unvouched_relationships(strength, vouches),
        backed=frozenset(
            zip(
                vouches.source[~vouches.warning & (vouches.weight > 0)].tolist(),
                vouches.target[~vouches.warning & (vouches.weight > 0)].tolist(),
                strict=True,
            )
        ),
        degree=degree,
        propagation=propagation,
        paths=paths,
        params=params,
    )


def _pair_increments(
    a_index: np.ndarray, b_index: np.ndarray, increment: np.ndarray
) -> dict[tuple[int, int], float]:
    pairs: dict[tuple[int, int], float] = {}
    for a, b, value in zip(a_index.tolist(), b_index.tolist(), increment.tolist(), strict=True):
        key = (a, b) if a < b else (b, a)
        pairs[key] = pairs.get(key, 0.0) + value
    return pairs


def _entry(matrix: sp.csr_matrix, row: int, col: int) -> int:
    """Position of (row, col) in matrix.data, or −1 when the entry is not stored."""
    start, end = matrix.indptr[row], matrix.indptr[row + 1]
    offset = int(np.searchsorted(matrix.indices[start:end], col))
    if offset < end - start and matrix.indices[start + offset] == col:
        return int(start + offset)
    return -1


def _symmetric(pairs: dict[tuple[int, int], float], size: int) -> sp.csr_matrix:
    rows = np.array([a for a, _ in pairs] + [b for _, b in pairs], dtype=np.int64)
    cols = np.array([b for _, b in pairs] + [a for a, _ in pairs], dtype=np.int64)
    values = np.array(list(pairs.values()) * 2, dtype=np.float64)
    return sp.csr_matrix((values, (rows, cols)), shape=(size, size))


def _update_matrices(
    state: NetworkState, pairs: dict[tuple[int, int], float]
) -> tuple[sp.csr_matrix, dict[tuple[int, int], float]]:
    """Add the evidence; returns ΔA (both directions alike, symmetric) and Δs per pair."""
    if any(pair in state.blocked or pair[::-1] in state.blocked for pair in pairs):
        raise FullRecomputeNeeded("a meeting of a voucher with someone they warn against")
    change: dict[tuple[int, int], float] = {}
    strength_change: dict[tuple[int, int], float] = {}
    for (a, b), added in pairs.items():
        found = _entry(state.evidence, a, b)
        old = float(state.evidence.data[found]) if found >= 0 else 0.0
        strength_change[(a, b)] = float(
            strength_from_evidence(old + added) - strength_from_evidence(old)
        )
        change[(a, b)] = state.params.meeting_weight * strength_change[(a, b)]
    delta = _symmetric(change, state.size)
    evidence_items, edge_items = [], []
    for (a, b), added, step_change in zip(pairs, pairs.values(), change.values(), strict=True):
        evidence_items += [(a, b, added), (b, a, added)]
        edge_items += [(a, b, step_change), (b, a, step_change)]
    state.evidence = _add_entries(state.evidence, evidence_items)
    state.edges = _add_entries(state.edges, edge_items)
    state.incoming = _add_entries(state.incoming, edge_items)
    return delta, strength_change


def _add_entries(matrix: sp.csr_matrix, items: list[tuple[int, int, float]]) -> sp.csr_matrix:
    """matrix[r, c] += v for each item: stored entries in place, missing ones inserted.

    A pair that never met before needs a structural insert; one np.insert per array (a memory
    copy) instead of a sparse addition, which re-merges every row (3 × ~7 ms at 1M meetings).
    The result keeps sorted indices.
    """
    missing: list[tuple[int, int, int, float]] = []  # insert position, row, col, value
    for row, col, value in items:
        found = _entry(matrix, row, col)
        if found >= 0:
            matrix.data[found] += value
            continue
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        offset = int(np.searchsorted(matrix.indices[start:end], col))
        missing.append((int(start) + offset, row, col, value))
    if not missing:
        return matrix
    missing.sort()  # by position, then column: rows' indices stay sorted
    where = np.array([m[0] for m in missing], dtype=np.int64)
    rows = np.array([m[1] for m in missing], dtype=np.int64)
    indices = _insert(matrix.indices, where, [m[2] for m in missing])
    data = _insert(matrix.data, where, [m[3] for m in missing])
    added = np.bincount(rows + 1, minlength=matrix.shape[0] + 1)
    indptr = matrix.indptr + np.cumsum(added).astype(matrix.indptr.dtype)
    result = sp.csr_matrix((data, indices, indptr), shape=matrix.shape)
    result.has_sorted_indices = True
    return result


def _insert(array: np.ndarray, where: np.ndarray, values: list[float] | list[int]) -> np.ndarray:
    """array with values inserted before the (sorted) positions: one copy, same dtype."""
    pieces, start = [], 0
    for position, value in zip(where.tolist(), values, strict=True):
        pieces += [array[start:position], np.array([value], dtype=array.dtype)]
        start = position
    pieces.append(array[start:])
    return np.concatenate(pieces)


def _spread(edges: sp.csr_matrix, vector: np.ndarray) -> np.ndarray:
    """Aᵀ @ vector, touching only the rows of A (out-edges) where vector is non-zero."""
    support = np.flatnonzero(vector)
    if support.size == 0:
        return np.zeros(edges.shape[0])
    return np.asarray(edges[support].T @ vector[support]).ravel()


def apply_interactions(
    state: NetworkState, a_index: np.ndarray, b_index: np.ndarray, evidence: np.ndarray
) -> np.ndarray:
    """Add decayed evidence for new interactions; returns positions whose trust or chain changed."""
    params = state.params
    if (
        len(state.propagation.layers) <= params.max_hops
        or (a_index < 0).any()
        or (b_index < 0).any()
    ):
        raise FullRecomputeNeeded(
            "walk layers were not kept (hop limit too high) or unknown contact"
        )
    pairs = _pair_increments(a_index, b_index, evidence)
    if not pairs:
        return np.zeros(0, dtype=np.int64)
    touched = np.unique(np.array([node for pair in pairs for node in pair], dtype=np.int64))
    old_trust = state.trust.copy()  # a copy: the property computes a fresh array anyway

    unit = params.relationship_unit
    old_scale = row_scale(state.degree, unit)
    delta_edges, delta_strength = _update_matrices(state, pairs)
    state.degree = state.degree + np.asarray(delta_edges.sum(axis=1)).ravel()
    for (a, b), value in delta_strength.items():
        # Dilution counts a tie only on the side nobody vouches for across it.
        if (b, a) not in state.backed:
            state.relationships[a] += value
        if (a, b) not in state.backed:
            state.relationships[b] += value
    new_scale = row_scale(state.degree, unit)

    layers = state.propagation.layers
    new_layers = [restart_mass(state.degree, state.internal, unit)]
    for hop in range(1, len(layers)):
        previous_old = layers[hop - 1]
        change = new_scale * new_layers[hop - 1] - old_scale * previous_old
        # ΔA is symmetric (a meeting changes both directions alike), so ΔAᵀ x = ΔA x.
        delta = _spread(state.edges, change) + delta_edges @ (old_scale * previous_old)
        delta[state.internal] = 0.0
        new_layers.append(layers[hop] + delta)
    # The same stopping rule and sum as the full computation, on the updated layers.
    hops, residual = stopping_hop(
        new_layers, damping=params.damping, max_hops=params.max_hops, tolerance=params.tolerance
    )
    state.propagation = Propagation(
        raw=accumulate(new_layers, hops, params.damping),
        layers=new_layers,
        hops=hops,
        residual=residual,
    )
    varied = _update_paths(state, touched)
    # A chain is read through the best-path layers of the contacts on it: only the chains of
    # contacts whose layers changed, or that pass through one, can change.
    chains = state.chains()
    hit = np.zeros(state.size + 1, dtype=bool)  # the last slot stands for "no contact" (−1)
    hit[varied] = True
    affected = np.flatnonzero(hit[:-1] | hit[chains].any(axis=1))
    fresh = strongest_chains(state.paths, state.internal, affected)
    moved = affected[(fresh != chains[affected]).any(axis=1)]
    chains[affected] = fresh
    changed = state.trust != old_trust
    changed[moved] = True
    return np.flatnonzero(changed)


def _update_paths(state: NetworkState, touched: np.ndarray) -> np.ndarray:
    """Recompute the best-chain layers for the neighbourhood a strength change can reach;
    returns the contacts whose best value or parent changed in any layer."""
    damping = state.params.damping
    best, parent = state.paths.best, state.paths.parent
    changed = np.zeros(0, dtype=np.int64)
    varied = [changed]
    for hop in range(1, len(best)):
        # Whose best chain can change: the touched pair and the out-neighbours of changed ones.
        neighbours = state.edges[changed].indices if changed.size else changed
        candidates = np.unique(np.concatenate([touched, changed, neighbours]))
        row_max, argmax = neighbour_best(state.incoming[candidates], best[hop - 1], damping)
        stay_best = best[hop - 1][candidates]
        stay_parent = parent[hop - 1][candidates]
        better = row_max > stay_best
        new_best = np.where(better, row_max, stay_best)
        new_parent = np.where(better, argmax, stay_parent)
        differs = (new_best != best[hop][candidates]) | (new_parent != parent[hop][candidates])
        best[hop][candidates] = new_best
        parent[hop][candidates] = new_parent
        changed = candidates[differs]
        varied.append(changed)
    return np.unique(np.concatenate(varied))
