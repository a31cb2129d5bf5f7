"""Real CVs and requests repeat themselves: two names for one skill are merged, never refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.models import FreelancerSkill, RequestSkill, RequestUnrecognisedSkill, Skill
from tests.support.keys import TestKeys

MakeBody = Callable[..., dict[str, Any]]


def test_a_profile_naming_one_skill_twice_is_merged_with_a_warning(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody, session: Session
) -> None:
    body = freelancer_body(
        skills=[
            {"name": "SQL Server", "level": 3, "years": 8, "last_used": 2019},
            {"name": "Python", "level": 4},
            {"name": "MS SQL Server", "level": 5, "years": 2, "last_used": 2024},
            {"name": "mssql", "level": 2},
        ]
    )
    response = intake.post("/v1/freelancers", json=body, headers=keys.manager)

    assert response.status_code == 201, response.text
    created = response.json()
    sql = [s for s in created["skills"] if s["slug"] == "sql-server"]
    # The higher level, the larger years, the later last-used year; the first spelling kept.
    assert [(s["input"], s["level"], s["years"], s["last_used"]) for s in sql] == [
        ("SQL Server", 5, 8.0, 2024)
    ]
    assert [w["field"] for w in created["warnings"]] == ["skills.2.name", "skills.3.name"]
    assert all("skills.0.name" in w["message"] for w in created["warnings"])
    rows = session.scalars(
        select(FreelancerSkill.level).where(FreelancerSkill.freelancer_id == created["id"])
    ).all()
    assert sorted(rows) == [4, 5]
    # Warnings describe the write; a later read has none.
    read = intake.get(f"/v1/freelancers/{created['id']}", headers=keys.manager).json()
    assert read["warnings"] == []
    assert read["skills"] == created["skills"]


def test_unknown_terms_spelled_twice_are_merged_too(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody
) -> None:
    body = freelancer_body(
        skills=[{"name": "Quux Tool", "level": 2}, {"name": "quux-tool", "level": 4, "years": 3}]
    )
    created = intake.post("/v1/freelancers", json=body, headers=keys.manager).json()
    assert [(u["name"], u["level"], u["years"]) for u in created["unrecognised_skills"]] == [
        ("Quux Tool", 4, 3.0)
    ]
    assert [w["field"] for w in created["warnings"]] == ["skills.1.name"]


def test_patch_merges_repeated_skills_and_reports_them(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody
) -> None:
    created = intake.post("/v1/freelancers", json=freelancer_body(), headers=keys.manager).json()
    response = intake.patch(
        f"/v1/freelancers/{created['id']}",
        json={"skills": [{"name": "Java 17", "level": 3}, {"name": "java 21", "level": 4}]},
        headers=keys.manager,
    )
    assert response.status_code == 200, response.text
    changed = response.json()
    assert [(s["name"], s["version"], s["level"]) for s in changed["skills"]] == [("Java", "17", 4)]
    assert [w["field"] for w in changed["warnings"]] == ["skills.1.name"]


def test_a_name_that_cannot_be_a_skill_is_still_a_422(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody
) -> None:
    body = freelancer_body(skills=[{"name": "Python", "level": 3}, {"name": "???", "level": 3}])
    response = intake.post("/v1/freelancers", json=body, headers=keys.manager)
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["skills.1.name"]


def test_a_request_naming_one_skill_twice_is_merged_with_a_warning(
    intake: TestClient, keys: TestKeys, request_body: MakeBody, session: Session
) -> None:
    body = request_body(
        skills=[
            {"name": "HDFS", "must_have": False, "min_level": 2, "weight": 1},
            {"name": "Kubernetes", "must_have": True},
            {"name": "k8s", "must_have": False, "min_level": 5, "weight": 3},
            {"name": "Quux Tool", "must_have": False},
            {"name": "quux-tool", "must_have": True, "weight": 2},
        ]
    )
    response = intake.post("/v1/requests", json=body, headers=keys.client_a)

    assert response.status_code == 201, response.text
    created = response.json()
    kubernetes = [s for s in created["skills"] if s["slug"] == "kubernetes"]
    # must_have if either says so; the higher min_level and weight.
    assert [(s["input"], s["must_have"], s["min_level"], s["weight"]) for s in kubernetes] == [
        ("Kubernetes", True, 5, 3.0)
    ]
    [quux] = created["unrecognised_skills"]
    assert (quux["name"], quux["must_have"], quux["weight"]) == ("Quux Tool", True, 2.0)
    assert [w["field"] for w in created["warnings"]] == ["skills.2.name", "skills.4.name"]
    stored = session.execute(
        select(Skill.slug, RequestSkill.must_have, RequestSkill.min_level)
        .join(Skill, Skill.id == RequestSkill.skill_id)
        .where(RequestSkill.request_id == created["id"])
    ).all()
    assert ("kubernetes", True, 5) in stored and len(stored) == len(created["skills"])
    unknown = session.scalars(
        select(RequestUnrecognisedSkill.must_have).where(
            RequestUnrecognisedSkill.request_id == created["id"]
        )
    ).all()
    assert unknown == [True]


def test_request_patch_merges_repeated_skills(
    intake: TestClient, keys: TestKeys, request_body: MakeBody
) -> None:
    created = intake.post("/v1/requests", json=request_body(), headers=keys.client_a).json()
    response = intake.patch(
        f"/v1/requests/{created['id']}",
        json={"skills": [{"name": "golang", "min_level": 2}, {"name": "Go", "min_level": 4}]},
        headers=keys.client_a,
    )
    assert response.status_code == 200, response.text
    changed = response.json()
    assert [(s["name"], s["min_level"]) for s in changed["skills"]] == [("Go", 4)]
    assert [w["field"] for w in changed["warnings"]] == ["skills.1.name"]
