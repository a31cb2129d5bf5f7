"""`vouch evaluate --offline`: the time-split replay, learning curve, small-data checks, charts.

Worlds: seed `s` (default and no-signal) for the comparison; seeds s..s+9 of each for the
small-data checks, the first five of the default ones also for the learning curve. Nothing is
downloaded; the run takes a few minutes on one core.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

from rich.console import Console

from evaluation.offline import charts
from evaluation.offline.experiments import calibration, compare, learning_curve, small_data_checks
from evaluation.offline.report import OfflineReport, print_table, write_report
from evaluation.offline.world import generate
from services.matching.settings import MatchingSettings

CHECK_SEEDS = 10
CURVE_SEEDS = 5


def run(*, output: str, seed: int) -> None:
    console = Console(width=max(Console().width, 120))
    if importlib.util.find_spec("bm25s") is None:
        raise SystemExit("The BM25 baseline needs bm25s: pip install -e '.[eval]'")
    settings = MatchingSettings()
    with console.status("generating worlds") as status:
        default = [generate(seed=seed + i) for i in range(CHECK_SEEDS)]
        status.update("generating no-signal worlds")
        none = [generate(seed=seed + i, trust_signal="none") for i in range(CHECK_SEEDS)]
        status.update("time-split comparison")
        comparisons = [
            compare(default[0], settings, seed=seed),
            compare(none[0], settings, seed=seed),
        ]
        status.update("learning curve")
        curve = learning_curve(default[:CURVE_SEEDS], settings)
        status.update("small-data checks")
        checks = small_data_checks(default, none, settings)
        placement = calibration(default[0], settings)
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    drawn = importlib.util.find_spec("matplotlib") is not None
    if drawn:
        charts.metrics_chart(comparisons, folder / "ndcg.png")
        charts.calibration_chart(placement, folder / "calibration.png")
        charts.learning_curve_chart(curve, folder / "learning-curve.png")
    report = OfflineReport(seed, comparisons, curve, checks, placement, drawn)
    print_table(report, console)
    path = write_report(report, folder)
    console.print(f"Report: {path}" + ("" if drawn else " (charts skipped: no matplotlib)"))
