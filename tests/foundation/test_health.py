"""/healthz and /readyz on every service."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from services.intake.main import app as intake_app
from services.matching.main import app as matching_app
from services.referrals.main import app as referrals_app
from shared.config import get_settings
from shared.db import engine as engine_module
from shared.health import expected_heads

APPS = {"intake": intake_app, "matching": matching_app, "referrals": referrals_app}


@pytest.mark.smoke
@pytest.mark.parametrize("name", sorted(APPS))
def test_every_service_is_alive_and_ready(name: str, engine: Engine) -> None:
    client = TestClient(APPS[name])
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200, ready.text
    assert ready.json()["status"] == "ready"
    assert client.get("/docs").status_code == 200
    assert ready.headers["X-Request-ID"]


def test_readyz_is_503_when_schema_is_behind(committed_engine: Engine) -> None:
    client = TestClient(intake_app)
    with committed_engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    try:
        response = client.get("/readyz")
        assert response.status_code == 503
        assert response.headers["content-type"] == "application/problem+json"
        assert "0001" in response.json()["detail"]
    finally:
        with committed_engine.begin() as connection:
            connection.execute(
                text("UPDATE alembic_version SET version_num = :v"),
                {"v": next(iter(expected_heads()))},
            )


def test_readyz_is_503_when_database_is_unreachable(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1:1/nowhere")
    get_settings.cache_clear()
    engine_module.get_engine.cache_clear()
    try:
        response = TestClient(referrals_app).get("/readyz")
        assert response.status_code == 503
        assert response.json()["title"] == "Service unavailable"
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
        engine_module.get_engine.cache_clear()
