"""Staffing requests: creation, reading, listing, changing, cancelling, queueing, access."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from shared.models import (
    Job,
    RequestSkill,
    RequestUnrecognisedSkill,
    StaffingRequest,
    UnrecognisedTerm,
)
from tests.support.keys import TestKeys

MakeBody = Callable[..., dict[str, Any]]


def _jobs_for(session: Session, request_id: int) -> list[Job]:
    return list(
        session.scalars(
            select(Job).where(Job.kind == "rank_request", Job.dedupe_key == str(request_id))
        )
    )


def test_client_creates_request_with_canonical_and_unrecognised_skills(
    intake: TestClient, keys: TestKeys, request_body: MakeBody, session: Session
) -> None:
    body = request_body(
        skills=[
            {"name": "k8s", "min_level": 4, "weight": 2},
            {"name": "Java 17", "must_have": False},
            {"name": "Pythn"},
        ]
    )
    response = intake.post("/v1/requests", json=body, headers=keys.client_a)

    assert response.status_code == 201, response.text
    created = response.json()
    assert created["organization_id"] == keys.org_a_id
    assert created["status"] == "open"
    assert created["created_at"] and created["updated_at"]
    assert created["skills"] == [
        {
            "name": "Kubernetes",
            "slug": "kubernetes",
            "input": "k8s",
            "version": None,
            "must_have": True,
            "min_level": 4,
            "weight": 2.0,
        },
        {
            "name": "Java",
            "slug": "java",
            "input": "Java 17",
            "version": "17",
            "must_have": False,
            "min_level": 3,
            "weight": 1.0,
        },
    ]
    [unknown] = created["unrecognised_skills"]
    suggestions = unknown.pop("suggestions")
    assert unknown == {"name": "Pythn", "must_have": True, "min_level": 3, "weight": 1.0}
    assert suggestions[0] == "Python" and len(suggestions) <= 3
    assert created["languages"] == ["de", "en"]
    assert created["location"] == {"city": "Berlin", "country": "DE"}
    assert created["max_day_rate"] == 950

    stored = session.get(StaffingRequest, created["id"])
    assert stored is not None and stored.created_by_key_id == keys.client_a_key_id
    assert (
        len(list(session.scalars(select(RequestSkill).where(RequestSkill.request_id == stored.id))))
        == 2
    )
    term = session.scalar(select(UnrecognisedTerm).where(UnrecognisedTerm.key == "pythn"))
    assert term is not None and term.term == "Pythn"
    kept = session.scalar(
        select(RequestUnrecognisedSkill).where(RequestUnrecognisedSkill.request_id == stored.id)
    )
    assert kept is not None and kept.term_id == term.id and kept.raw_name == "Pythn"

    read_back = intake.get(f"/v1/requests/{created['id']}", headers=keys.client_a).json()
    assert read_back["unrecognised_skills"][0]["suggestions"] == suggestions
    read_back["unrecognised_skills"][0].pop("suggestions")
    assert read_back == created


def test_create_queues_the_request_for_matching_in_the_same_transaction(
    intake: TestClient, keys: TestKeys, request_body: MakeBody, session: Session
) -> None:
    created = intake.post("/v1/requests", json=request_body(), headers=keys.client_a).json()
    jobs = _jobs_for(session, created["id"])
    assert [(job.status, job.payload) for job in jobs] == [
        ("queued", {"request_id": created["id"]})
    ]


def test_a_failing_create_leaves_no_request_and_no_job(
    intake: TestClient, keys: TestKeys, request_body: MakeBody, count_rows: Callable[[type], int]
) -> None:
    before = (count_rows(StaffingRequest), count_rows(Job))
    unusable = request_body(skills=[{"name": "Kubernetes"}, {"name": "!!!"}])
    assert intake.post("/v1/requests", json=unusable, headers=keys.client_a).status_code == 422
    assert (count_rows(StaffingRequest), count_rows(Job)) == before


def test_staff_must_name_an_existing_organisation(
    intake: TestClient, keys: TestKeys, request_body: MakeBody
) -> None:
    missing = intake.post("/v1/requests", json=request_body(), headers=keys.manager)
    assert missing.status_code == 422
    assert [e["field"] for e in missing.json()["errors"]] == ["organization_id"]

    unknown = intake.post(
        "/v1/requests", json=request_body(organization_id=999_999), headers=keys.manager
    )
    assert unknown.status_code == 422
    assert unknown.json()["errors"][0]["field"] == "organization_id"

    created = intake.post(
        "/v1/requests", json=request_body(organization_id=keys.org_b_id), headers=keys.manager
    )
    assert created.status_code == 201
    assert created.json()["organization_id"] == keys.org_b_id


def test_client_may_name_only_its_own_organisation(
    intake: TestClient, keys: TestKeys, request_body: MakeBody, count_rows: Callable[[type], int]
) -> None:
    own = intake.post(
        "/v1/requests", json=request_body(organization_id=keys.org_a_id), headers=keys.client_a
    )
    assert own.status_code == 201
    before = count_rows(StaffingRequest)
    other = intake.post(
        "/v1/requests", json=request_body(organization_id=keys.org_b_id), headers=keys.client_a
    )
    assert other.status_code == 422
    assert other.json()["errors"][0]["field"] == "organization_id"
    assert count_rows(StaffingRequest) == before


def test_client_cannot_read_list_change_or_cancel_another_organisations_request(
    intake: TestClient, keys: TestKeys, request_body: MakeBody, session: Session
) -> None:
    theirs = intake.post("/v1/requests", json=request_body(), headers=keys.client_b).json()
    path = f"/v1/requests/{theirs['id']}"

    assert intake.get(path, headers=keys.client_a).status_code == 404
    assert intake.patch(path, json={"title": "mine now"}, headers=keys.client_a).status_code == 404
    assert intake.post(f"{path}/cancel", headers=keys.client_a).status_code == 404
    listed = intake.get("/v1/requests", headers=keys.client_a).json()
    assert theirs["id"] not in [item["id"] for item in listed["items"]]
    filtered = intake.get(
        "/v1/requests", params={"organization_id": keys.org_b_id}, headers=keys.client_a
    )
    assert filtered.json()["items"] == []

    stored = session.get(StaffingRequest, theirs["id"])
    assert stored is not None and stored.title == theirs["title"] and stored.status == "open"
    # Staff see every organisation's requests.
    assert intake.get(path, headers=keys.manager).status_code == 200


def test_unknown_request_is_404_problem(intake: TestClient, keys: TestKeys) -> None:
    response = intake.get("/v1/requests/987654", headers=keys.manager)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_list_filters_and_paginates_with_a_cursor(
    intake: TestClient, keys: TestKeys, request_body: MakeBody
) -> None:
    ids = []
    for index in range(5):
        skills = [{"name": "Golang" if index % 2 else "Rust"}]
        created = intake.post(
            "/v1/requests",
            json=request_body(title=f"r{index}", skills=skills),
            headers=keys.client_a,
        ).json()
        ids.append(created["id"])
    intake.post(f"/v1/requests/{ids[0]}/cancel", headers=keys.client_a)

    seen: list[int] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 2}
        if cursor:
            params["cursor"] = cursor
        page = intake.get("/v1/requests", params=params, headers=keys.client_a).json()
        assert len(page["items"]) <= 2
        seen += [item["id"] for item in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(ids, reverse=True)

    go = intake.get("/v1/requests", params={"skill": "go"}, headers=keys.client_a).json()
    assert [item["id"] for item in go["items"]] == [ids[3], ids[1]]
    cancelled = intake.get("/v1/requests", params={"status": "cancelled"}, headers=keys.client_a)
    assert [item["id"] for item in cancelled.json()["items"]] == [ids[0]]
    today = intake.get("/v1/requests", headers=keys.client_a).json()["items"][0]["created_at"][:10]
    in_range = intake.get(
        "/v1/requests",
        params={"created_from": today, "created_to": today},
        headers=keys.client_a,
    ).json()
    assert len(in_range["items"]) == 5
    before = intake.get(
        "/v1/requests", params={"created_to": "2000-01-01"}, headers=keys.client_a
    ).json()
    assert before["items"] == []


@pytest.mark.parametrize("cursor", ["garbage", "eyJhIjoxfQ", "W10", "WyJ4IiwxXQ"])
def test_a_garbled_cursor_is_a_422_naming_cursor(
    intake: TestClient, keys: TestKeys, cursor: str
) -> None:
    response = intake.get("/v1/requests", params={"cursor": cursor}, headers=keys.client_a)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "cursor"


def test_limit_above_100_is_refused(intake: TestClient, keys: TestKeys) -> None:
    response = intake.get("/v1/requests", params={"limit": 101}, headers=keys.client_a)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "limit"


def test_patch_changes_an_open_request_and_queues_it_again(
    intake: TestClient, keys: TestKeys, request_body: MakeBody, session: Session
) -> None:
    created = intake.post("/v1/requests", json=request_body(), headers=keys.client_a).json()
    session.execute(update(Job).values(status="done"))  # the first ranking ran

    response = intake.patch(
        f"/v1/requests/{created['id']}",
        json={
            "skills": [{"name": "golang", "min_level": 5}],
            "max_day_rate": 1000.5,
            "location": None,
        },
        headers=keys.client_a,
    )

    assert response.status_code == 200, response.text
    changed = response.json()
    assert [(s["name"], s["min_level"]) for s in changed["skills"]] == [("Go", 5)]
    assert changed["max_day_rate"] == 1000.5
    assert changed["location"] is None
    assert changed["title"] == created["title"]
    assert changed["updated_at"] >= created["updated_at"]
    assert [job.status for job in _jobs_for(session, created["id"])] == ["done", "queued"]


def test_patch_refuses_null_for_required_fields(
    intake: TestClient, keys: TestKeys, request_body: MakeBody
) -> None:
    created = intake.post("/v1/requests", json=request_body(), headers=keys.client_a).json()
    response = intake.patch(
        f"/v1/requests/{created['id']}", json={"title": None}, headers=keys.client_a
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "title"


@pytest.mark.parametrize("final_status", ["cancelled", "filled"])
def test_no_change_or_cancel_after_a_request_is_closed(
    intake: TestClient, keys: TestKeys, request_body: MakeBody, session: Session, final_status: str
) -> None:
    created = intake.post("/v1/requests", json=request_body(), headers=keys.client_a).json()
    path = f"/v1/requests/{created['id']}"
    if final_status == "cancelled":
        cancelled = intake.post(f"{path}/cancel", headers=keys.client_a)
        assert cancelled.status_code == 200
        assert cancelled.json()["status"] == "cancelled"
    else:
        # The matching service marks a request filled when a placement is recorded.
        session.execute(
            update(StaffingRequest)
            .where(StaffingRequest.id == created["id"])
            .values(status="filled")
        )

    patched = intake.patch(path, json={"title": "again"}, headers=keys.client_a)
    assert patched.status_code == 409
    assert patched.headers["content-type"] == "application/problem+json"
    assert intake.post(f"{path}/cancel", headers=keys.client_a).status_code == 409
    session.expire_all()
    stored = session.get(StaffingRequest, created["id"])
    assert stored is not None and stored.title == created["title"]
    assert stored.status == final_status


def test_cancel_replays_with_the_same_idempotency_key(
    intake: TestClient, keys: TestKeys, request_body: MakeBody
) -> None:
    created = intake.post("/v1/requests", json=request_body(), headers=keys.client_a).json()
    headers = {**keys.client_a, "Idempotency-Key": "cancel-1"}
    first = intake.post(f"/v1/requests/{created['id']}/cancel", headers=headers)
    again = intake.post(f"/v1/requests/{created['id']}/cancel", headers=headers)
    assert first.status_code == again.status_code == 200
    assert again.json() == first.json()
