"""The text evaluation's table (rich), Markdown report and JSON figures."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from evaluation.metrics import METRICS, Estimate, paired_difference


@dataclass(frozen=True, slots=True)
class SystemResult:
    name: str
    estimates: dict[str, Estimate]
    per_request: dict[str, dict[str, float]]


@dataclass(frozen=True, slots=True)
class TextEvalReport:
    cvs: int
    requests: int
    seed: int
    accepted: int
    refused: dict[str, str]
    warned: int
    relevant_cvs: int
    reachable_cvs: int
    unreachable: list[str]
    ranked_anywhere: int
    request_notes: dict[str, str]
    systems: list[SystemResult]


def _cell(estimate: Estimate) -> str:
    return f"{estimate.mean:.3f} [{estimate.low:.3f}, {estimate.high:.3f}]"


def _signed(estimate: Estimate) -> str:
    return f"{estimate.mean:+.3f} [{estimate.low:+.3f}, {estimate.high:+.3f}]"


def differences(report: TextEvalReport) -> dict[str, dict[str, Estimate]]:
    """The first system (Vouch) minus each other one, paired per request."""
    ours, others = report.systems[0], report.systems[1:]
    requests = list(ours.per_request)
    return {
        other.name: {
            metric: paired_difference(
                [ours.per_request[r][metric] for r in requests],
                [other.per_request[r][metric] for r in requests],
                seed=report.seed,
            )
            for metric in METRICS
        }
        for other in others
    }


def print_table(report: TextEvalReport, console: Console | None = None) -> None:
    console = console or Console()
    table = Table(
        title=f"Text ranking: {report.cvs} CVs, {report.requests} requests "
        f"(mean [95% bootstrap interval], seed {report.seed})"
    )
    table.add_column("ranking")
    for metric in METRICS:
        table.add_column(metric, justify="right")
    for system in report.systems:
        table.add_row(system.name, *(_cell(system.estimates[m]) for m in METRICS))
    console.print(table)
    gaps = Table(title=f"{report.systems[0].name} minus each baseline (paired over requests)")
    gaps.add_column("against")
    for metric in METRICS:
        gaps.add_column(metric, justify="right")
    for name, estimates in differences(report).items():
        gaps.add_row(name, *(_signed(estimates[m]) for m in METRICS))
    console.print(gaps)
    console.print(
        f"CVs accepted (201): {report.accepted}/{report.cvs}; with merge warnings: {report.warned}; "
        f"reachable when relevant: {report.reachable_cvs}/{report.relevant_cvs}; "
        f"in any Vouch ranking: {report.ranked_anywhere}/{report.cvs}"
    )
    for cv_id, problem in sorted(report.refused.items()):
        console.print(f"  refused {cv_id}: {problem}")
    for request_id, note in sorted(report.request_notes.items()):
        if note != "created as written":
            console.print(f"  request {request_id}: {note}")


def _markdown(report: TextEvalReport) -> str:
    lines = [
        "# Text ranking evaluation",
        "",
        f"{report.cvs} CVs, {report.requests} requests, graded relevance 0-3; "
        f"mean and 95% bootstrap interval over requests (seed {report.seed}).",
        "",
        "| ranking | " + " | ".join(METRICS) + " |",
        "| --- |" + " --- |" * len(METRICS),
    ]
    for system in report.systems:
        cells = " | ".join(_cell(system.estimates[m]) for m in METRICS)
        lines.append(f"| {system.name} | {cells} |")
    lines += [
        "",
        f"{report.systems[0].name} minus each baseline, paired per request (mean and 95% interval):",
        "",
        "| against | " + " | ".join(METRICS) + " |",
        "| --- |" + " --- |" * len(METRICS),
    ]
    for name, estimates in differences(report).items():
        lines.append(f"| {name} | " + " | ".join(_signed(estimates[m]) for m in METRICS) + " |")
    lines += [
        "",
        f"- CVs accepted (201): {report.accepted} of {report.cvs}"
        f" ({report.warned} with merge warnings)",
        f"- CVs reachable (in a Vouch top 50 of a request that they are relevant to, grade >= 2):"
        f" {report.reachable_cvs} of {report.relevant_cvs}",
        f"- CVs in any Vouch ranking: {report.ranked_anywhere} of {report.cvs}",
    ]
    if report.unreachable:
        lines.append(f"- Relevant but never reached: {', '.join(report.unreachable)}")
    for cv_id, problem in sorted(report.refused.items()):
        lines.append(f"- Refused {cv_id}: {problem}")
    for request_id, note in sorted(report.request_notes.items()):
        if note != "created as written":
            lines.append(f"- Request {request_id}: {note}")
    lines += [
        "",
        "## Per request (NDCG@10)",
        "",
        "| request | " + " | ".join(s.name for s in report.systems) + " |",
        "| --- |" + " --- |" * len(report.systems),
    ]
    for request_id in report.systems[0].per_request:
        cells = " | ".join(f"{s.per_request[request_id]['NDCG@10']:.3f}" for s in report.systems)
        lines.append(f"| {request_id} | {cells} |")
    return "\n".join(lines) + "\n"


def write_report(report: TextEvalReport, output: str) -> Path:
    """Write text-eval.md and text-eval.json into `output`; returns the Markdown path."""
    folder = Path(output)
    folder.mkdir(parents=True, exist_ok=True)
    markdown = folder / "text-eval.md"
    markdown.write_text(_markdown(report), encoding="utf-8")
    figures: dict[str, Any] = asdict(report)
    figures["differences"] = {
        name: {metric: asdict(estimate) for metric, estimate in estimates.items()}
        for name, estimates in differences(report).items()
    }
    (folder / "text-eval.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return markdown
