"""Network trust: directed personalised PageRank from the agency's people, truncated at K hops.

The graph has two kinds of edges (network.py builds them):

- meetings are mutual: u → v and v → u both carry μ · s(u, v), s the relationship strength
  (strength.py), μ the meeting weight (0.25);
- vouches are directed, voucher → the contact of the freelancer vouched for, and carry
  w(channel) · 2^(−age/h_v) · g(recommendation), g = 1 for strong, 0.5 for yes: a recent
  in-person 'strong' vouch carries as much as four full relationships, so on ties that are both
  met and vouched for, trust flows mostly in the vouch's direction. An `against` or
  `reservations` vouch carries nothing, and it also stops the voucher's meetings with that
  person from passing trust in that direction: nobody lends trust to someone they warn against.

A[u, v] is the sum of both, deg(u) = Σ_v A[u, v] (out-going), and

    P[u, v] = A[u, v] / max(deg(u), μ)

Row-normalised, except that a contact whose ties add up to less than one full relationship
(μ) passes on only that share (the rest of the walk ends): a single weak tie carries little.

The walk restarts at the agency's internal people, one unit per full relationship they have,
y_0(i) = max(deg(i), μ) / μ for internal i and 0 elsewhere, and moves one hop at a time along
the edges' direction:

    y_k = (y_{k−1} · P) ∘ m                   (walk mass after k hops; m = 0 at internal people,
                                               1 elsewhere: trust flows out of the agency and a
                                               walk that comes back to it ends there)
    τ   = Σ_{k=0..K} d^k · y_k                (d = damping 0.85, K = max hops 3, as before)

This is personalised PageRank π = (1 − d) Σ_k d^k r P^k with restart distribution
r = y_0 / Σ y_0, rescaled so that one unit of an internal person's relationship is worth 1: a
contact an internal person met gets d · s from them.

Dilution (sybil resistance, network.py): nobody keeps up more than a handful of strong
relationships at once. A non-internal contact whose merely claimed relationships — meeting
strengths with people who do not vouch positively for them — add up to more than the budget
B = 5 has its trust divided accordingly, τ̃(v) = τ(v) · min(1, B / Σ_{u ↛ v} s(v, u)). Real
people rarely reach it (strengths decay with a 180-day half-life; an active trader whose partners
rate them well is not diluted for those ties); a fake who "met" hundreds of other fakes this
week is diluted a hundredfold.

Distrust (edges.distrust): a warning passes no trust, and it takes some from the person warned
against — what the warner's trust would have passed along the same edge, one hop:

    δ(v) = d · Σ_u τ̃(u) · W[u, v] / max(deg(u) + Σ_x W[u, x], μ)
    W[u, v] = w(channel) · 2^(−age/h_v) · g⁻,   g⁻ = 0.5 for 'against', 0.25 for 'reservations'
    τ̂(v) = τ̃(v) − δ(v)

so an 'against' takes what a 'yes' from the same voucher would have given, a warning from
someone the agency's trust does not reach takes nothing, and a warner's opinions (praise and
warnings) share one out-degree: a prolific warner cannot sink many people at full weight. On the
trade-rating evaluation this lifts the edge AUC of network trust by 0.01 (seeds 7/11: warned
traders who trade on are rated down again); sybils gain nothing from it (it only ever lowers trust).
τ̂ is not floored at 0: someone the agency's trusted people warn against more than they trust
stands below a stranger (0), not level with one. Without the floor the trade evaluation's edge
AUC rises by another 0.02 (0.605 → 0.624, 0.613 → 0.630, seeds 7/11): 1.5 % of the rated
traders had been warned against to 0, and 56–66 % of their next ratings were negative, against
13 % for the newcomers they were tied with. Trust a contact lends — the strength of their
vouches, their own reach as a freelancer feature — is max(τ̂, 0) (features.vouch_strength).

No saturation: τ̂ has no cap. The stored, bounded network trust is log-compressed relative to
one full relationship with an agency person (τ_1 = d):

    L = ln(1 + |τ̂| / d),  network_trust = sign(τ̂) · L / (1 + L)    in (−1, 1), strictly increasing

so a contact strongly tied to one agency person has ≈ 0.4, agency people with many ties 0.8–0.9,
and the order among the best-connected is kept (no ties at the top). Far from the agency
(τ̂ ≪ d) it is ≈ τ̂ / d, linear. The unit is fixed rather than a network median so that a change
in one corner never moves every number (the incremental update stays exact and local).

The series stops after K hops, or earlier once the residual — a bound on everything the untruncated
series could still add, d^{k+1} / (1 − d) · ‖y_k‖₁ / ‖y_0‖₁ (P is sub-stochastic, so ‖y_k‖₁ never
grows) — is at most the tolerance 1e-7. Cycles cannot make it run longer: it does at most K
sparse matrix-vector products.

Why truncation stops a clique of fakes: if a set C of non-internal contacts is entered only
through edges from a contact B, the mass entering C after j hops is at most y_j(B) · p,
p = Σ_{c∈C} P[B, c], and it can circulate inside C only for the hops that are left, so
Σ_{c∈C} τ(c) ≤ p · (d + … + d^{K−1}) · τ(B) — bounded however many contacts and meetings the
clique invents (without truncation the factor is d / (1 − d) ≈ 5.7). Dilution then divides each
fake's share by its claimed relationships. Measured worst case (`vouch evaluate --trust`): a
1,000-contact clique attached by 5 edges to the contacts that pass the most trust captures
< 1e-3 of all trust and its best member ranks below the 1,000th real contact.

best_paths() finds, for every contact, the strongest chain from an internal person within K
hops (maximum product of d · min(1, A) over the hops, along the edges' direction, layer by
layer: best_k(v) = max(best_{k−1}(v), max_u best_{k−1}(u) · d · min(1, A[u, v])));
strongest_chains() reads each chain back through the layers, so it has at most K hops and ends
at an internal person, even on cyclic graphs. The chain is what the trust paths "in words"
describe. (One parent pointer per contact would not do: the best K-hop chain to v may pass
through u on a chain that is not u's own best.)
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp


@dataclass
class Propagation:
    raw: np.ndarray  # τ, unbounded
    layers: list[np.ndarray]  # y_0 … y_hops (undamped walk mass per hop)
    hops: int
    residual: float


@dataclass
class BestPaths:
    best: list[np.ndarray]  # best chain value reachable within k hops, k = 0 … K
    parent: list[np.ndarray]  # previous contact (index) on that chain, −1 for none


def degrees(edges: sp.csr_matrix) -> np.ndarray:
    """Out-going weight per contact (rows of A are out-edges)."""
    return np.asarray(edges.sum(axis=1)).ravel()


def row_scale(degree: np.ndarray, unit: float = 1.0) -> np.ndarray:
    """1 / max(deg, μ): the row normalisation of P (μ = one full relationship)."""
    return 1.0 / np.maximum(degree, unit)


def restart_mass(degree: np.ndarray, internal: np.ndarray, unit: float = 1.0) -> np.ndarray:
    """y_0: max(deg, μ) / μ at internal people (one unit per full relationship), 0 elsewhere."""
    return np.where(internal, np.maximum(degree, unit) / unit, 0.0)


def step(
    incoming: sp.csr_matrix, scale: np.ndarray, internal: np.ndarray, walk: np.ndarray
) -> np.ndarray:
    """One hop: (y · P) ∘ m = Aᵀ (y / max(deg, 1)) ∘ m; `incoming` is Aᵀ (rows = in-edges)."""
    moved = np.asarray(incoming @ (scale * walk)).ravel()
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
    edges: sp.csr_matrix,
    incoming: sp.csr_matrix,
    internal: np.ndarray,
    *,
    damping: float,
    max_hops: int,
    tolerance: float,
    unit: float = 1.0,
) -> Propagation:
    """τ = Σ_k d^k y_k for k ≤ max_hops, stopping early when the residual ≤ tolerance."""
    degree = degrees(edges)
    scale = row_scale(degree, unit)
    layers = [restart_mass(degree, internal, unit)]
    hops, residual = 0, residual_after(layers, 0, damping)
    while hops < max_hops and residual > tolerance:
        layers.append(step(incoming, scale, internal, layers[-1]))
        hops += 1
        residual = residual_after(layers, hops, damping)
    return Propagation(
        raw=accumulate(layers, hops, damping), layers=layers, hops=hops, residual=residual
    )


def network_trust(raw: np.ndarray, damping: float) -> np.ndarray:
    """sign(τ) · L / (1 + L), L = ln(1 + |τ| / d): bounded, strictly increasing, never flat at
    the top; negative where warnings outweigh trust."""
    raw = np.asarray(raw, dtype=np.float64)
    compressed = np.log1p(np.abs(raw) / damping)
    return np.sign(raw) * compressed / (1.0 + compressed)


def raw_trust(bounded: np.ndarray | float, damping: float) -> np.ndarray:
    """The inverse of network_trust: τ from the stored bounded value."""
    value = np.clip(np.asarray(bounded, dtype=np.float64), -1.0 + 1e-12, 1.0 - 1e-12)
    magnitude = np.abs(value)
    return np.sign(value) * damping * np.expm1(magnitude / (1.0 - magnitude))


def neighbour_best(
    rows: sp.csr_matrix,
    previous: np.ndarray,
    damping: float,
    row_of_entry: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """For each row v of Aᵀ: max over in-neighbours u of previous[u] · d · min(1, A[u, v])."""
    count = rows.shape[0]
    indptr, indices = rows.indptr, rows.indices
    candidate = previous[indices] * np.minimum(rows.data, 1.0) * damping
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
    incoming: sp.csr_matrix, internal: np.ndarray, *, damping: float, max_hops: int
) -> BestPaths:
    """Strongest chain from an internal person within k hops, for k = 0 … max_hops."""
    best = np.where(internal, 1.0, 0.0)
    parent = np.full(incoming.shape[0], -1, dtype=np.int64)
    result = BestPaths(best=[best], parent=[parent])
    row_of_entry = np.repeat(np.arange(incoming.shape[0]), np.diff(incoming.indptr))
    for _ in range(max_hops):
        row_max, argmax = neighbour_best(incoming, best, damping, row_of_entry)
        better = row_max > best
        best = np.where(better, row_max, best)
        parent = np.where(better, argmax, parent)
        result.best.append(best)
        result.parent.append(parent)
    return result


def strongest_chains(
    paths: BestPaths, internal: np.ndarray, nodes: np.ndarray | None = None
) -> np.ndarray:
    """(nodes × K) predecessors on each contact's strongest chain, nearest first, −1 padded
    (all contacts when nodes is None).

    The chain to v within k hops goes through u = parent_j(v), where j ≤ k is the layer at which
    v's best value was reached, and continues with u's chain within j − 1 hops.
    """
    hops = len(paths.best) - 1
    node = np.arange(internal.shape[0]) if nodes is None else np.asarray(nodes, dtype=np.int64)
    size = node.shape[0]
    chains = np.full((size, hops), -1, dtype=np.int64)
    layer = np.full(size, hops)
    alive = ~internal[node]
    for step in range(hops):
        # The layer at which the best value within `layer` hops was reached, and its parent.
        reached = np.zeros(size, dtype=np.int64)
        previous = np.full(size, -1, dtype=np.int64)
        for k in range(1, hops + 1):
            rose = (k <= layer) & (paths.best[k][node] > paths.best[k - 1][node])
            reached[rose] = k
            previous[rose] = paths.parent[k][node[rose]]
        alive = alive & (previous >= 0) & (layer > 0)
        chains[alive, step] = previous[alive]
        node = np.where(alive, previous, node)
        layer = np.where(alive, reached - 1, layer)
        alive = alive & ~internal[node]
    return chains
