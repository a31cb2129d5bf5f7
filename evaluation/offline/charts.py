"""PNG charts of the offline evaluation (matplotlib: the optional `eval` extra)."""

from __future__ import annotations

from pathlib import Path

from evaluation.offline.experiments import SYSTEMS, Calibration, Comparison, LearningCurve


def _pyplot():  # type: ignore[no-untyped-def]
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    return plt


def metrics_chart(comparisons: list[Comparison], path: Path) -> None:
    """NDCG@10 per system with its 95% bootstrap interval, one group per world."""
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(8, 4))
    width = 0.8 / len(comparisons)
    for c, comparison in enumerate(comparisons):
        means = [comparison.estimates[s]["NDCG@10"].mean for s in SYSTEMS]
        errors = [
            [
                m - comparison.estimates[s]["NDCG@10"].low
                for s, m in zip(SYSTEMS, means, strict=True)
            ],
            [
                comparison.estimates[s]["NDCG@10"].high - m
                for s, m in zip(SYSTEMS, means, strict=True)
            ],
        ]
        positions = [i + (c - (len(comparisons) - 1) / 2) * width for i in range(len(SYSTEMS))]
        axes.bar(
            positions,
            means,
            width,
            yerr=errors,
            capsize=3,
            label=f"trust signal: {comparison.trust_signal}",
        )
    axes.set_xticks(range(len(SYSTEMS)), SYSTEMS, rotation=15)
    axes.set_ylabel("NDCG@10 (later period)")
    axes.set_ylim(0, 1)
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def calibration_chart(calibration: Calibration, path: Path) -> None:
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(5, 5))
    top = max(max(calibration.predicted), max(calibration.observed), 0.05) * 1.1
    axes.plot([0, top], [0, top], linestyle=":", color="grey", label="perfect calibration")
    axes.plot(calibration.predicted, calibration.observed, marker="o", label="trained ranker")
    for decile, (x, y) in enumerate(zip(calibration.predicted, calibration.observed, strict=True)):
        axes.annotate(
            str(decile + 1), (x, y), textcoords="offset points", xytext=(4, -10), fontsize=8
        )
    axes.set_xlabel("predicted placement rate (score decile, Platt-scaled on the past)")
    axes.set_ylabel("observed placement rate (later period)")
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)


def learning_curve_chart(curve: LearningCurve, path: Path) -> None:
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(6, 4))
    low = [m - s for m, s in zip(curve.trained, curve.spread, strict=True)]
    high = [m + s for m, s in zip(curve.trained, curve.spread, strict=True)]
    axes.plot(
        curve.sizes, curve.trained, marker="o", label=f"trained (mean of {curve.seeds} seeds)"
    )
    axes.fill_between(curve.sizes, low, high, alpha=0.2)
    axes.axhline(curve.prior, linestyle="--", color="grey", label="cold-start prior")
    axes.axhline(curve.tfidf, linestyle=":", color="black", label="TF-IDF")
    axes.set_xscale("log")
    axes.set_xticks(curve.sizes, [str(s) for s in curve.sizes])
    axes.set_xlabel("reviewed requests trained on (the most recent)")
    axes.set_ylabel("NDCG@10 (later period)")
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=120)
    plt.close(figure)
