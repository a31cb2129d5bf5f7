"""Profiles' TF-IDF vectors: row -> (term, weight) for similarity, term -> champions for retrieval.

The text feature of c candidates is one gather over their ~20-32 kept terms each (forward
layout, float16 unit-norm weights) against a dense query buffer, summed per row in a fixed
order, so a row's similarity is the same bits whichever other rows are scored with it; reading
the candidates out of each query term's inverted list cost a binary search per (term, candidate)
instead. Retrieval (which profiles are closest to a request's text, over everyone) reads only
each term's `champions` highest-weighted postings, the classic champion-list bound on work per
term (Manning, Raghavan & Schuetze, IR book section 7.1.3): a request made of common words then
costs terms x champions, not a sweep over most profiles. A term held by at most `champions`
profiles keeps all its postings there, so small agencies get exact retrieval; the full holder
lists of longer terms are not kept (only "holds every word of an unrecognised must-have term"
needs them, and that rare question scans the forward terms once).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from services.matching.index.csr import compact_indptr

_GROUP_CHUNK = 1 << 20


@dataclass(frozen=True)
class TextHits:
    """Rows reached by retrieval (sorted) with their similarity over the terms read."""

    rows: np.ndarray  # int64, sorted
    similarity: np.ndarray  # float64

    def best(self, limit: int) -> np.ndarray:
        """Row order of the best hits, similarity desc then row asc, at least `limit` long
        when there are that many (ties at the cut all kept)."""
        if len(self.rows) > limit:
            part = np.argpartition(-self.similarity, limit - 1)[:limit]
            threshold = self.similarity[part].min()
            chosen = np.flatnonzero(self.similarity >= threshold)
        else:
            chosen = np.arange(len(self.rows))
        order = np.lexsort((self.rows[chosen], -self.similarity[chosen]))
        return self.rows[chosen[order]]


class TextPostings:
    """Row -> kept (term, weight) entries, plus each term's champion postings sorted by row."""

    def __init__(
        self,
        indptr: np.ndarray,
        terms: np.ndarray,
        weights: np.ndarray,
        size: int,
        *,
        champions: int = 1000,
    ) -> None:
        self.size = len(indptr) - 1
        self.vocabulary_size = size
        self.champions = champions
        self.indptr = compact_indptr(indptr)
        self.terms = terms
        self.weights = weights
        self._build_champions()
        # Dense query vector reused by every ranking (set for its terms, then cleared).
        self._query = np.zeros(size, dtype=np.float32)

    def _build_champions(self) -> None:
        """Each term's champion postings, sorted by row, written into preallocated arrays.

        Terms are taken a range at a time (about `_GROUP_CHUNK` entries) and the entries are
        scanned a chunk at a time, so the build never holds a mask or an index of every entry.
        """
        size = self.vocabulary_size
        # Counted a chunk at a time: bincount converts its input to int64 (8 bytes an entry).
        lengths = np.zeros(size, dtype=np.int64)
        for first in range(0, len(self.terms), _GROUP_CHUNK):
            chunk = self.terms[first : first + _GROUP_CHUNK]
            lengths += np.bincount(chunk, minlength=size)[:size]
        self.long_terms = np.flatnonzero(lengths > self.champions).astype(np.int64)
        kept_lengths = np.minimum(lengths, self.champions)
        self.champion_indptr = compact_indptr(np.concatenate([[0], np.cumsum(kept_lengths)]))
        self.champion_rows = np.empty(int(kept_lengths.sum()), dtype=np.int32)
        self.champion_weights = np.empty(int(kept_lengths.sum()), dtype=np.float16)
        cumulative = np.cumsum(lengths)
        lo = 0
        while lo < size:
            before = int(cumulative[lo - 1]) if lo else 0
            hi = int(np.searchsorted(cumulative, before + _GROUP_CHUNK, side="right"))
            hi = min(max(hi, lo + 1), size)
            self._champions_of_range(lo, hi)
            lo = hi

    def _champions_of_range(self, lo: int, hi: int) -> None:
        parts = []
        for first in range(0, len(self.terms), _GROUP_CHUNK):
            chunk = self.terms[first : first + _GROUP_CHUNK]
            parts.append(np.flatnonzero((chunk >= lo) & (chunk < hi)) + first)
        positions = np.concatenate(parts) if parts else np.zeros(0, np.int64)
        # Stable: positions, and so rows, stay ascending within a term.
        positions = positions[np.argsort(self.terms[positions], kind="stable")]
        starts = np.searchsorted(self.terms[positions], np.arange(lo, hi + 1))
        keep = np.ones(len(positions), dtype=bool)
        for term in self.long_terms[(self.long_terms >= lo) & (self.long_terms < hi)].tolist():
            first, last = int(starts[term - lo]), int(starts[term - lo + 1])
            values = self.weights[positions[first:last]].astype(np.float32)
            # Highest weights first, ties by row, so the list is deterministic.
            top = np.lexsort((np.arange(last - first), -values))[: self.champions]
            keep[first:last] = False
            keep[first + top] = True
        kept = positions[keep]
        out = slice(int(self.champion_indptr[lo]), int(self.champion_indptr[hi]))
        self.champion_rows[out] = np.searchsorted(self.indptr, kept, side="right") - 1
        self.champion_weights[out] = self.weights[kept]

    def _champion_span(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = int(self.champion_indptr[term]), int(self.champion_indptr[term + 1])
        return self.champion_rows[lo:hi], self.champion_weights[lo:hi]

    def _valid(self, terms: np.ndarray) -> np.ndarray:
        return terms[(terms >= 0) & (terms < self.vocabulary_size)]

    def holding_all(self, terms: np.ndarray) -> np.ndarray:
        """Sorted rows whose kept terms include every one of `terms` (none when `terms` is empty)."""
        if len(terms) == 0:
            return np.zeros(0, np.int64)
        wanted = np.unique(np.asarray(terms, dtype=np.int64))
        if len(self._valid(wanted)) < len(wanted):
            return np.zeros(0, np.int64)
        is_long = np.isin(wanted, self.long_terms)
        long = wanted[is_long]
        lists = [self._champion_span(t)[0].astype(np.int64) for t in wanted[~is_long].tolist()]
        if len(long):
            # A row holds a term at most once, so holding every long term = len(long) hits.
            hits = np.flatnonzero(np.isin(self.terms, long))
            owners = np.searchsorted(self.indptr, hits, side="right") - 1
            found, counts = np.unique(owners, return_counts=True)
            lists.append(found[counts == len(long)].astype(np.int64))
        lists.sort(key=len)
        result = lists[0]
        for postings in lists[1:]:
            if len(result) == 0 or len(postings) == 0:
                return result[:0]
            pos = np.minimum(np.searchsorted(postings, result), len(postings) - 1)
            result = result[postings[pos] == result]
        return result

    def similarity(self, rows: np.ndarray, terms: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Exact cosine of each of `rows` with the (unit-norm) query vector."""
        rows = np.asarray(rows, dtype=np.int64)
        known = (terms >= 0) & (terms < self.vocabulary_size)
        if len(rows) == 0 or not known.any():
            return np.zeros(len(rows))
        query = self._query
        terms = terms[known]
        starts = self.indptr[rows].astype(np.int64)
        lengths = self.indptr[rows + 1].astype(np.int64) - starts
        first = np.cumsum(lengths) - lengths
        positions = np.repeat(starts - first, lengths)
        positions += np.arange(len(positions), dtype=np.int64)
        try:
            query[terms] = np.asarray(weights, dtype=np.float32)[known]
            # np.take: the same values as fancy indexing, with less per-call work.
            factors = np.take(query, np.take(self.terms, positions))
        finally:
            query[terms] = 0.0
        # Most kept terms are not in the request: only entries of request terms are read on
        # (an entry of 0 adds nothing to a row's sum, so the bits are the same), and their
        # owners are found by binary search instead of repeating every row's index.
        hits = np.flatnonzero(factors != 0)
        owner = np.searchsorted(first, hits, side="right") - 1
        entries = factors[hits] * np.take(self.weights, positions[hits]).astype(np.float32)
        # bincount adds each row's entries in their stored order: the same bits in any batch.
        total = np.bincount(owner, weights=entries, minlength=len(rows))
        return np.clip(total, 0.0, 1.0)

    def retrieve(self, terms: np.ndarray, weights: np.ndarray) -> TextHits:
        """Rows sharing a term with the query, scored over each term's champion postings."""
        known = (terms >= 0) & (terms < self.vocabulary_size)
        rows, values = [], []
        for term, weight in zip(
            terms[known].tolist(), np.asarray(weights)[known].tolist(), strict=True
        ):
            span_rows, span_weights = self._champion_span(term)
            rows.append(span_rows)
            values.append(span_weights.astype(np.float32) * np.float32(weight))
        if not rows or not sum(len(r) for r in rows):
            return TextHits(np.zeros(0, np.int64), np.zeros(0))
        # At most terms x champions entries: summed per row without a profile-sized buffer.
        touched, owner = np.unique(np.concatenate(rows), return_inverse=True)
        similarity = np.bincount(owner, weights=np.concatenate(values), minlength=len(touched))
        return TextHits(touched.astype(np.int64), similarity)

    def nbytes(self) -> int:
        arrays = [value for value in vars(self).values() if isinstance(value, np.ndarray)]
        return sum(int(a.nbytes) for a in arrays)
