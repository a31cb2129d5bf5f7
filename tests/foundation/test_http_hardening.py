"""Security headers, 405 with Allow, /docs and /metrics by environment, Swagger's bearer scheme,
the secret-key rule, rate limits and slowed-down key guessing."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import ValidationError

from services.intake.main import app as intake_app
from shared.app_factory import create_app
from shared.config import Settings, get_settings
from tests.foundation.probe_app import router as probe_router
from tests.support.keys import TestKeys

PROBLEM = "application/problem+json"
STRONG_SECRET = "0f" * 32


@pytest.fixture
def settings_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """Set VOUCH_* variables for one test; the cached settings follow them."""

    def apply(**values: str) -> None:
        for name, value in values.items():
            monkeypatch.setenv(f"VOUCH_{name.upper()}", value)
        get_settings.cache_clear()

    yield apply
    monkeypatch.undo()
    get_settings.cache_clear()


def _probe_app() -> FastAPI:
    return create_app(service="probe", title="Probe", routers=[probe_router])


def test_every_response_carries_security_headers(
    client_for: Callable[[FastAPI], TestClient], keys: TestKeys
) -> None:
    client = client_for(_probe_app())
    for response in (client.get("/healthz"), client.get("/probe/admin")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["x-frame-options"] == "DENY"
        assert response.headers["content-security-policy"] == "frame-ancestors 'none'"
        assert response.headers["referrer-policy"] == "no-referrer"
        # Development serves plain HTTP locally: no HSTS there.
        assert "strict-transport-security" not in response.headers


def test_production_adds_hsts_and_hides_docs_and_open_metrics(
    client_for: Callable[[FastAPI], TestClient], settings_env: Callable[..., None]
) -> None:
    settings_env(environment="production", secret_key=STRONG_SECRET)
    client = client_for(_probe_app())
    assert client.get("/healthz").headers["strict-transport-security"].startswith("max-age=")
    for path in ("/docs", "/openapi.json", "/metrics"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.headers["content-type"] == PROBLEM


def test_metrics_behind_a_token_and_docs_on_request(
    client_for: Callable[[FastAPI], TestClient], settings_env: Callable[..., None]
) -> None:
    settings_env(
        environment="production",
        secret_key=STRONG_SECRET,
        metrics_token="scrape-token",
        expose_docs="true",
    )
    client = client_for(_probe_app())
    assert client.get("/metrics").status_code == 401
    assert client.get("/metrics", headers={"Authorization": "Bearer wrong"}).status_code == 401
    scraped = client.get("/metrics", headers={"Authorization": "Bearer scrape-token"})
    assert scraped.status_code == 200 and "http_requests_total" in scraped.text
    assert client.get("/docs").status_code == 200


def test_openapi_declares_the_bearer_scheme_on_every_operation(
    client_for: Callable[[FastAPI], TestClient],
) -> None:
    schema = client_for(intake_app).get("/openapi.json").json()
    assert schema["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "An API key from `vouch keys create`.",
    }
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            expected = [] if path in ("/healthz", "/readyz") else [{"bearerAuth": []}]
            assert operation.get("security", []) == expected, (method, path)


def test_wrong_method_on_a_shadowed_fixed_path_is_405_with_allow(
    client_for: Callable[[FastAPI], TestClient], keys: TestKeys
) -> None:
    """GET /v1/freelancers/import would otherwise reach GET /v1/freelancers/{id}: 422."""
    client = client_for(intake_app)
    for method in ("GET", "PATCH", "DELETE"):
        response = client.request(method, "/v1/freelancers/import", headers=keys.manager)
        assert response.status_code == 405, (method, response.text)
        assert response.headers["allow"] == "POST"
        assert response.headers["content-type"] == PROBLEM
    # An ordinary undeclared method keeps Starlette's 405, as a problem with Allow.
    response = client.put("/v1/skills/resolve", headers=keys.manager)
    assert response.status_code == 405 and response.headers["allow"] == "GET"
    # A bad id on the parameterised route is still a validation error.
    assert client.get("/v1/freelancers/abc", headers=keys.manager).status_code == 422


@pytest.mark.parametrize("secret", ["", "short", "changeme-changeme-changeme-changeme"])
def test_placeholder_secrets_are_refused_outside_development(secret: str) -> None:
    with pytest.raises(ValidationError, match="VOUCH_SECRET_KEY"):
        Settings(environment="production", secret_key=secret)
    assert Settings(environment="development", secret_key=secret).secret_key == secret
    assert Settings(environment="production", secret_key=STRONG_SECRET).secret_key


def test_a_key_over_its_rate_limit_gets_429_with_retry_after(
    client_for: Callable[[FastAPI], TestClient],
    keys: TestKeys,
    settings_env: Callable[..., None],
) -> None:
    settings_env(rate_limit_requests="3", rate_limit_window_seconds="3600")
    client = client_for(_probe_app())
    assert [client.get("/probe/admin", headers=keys.admin).status_code for _ in range(3)] == [
        200
    ] * 3
    limited = client.get("/probe/admin", headers=keys.admin)
    assert limited.status_code == 429
    assert limited.headers["content-type"] == PROBLEM
    assert 1 <= int(limited.headers["retry-after"]) <= 3600
    # The budget is per key: another key is unaffected.
    assert client.get("/probe/admin", headers=keys.manager).status_code == 403


def test_repeated_wrong_keys_from_one_address_are_slowed_down(
    client_for: Callable[[FastAPI], TestClient],
    keys: TestKeys,
    settings_env: Callable[..., None],
) -> None:
    settings_env(auth_failure_limit="4", auth_failure_window_seconds="3600")
    client = client_for(_probe_app())
    # A source address of its own: the counters are shared by the whole test run.
    guessing = TestClient(client.app, raise_server_exceptions=False, client=("203.0.113.7", 5000))
    statuses = [
        guessing.get(
            "/probe/admin", headers={"Authorization": f"Bearer vouch_guess{n}"}
        ).status_code
        for n in range(6)
    ]
    assert statuses == [401, 401, 401, 401, 429, 429]
    blocked = guessing.get("/probe/admin", headers=keys.admin)
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) >= 1
    # Other addresses are not affected.
    assert client.get("/probe/admin", headers=keys.admin).status_code == 200
