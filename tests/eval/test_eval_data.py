"""The labelled set is what the issue asks for, valid for the API, and reproducible."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from evaluation.dataset import DEFAULT_DATA_DIR, TextEvalSet, load_eval_set
from services.intake.freelancers.schemas import FreelancerCreate
from services.intake.requests.schemas import RequestCreate
from tests.eval.corpus import build
from tests.eval.corpus.names import NAMES


@pytest.fixture(scope="module")
def data() -> TextEvalSet:
    return load_eval_set()


@pytest.fixture(scope="module")
def rows() -> list[dict]:
    return json.loads((DEFAULT_DATA_DIR / "cvs.json").read_text(encoding="utf-8"))


def test_counts_languages_and_prose_only_share(data: TextEvalSet) -> None:
    assert len(data.cvs) >= 160
    german = sum(cv.language == "de" for cv in data.cvs)
    assert 0.28 <= german / len(data.cvs) <= 0.4
    without_skills = sum(not cv.profile["skills"] for cv in data.cvs)
    assert 0.22 <= without_skills / len(data.cvs) <= 0.3
    assert len({cv.id for cv in data.cvs}) == len(data.cvs)
    assert len({cv.profile["email"] for cv in data.cvs}) == len(data.cvs)


def test_cvs_are_cv_sized_and_spread_over_specialisations(data: TextEvalSet) -> None:
    lengths = [len(cv.profile["summary"]) for cv in data.cvs]
    assert min(lengths) >= 1000 and max(lengths) <= 4000
    per_specialisation = Counter(cv.specialisation for cv in data.cvs)
    assert len(per_specialisation) >= 19
    # No paragraph-for-paragraph copies: every CV text is distinct.
    assert len({cv.profile["summary"] for cv in data.cvs}) == len(data.cvs)


def test_structured_lists_repeat_and_misspell_like_real_cvs(data: TextEvalSet) -> None:
    names = {s["name"] for cv in data.cvs for s in cv.profile["skills"]}
    for messy in ("Kubernets", "Postgres", "MS SQL Server", "Javascript", "Spring-Boot"):
        assert messy in names or any(messy in n for n in names), messy
    tag_of = {name: tag for tag, spellings in NAMES.items() for name in spellings}
    listed = [cv for cv in data.cvs if cv.profile["skills"]]
    repeating = [
        cv
        for cv in listed
        if len(tags := [tag_of.get(s["name"], s["name"]) for s in cv.profile["skills"]])
        > len(set(tags))
    ]
    assert len(repeating) >= 0.3 * len(listed)
    for pair in ({"SQL Server", "MS SQL Server"}, {"PostgreSQL", "Postgres"}):
        together = sum(1 for cv in listed if pair <= {s["name"] for s in cv.profile["skills"]})
        assert together >= 3, pair


def test_every_profile_and_request_is_a_valid_api_body(data: TextEvalSet) -> None:
    today = date.today()
    for cv in data.cvs:
        body = cv.body(today)
        # Repeated skill names are the point of the set; the schema judges everything else.
        FreelancerCreate.model_validate({**body, "skills": []})
        assert all(1 <= s["level"] <= 5 for s in body["skills"])
    for request in data.requests:
        body = request.body(today, organization_id=1)
        if body["skills"]:
            RequestCreate.model_validate(body)
        else:
            RequestCreate.model_validate(
                {**body, "skills": [{"name": "placeholder", "must_have": True}]}
            )


def test_requests_and_graded_relevance(data: TextEvalSet) -> None:
    assert len(data.requests) >= 22
    assert sum(not r.request["skills"] for r in data.requests) >= 5
    assert sum(r.language == "de" for r in data.requests) >= 5
    assert all(len(r.request["skills"]) <= 8 for r in data.requests)
    cv_ids = {cv.id for cv in data.cvs}
    assert set(data.grades) == {r.id for r in data.requests}
    for request_id, row in data.grades.items():
        assert set(row) == cv_ids, request_id
        assert set(row.values()) <= {0, 1, 2, 3}
        assert sum(grade >= 2 for grade in row.values()) >= 5, request_id


def test_false_friends_are_graded_on_content(data: TextEvalSet, rows: list[dict]) -> None:
    hard = {row["facts"]["hard_case"]: row["id"] for row in rows if row["facts"]["hard_case"]}
    java_request = "rq01"
    assert data.grades[java_request][hard["javascript_not_java"]] == 0
    assert data.grades["rq11"][hard["c_level_interim"]] == 0  # C-level is not C
    assert data.grades["rq04"][hard["fico_to_data"]] >= 2  # the career changer counts


def test_committed_data_is_what_the_seeded_generator_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "DATA_DIR", tmp_path)
    build.main()
    for name in ("cvs.json", "requests.json", "relevance.json"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (DEFAULT_DATA_DIR / name).read_text(
            encoding="utf-8"
        ), name
