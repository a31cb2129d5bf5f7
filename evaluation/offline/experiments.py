"""The offline experiments: a time-split comparison, a learning curve, the small-data checks and
calibration. Each takes generated worlds and returns plain numbers for the report."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from sklearn.linear_model import LogisticRegression

from evaluation.metrics import METRICS, Estimate, bootstrap_interval, paired_difference
from evaluation.offline import systems
from evaluation.offline.world import OfflineWorld, ReviewedRequest
from services.matching.modelops.comparison import fit_and_compare
from services.matching.scoring.prior import prior_model
from services.matching.settings import MatchingSettings

TRAIN_SHARE = 2 / 3  # the first two years are the past, the third the period ranked
CURVE_SIZES = (5, 10, 20, 50, 100, 200)
SYSTEMS = ("TF-IDF", "BM25", "prior", "trained", "trained without trust")
WorldMaker = Callable[[int, str], OfflineWorld]


def time_split(world: OfflineWorld) -> tuple[list[ReviewedRequest], list[ReviewedRequest]]:
    cut = world.split if world.split is not None else int(len(world.requests) * TRAIN_SHARE)
    return world.requests[:cut], world.requests[cut:]


@dataclass
class Comparison:
    trust_signal: str
    train_requests: int
    test_requests: int
    estimates: dict[str, dict[str, Estimate]]  # system -> metric -> estimate
    per_request: dict[str, list[dict[str, float]]]
    differences: dict[str, Estimate] = field(default_factory=dict)  # NDCG@10 paired
    weights: dict[str, float] = field(default_factory=dict)


def compare(world: OfflineWorld, settings: MatchingSettings, *, seed: int) -> Comparison:
    past, later = time_split(world)
    trained = systems.train(past, settings)
    ablation = systems.train(past, settings, without_trust=True)
    scores = {
        "TF-IDF": systems.tfidf_scores(world, later),
        "BM25": systems.bm25_scores(world, later),
        "prior": systems.model_scores(prior_model(), later),
        "trained": systems.model_scores(trained, later),
        "trained without trust": systems.model_scores(ablation, later, without_trust=True),
    }
    per_request = {name: systems.per_request_metrics(s, later) for name, s in scores.items()}
    estimates = {
        name: {m: bootstrap_interval([r[m] for r in rows], seed=seed) for m in METRICS}
        for name, rows in per_request.items()
    }

    def ndcg(name: str) -> list[float]:
        return [r["NDCG@10"] for r in per_request[name]]

    best_text = max(("TF-IDF", "BM25"), key=lambda n: estimates[n]["NDCG@10"].mean)
    differences = {
        f"trained - {best_text}": paired_difference(ndcg("trained"), ndcg(best_text), seed=seed),
        "trained - trained without trust": paired_difference(
            ndcg("trained"), ndcg("trained without trust"), seed=seed
        ),
        "trained - prior": paired_difference(ndcg("trained"), ndcg("prior"), seed=seed),
    }
    return Comparison(
        world.trust_signal,
        len(past),
        len(later),
        estimates,
        per_request,
        differences,
        trained.weights(),
    )


def mean_ndcg(model_scores: Sequence[np.ndarray], requests: Sequence[ReviewedRequest]) -> float:
    rows = systems.per_request_metrics(model_scores, requests)
    return float(np.mean([r["NDCG@10"] for r in rows]))


@dataclass
class LearningCurve:
    sizes: tuple[int, ...]
    trained: list[float]  # mean NDCG@10 over seeds per size
    spread: list[float]  # standard deviation over seeds
    prior: float
    tfidf: float
    seeds: int


def learning_curve(worlds: Sequence[OfflineWorld], settings: MatchingSettings) -> LearningCurve:
    """NDCG@10 on the later period of a model trained on the n most recent reviewed requests."""
    table = np.zeros((len(worlds), len(CURVE_SIZES)))
    prior, tfidf = [], []
    for w, world in enumerate(worlds):
        past, later = time_split(world)
        prior.append(mean_ndcg(systems.model_scores(prior_model(), later), later))
        tfidf.append(mean_ndcg(systems.tfidf_scores(world, later), later))
        for s, size in enumerate(CURVE_SIZES):
            model = systems.train(past[-size:], settings)
            table[w, s] = mean_ndcg(systems.model_scores(model, later), later)
    return LearningCurve(
        CURVE_SIZES,
        table.mean(axis=0).tolist(),
        table.std(axis=0).tolist(),
        float(np.mean(prior)),
        float(np.mean(tfidf)),
        len(worlds),
    )


@dataclass
class SmallDataChecks:
    requests: int
    # Default worlds where a model trained on the first `requests` reviewed requests beats the
    # prior on every later request.
    wins_over_prior: int
    # The same trained on the last `requests` before the time split, scored on the third year.
    wins_third_year: int
    worlds: int
    gains: list[float]
    activations_no_signal: int  # the gate passing against the prior on the no-signal world
    no_signal_worlds: int
    # The gate asked whether trust adds anything: the model with trust features against the
    # same data's model without them (the active one), on 10 requests and on the whole past.
    trust_passes_no_signal: dict[str, int]
    trust_passes_default: dict[str, int]
    activations_noise: int  # the gate passing on labels shuffled within each request
    noise_trials: int
    significance_level: float


def small_data_checks(
    default_worlds: Sequence[OfflineWorld],
    none_worlds: Sequence[OfflineWorld],
    settings: MatchingSettings,
    *,
    requests: int = 10,
    # 10 shuffles x 10 worlds: 100 trials, enough to tell a 5 % false-activation rate from 10 %.
    shuffles: int = 10,
) -> SmallDataChecks:
    prior = prior_model(1)
    wins, gains, wins_third_year = 0, [], 0
    noise_passes = 0
    for world in default_worlds:
        # An agency's first reviewed requests, against the prior on every request after them.
        first, after = world.requests[:requests], world.requests[requests:]
        model = systems.train(first, settings)
        gain = mean_ndcg(systems.model_scores(model, after), after) - mean_ndcg(
            systems.model_scores(prior, after), after
        )
        gains.append(gain)
        wins += gain > 0
        # The same on the comparison's split: the last ones before the cut, the third year.
        past, later = time_split(world)
        recent = systems.train(past[-requests:], settings)
        wins_third_year += mean_ndcg(systems.model_scores(recent, later), later) > mean_ndcg(
            systems.model_scores(prior, later), later
        )
        data = systems.training_data(first)
        rng = np.random.default_rng(world.seed)
        for _ in range(shuffles):
            shuffled = data.grades.copy()
            for group in np.unique(data.request_ids):
                members = np.flatnonzero(data.request_ids == group)
                shuffled[members] = rng.permutation(shuffled[members])
            data.grades = shuffled
            _, _, comparison = fit_and_compare(data, prior, settings)
            noise_passes += bool(comparison["better"])
    no_signal = 0
    for world in none_worlds:
        first = world.requests[:requests]
        _, _, comparison = fit_and_compare(systems.training_data(first), prior, settings)
        no_signal += bool(comparison["better"])
    return SmallDataChecks(
        requests=requests,
        wins_over_prior=wins,
        wins_third_year=wins_third_year,
        worlds=len(default_worlds),
        gains=gains,
        activations_no_signal=no_signal,
        no_signal_worlds=len(none_worlds),
        trust_passes_no_signal=trust_gate(none_worlds, settings, requests=requests),
        trust_passes_default=trust_gate(default_worlds, settings, requests=requests),
        activations_noise=noise_passes,
        noise_trials=len(default_worlds) * shuffles,
        significance_level=settings.significance_level,
    )


def trust_gate(
    worlds: Sequence[OfflineWorld], settings: MatchingSettings, *, requests: int
) -> dict[str, int]:
    """How often the gate lets trust features in over a model fitted without them."""
    passes = {f"first {requests} requests": 0, "whole past": 0}
    for world in worlds:
        past, _ = time_split(world)
        first = world.requests[:requests]
        for label, chosen in ((f"first {requests} requests", first), ("whole past", past)):
            without = systems.train(chosen, settings, without_trust=True)
            _, _, comparison = fit_and_compare(systems.training_data(chosen), without, settings)
            passes[label] += bool(comparison["better"])
    return passes


@dataclass
class Calibration:
    predicted: list[float]  # mean predicted placement probability per score decile
    observed: list[float]  # share placed per decile


def calibration(world: OfflineWorld, settings: MatchingSettings) -> Calibration:
    """Scores mapped to a placement probability on the past (Platt), checked on the later period."""
    past, later = time_split(world)
    model = systems.train(past, settings)
    train_scores = np.concatenate(systems.model_scores(model, past))
    placed = np.concatenate([r.grades == 4 for r in past])
    platt = LogisticRegression().fit(train_scores.reshape(-1, 1), placed)
    scores = np.concatenate(systems.model_scores(model, later))
    outcome = np.concatenate([r.grades == 4 for r in later])
    probability = platt.predict_proba(scores.reshape(-1, 1))[:, 1]
    deciles = np.minimum((np.argsort(np.argsort(scores)) * 10) // len(scores), 9)
    return Calibration(
        [float(probability[deciles == d].mean()) for d in range(10)],
        [float(outcome[deciles == d].mean()) for d in range(10)],
    )
