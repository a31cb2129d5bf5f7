"""Profiles' TF-IDF vectors as an inverted index: the text path and the text feature.

Each term keeps its postings sorted by row (float16 unit-norm weights), so the exact cosine of
any set of candidates costs one binary search per (query term, candidate), or one scatter over
the postings when that is cheaper. Retrieval (which profiles are closest to a request's text,
over everyone) reads only each term's `champions` highest-weighted postings, the classic
champion-list bound on work per term (Manning, Raghavan & Schütze, IR book section 7.1.3): a
request made of common words then costs terms x champions, not a sweep over most profiles.
Terms held by fewer profiles than that are read whole, so small agencies get exact retrieval.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


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
    """Term -> (sorted rows, weights), plus each long term's champion postings."""

    def __init__(
        self,
        indptr: np.ndarray,
        terms: np.ndarray,
        weights: np.ndarray,
        size: int,
        *,
        champions: int = 1000,
    ) -> None:
        n = len(indptr) - 1
        rows = np.repeat(np.arange(n, dtype=np.int32), np.diff(indptr))
        order = np.argsort(terms, kind="stable")  # stable: rows stay sorted within a term
        self.rows = rows[order]
        self.weights = weights[order]
        del rows
        self.indptr = np.searchsorted(terms[order], np.arange(size + 1)).astype(np.int64)
        del order
        self.size = n
        self.champions = champions
        self._build_champions()
        # Scratch reused by every query (fresh million-entry buffers cost ms at the tail).
        self._scores = np.zeros(n, dtype=np.float32)

    def _build_champions(self) -> None:
        lengths = np.diff(self.indptr)
        long_terms = np.flatnonzero(lengths > self.champions)
        champion_rows, champion_weights = [], []
        for term in long_terms.tolist():
            lo, hi = int(self.indptr[term]), int(self.indptr[term + 1])
            weights = self.weights[lo:hi].astype(np.float32)
            # Highest weights first, ties by row, so the list is deterministic.
            top = np.lexsort((np.arange(hi - lo), -weights))[: self.champions]
            top.sort()
            champion_rows.append(self.rows[lo:hi][top])
            champion_weights.append(self.weights[lo:hi][top])
        self.champion_terms = long_terms.astype(np.int64)
        self.champion_rows = (
            np.concatenate(champion_rows) if champion_rows else np.zeros(0, np.int32)
        )
        self.champion_weights = (
            np.concatenate(champion_weights) if champion_weights else np.zeros(0, np.float16)
        )

    def postings(self, term: int) -> np.ndarray:
        if term < 0 or term + 1 >= len(self.indptr):
            return self.rows[:0]
        return self.rows[self.indptr[term] : self.indptr[term + 1]]

    def _span(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = int(self.indptr[term]), int(self.indptr[term + 1])
        return self.rows[lo:hi], self.weights[lo:hi]

    def _champion_span(self, term: int) -> tuple[np.ndarray, np.ndarray]:
        slot = int(np.searchsorted(self.champion_terms, term))
        if slot < len(self.champion_terms) and self.champion_terms[slot] == term:
            lo = slot * self.champions
            hi = lo + self.champions
            return self.champion_rows[lo:hi], self.champion_weights[lo:hi]
        return self._span(term)

    def holding_all(self, terms: np.ndarray) -> np.ndarray:
        """Sorted rows whose kept terms include every one of `terms` (none when `terms` is empty)."""
        if len(terms) == 0:
            return np.zeros(0, np.int64)
        lists = sorted((self.postings(int(t)) for t in terms), key=len)
        result = lists[0].astype(np.int64)
        for postings in lists[1:]:
            if len(result) == 0 or len(postings) == 0:
                return result[:0]
            pos = np.minimum(np.searchsorted(postings, result), len(postings) - 1)
            result = result[postings[pos] == result]
        return result

    def _known(self, terms: np.ndarray, weights: np.ndarray) -> list[tuple[int, float]]:
        return [
            (t, w)
            for t, w in zip(terms.tolist(), weights.tolist(), strict=True)
            if 0 <= t < len(self.indptr) - 1 and self.indptr[t + 1] > self.indptr[t]
        ]

    def similarity(self, rows: np.ndarray, terms: np.ndarray, weights: np.ndarray) -> np.ndarray:
        """Exact cosine of each of `rows` with the (unit-norm) query vector."""
        out = np.zeros(len(rows), dtype=np.float32)
        if len(rows) == 0:
            return out.astype(np.float64)
        cost_factor = np.log2(len(rows) + 1)
        for term, weight in self._known(terms, weights):
            postings, values = self._span(term)
            if len(rows) * cost_factor < len(postings):
                pos = np.minimum(np.searchsorted(postings, rows), len(postings) - 1)
                hit = postings[pos] == rows
                out[hit] += values[pos[hit]].astype(np.float32) * np.float32(weight)
            else:
                scores = self._scores
                try:
                    scores[postings] = values.astype(np.float32) * np.float32(weight)
                    out += scores[rows]
                finally:
                    scores[postings] = 0.0
        return np.clip(out.astype(np.float64), 0.0, 1.0)

    def retrieve(self, terms: np.ndarray, weights: np.ndarray) -> TextHits:
        """Rows sharing a term with the query, scored over each term's champion postings."""
        spans = [(self._champion_span(t), w) for t, w in self._known(terms, weights)]
        if not spans:
            return TextHits(np.zeros(0, np.int64), np.zeros(0))
        scores = self._scores
        touched = np.unique(np.concatenate([rows for (rows, _), _ in spans])).astype(np.int64)
        try:
            # Rows are unique within one term's postings, so a fancy-indexed add is exact.
            for (rows, values), weight in spans:
                scores[rows] += values.astype(np.float32) * np.float32(weight)
            similarity = scores[touched].astype(np.float64)
        finally:
            scores[touched] = 0.0
        return TextHits(touched, similarity)

    def nbytes(self) -> int:
        return int(
            self.rows.nbytes
            + self.weights.nbytes
            + self.indptr.nbytes
            + self.champion_terms.nbytes
            + self.champion_rows.nbytes
            + self.champion_weights.nbytes
            + self._scores.nbytes
        )
