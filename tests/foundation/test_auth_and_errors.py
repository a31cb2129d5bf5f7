"""Auth and RFC 9457 errors through the shared app factory."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from shared.models import ApiKey, Organization
from tests.foundation.probe_app import app
from tests.support.keys import TestKeys

PROBLEM = "application/problem+json"


@pytest.fixture
def client(client_for: Callable[[FastAPI], TestClient]) -> TestClient:
    return client_for(app)


def _organizations(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Organization)) or 0


def test_no_key_is_401_problem(client: TestClient, keys: TestKeys) -> None:
    response = client.get("/probe/admin")
    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM
    body = response.json()
    assert {"type", "title", "status", "detail"} <= body.keys()
    assert body["status"] == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"


def test_unknown_key_is_401(client: TestClient, keys: TestKeys) -> None:
    response = client.get("/probe/admin", headers={"Authorization": "Bearer vouch_nope"})
    assert response.status_code == 401


def test_client_key_on_admin_endpoint_is_403(client: TestClient, keys: TestKeys) -> None:
    response = client.get("/probe/admin", headers=keys.client_a)
    assert response.status_code == 403
    assert response.headers["content-type"] == PROBLEM
    assert client.get("/probe/admin", headers=keys.admin).status_code == 200


def test_manager_is_not_admin(client: TestClient, keys: TestKeys) -> None:
    assert client.get("/probe/admin", headers=keys.manager).status_code == 403


def test_client_reading_other_organisation_gets_404(client: TestClient, keys: TestKeys) -> None:
    own = client.get(f"/probe/organizations/{keys.org_a_id}", headers=keys.client_a)
    assert own.status_code == 200
    other = client.get(f"/probe/organizations/{keys.org_b_id}", headers=keys.client_a)
    assert other.status_code == 404
    assert other.headers["content-type"] == PROBLEM


def test_revoked_key_is_401(client: TestClient, keys: TestKeys, session: Session) -> None:
    assert client.get("/probe/admin", headers=keys.admin).status_code == 200
    for key in session.scalars(select(ApiKey).where(ApiKey.role == "admin")):
        key.revoked_at = datetime.now(UTC)
    session.flush()
    assert client.get("/probe/admin", headers=keys.admin).status_code == 401


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        (b'{"name": "Acme",', 400, None),
        (b'{"name": 12}', 422, "name"),
        (b'{"name": "Acme", "size": "big"}', 422, "size"),
        (b"{}", 422, "name"),
        (b'{"name": "Acme", "colour": "red"}', 422, "colour"),
    ],
    ids=["malformed-json", "wrong-type", "wrong-type-int", "missing-field", "unknown-field"],
)
def test_bad_bodies_are_problems_and_store_nothing(
    client: TestClient,
    keys: TestKeys,
    session: Session,
    body: bytes,
    status: int,
    field: str | None,
) -> None:
    before = _organizations(session)
    response = client.post(
        "/probe/organizations",
        content=body,
        headers={**keys.manager, "Content-Type": "application/json"},
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    problem = response.json()
    assert problem["status"] == status
    if field is not None:
        assert field in [error["field"] for error in problem["errors"]]
    assert _organizations(session) == before


def test_oversized_body_is_413_and_stores_nothing(
    client: TestClient, keys: TestKeys, session: Session
) -> None:
    before = _organizations(session)
    huge = b'{"name": "' + b"x" * (3 * 1024 * 1024) + b'"}'
    response = client.post(
        "/probe/organizations",
        content=huge,
        headers={**keys.manager, "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == PROBLEM
    assert _organizations(session) == before


def test_unexpected_error_is_500_problem_without_internals(
    client: TestClient, keys: TestKeys
) -> None:
    response = client.get("/probe/boom", headers={"X-Request-ID": "req-boom-1"})
    assert response.status_code == 500
    assert response.headers["content-type"] == PROBLEM
    assert "hunter2" not in response.text
    assert "RuntimeError" not in response.text
    assert response.json()["request_id"] == "req-boom-1"
    assert response.headers["X-Request-ID"] == "req-boom-1"


def test_request_id_is_echoed_or_made(client: TestClient) -> None:
    assert (
        client.get("/healthz", headers={"X-Request-ID": "abc-123"}).headers["X-Request-ID"]
        == "abc-123"
    )
    assert len(client.get("/healthz").headers["X-Request-ID"]) >= 16


def test_unknown_route_is_404_problem(client: TestClient) -> None:
    response = client.get("/nowhere")
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM


def test_idempotent_retry_returns_first_response(
    client: TestClient, keys: TestKeys, session: Session
) -> None:
    headers = {**keys.manager, "Idempotency-Key": "k-1"}
    first = client.post("/probe/organizations", json={"name": "Initech"}, headers=headers)
    second = client.post("/probe/organizations", json={"name": "Initech"}, headers=headers)
    assert first.status_code == second.status_code == 201
    assert first.json() == second.json()
    assert second.headers["Idempotent-Replayed"] == "true"
    count = session.scalar(
        select(func.count()).select_from(Organization).where(Organization.name == "Initech")
    )
    assert count == 1
    changed = client.post("/probe/organizations", json={"name": "Other"}, headers=headers)
    assert changed.status_code == 422
    assert changed.json()["errors"][0]["field"] == "Idempotency-Key"


def test_metrics_count_requests_by_route_and_status(client: TestClient) -> None:
    client.get("/healthz")
    metrics = client.get("/metrics").text
    assert 'handler="/healthz"' in metrics
    assert "http_request_duration" in metrics


def test_id_beyond_bigint_is_a_422_problem_not_a_500(client: TestClient, keys: TestKeys) -> None:
    response = client.get("/probe/organizations/99999999999999999999", headers=keys.admin)
    assert response.status_code == 422
    assert response.headers["content-type"] == PROBLEM
    assert "out of range" in response.json()["detail"]
    # The transaction was rolled back cleanly: the next request works.
    assert (
        client.get(f"/probe/organizations/{keys.org_a_id}", headers=keys.admin).status_code == 200
    )
