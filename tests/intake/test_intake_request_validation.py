"""Each validation rule on staffing requests: a 422 problem naming the field, nothing stored."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from shared.models import (
    Job,
    RequestSkill,
    RequestUnrecognisedSkill,
    StaffingRequest,
    UnrecognisedTerm,
)
from tests.support.keys import TestKeys

TABLES = (StaffingRequest, RequestSkill, RequestUnrecognisedSkill, UnrecognisedTerm, Job)
YESTERDAY_EVERYWHERE = (date.today() - timedelta(days=2)).isoformat()

CASES: dict[str, tuple[dict[str, Any], str]] = {
    "start date in the past": ({"start_date": YESTERDAY_EVERYWHERE}, "start_date"),
    "start date not a date": ({"start_date": "next monday"}, "start_date"),
    "duration zero": ({"duration_months": 0}, "duration_months"),
    "duration over 60": ({"duration_months": 61}, "duration_months"),
    "duration wrong type": ({"duration_months": "six"}, "duration_months"),
    "rate zero": ({"max_day_rate": 0}, "max_day_rate"),
    "rate negative": ({"max_day_rate": -100}, "max_day_rate"),
    "rate over 10000": ({"max_day_rate": 10000.01}, "max_day_rate"),
    "no skills and no description": ({"skills": [], "description": ""}, "skills"),
    "no skills and a description too short to read skills from": (
        {"skills": [], "description": "Java, please."},
        "skills",
    ),
    "more than 50 skills": (
        {"skills": [{"name": f"skill number {i}"} for i in range(51)]},
        "skills",
    ),
    "skill without letters": ({"skills": [{"name": "Python"}, {"name": "!!!"}]}, "skills.1.name"),
    "min level out of range": (
        {"skills": [{"name": "Python", "min_level": 6}]},
        "skills.0.min_level",
    ),
    "description over 20000": ({"description": "x" * 20_001}, "description"),
    "unknown language code": ({"languages": ["de", "xx"]}, "languages.1"),
    "language given twice": ({"languages": ["de", "DE"]}, "languages"),
    "unknown country": ({"location": {"city": "Berlin", "country": "DEU"}}, "location.country"),
    "unknown remote value": ({"remote": "sometimes"}, "remote"),
    "unknown engagement": ({"engagement": "contract"}, "engagement"),
    "unknown top-level field": ({"budget": 5}, "budget"),
    "unknown field in a skill": (
        {"skills": [{"name": "Python", "mandatory": True}]},
        "skills.0.mandatory",
    ),
    "title null": ({"title": None}, "title"),
    "title blank": ({"title": "   "}, "title"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_rule_is_a_422_naming_the_field_and_stores_nothing(
    case: str,
    intake: TestClient,
    keys: TestKeys,
    request_body: Callable[..., dict[str, Any]],
    count_rows: Callable[[type], int],
) -> None:
    overrides, field = CASES[case]
    body = request_body(**overrides)
    before = [count_rows(table) for table in TABLES]

    response = intake.post("/v1/requests", json=body, headers=keys.client_a)

    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert field in [error["field"] for error in problem["errors"]], problem
    assert [count_rows(table) for table in TABLES] == before


def test_today_is_not_in_the_past(
    intake: TestClient, keys: TestKeys, request_body: Callable[..., dict[str, Any]]
) -> None:
    body = request_body(start_date=date.today().isoformat())
    assert intake.post("/v1/requests", json=body, headers=keys.client_a).status_code == 201


def test_an_unrecognised_must_have_counts_as_a_must_have(
    intake: TestClient, keys: TestKeys, request_body: Callable[..., dict[str, Any]]
) -> None:
    body = request_body(
        skills=[{"name": "Frobnicator 3000"}, {"name": "Python", "must_have": False}]
    )
    response = intake.post("/v1/requests", json=body, headers=keys.client_a)
    assert response.status_code == 201
    assert response.json()["unrecognised_skills"][0]["must_have"] is True


def test_malformed_json_is_a_400_problem(intake: TestClient, keys: TestKeys) -> None:
    response = intake.post(
        "/v1/requests",
        content=b'{"title": ',
        headers={**keys.client_a, "Content-Type": "application/json"},
    )
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/problem+json"


def test_patch_validates_like_create(
    intake: TestClient,
    keys: TestKeys,
    request_body: Callable[..., dict[str, Any]],
    count_rows: Callable[[type], int],
) -> None:
    created = intake.post("/v1/requests", json=request_body(), headers=keys.client_a).json()
    path = f"/v1/requests/{created['id']}"
    before = [count_rows(table) for table in TABLES]
    for body, field in (
        ({"duration_months": 100}, "duration_months"),
        ({"skills": [], "description": "too short"}, "skills"),
        ({"skills": [{"name": "golang"}, {"name": "???"}]}, "skills.1.name"),
        ({"languages": ["en", "zz"]}, "languages.1"),
        ({"status": "filled"}, "status"),
    ):
        response = intake.patch(path, json=body, headers=keys.client_a)
        assert response.status_code == 422, (body, response.text)
        assert field in [e["field"] for e in response.json()["errors"]]
    assert [count_rows(table) for table in TABLES] == before
    assert intake.get(path, headers=keys.client_a).json() == created
