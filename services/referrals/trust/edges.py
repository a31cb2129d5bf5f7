"""The edges of the trust network besides meetings: vouches (directed) and warnings (blocks),
the combined matrix A and its transpose, and the dilution of contacts with implausibly many ties.
Formulas: propagation.py."""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import scipy.sparse as sp

from services.referrals.trust.params import RECOMMENDATION_CODE, WARNING_WEIGHT, TrustParams
from services.referrals.trust.strength import decay


class VouchEdges(NamedTuple):
    """Active vouches between contacts: positions of voucher and vouchee, edge weight, warning."""

    source: np.ndarray
    target: np.ndarray
    weight: np.ndarray  # w(channel) · 2^(−age/h_v) · g(recommendation); for warnings · g⁻(rec)
    warning: np.ndarray  # bool: against/reservations, which also block the meeting u → v

    @classmethod
    def empty(cls) -> VouchEdges:
        none = np.zeros(0, dtype=np.int64)
        return cls(none, none, np.zeros(0), np.zeros(0, dtype=bool))


def index_lookup(sorted_ids: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Positions of ids in sorted_ids, −1 where absent."""
    ids = np.asarray(ids, dtype=np.int64)
    if sorted_ids.size == 0:
        return np.full(ids.shape, -1, dtype=np.int64)
    largest = int(sorted_ids[-1])
    if ids.size > 1000 and sorted_ids[0] >= 0 and largest <= 8 * sorted_ids.size + 1_000_000:
        # Ids from a sequence are dense: a direct table beats a binary search per id.
        table = np.full(largest + 1, -1, dtype=np.int64)
        table[sorted_ids] = np.arange(sorted_ids.size)
        inside = (ids >= 0) & (ids <= largest)
        return np.where(inside, table[np.clip(ids, 0, largest)], -1)
    position = np.searchsorted(sorted_ids, ids)
    position = np.minimum(position, sorted_ids.size - 1)
    return np.where(sorted_ids[position] == ids, position, -1).astype(np.int64)


def dilution(relationships: np.ndarray, internal: np.ndarray, params: TrustParams) -> np.ndarray:
    """min(1, B / Σ_u s(v, u)) outside the agency, 1 for the agency's people (the sum over the
    relationships not backed by a positive vouch for v, unvouched_relationships)."""
    budget = params.relationship_budget
    factor = np.minimum(1.0, budget / np.maximum(relationships, 1e-300))
    return np.where(internal, 1.0, factor)


def vouch_edges(
    contact_ids: np.ndarray, rows: dict[str, np.ndarray], params: TrustParams
) -> VouchEdges:
    """Edges from store.read_vouch_edges rows (contacts unknown to the network are dropped)."""
    source, target = (
        index_lookup(contact_ids, rows["source"]),
        index_lookup(contact_ids, rows["target"]),
    )
    keep = (source >= 0) & (target >= 0) & (source != target)
    recommendation = rows["recommendation"][keep]
    warning = np.isin(recommendation, [RECOMMENDATION_CODE[name] for name in WARNING_WEIGHT])
    factor = np.where(
        warning,
        params.warning_edge_by_code()[recommendation],
        params.vouch_edge_by_code()[recommendation],
    )
    weight = (
        params.weights_by_code()[rows["channel"][keep]]
        * decay(rows["age"][keep], params.vouch_half_life_days)
        * factor
    )
    return VouchEdges(source[keep], target[keep], weight, warning)


def unvouched_relationships(strength: sp.csr_matrix, vouches: VouchEdges) -> np.ndarray:
    """Σ_u s(v, u) over the contacts u who do not vouch positively for v: the relationships v
    merely claims. A tie on which the other side stands up for v is not what dilution guards
    against (a fake clique's meetings); on a trade network it is an active trader's record."""
    size = strength.shape[0]
    positive = ~vouches.warning & (vouches.weight > 0)
    if not positive.any():
        return np.asarray(strength.sum(axis=1)).ravel()
    # Rows are vouchees, columns their positive vouchers (as in the strength matrix's rows).
    vouched = sp.csr_matrix(
        (np.ones(int(positive.sum())), (vouches.target[positive], vouches.source[positive])),
        shape=(size, size),
    )
    vouched.data[:] = 1.0  # duplicates summed: back to a mask
    backed = strength.multiply(vouched)
    return np.asarray(strength.sum(axis=1) - backed.sum(axis=1)).ravel()


def warning_matrix(vouches: VouchEdges, size: int) -> sp.csr_matrix:
    """W: rows are warners, W[u, v] = w(channel) · 2^(−age/h_v) · g⁻(recommendation)."""
    warning = vouches.warning & (vouches.weight > 0)
    matrix = sp.csr_matrix(
        (vouches.weight[warning], (vouches.source[warning], vouches.target[warning])),
        shape=(size, size),
    )
    matrix.sum_duplicates()
    return matrix


def distrust(
    warnings: sp.csr_matrix, trust: np.ndarray, degree: np.ndarray, params: TrustParams
) -> np.ndarray:
    """δ(v) = d · Σ_u τ̃(u) · W[u, v] / max(deg(u) + Σ_x W[u, x], μ): what the warners' trust
    would have passed to v along the same edges, their opinions (praise and warnings) sharing
    one out-degree so that a prolific warner cannot sink many people at full weight."""
    if warnings.nnz == 0:
        return np.zeros(trust.shape[0])
    out = degree + np.asarray(warnings.sum(axis=1)).ravel()
    share = trust / np.maximum(out, params.relationship_unit)
    return params.damping * np.asarray(warnings.T @ share).ravel()


def edge_matrices(
    strength: sp.csr_matrix, vouches: VouchEdges, params: TrustParams
) -> tuple[sp.csr_matrix, sp.csr_matrix, frozenset[tuple[int, int]]]:
    """A = μ · S + V with warned-about directions removed, its transpose, the blocked pairs."""
    size = strength.shape[0]
    positive = (vouches.weight > 0) & ~vouches.warning
    vouch_matrix = sp.csr_matrix(
        (vouches.weight[positive], (vouches.source[positive], vouches.target[positive])),
        shape=(size, size),
    )
    edges = sp.csr_matrix(params.meeting_weight * strength + vouch_matrix)
    blocked = frozenset(
        zip(
            vouches.source[vouches.warning].tolist(),
            vouches.target[vouches.warning].tolist(),
            strict=True,
        )
    )
    if blocked:
        rows, cols = (np.array(side, dtype=np.int64) for side in zip(*blocked, strict=True))
        mask = sp.csr_matrix((np.ones(rows.size), (rows, cols)), shape=(size, size))
        edges = sp.csr_matrix(edges - edges.multiply(mask))
        edges.eliminate_zeros()
    edges.sum_duplicates()
    edges.sort_indices()
    incoming = edges.T.tocsr()
    incoming.sort_indices()
    return edges, incoming, blocked
