"""`vouch evaluate --text` end to end on a small subset, against the real PostgreSQL."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from evaluation.dataset import DEFAULT_DATA_DIR, load_eval_set
from evaluation.text import baseline_rankings
from shared.config import get_settings
from shared.db import engine as engine_module

# A slice that still holds every kind of CV and request quickly (about ten seconds).
SUBSET_CVS, SUBSET_REQUESTS = 30, 4


def _databases(url: str) -> set[str]:
    """This process's evaluation databases (other runs share the server)."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            names = connection.scalars(text("SELECT datname FROM pg_database"))
            return {name for name in names if name.startswith(f"vouch_eval_{os.getpid()}_")}
    finally:
        engine.dispose()


@pytest.fixture
def subset_dir(tmp_path: Path) -> Path:
    """cvs/requests/relevance.json holding the first CVs and requests of the committed set."""
    folder = tmp_path / "data"
    folder.mkdir()
    cvs = json.loads((DEFAULT_DATA_DIR / "cvs.json").read_text(encoding="utf-8"))[:SUBSET_CVS]
    requests = json.loads((DEFAULT_DATA_DIR / "requests.json").read_text(encoding="utf-8"))
    # Two requests with a skill list and two paragraph-only ones.
    chosen = [r for r in requests if r["request"]["skills"]][:2]
    chosen += [r for r in requests if not r["request"]["skills"]][:2]
    grades = json.loads((DEFAULT_DATA_DIR / "relevance.json").read_text(encoding="utf-8"))
    kept = {cv["id"] for cv in cvs}
    subset_grades = {
        r["id"]: {k: v for k, v in grades["grades"][r["id"]].items() if k in kept} for r in chosen
    }
    for name, payload in (
        ("cvs.json", cvs),
        ("requests.json", chosen),
        ("relevance.json", {"grades": subset_grades}),
    ):
        (folder / name).write_text(json.dumps(payload, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture
def server_url(base_server_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The command sees the server itself (as `vouch evaluate` would), not the tests' database."""
    monkeypatch.setenv("DATABASE_URL", base_server_url)
    get_settings.cache_clear()
    yield base_server_url
    get_settings.cache_clear()
    engine_module.get_engine.cache_clear()
    engine_module.get_sessionmaker.cache_clear()


def test_entry_point_runs_end_to_end_and_drops_its_database(
    server_url: str, subset_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (point,) = [p for p in entry_points(group="vouch.evaluations") if p.name == "text"]
    output = tmp_path / "report"

    point.load()(output=str(output), seed=11, data_dir=subset_dir)

    assert _databases(server_url) == set()
    printed = capsys.readouterr().out
    for label in ("Vouch", "TF-IDF cosine", "BM25", "NDCG@10", "recall@20", "CVs accepted"):
        assert label in printed
    figures = json.loads((output / "text-eval.json").read_text(encoding="utf-8"))
    assert figures["cvs"] == SUBSET_CVS and figures["requests"] == SUBSET_REQUESTS
    assert figures["accepted"] + len(figures["refused"]) == SUBSET_CVS
    assert [s["name"] for s in figures["systems"]] == ["Vouch", "TF-IDF cosine", "BM25"]
    for system in figures["systems"]:
        assert len(system["per_request"]) == SUBSET_REQUESTS
        for estimate in system["estimates"].values():
            assert 0.0 <= estimate["low"] <= estimate["mean"] <= estimate["high"] <= 1.0
    assert figures["reachable_cvs"] + len(figures["unreachable"]) == figures["relevant_cvs"]
    markdown = (output / "text-eval.md").read_text(encoding="utf-8")
    assert "| Vouch |" in markdown and "| BM25 |" in markdown


def test_baselines_rank_the_same_texts_and_put_an_exact_match_first() -> None:
    data = load_eval_set().subset(cvs=40, requests=26)
    rankings = baseline_rankings(data)
    assert set(rankings) == {"TF-IDF cosine", "BM25"}
    for per_request in rankings.values():
        for ranked in per_request.values():
            assert len(ranked) == len(set(ranked)) == 40
    # The request that names the embedded stack: both baselines find an embedded CV first
    # whenever the subset holds one with grade 3 (a sanity check of the wiring, not a score).
    best = [cv for cv, g in data.grades["rq11"].items() if g == 3]
    if best:
        assert rankings["BM25"]["rq11"][0] in best
        assert rankings["TF-IDF cosine"]["rq11"][0] in best
