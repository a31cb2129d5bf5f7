"""`vouch evaluate --offline` on small worlds: determinism, a planted trust effect present or
absent, the report and charts written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from evaluation.offline import experiments
from evaluation.offline.report import OfflineReport, write_report
from evaluation.offline.world import TRUST_NAMES, generate
from services.matching.features.registry import FEATURE_INDEX
from services.matching.settings import MatchingSettings

SMALL = {"freelancers": 400, "requests": 150}
_DIGEST = (
    "import hashlib, numpy as np; from evaluation.offline.world import generate; "
    "w = generate(seed=3, freelancers=200, requests=30); "
    "print(hashlib.sha256(b''.join(np.ascontiguousarray(r.values).tobytes() + "
    "r.grades.tobytes() for r in w.requests)).hexdigest())"
)


def test_a_world_is_the_same_for_a_seed_whatever_the_hash_seed() -> None:
    digests = {
        subprocess.run(
            [sys.executable, "-c", _DIGEST],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": hash_seed, "PATH": ""},
            cwd=Path(__file__).resolve().parents[2],
        ).stdout
        for hash_seed in ("1", "2")
    }
    assert len(digests) == 1


def test_trust_features_follow_outcomes_only_in_the_default_world() -> None:
    def correlation(signal: str) -> float:
        world = generate(seed=5, trust_signal=signal, **SMALL)  # type: ignore[arg-type]
        values = np.vstack([r.values for r in world.requests])
        grades = np.concatenate([r.grades for r in world.requests])
        vouchers = values[:, FEATURE_INDEX["in_person_vouchers"]]
        return float(np.corrcoef(vouchers, grades)[0, 1])

    assert correlation("default") > 0.05
    assert abs(correlation("none")) < 0.05
    assert len(TRUST_NAMES) == 7


@pytest.fixture(scope="module")
def report() -> OfflineReport:
    settings = MatchingSettings()
    default = [generate(seed=s, **SMALL) for s in (1, 2)]
    none = [generate(seed=s, trust_signal="none", **SMALL) for s in (1, 2)]
    comparisons = [
        experiments.compare(default[0], settings, seed=1),
        experiments.compare(none[0], settings, seed=1),
    ]
    return OfflineReport(
        seed=1,
        comparisons=comparisons,
        curve=experiments.learning_curve(default[:1], settings),
        checks=experiments.small_data_checks(default, none, settings, shuffles=1),
        calibration=experiments.calibration(default[0], settings),
        charts_written=False,
    )


def test_every_system_is_scored_on_every_later_request(report: OfflineReport) -> None:
    comparison = report.comparisons[0]
    assert comparison.train_requests == 100 and comparison.test_requests == 50
    for system in experiments.SYSTEMS:
        assert len(comparison.per_request[system]) == 50
        estimate = comparison.estimates[system]["NDCG@10"]
        assert 0.0 <= estimate.low <= estimate.mean <= estimate.high <= 1.0
    # The trained ranker sees the skills a plain text search cannot weigh.
    assert (
        comparison.estimates["trained"]["NDCG@10"].mean
        > comparison.estimates["TF-IDF"]["NDCG@10"].mean
    )
    assert len(report.curve.trained) == len(experiments.CURVE_SIZES)
    assert len(report.calibration.observed) == 10


def test_the_report_and_charts_are_written(report: OfflineReport, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    from evaluation.offline import charts

    charts.metrics_chart(report.comparisons, tmp_path / "ndcg.png")
    charts.calibration_chart(report.calibration, tmp_path / "calibration.png")
    charts.learning_curve_chart(report.curve, tmp_path / "learning-curve.png")
    report.charts_written = True
    path = write_report(report, tmp_path)
    text = path.read_text()
    assert "| trained |" in text and "## Targets" in text and "![ndcg.png](ndcg.png)" in text
    for name in ("ndcg.png", "calibration.png", "learning-curve.png"):
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (tmp_path / "offline-results.json").exists()
