"""Network trust: personalised PageRank from the agency's people, truncated at K hops.

W is the symmetric relationship-strength matrix (see strength.py), deg(u) = Σ_v W[u, v].

    P[u, v] = W[u, v] / max(deg(u), 1)

Row-normalised, except that a contact whose ties add up to less than one full relationship
passes on only that sum (the rest of the walk ends): a single weak tie carries little trust.

The walk restarts at the agency's internal people, each in proportion to the relationship they
have, y_0(i) = max(deg(i), 1) for internal i and 0 elsewhere, and moves one hop at a time:

    y_k = (y_{k−1} · P) ∘ m                   (walk mass after k hops; m = 0 at internal people,
                                               1 elsewhere: trust flows out of the agency and a
                                               walk that comes back to it ends there, it does not
                                               echo out again)
    τ   = Σ_{k=0..K} d^k · y_k                (d = damping 0.85, K = max hops 3)
    network_trust = min(1, τ)

This is personalised PageRank π = (1 − d) Σ_k d^k r P^k with restart distribution
r = y_0 / Σ y_0, rescaled by Σ y_0 / (1 − d) so that one unit of an internal person's
relationship is worth 1: internal people have trust 1, a contact an internal person met gets
d · s from them (s their strength), and further out a contact's trust is shared among its ties by
strength.

The series stops after K hops, or earlier once the residual — a bound on everything the untruncated
series could still add, d^{k+1} / (1 − d) · ‖y_k‖₁ / ‖y_0‖₁ (P is sub-stochastic, so ‖y_k‖₁ never
grows) — is at most the tolerance 1e-7. Cycles cannot make it run longer: it does at most K
sparse matrix-vector products.

Why truncation stops a clique of fakes: if a set C of non-internal contacts reaches the rest of
the network only through one contact B (not internal), the mass entering C after j hops is at
most y_j(B) · p, p = Σ_{c∈C} P[B, c] ≤ 1, and it can circulate inside C only for the hops that are
left, so  Σ_{c∈C} τ(c) ≤ p · (d + d² + … + d^{K−1}) · τ(B)  — for K = 3, d = 0.85 at most
1.5725 · τ(B), however many contacts and meetings the clique invents (without truncation the
factor is d / (1 − d) ≈ 5.7 and grows with the hops allowed).

best_paths() finds, for every contact, the strongest chain of relationships from an internal
person within K hops (maximum product of d · s over the hops, layer by layer: best_k(v) =
max(best_{k−1}(v), max_u best_{k−1}(u) · d · W[u, v])); strongest_chains() reads each chain back
through the layers, so it has at most K hops and ends at an internal person, even on cyclic
graphs. The chain is what the trust paths "in words" describe. (One parent pointer per contact
would not do: the best K-hop chain to v may pass through u on a chain that is not u's own best.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp


@dataclass
class Propagation:
    raw: np.ndarray  # τ before capping at 1
    layers: list[np.ndarray]  # y_0 … y_hops (undamped walk mass per hop)
    hops: int
    residual: float


@dataclass
class BestPaths:
    best: list[np.ndarray]  # best chain value reachable within k hops, k = 0 … K
    parent: list[np.ndarray]  # previous contact (index) on that chain, −1 for none


def degrees(strength: sp.csr_matrix) -> np.ndarray:
    return np.asarray(strength.sum(axis=1)).ravel()


def row_scale(degree: np.ndarray) -> np.ndarray:
    """1 / max(deg, 1): the row normalisation of P."""
    return 1.0 / np.maximum(degree, 1.0)


def restart_mass(degree: np.ndarray, internal: np.ndarray) -> np.ndarray:
    """y_0: max(deg, 1) at internal people, 0 elsewhere."""
    return np.where(internal, np.maximum(degree, 1.0), 0.0)


def step(
    strength: sp.csr_matrix, scale: np.ndarray, internal: np.ndarray, walk: np.ndarray
) -> np.ndarray:
    """One hop: (y · P) ∘ m. W is symmetric, so y · P = W @ (y / max(deg, 1))."""
    moved = np.asarray(strength @ (scale * walk)).ravel()
    moved[internal] = 0.0
    return moved


def residual_after(layers: list[np.ndarray], hop: int, damping: float) -> float:
    """d^{k+1} / (1 − d) · ‖y_k‖₁ / ‖y_0‖₁: a bound on all the series could add after hop k."""
    total = float(layers[0].sum())
    if total == 0.0:
        return 0.0
    return damping ** (hop + 1) / (1.0 - damping) * float(layers[hop].sum()) / total


def stopping_hop(
    layers: list[np.ndarray], *, damping: float, max_hops: int, tolerance: float
) -> tuple[int, float]:
    """The first hop at which the residual is ≤ tolerance, or max_hops."""
    hop, residual = 0, residual_after(layers, 0, damping)
    while hop < max_hops and residual > tolerance and hop + 1 < len(layers):
        hop += 1
        residual = residual_after(layers, hop, damping)
    return hop, residual


def accumulate(layers: list[np.ndarray], hops: int, damping: float) -> np.ndarray:
    """τ = Σ_{k ≤ hops} d^k y_k."""
    raw = layers[0].copy()
    factor = 1.0
    for hop in range(1, hops + 1):
        factor *= damping
        raw += factor * layers[hop]
    return raw


def propagate(
    strength: sp.csr_matrix,
    internal: np.ndarray,
    *,
    damping: float,
    max_hops: int,
    tolerance: float,
) -> Propagation:
    """τ = Σ_k d^k y_k for k ≤ max_hops, stopping early when the residual ≤ tolerance."""
    scale = row_scale(degrees(strength))
    layers = [restart_mass(degrees(strength), internal)]
    hops, residual = 0, residual_after(layers, 0, damping)
    while hops < max_hops and residual > tolerance:
        layers.append(step(strength, scale, internal, layers[-1]))
        hops += 1
        residual = residual_after(layers, hops, damping)
    return Propagation(
        raw=accumulate(layers, hops, damping), layers=layers, hops=hops, residual=residual
    )


def network_trust(raw: np.ndarray) -> np.ndarray:
    """min(1, τ)."""
    return np.clip(raw, 0.0, 1.0)


def neighbour_best(
    rows: sp.csr_matrix,
    previous: np.ndarray,
    damping: float,
    row_of_entry: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """For each row v: max over neighbours u of previous[u] · d · W[v, u], and that u (−1)."""
    count = rows.shape[0]
    indptr, indices = rows.indptr, rows.indices
    candidate = previous[indices] * rows.data * damping
    lengths = np.diff(indptr)
    nonempty = lengths > 0
    row_max = np.zeros(count)
    argmax = np.full(count, -1, dtype=np.int64)
    if candidate.size == 0:
        return row_max, argmax
    row_max[nonempty] = np.maximum.reduceat(candidate, indptr[:-1][nonempty])
    if row_of_entry is None:
        row_of_entry = np.repeat(np.arange(count), lengths)
    hits = np.flatnonzero((candidate == row_max[row_of_entry]) & (candidate > 0.0))
    hit_rows, first = np.unique(row_of_entry[hits], return_index=True)
    argmax[hit_rows] = indices[hits[first]]
    return row_max, argmax


def best_paths(
    strength: sp.csr_matrix, internal: np.ndarray, *, damping: float, max_hops: int
) -> BestPaths:
    """Strongest chain from an internal person within k hops, for k = 0 … max_hops."""
    best = np.where(internal, 1.0, 0.0)
    parent = np.full(strength.shape[0], -1, dtype=np.int64)
    result = BestPaths(best=[best], parent=[parent])
    row_of_entry = np.repeat(np.arange(strength.shape[0]), np.diff(strength.indptr))
    for _ in range(max_hops):
        row_max, argmax = neighbour_best(strength, best, damping, row_of_entry)
        better = row_max > best
        best = np.where(better, row_max, best)
        parent = np.where(better, argmax, parent)
        result.best.append(best)
        result.parent.append(parent)
    return result


def strongest_chains(paths: BestPaths, internal: np.ndarray) -> np.ndarray:
    """(contacts × K) predecessors on each contact's strongest chain, nearest first, −1 padded.

    The chain to v within k hops goes through u = parent_j(v), where j ≤ k is the layer at which
    v's best value was reached, and continues with u's chain within j − 1 hops.
    """
    hops = len(paths.best) - 1
    size = internal.shape[0]
    best = np.vstack(paths.best)
    parent = np.vstack(paths.parent)
    level = np.zeros_like(parent)
    for k in range(1, hops + 1):
        level[k] = np.where(best[k] > best[k - 1], k, level[k - 1])
    chains = np.full((size, hops), -1, dtype=np.int64)
    node = np.arange(size)
    layer = np.full(size, hops)
    alive = ~internal
    for step in range(hops):
        reached = level[layer, node]
        previous = parent[reached, node]
        alive = alive & (previous >= 0) & (layer > 0)
        chains[alive, step] = previous[alive]
        node = np.where(alive, previous, node)
        layer = np.where(alive, reached - 1, layer)
        alive = alive & ~internal[node]
    return chains
