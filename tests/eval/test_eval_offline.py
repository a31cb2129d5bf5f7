"""`vouch evaluate --offline` on a small demo agency: the replay through the matcher's feature
code is point in time and deterministic, every system is scored, the report and charts are
written."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import numpy as np
import pytest

from demo.model import WorldConfig
from demo.world import generate
from evaluation.offline import experiments
from evaluation.offline.replay import TODAY, replay
from evaluation.offline.report import OfflineReport, write_report
from evaluation.offline.world import TRUST_NAMES, OfflineWorld
from services.matching.features.registry import FEATURE_INDEX
from services.matching.settings import MatchingSettings
from shared.trust_features import TRUST_FEATURES

SIZE = 400  # 50 past requests


@pytest.fixture(scope="module")
def worlds(base_server_url: str) -> dict[str, OfflineWorld]:
    return {
        signal: replay(base_server_url, seed=3, trust_signal=signal, freelancers=SIZE)  # type: ignore[arg-type]
        for signal in ("default", "none")
    }


def test_every_past_request_is_replayed_with_its_decisions_and_unreviewed_people(
    worlds: dict[str, OfflineWorld],
) -> None:
    world = generate(WorldConfig(seed=3, freelancers=SIZE, today=TODAY))
    reviewed: dict[int, set[int]] = defaultdict(set)
    for review in world.reviews:
        reviewed[review.request_key].add(review.freelancer_key)
    past = sorted(world.past_requests, key=lambda r: (r.created_at, r.key))
    replayed = worlds["default"]
    assert len(replayed.requests) == len(past)
    cut = sum(1 for r in past if (TODAY - r.created_at.date()).days > 365)
    assert replayed.split == cut
    for request, row in zip(past, replayed.requests, strict=True):
        assert row.judged is not None
        assert set(row.pool[row.judged].tolist()) == reviewed[request.key]
        assert (row.grades[~row.judged] == 0).all()
        assert len(row.pool) == len(set(row.pool.tolist()))
    assert set(TRUST_NAMES) == set(TRUST_FEATURES)


def test_placement_history_counts_only_earlier_placements(
    worlds: dict[str, OfflineWorld],
) -> None:
    """A placement never feeds its own request's features (nor any earlier request's)."""
    world = generate(WorldConfig(seed=3, freelancers=SIZE, today=TODAY))
    past = sorted(world.past_requests, key=lambda r: (r.created_at, r.key))
    placed_at = defaultdict(list)
    for placement in world.placements:
        placed_at[placement.freelancer_key].append(placement.created_at)
    checked = 0
    column = FEATURE_INDEX["placement_count"]
    for request, row in zip(past, worlds["default"].requests, strict=True):
        for key, value in zip(row.pool.tolist(), row.values[:, column], strict=True):
            earlier = sum(1 for at in placed_at[key] if at < request.created_at)
            assert value == pytest.approx(np.log1p(earlier) / np.log1p(10.0))
            checked += earlier > 0
    assert checked > 0


def test_trust_is_seen_only_after_the_vouch_was_recorded(worlds: dict[str, OfflineWorld]) -> None:
    world = generate(WorldConfig(seed=3, freelancers=SIZE, today=TODAY))
    first_vouch: dict[int, object] = {}
    for vouch in sorted(world.vouches, key=lambda v: v.created_at):
        first_vouch.setdefault(vouch.freelancer_key, vouch.created_at)
    past = sorted(world.past_requests, key=lambda r: (r.created_at, r.key))
    vouch_columns = [FEATURE_INDEX[n] for n in ("in_person_vouchers", "online_only_vouches")]
    seen = 0
    for request, row in zip(past, worlds["default"].requests, strict=True):
        for key, values in zip(row.pool.tolist(), row.values[:, vouch_columns], strict=True):
            vouched_at = first_vouch.get(key)
            if vouched_at is None or vouched_at >= request.created_at:  # type: ignore[operator]
                assert (values == 0).all()
            seen += bool((values > 0).any())
    assert seen > 0


@pytest.fixture(scope="module")
def report(worlds: dict[str, OfflineWorld]) -> OfflineReport:
    settings = MatchingSettings()
    default, none = worlds["default"], worlds["none"]
    comparisons = [
        experiments.compare(default, settings, seed=1),
        experiments.compare(none, settings, seed=1),
    ]
    return OfflineReport(
        seed=1,
        comparisons=comparisons,
        curve=experiments.learning_curve([default], settings),
        checks=experiments.small_data_checks([default], [none], settings, shuffles=1),
        calibration=experiments.calibration(default, settings),
        charts_written=False,
    )


def test_every_system_is_scored_on_every_later_request(report: OfflineReport) -> None:
    comparison = report.comparisons[0]
    assert comparison.train_requests > 0 and comparison.test_requests > 0
    for system in experiments.SYSTEMS:
        assert len(comparison.per_request[system]) == comparison.test_requests
        estimate = comparison.estimates[system]["NDCG@10"]
        assert 0.0 <= estimate.low <= estimate.mean <= estimate.high <= 1.0
    # The ranker sees structured skills and the must-have penalty a plain text search lacks.
    assert (
        comparison.estimates["prior"]["NDCG@10"].mean
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
