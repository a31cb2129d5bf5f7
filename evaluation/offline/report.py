"""The offline evaluation's console table, Markdown report and JSON figures."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table

from evaluation.metrics import METRICS, Estimate
from evaluation.offline.experiments import (
    SYSTEMS,
    Calibration,
    Comparison,
    LearningCurve,
    SmallDataChecks,
)

CHARTS = ("ndcg.png", "calibration.png", "learning-curve.png")


@dataclass
class OfflineReport:
    seed: int
    comparisons: list[Comparison]  # default world first, then the no-signal world
    curve: LearningCurve
    checks: SmallDataChecks
    calibration: Calibration
    charts_written: bool


def _cell(estimate: Estimate) -> str:
    return f"{estimate.mean:.3f} [{estimate.low:.3f}, {estimate.high:.3f}]"


def _targets(report: OfflineReport) -> list[tuple[str, str, bool]]:
    default, none = report.comparisons
    best_text = max(("TF-IDF", "BM25"), key=lambda n: default.estimates[n]["NDCG@10"].mean)
    text_mean = default.estimates[best_text]["NDCG@10"].mean
    trained = default.estimates["trained"]["NDCG@10"].mean
    trust = default.differences["trained - trained without trust"]
    no_trust = none.differences["trained - trained without trust"]
    checks = report.checks
    allowed = checks.significance_level * checks.noise_trials
    return [
        (
            f"trained >= best plain-text baseline ({best_text}) + 15% NDCG@10",
            f"{trained:.3f} vs {text_mean:.3f} ({trained / text_mean - 1:+.0%})",
            trained >= 1.15 * text_mean,
        ),
        (
            "trained beats its no-trust ablation, interval excluding zero (default world)",
            f"{trust.mean:+.3f} [{trust.low:+.3f}, {trust.high:+.3f}]",
            trust.low > 0,
        ),
        (
            "no gain from trust on the no-signal world (interval reaches zero or below)",
            f"{no_trust.mean:+.3f} [{no_trust.low:+.3f}, {no_trust.high:+.3f}]",
            no_trust.low <= 0,
        ),
        (
            f"trained on the first {checks.requests} reviewed requests beats the prior on every "
            "later request in >= 8 of 10 seeds",
            f"{checks.wins_over_prior} of {checks.worlds} (trained on the last {checks.requests} "
            f"before the split, scored on the third year: {checks.wins_third_year} of "
            f"{checks.worlds})",
            checks.wins_over_prior >= 0.8 * checks.worlds,
        ),
        (
            f"gate passes on within-request shuffled labels at most at the test level ({checks.significance_level:.0%})",
            f"{checks.activations_noise} of {checks.noise_trials} (allowed {allowed:.0f})",
            checks.activations_noise <= max(allowed, 1),
        ),
        (
            "gate never lets trust in over the no-trust model on the no-signal world",
            ", ".join(
                f"{k}: {v} of {checks.no_signal_worlds}"
                for k, v in checks.trust_passes_no_signal.items()
            ),
            all(
                v <= checks.significance_level * checks.no_signal_worlds + 1
                for v in checks.trust_passes_no_signal.values()
            ),
        ),
    ]


def print_table(report: OfflineReport, console: Console) -> None:
    for comparison in report.comparisons:
        table = Table(
            title=f"Offline replay, trust signal '{comparison.trust_signal}': trained on "
            f"{comparison.train_requests} past requests, ranked {comparison.test_requests} later "
            "ones (mean [95% bootstrap interval])"
        )
        table.add_column("system")
        for metric in METRICS:
            table.add_column(metric, justify="right")
        for system in SYSTEMS:
            table.add_row(system, *(_cell(comparison.estimates[system][m]) for m in METRICS))
        console.print(table)
    targets = Table(title="Targets")
    for column in ("target", "measured", "met"):
        targets.add_column(column)
    for name, measured, met in _targets(report):
        targets.add_row(name, measured, "yes" if met else "NO")
    console.print(targets)


def _markdown(report: OfflineReport) -> str:
    lines = [
        "# Offline evaluation (`vouch evaluate --offline`)",
        "",
        f"Seed {report.seed}. The demo agency (`demo.world`, as `vouch demo seed` stores it) "
        "replayed with a time split: stored in a scratch database, features computed by the "
        "matching service's index for every reviewed candidate (trust as the referrals service "
        "computed it on the first of the request's month, placement history before the "
        "request), the first two years' requests train, the third year's are ranked and scored "
        "against what happened (graded decisions: placed 4 (2 if it ended early), "
        "interviewed/presented 3, shortlisted 2, declined 1, rejected 0; relevant = shortlisted "
        "or better). Each ranked pool is the request's reviewed candidates plus 30 people who "
        "had joined but were not reviewed (grade 0; three in four from the request's stack); "
        "training uses the reviewed candidates only, as the service does. Every system ranks "
        "the same pools; the hidden truth is never read.",
        "",
    ]
    for comparison in report.comparisons:
        lines += [
            f"## Trust signal: {comparison.trust_signal}",
            "",
            "| system | " + " | ".join(METRICS) + " |",
            "| --- | " + " | ".join("---:" for _ in METRICS) + " |",
        ]
        lines += [
            f"| {s} | " + " | ".join(_cell(comparison.estimates[s][m]) for m in METRICS) + " |"
            for s in SYSTEMS
        ]
        lines += ["", "Paired NDCG@10 differences (95% bootstrap over requests):", ""]
        lines += [
            f"- {name}: {_cell(estimate)}" for name, estimate in comparison.differences.items()
        ]
        lines.append("")
    lines += ["## Targets", "", "| target | measured | met |", "| --- | --- | --- |"]
    lines += [f"| {n} | {m} | {'yes' if ok else 'NO'} |" for n, m, ok in _targets(report)]
    checks = report.checks
    curve = report.curve
    lines += [
        "",
        f"Against the prior on the no-signal world the gate let a model trained on the first "
        f"{checks.requests} requests in for {checks.activations_no_signal} of "
        f"{checks.no_signal_worlds} seeds (a pass there would come from the prior's own skill "
        "and fit weights, not from trust: the trust gate above is the check for a false trust "
        "signal). In the default world the trust gate let trust in over the no-trust model "
        + ", ".join(f"{k}: {v} of {checks.worlds}" for k, v in checks.trust_passes_default.items())
        + ".",
        "",
        "## Learning curve",
        "",
        f"NDCG@10 on the later period, mean (sd) over {curve.seeds} seeds; prior {curve.prior:.3f}, "
        f"TF-IDF {curve.tfidf:.3f}.",
        "",
        "| reviewed requests | " + " | ".join(str(s) for s in curve.sizes) + " |",
        "| --- | " + " | ".join("---:" for _ in curve.sizes) + " |",
        "| trained | "
        + " | ".join(f"{m:.3f} ({s:.3f})" for m, s in zip(curve.trained, curve.spread, strict=True))
        + " |",
        "",
        "## Calibration (trained ranker, Platt-scaled on the past)",
        "",
        "| score decile | " + " | ".join(str(d + 1) for d in range(10)) + " |",
        "| --- | " + " | ".join("---:" for _ in range(10)) + " |",
        "| predicted | " + " | ".join(f"{p:.3f}" for p in report.calibration.predicted) + " |",
        "| observed | " + " | ".join(f"{o:.3f}" for o in report.calibration.observed) + " |",
        "",
    ]
    if report.charts_written:
        lines += [f"![{name}]({name})" for name in CHARTS]
    else:
        lines.append("Charts skipped: install the `eval` extra (matplotlib) to draw them.")
    return "\n".join(lines) + "\n"


def write_report(report: OfflineReport, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "offline-report.md"
    path.write_text(_markdown(report), encoding="utf-8")
    figures = {
        "seed": report.seed,
        "comparisons": [
            {
                "trust_signal": c.trust_signal,
                "train_requests": c.train_requests,
                "test_requests": c.test_requests,
                "estimates": {
                    s: {m: asdict(e) for m, e in v.items()} for s, v in c.estimates.items()
                },
                "differences": {k: asdict(e) for k, e in c.differences.items()},
                "trained_weights": c.weights,
            }
            for c in report.comparisons
        ],
        "learning_curve": asdict(report.curve),
        "small_data_checks": asdict(report.checks),
        "calibration": asdict(report.calibration),
        "targets": [{"target": n, "measured": m, "met": ok} for n, m, ok in _targets(report)],
    }
    (folder / "offline-results.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return path
