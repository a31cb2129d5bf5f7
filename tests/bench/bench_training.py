"""Training time: fit and compare (time-split holdout, or cross-validation when it is small).

    python -m tests.bench.bench_training --requests 10,100,1000,10000,50000

Synthetic reviewed requests of 20 candidates with graded decisions driven by skills and trust
(the same rule as `bench_matching.bench_training`). For each size it times the whole
`fit_and_compare` the training job runs, with the default shrinkage toward the prior and with
a plain ridge, and prints which comparison ran and the NDCG@10 it saw. Loading reviews from
Postgres is not included (`bench_matching` times the index the loader builds).
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, datetime, timedelta

import numpy as np

from services.matching.features.registry import FEATURE_INDEX, FEATURE_NAMES, FEATURES
from services.matching.modelops.comparison import fit_and_compare
from services.matching.modelops.dataset import TrainingData
from services.matching.scoring.prior import prior_model
from services.matching.settings import MatchingSettings

PER_REQUEST = 20


def synthetic_reviews(requests: int, seed: int = 4) -> TrainingData:
    rng = np.random.default_rng(seed)
    values = rng.random((requests * PER_REQUEST, len(FEATURE_NAMES)))
    for column, spec in enumerate(FEATURES):
        if spec.lower < 0:
            values[:, column] = values[:, column] * 2 - 1
    truth = np.zeros(len(FEATURE_NAMES))
    truth[FEATURE_INDEX["must_have_coverage"]] = 2.0
    truth[FEATURE_INDEX["attested_quality"]] = 1.5
    truth[FEATURE_INDEX["trusted_warnings"]] = -1.5
    latent = values @ truth + rng.normal(0, 0.7, len(values))
    grades = np.digitize(latent, np.quantile(latent, [0.4, 0.55, 0.8, 0.95])).astype(np.float64)
    base = datetime(2026, 1, 1, tzinfo=UTC)
    return TrainingData(
        values,
        np.zeros(len(values)),
        grades,
        np.repeat(np.arange(requests, dtype=np.int64), PER_REQUEST),
        np.arange(len(values), dtype=np.int64),
        {r: base + timedelta(minutes=r) for r in range(requests)},
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--requests", default="10,100,1000,10000,50000")
    args = parser.parse_args()
    print(f"Training: fit + comparison with the prior, {PER_REQUEST} reviewed pairs per request")
    print(
        f"{'requests':>9} {'pairs':>10} {'fit':<8} {'comparison':<32} {'seconds':>8} "
        f"{'prior':>6} {'new':>6} {'passed':>6}"
    )
    for size in (int(s) for s in args.requests.split(",") if s):
        data = synthetic_reviews(size)
        for label, settings in (
            ("shrunk", MatchingSettings()),
            ("ridge", MatchingSettings(shrink_toward_prior=False)),
        ):
            started = time.perf_counter()
            _, _, comparison = fit_and_compare(data, prior_model(1), settings)
            seconds = time.perf_counter() - started
            print(
                f"{size:>9,} {len(data):>10,} {label:<8} {comparison['method']:<32} "
                f"{seconds:>8.2f} {comparison['active_ndcg']:>6.3f} "
                f"{comparison['new_ndcg']:>6.3f} {comparison['better']!s:>6}",
                flush=True,
            )
            row = {
                "requests": size,
                "pairs": len(data),
                "fit": label,
                "comparison": comparison["method"],
                "seconds": seconds,
                "better": comparison["better"],
            }
            print("BENCH-JSON " + json.dumps({"training": row}), flush=True)


if __name__ == "__main__":
    main()
