"""The rankings compared offline: plain TF-IDF and BM25 over profile text, the prior, the
trained ranker and the trained ranker without trust features, all on the same pools."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from evaluation.metrics import per_request_scores
from evaluation.offline.world import TRUST_NAMES, OfflineWorld, ReviewedRequest
from services.matching.features.registry import FEATURE_INDEX
from services.matching.modelops.comparison import fit_model
from services.matching.modelops.dataset import TrainingData
from services.matching.scoring.model import RankingModel
from services.matching.scoring.prior import prior_model
from services.matching.settings import MatchingSettings

TRUST_COLUMNS = np.array([FEATURE_INDEX[name] for name in TRUST_NAMES])
_START = datetime(2023, 1, 1, tzinfo=UTC)


def training_data(
    requests: Sequence[ReviewedRequest], *, without_trust: bool = False
) -> TrainingData:
    """The reviewed pairs of these requests as the service's training set (request = group)."""
    requests = [r.decided() for r in requests]
    values = np.vstack([r.values for r in requests])
    if without_trust:
        values = values.copy()
        values[:, TRUST_COLUMNS] = 0.0
    return TrainingData(
        values,
        np.concatenate([r.must_missing for r in requests]),
        np.concatenate([r.grades for r in requests]).astype(np.float64),
        np.concatenate([np.full(len(r.pool), i, dtype=np.int64) for i, r in enumerate(requests)]),
        np.concatenate([r.pool for r in requests]).astype(np.int64),
        {i: _START + timedelta(days=r.time) for i, r in enumerate(requests)},
    )


def no_trust_prior() -> np.ndarray:
    coefficients = prior_model().coefficients.copy()
    coefficients[TRUST_COLUMNS] = 0.0
    return coefficients


def train(
    requests: Sequence[ReviewedRequest], settings: MatchingSettings, *, without_trust: bool = False
) -> RankingModel:
    data = training_data(requests, without_trust=without_trust)
    prior = no_trust_prior() if without_trust else None
    return fit_model(data, np.ones(len(data), dtype=bool), settings, prior=prior)


def model_scores(
    model: RankingModel, requests: Sequence[ReviewedRequest], *, without_trust: bool = False
) -> list[np.ndarray]:
    scores = []
    for request in requests:
        values = request.values
        if without_trust:
            values = values.copy()
            values[:, TRUST_COLUMNS] = 0.0
        scores.append(model.score(values, request.must_missing))
    return scores


def tfidf_scores(world: OfflineWorld, requests: Sequence[ReviewedRequest]) -> list[np.ndarray]:
    """scikit-learn defaults with sublinear tf, fitted on every profile's text (cosine)."""
    vectorizer = TfidfVectorizer(sublinear_tf=True)
    matrix = vectorizer.fit_transform(world.profile_texts)
    queries = vectorizer.transform([r.text for r in requests])
    return [(matrix[r.pool] @ queries[i].T).toarray().ravel() for i, r in enumerate(requests)]


def bm25_scores(world: OfflineWorld, requests: Sequence[ReviewedRequest]) -> list[np.ndarray]:
    """bm25s defaults (Lucene BM25, k1=1.5, b=0.75) over every profile's text."""
    import bm25s  # optional: the `eval` extra

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    corpus = bm25s.tokenize(world.profile_texts, stopwords=None, show_progress=False)
    retriever = bm25s.BM25()
    retriever.index(corpus, show_progress=False)
    scores = []
    for request in requests:
        words = bm25s.tokenize(request.text, stopwords=None, return_ids=False, show_progress=False)[
            0
        ]
        known = [w for w in words if w in corpus.vocab]
        every = retriever.get_scores(known) if known else np.zeros(len(world.profile_texts))
        scores.append(np.asarray(every, dtype=np.float64)[request.pool])
    return scores


def per_request_metrics(
    scores: Sequence[np.ndarray], requests: Sequence[ReviewedRequest]
) -> list[dict[str, float]]:
    """Every metric per request; ties broken by freelancer id, as the live ranking does."""
    results = []
    for score, request in zip(scores, requests, strict=True):
        order = np.lexsort((request.pool, -score))
        ranked = [str(request.pool[i]) for i in order]
        grades = {str(f): int(g) for f, g in zip(request.pool, request.grades, strict=True)}
        results.append(per_request_scores(ranked, grades))
    return results
