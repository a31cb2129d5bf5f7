"""`vouch evaluate --text`: Vouch against TF-IDF and BM25 on the labelled CV set.

Every CV goes in through `POST /v1/freelancers` (CV text in `summary`), every request through
`POST /v1/requests` and is ranked by `POST /v1/requests/{id}/matches` (top 50), on a scratch
database that is dropped afterwards. The baselines rank the same texts in the same run.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Mapping
from pathlib import Path

from rich.console import Console

from evaluation.baselines import bm25_rankings, tfidf_rankings
from evaluation.dataset import DEFAULT_DATA_DIR, TextEvalSet, load_eval_set
from evaluation.metrics import METRICS, RELEVANT_GRADE, bootstrap_interval, per_request_scores
from evaluation.report import SystemResult, TextEvalReport, print_table, write_report
from evaluation.vouch_run import TOP_K, VouchOutcome, run_vouch
from shared.cli.database import command_database


def score_system(
    name: str, rankings: Mapping[str, list[str]], data: TextEvalSet, *, seed: int
) -> SystemResult:
    per_request = {
        request.id: per_request_scores(rankings.get(request.id, []), data.grades[request.id])
        for request in data.requests
    }
    estimates = {
        # The same seed for every system and metric: the same resampled request sets.
        metric: bootstrap_interval([scores[metric] for scores in per_request.values()], seed=seed)
        for metric in METRICS
    }
    return SystemResult(name, estimates, per_request)


def baseline_rankings(data: TextEvalSet) -> dict[str, dict[str, list[str]]]:
    documents = [cv.text for cv in data.cvs]
    ids = [cv.id for cv in data.cvs]
    queries = [request.query for request in data.requests]
    return {
        name: dict(
            zip(
                [r.id for r in data.requests],
                rank(documents, ids, queries, top_k=TOP_K),
                strict=True,
            )
        )
        for name, rank in (("TF-IDF cosine", tfidf_rankings), ("BM25", bm25_rankings))
    }


def reachability(data: TextEvalSet, outcome: VouchOutcome) -> tuple[int, list[str]]:
    """CVs relevant (grade >= 2) to some request, and those never in such a request's ranking."""
    relevant: set[str] = set()
    reached: set[str] = set()
    for request in data.requests:
        ranked = set(outcome.rankings.get(request.id, []))
        for cv_id, grade in data.grades[request.id].items():
            if grade >= RELEVANT_GRADE:
                relevant.add(cv_id)
                if cv_id in ranked:
                    reached.add(cv_id)
    return len(relevant), sorted(relevant - reached)


def evaluate(data: TextEvalSet, *, base_url: str, seed: int) -> TextEvalReport:
    outcome = run_vouch(base_url, data)
    systems = [score_system("Vouch", outcome.rankings, data, seed=seed)]
    systems += [
        score_system(name, rankings, data, seed=seed)
        for name, rankings in baseline_rankings(data).items()
    ]
    relevant, unreachable = reachability(data, outcome)
    ranked_anywhere = set().union(*outcome.rankings.values()) if outcome.rankings else set()
    return TextEvalReport(
        cvs=len(data.cvs),
        requests=len(data.requests),
        seed=seed,
        accepted=len(outcome.accepted),
        refused=outcome.refused,
        warned=len(outcome.warnings),
        relevant_cvs=relevant,
        reachable_cvs=relevant - len(unreachable),
        unreachable=unreachable,
        ranked_anywhere=len(ranked_anywhere),
        request_notes=outcome.request_notes,
        systems=systems,
    )


def run(*, output: str, seed: int, data_dir: Path = DEFAULT_DATA_DIR) -> None:
    """Entry point `text` of `vouch.evaluations`: print the table, write the report."""
    # The in-process HTTP client logs every call at INFO; the table is what matters here.
    if importlib.util.find_spec("bm25s") is None:
        # Fail before the minute of loading, not after it.
        raise SystemExit("The BM25 baseline needs bm25s: pip install 'vouch[eval]'")
    logging.getLogger("httpx").setLevel(logging.WARNING)
    console = Console(width=max(Console().width, 132))
    data = load_eval_set(data_dir)
    console.print(f"Loading {len(data.cvs)} CVs and {len(data.requests)} requests through the API…")
    with command_database() as base_url:
        report = evaluate(data, base_url=base_url, seed=seed)
    print_table(report, console)
    console.print(f"Report: {write_report(report, output)}")
