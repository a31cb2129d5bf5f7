"""TF-IDF text of profiles, kept as each profile's top terms so a million profiles fit in memory.

The encoder fits the vocabulary and weighs texts; `text_postings` holds the profiles' vectors.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

# Keeps tokens such as "c++", "c#", "node.js" and "k8s" whole; a trailing dot is dropped.
TOKEN_PATTERN = r"(?u)\b\w[\w+#.]*[\w+#]|\b\w\b"
MAX_VOCABULARY = 65_535  # term ids fit uint16
_CHUNK = 20_000


class TextEncoder:
    """A fitted TF-IDF vocabulary; encodes profiles (truncated) and requests (full)."""

    def __init__(self, vectorizer: TfidfVectorizer | None, *, terms_per_profile: int) -> None:
        self.vectorizer = vectorizer
        self.terms_per_profile = terms_per_profile
        size = len(vectorizer.vocabulary_) if vectorizer is not None else 0
        self.vocabulary_size = size
        # The request side is one short text: tokenise and weight it directly (scikit-learn's
        # transform costs ~3 ms of validation per call); `test_query_matches_sklearn` pins it.
        self._analyzer = vectorizer.build_analyzer() if vectorizer is not None else None
        self._idf = vectorizer.idf_.astype(np.float64) if vectorizer is not None else None
        self.index_dtype = np.uint16 if size <= MAX_VOCABULARY else np.int32

    @classmethod
    def fit(cls, texts: Sequence[str], *, terms_per_profile: int, sample: int) -> TextEncoder:
        """Fit on all texts, or on an evenly spaced deterministic sample of `sample` of them."""
        step = max(1, -(-len(texts) // sample))
        corpus = [texts[i] for i in range(0, len(texts), step)]
        vectorizer = TfidfVectorizer(
            lowercase=True,
            token_pattern=TOKEN_PATTERN,
            stop_words="english",
            sublinear_tf=True,
            max_features=MAX_VOCABULARY,
            dtype=np.float32,
        )
        try:
            vectorizer.fit(corpus)
        except ValueError:  # no corpus, or only stop words: text similarity is 0 for everyone
            return cls(None, terms_per_profile=terms_per_profile)
        return cls(vectorizer, terms_per_profile=terms_per_profile)

    def encode(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """CSR (indptr, term ids, float16 weights) keeping each profile's strongest terms."""
        # Preallocated for the most terms a profile may keep, then shrunk in place: pages never
        # written are never resident, so the build holds no second copy of the postings.
        capacity = len(texts) * self.terms_per_profile
        indices_all = np.empty(capacity, dtype=self.index_dtype)
        data_all = np.empty(capacity, dtype=np.float16)
        indptr_all = np.zeros(len(texts) + 1, dtype=np.int64)
        offset = 0
        for start in range(0, len(texts), _CHUNK):
            chunk = texts[start : start + _CHUNK]
            indptr, indices, data = self._encode_chunk(chunk)
            indptr_all[start + 1 : start + 1 + len(chunk)] = indptr[1:] + offset
            indices_all[offset : offset + len(indices)] = indices
            data_all[offset : offset + len(data)] = data
            offset += len(indices)
        indices_all.resize(offset, refcheck=False)
        data_all.resize(offset, refcheck=False)
        return indptr_all, indices_all, data_all

    def _encode_chunk(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        n = len(texts)
        if self.vectorizer is None or n == 0:
            return np.zeros(n + 1, np.int64), np.zeros(0, self.index_dtype), np.zeros(0, np.float16)
        matrix = self.vectorizer.transform(texts).tocsr()
        matrix.sort_indices()
        counts = np.diff(matrix.indptr)
        row = np.repeat(np.arange(n), counts)
        order = np.lexsort((-matrix.data, row))
        rank = np.arange(len(order)) - matrix.indptr[row[order]]
        kept = order[rank < self.terms_per_profile]
        kept_row = row[kept]
        data = matrix.data[kept].astype(np.float64)
        norms = np.sqrt(np.bincount(kept_row, weights=data * data, minlength=n))
        data = data / np.where(norms > 0, norms, 1.0)[kept_row]
        indptr = np.concatenate([[0], np.cumsum(np.bincount(kept_row, minlength=n))])
        return (
            indptr.astype(np.int64),
            matrix.indices[kept].astype(self.index_dtype),
            data.astype(np.float16),
        )

    def query(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """(term ids, unit-norm weights) of a request's text, as TfidfVectorizer would weigh it."""
        if self.vectorizer is None or self._analyzer is None or self._idf is None:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        vocabulary = self.vectorizer.vocabulary_
        counts = Counter(vocabulary[token] for token in self._analyzer(text) if token in vocabulary)
        if not counts:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        terms = np.array(sorted(counts), dtype=np.int64)
        frequency = np.array([counts[t] for t in terms.tolist()], dtype=np.float64)
        weights = (1.0 + np.log(frequency)) * self._idf[terms]  # sublinear tf x idf
        weights /= np.linalg.norm(weights)
        return terms, weights.astype(np.float32)

    def tokens(self, text: str) -> list[str]:
        """The analyzer's tokens of `text` (lower-cased, English stop words dropped)."""
        return list(self._analyzer(text)) if self._analyzer is not None else []

    def term_ids(self, text: str) -> np.ndarray:
        """Vocabulary ids of the distinct tokens of `text` (unknown tokens are skipped)."""
        if self.vectorizer is None or self._analyzer is None:
            return np.zeros(0, np.int64)
        vocabulary = self.vectorizer.vocabulary_
        return np.array(
            sorted({vocabulary[t] for t in self._analyzer(text) if t in vocabulary}),
            dtype=np.int64,
        )

    def nbytes(self) -> int:
        return int(self._idf.nbytes) if self._idf is not None else 0
