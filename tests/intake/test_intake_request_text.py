"""Requests written only as a paragraph, or with nice-to-haves only, are accepted."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from shared.models import Job, StaffingRequest
from tests.support.keys import TestKeys

MakeBody = Callable[..., dict[str, Any]]
PARAGRAPH = (
    "We need a data engineer to build our lakehouse: PySpark, Airflow and dbt on Snowflake; "
    "Kafka experience is a plus."
)


def test_a_request_with_only_a_description_is_accepted_and_queued(
    intake: TestClient, keys: TestKeys, request_body: MakeBody, session: Session
) -> None:
    body = request_body(description=PARAGRAPH)
    del body["skills"]
    response = intake.post("/v1/requests", json=body, headers=keys.client_a)

    assert response.status_code == 201, response.text
    created = response.json()
    assert created["skills"] == [] and created["unrecognised_skills"] == []
    assert created["description"] == PARAGRAPH
    stored = session.get(StaffingRequest, created["id"])
    assert stored is not None and stored.description == PARAGRAPH
    assert session.query(Job).filter(Job.dedupe_key == str(created["id"])).count() == 1
    read = intake.get(f"/v1/requests/{created['id']}", headers=keys.client_a).json()
    assert read["skills"] == []


def test_an_empty_skill_list_with_a_paragraph_is_accepted(
    intake: TestClient, keys: TestKeys, request_body: MakeBody
) -> None:
    body = request_body(skills=[], description=PARAGRAPH)
    assert intake.post("/v1/requests", json=body, headers=keys.client_a).status_code == 201


def test_without_skills_the_description_must_say_something(
    intake: TestClient, keys: TestKeys, request_body: MakeBody
) -> None:
    for description in ("", "   ", "Java dev needed", " " * 30 + "Java"):
        body = request_body(skills=[], description=description)
        response = intake.post("/v1/requests", json=body, headers=keys.client_a)
        assert response.status_code == 422, description
        [error] = response.json()["errors"]
        assert error["field"] == "skills" and "description" in error["message"]


def test_nice_to_haves_only_are_accepted(
    intake: TestClient, keys: TestKeys, request_body: MakeBody
) -> None:
    body = request_body(
        skills=[{"name": "Python", "must_have": False}, {"name": "Go", "must_have": False}]
    )
    response = intake.post("/v1/requests", json=body, headers=keys.client_a)
    assert response.status_code == 201, response.text
    assert not any(skill["must_have"] for skill in response.json()["skills"])


def test_still_at_most_50_skills(
    intake: TestClient, keys: TestKeys, request_body: MakeBody
) -> None:
    body = request_body(skills=[{"name": f"skill number {i}"} for i in range(51)])
    response = intake.post("/v1/requests", json=body, headers=keys.client_a)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "skills"


def test_patch_may_drop_the_skills_only_while_the_description_says_enough(
    intake: TestClient, keys: TestKeys, request_body: MakeBody
) -> None:
    created = intake.post(
        "/v1/requests", json=request_body(description="short"), headers=keys.client_a
    ).json()
    path = f"/v1/requests/{created['id']}"

    refused = intake.patch(path, json={"skills": []}, headers=keys.client_a)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "skills"

    accepted = intake.patch(
        path, json={"skills": [], "description": PARAGRAPH}, headers=keys.client_a
    )
    assert accepted.status_code == 200, accepted.text
    assert accepted.json()["skills"] == []

    # Now the paragraph carries the request: it may not be cut to nothing.
    emptied = intake.patch(path, json={"description": ""}, headers=keys.client_a)
    assert emptied.status_code == 422
    assert intake.get(path, headers=keys.client_a).json()["description"] == PARAGRAPH
