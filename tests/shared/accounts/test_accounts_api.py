"""Accounts API: sign-in with a slow-down, sessions that end, people and organisations."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from services.intake.main import app as intake_app
from shared.accounts.passwords import verify_password
from shared.accounts.service import create_user, sign_in
from shared.models import ApiKey, User
from shared.models.enums import Role
from tests.support.keys import TestKeys, bearer

PASSWORD = "correct horse battery"


@pytest.fixture
def intake(client_for: Callable[[FastAPI], TestClient]) -> TestClient:
    return client_for(intake_app)


@pytest.fixture
def manager_user(session: Session) -> User:
    user, _ = create_user(
        session,
        email="anna@agency.example",
        name="Anna",
        role=Role.account_manager,
        password=PASSWORD,
    )
    return user


def _sign_in(intake: TestClient, password: str = PASSWORD) -> object:
    return intake.post("/v1/sessions", json={"email": "Anna@agency.example", "password": password})


def test_password_is_stored_as_argon2_hash(manager_user: User) -> None:
    assert manager_user.password_hash is not None
    assert manager_user.password_hash.startswith("$argon2id$")
    assert PASSWORD not in manager_user.password_hash
    assert verify_password(manager_user.password_hash, PASSWORD)
    assert not verify_password(manager_user.password_hash, PASSWORD + "x")


def test_sign_in_gives_a_token_that_acts_as_the_person(
    intake: TestClient, manager_user: User
) -> None:
    response = _sign_in(intake)
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["user"]["email"] == "anna@agency.example"
    assert body["user"]["role"] == "account_manager"
    me = intake.get("/v1/users/me", headers=bearer(body["token"]))
    assert me.status_code == 200
    assert me.json()["id"] == manager_user.id
    expires = datetime.fromisoformat(body["expires_at"].replace("Z", "+00:00"))
    assert timedelta(hours=7) < expires - datetime.now(UTC) <= timedelta(hours=8, minutes=1)


def test_wrong_password_is_401_problem(intake: TestClient, manager_user: User) -> None:
    response = _sign_in(intake, "wrong password")
    assert response.status_code == 401
    assert response.headers["content-type"].startswith("application/problem+json")
    assert "password" in response.json()["detail"]


def test_five_failures_in_ten_minutes_answer_429_with_retry_after(
    intake: TestClient, manager_user: User
) -> None:
    for _ in range(5):
        assert _sign_in(intake, "wrong").status_code == 401
    blocked = _sign_in(intake)  # even the right password waits
    assert blocked.status_code == 429
    assert 1 <= int(blocked.headers["Retry-After"]) <= 600
    assert blocked.json()["status"] == 429


def test_failures_older_than_the_window_do_not_count(session: Session, manager_user: User) -> None:
    start = datetime(2026, 1, 1, 9, 0, tzinfo=UTC)
    for minute in range(5):
        assert (
            sign_in(
                session,
                email=manager_user.email or "",
                password="no",
                now=start + timedelta(minutes=minute),
            ).user
            is None
        )
    later = start + timedelta(minutes=11)
    outcome = sign_in(session, email=manager_user.email or "", password=PASSWORD, now=later)
    assert outcome.user is not None and outcome.retry_after is None


def test_sign_out_ends_the_session(intake: TestClient, manager_user: User) -> None:
    token = _sign_in(intake).json()["token"]
    assert intake.delete("/v1/sessions/current", headers=bearer(token)).status_code == 204
    assert intake.get("/v1/users/me", headers=bearer(token)).status_code == 401


def test_expired_session_is_refused(
    intake: TestClient, session: Session, manager_user: User
) -> None:
    token = _sign_in(intake).json()["token"]
    session.execute(
        update(ApiKey)
        .where(ApiKey.user_id == manager_user.id)
        .values(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    )
    answer = intake.get("/v1/users/me", headers=bearer(token))
    assert answer.status_code == 401
    assert "expired" in answer.json()["detail"]


def test_admin_invites_resets_and_deactivates(
    intake: TestClient, keys: TestKeys, session: Session
) -> None:
    invited = intake.post(
        "/v1/users",
        json={"email": "ben@agency.example", "name": "Ben", "role": "account_manager"},
        headers=keys.admin,
    )
    assert invited.status_code == 201, invited.text
    one_time = invited.json()["password"]
    user_id = invited.json()["user"]["id"]
    login = intake.post("/v1/sessions", json={"email": "ben@agency.example", "password": one_time})
    assert login.status_code == 201
    token = login.json()["token"]

    reset = intake.post(f"/v1/users/{user_id}/reset-password", headers=keys.admin)
    assert reset.status_code == 200
    assert reset.json()["password"] != one_time
    assert intake.get("/v1/users/me", headers=bearer(token)).status_code == 401  # sessions end
    assert (
        intake.post(
            "/v1/sessions", json={"email": "ben@agency.example", "password": one_time}
        ).status_code
        == 401
    )

    deactivated = intake.post(f"/v1/users/{user_id}/deactivate", headers=keys.admin)
    assert deactivated.json()["active"] is False
    again = intake.post(
        "/v1/sessions", json={"email": "ben@agency.example", "password": reset.json()["password"]}
    )
    assert again.status_code == 401


def test_only_admins_manage_users(intake: TestClient, keys: TestKeys) -> None:
    assert intake.get("/v1/users", headers=keys.manager).status_code == 403
    assert (
        intake.post(
            "/v1/users", json={"email": "c@agency.example", "name": "C"}, headers=keys.manager
        ).status_code
        == 403
    )


def test_duplicate_user_email_is_409(
    intake: TestClient, keys: TestKeys, manager_user: User
) -> None:
    response = intake.post(
        "/v1/users", json={"email": "ANNA@agency.example", "name": "Anna 2"}, headers=keys.admin
    )
    assert response.status_code == 409


def test_organization_with_client_key_shown_once(
    intake: TestClient, keys: TestKeys, session: Session
) -> None:
    headers = {**keys.manager, "Idempotency-Key": "org-1"}
    created = intake.post("/v1/organizations", json={"name": "Initech"}, headers=headers)
    assert created.status_code == 201, created.text
    raw_key = created.json()["api_key"]
    assert raw_key.startswith("vouch_")
    stored = session.scalars(select(ApiKey.key_hash)).all()
    assert raw_key not in stored  # only the hash is kept

    replay = intake.post("/v1/organizations", json={"name": "Initech"}, headers=headers)
    assert replay.status_code == 201
    assert replay.json()["organization"]["id"] == created.json()["organization"]["id"]
    assert replay.json()["api_key"] is None  # the secret is not replayed

    client_me = intake.get("/v1/users/me", headers=bearer(raw_key))
    assert client_me.json()["role"] == "client"
    listed = intake.get("/v1/organizations", headers=keys.manager).json()["items"]
    assert [o["name"] for o in listed if o["name"] == "Initech"] == ["Initech"]
    assert intake.get("/v1/organizations", headers=bearer(raw_key)).status_code == 403


def test_duplicate_organization_is_409(intake: TestClient, keys: TestKeys) -> None:
    assert (
        intake.post("/v1/organizations", json={"name": "Initech"}, headers=keys.manager).status_code
        == 201
    )
    assert (
        intake.post("/v1/organizations", json={"name": "initech"}, headers=keys.manager).status_code
        == 409
    )
