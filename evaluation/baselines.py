"""Plain text-search baselines over the same CV texts: TF-IDF cosine and BM25."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import linear_kernel


def _order(scores: np.ndarray, ids: Sequence[str], top_k: int) -> list[str]:
    # Stable sort on the negated score: ties keep the data set's order, so runs are repeatable.
    order = np.argsort(-scores, kind="stable")[:top_k]
    return [ids[index] for index in order]


def tfidf_rankings(
    documents: Sequence[str], ids: Sequence[str], queries: Sequence[str], *, top_k: int
) -> list[list[str]]:
    """scikit-learn defaults with sublinear tf; rows are L2-normalised, so dot = cosine."""
    vectorizer = TfidfVectorizer(sublinear_tf=True)
    matrix = vectorizer.fit_transform(documents)
    scores = linear_kernel(vectorizer.transform(queries), matrix)
    return [_order(row, ids, top_k) for row in scores]


def bm25_rankings(
    documents: Sequence[str], ids: Sequence[str], queries: Sequence[str], *, top_k: int
) -> list[list[str]]:
    """bm25s with its defaults (Lucene BM25, k1=1.5, b=0.75), lower-cased word tokens."""
    import bm25s  # optional: the `eval` extra

    # bm25s sets its own logger to DEBUG on import; its progress notes are noise here.
    logging.getLogger("bm25s").setLevel(logging.WARNING)

    corpus_tokens = bm25s.tokenize(list(documents), stopwords=None, show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(corpus_tokens, show_progress=False)
    vocabulary = corpus_tokens.vocab
    rankings = []
    for query in queries:
        words = bm25s.tokenize(query, stopwords=None, return_ids=False, show_progress=False)[0]
        known = [word for word in words if word in vocabulary]
        scores = retriever.get_scores(known) if known else np.zeros(len(documents))
        rankings.append(_order(np.asarray(scores, dtype=np.float64), ids, top_k))
    return rankings
