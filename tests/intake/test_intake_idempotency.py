"""Idempotency-Key on intake POSTs: replays, changed bodies, and concurrent duplicates."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import httpx
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from services.intake.main import app
from shared.models import Freelancer, Job, StaffingRequest
from tests.support.keys import TestKeys, make_keys

MakeBody = Callable[..., dict[str, Any]]


def test_replay_returns_the_first_response_without_a_second_row(
    intake: TestClient, keys: TestKeys, request_body: MakeBody, count_rows: Callable[[type], int]
) -> None:
    headers = {**keys.client_a, "Idempotency-Key": "req-42"}
    body = request_body()
    first = intake.post("/v1/requests", json=body, headers=headers)
    rows = count_rows(StaffingRequest)
    again = intake.post("/v1/requests", json=body, headers=headers)

    assert first.status_code == again.status_code == 201
    assert again.json() == first.json()
    assert again.headers.get("Idempotent-Replayed") == "true"
    assert count_rows(StaffingRequest) == rows


def test_same_key_with_a_different_body_is_a_422(
    intake: TestClient, keys: TestKeys, request_body: MakeBody, count_rows: Callable[[type], int]
) -> None:
    headers = {**keys.client_a, "Idempotency-Key": "req-43"}
    assert intake.post("/v1/requests", json=request_body(), headers=headers).status_code == 201
    rows = count_rows(StaffingRequest)
    changed = intake.post("/v1/requests", json=request_body(title="another"), headers=headers)
    assert changed.status_code == 422
    assert changed.json()["errors"][0]["field"] == "Idempotency-Key"
    assert count_rows(StaffingRequest) == rows


def test_keys_belong_to_the_api_key_that_used_them(
    intake: TestClient, keys: TestKeys, request_body: MakeBody
) -> None:
    body = request_body()
    a = intake.post("/v1/requests", json=body, headers={**keys.client_a, "Idempotency-Key": "k"})
    b = intake.post("/v1/requests", json=body, headers={**keys.client_b, "Idempotency-Key": "k"})
    assert a.status_code == b.status_code == 201
    assert a.json()["id"] != b.json()["id"]
    assert b.json()["organization_id"] == keys.org_b_id


def test_freelancer_create_replays(
    intake: TestClient, keys: TestKeys, freelancer_body: MakeBody, count_rows: Callable[[type], int]
) -> None:
    headers = {**keys.manager, "Idempotency-Key": "fl-1"}
    first = intake.post("/v1/freelancers", json=freelancer_body(), headers=headers)
    again = intake.post("/v1/freelancers", json=freelancer_body(), headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert count_rows(Freelancer) == 1


def test_concurrent_duplicates_with_one_key_make_one_row(
    committed_engine: Engine, request_body: MakeBody
) -> None:
    with Session(committed_engine) as session, session.begin():
        keys = make_keys(session)
    headers = {**keys.client_a, "Idempotency-Key": "concurrent-1"}
    body = request_body()
    barrier = threading.Barrier(2)
    responses: list[httpx.Response] = []

    def post() -> None:
        with TestClient(app) as client:
            barrier.wait()
            responses.append(client.post("/v1/requests", json=body, headers=headers))

    threads = [threading.Thread(target=post) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert [r.status_code for r in responses] == [201, 201], [r.text for r in responses]
    assert responses[0].json()["id"] == responses[1].json()["id"]
    with Session(committed_engine) as session:
        assert session.scalar(select(func.count()).select_from(StaffingRequest)) == 1
        assert session.scalar(select(func.count()).select_from(Job)) == 1


def test_concurrent_creates_of_one_email_give_one_profile_and_a_409(
    committed_engine: Engine, freelancer_body: MakeBody
) -> None:
    with Session(committed_engine) as session, session.begin():
        keys = make_keys(session)
    barrier = threading.Barrier(4)
    responses: list[httpx.Response] = []

    def post() -> None:
        with TestClient(app) as client:
            barrier.wait()
            responses.append(
                client.post("/v1/freelancers", json=freelancer_body(), headers=keys.manager)
            )

    threads = [threading.Thread(target=post) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(r.status_code for r in responses) == [201, 409, 409, 409], [
        r.text for r in responses
    ]
    with Session(committed_engine) as session:
        assert session.scalar(select(func.count()).select_from(Freelancer)) == 1
