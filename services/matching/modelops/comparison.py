"""Fit a model on reviewed pairs and compare it with the active one, however few the requests.

With enough reviewed requests the comparison is a time-split holdout: fit on the earlier
requests, rank the later ones. When the holdout would hold too few informative requests (a new
agency: 7 reviewed requests give 2), the comparison is cross-validation over requests instead:
folds never split a request, each request is ranked by a model fitted without it, and the gate
runs the same one-sided paired test on those out-of-fold NDCG values. The model stored is then
fitted on every reviewed request. Either way the fit shrinks toward the prior (see
`scoring.trainer`), so a model trained on few decisions stays close to the prior's ranking.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from sklearn.model_selection import GroupKFold

from services.matching.features.registry import DOMINANCE, FEATURE_INDEX, FEATURES
from services.matching.modelops.dataset import TrainingData
from services.matching.scoring.artefact import check_constraints
from services.matching.scoring.evaluation import compare_on_holdout, ndcg_per_group, paired_gate
from services.matching.scoring.model import RankingModel
from services.matching.scoring.prior import prior_model
from services.matching.scoring.trainer import ConstrainedLinearRanker
from services.matching.settings import MatchingSettings

TRAINED_KIND = "linear"


class TrainingError(Exception):
    """Training could not produce a comparable model (e.g. too few reviewed requests)."""


def informative_requests(data: TrainingData) -> list[int]:
    """Requests whose reviewed candidates do not all share one grade (the only ones that teach)."""
    if data.request_ids.size == 0:
        return []
    # One sort and a reduce per group: a mask per request was quadratic (28 s at 50k requests).
    order = np.argsort(data.request_ids, kind="stable")
    ids, grades = data.request_ids[order], data.grades[order]
    starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])
    varied = np.maximum.reduceat(grades, starts) > np.minimum.reduceat(grades, starts)
    return [int(request_id) for request_id in ids[starts][varied]]


def fit_model(
    data: TrainingData,
    mask: np.ndarray,
    settings: MatchingSettings,
    *,
    prior: np.ndarray | None = None,
) -> RankingModel:
    """The constrained ranker fitted on the masked pairs (shrunk toward `prior` when enabled)."""
    toward = prior if prior is not None else prior_model().coefficients
    ranker = ConstrainedLinearRanker(
        alpha=settings.training_alpha,
        directions=tuple(spec.direction for spec in FEATURES),
        dominance=tuple((FEATURE_INDEX[a], FEATURE_INDEX[b]) for a, b in DOMINANCE),
        prior=tuple(float(c) for c in toward) if settings.shrink_toward_prior else None,
        prior_strength=settings.prior_strength,
    )
    ranker.fit(data.values[mask], data.grades[mask], data.request_ids[mask])
    model = RankingModel(
        TRAINED_KIND, np.asarray(ranker.coef_, dtype=np.float64), float(ranker.intercept_)
    )
    check_constraints(model.coefficients, version_id=None)
    return model


def _scores(model: RankingModel, data: TrainingData, mask: np.ndarray) -> np.ndarray:
    return model.score(data.values[mask], data.must_missing[mask])


def time_split(data: TrainingData, fraction: float) -> tuple[np.ndarray, np.ndarray] | None:
    """Masks (train, holdout), the holdout the last `fraction` of requests by first review."""
    requests = sorted(set(data.request_ids.tolist()), key=lambda r: (data.request_times[r], r))
    holdout_count = math.ceil(fraction * len(requests))
    if len(requests) - holdout_count < 2 or holdout_count < 1:
        return None
    holdout = np.isin(data.request_ids, requests[-holdout_count:])
    return ~holdout, holdout


def _gate_kwargs(settings: MatchingSettings) -> dict[str, Any]:
    return {
        "min_improvement": settings.min_ndcg_improvement,
        "significance_level": settings.significance_level,
    }


def cross_validated_comparison(
    data: TrainingData,
    active: RankingModel,
    settings: MatchingSettings,
    *,
    prior: np.ndarray | None = None,
) -> dict[str, Any]:
    """Out-of-fold NDCG@10 per request for a freshly fitted model against the active one."""
    requests = np.array(sorted(set(data.request_ids.tolist())))
    folds = min(settings.cv_folds, len(requests))
    new_scores = np.zeros(len(data))
    for train_requests, test_requests in GroupKFold(n_splits=folds).split(
        requests, groups=requests
    ):
        train = np.isin(data.request_ids, requests[train_requests])
        test = np.isin(data.request_ids, requests[test_requests])
        new_scores[test] = _scores(fit_model(data, train, settings, prior=prior), data, test)
    everything = np.ones(len(data), dtype=bool)
    _, active_ndcg = ndcg_per_group(
        _scores(active, data, everything), data.grades, data.request_ids, data.freelancer_ids
    )
    _, new_ndcg = ndcg_per_group(new_scores, data.grades, data.request_ids, data.freelancer_ids)
    comparison = paired_gate(
        active_ndcg,
        new_ndcg,
        min_requests=settings.min_cv_requests,
        what="cross-validated",
        **_gate_kwargs(settings),
    )
    comparison["folds"] = folds
    return comparison


def fit_and_compare(
    data: TrainingData,
    active: RankingModel,
    settings: MatchingSettings,
    *,
    prior: np.ndarray | None = None,
) -> tuple[RankingModel, dict[str, Any], dict[str, Any]]:
    """(model, metrics, comparison): time-split holdout when it is large enough, else CV."""
    informative = informative_requests(data)
    if len(informative) < 2:
        raise TrainingError(
            "training needs reviews on more requests: at least 2 requests whose candidates got "
            f"different decisions (have {len(informative)} of "
            f"{len(set(data.request_ids.tolist()))} reviewed requests)"
        )
    split = time_split(data, settings.holdout_fraction)
    comparison: dict[str, Any] | None = None
    if split is not None:
        train, holdout = split
        model = fit_model(data, train, settings, prior=prior)
        comparison = compare_on_holdout(
            _scores(active, data, holdout),
            _scores(model, data, holdout),
            data.grades[holdout],
            data.request_ids[holdout],
            data.freelancer_ids[holdout],
            min_requests=settings.min_holdout_requests,
            **_gate_kwargs(settings),
        )
    if comparison is None or comparison["holdout_requests"] < settings.min_holdout_requests:
        # Too small a holdout to judge: judge by cross-validation, keep the model fitted on all.
        train = np.ones(len(data), dtype=bool)
        holdout = np.zeros(len(data), dtype=bool)
        model = fit_model(data, train, settings, prior=prior)
        comparison = cross_validated_comparison(data, active, settings, prior=prior)
    comparison.update(active_model_id=active.version_id, active_model=active.label)
    _, train_ndcg = ndcg_per_group(
        _scores(model, data, train),
        data.grades[train],
        data.request_ids[train],
        data.freelancer_ids[train],
    )
    metrics = {
        "train_examples": int(train.sum()),
        "train_requests": len(set(data.request_ids[train].tolist())),
        "holdout_examples": int(holdout.sum()),
        "holdout_requests": len(set(data.request_ids[holdout].tolist())),
        "informative_requests": len(informative),
        "comparison": comparison["method"],
        "train_ndcg@10": float(train_ndcg.mean()) if len(train_ndcg) else None,
        "grades": {str(g): int((data.grades == g).sum()) for g in np.unique(data.grades)},
        "method": "pairwise least squares on a sign-constraint basis"
        + (
            f", shrunk toward the prior (strength {settings.prior_strength})"
            if settings.shrink_toward_prior
            else f", sklearn Ridge(positive=True), alpha {settings.training_alpha}"
        ),
        "alpha": settings.training_alpha,
        "prior_strength": settings.prior_strength if settings.shrink_toward_prior else None,
    }
    return model, metrics, comparison
