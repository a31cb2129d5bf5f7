"""Fixtures for the intake service tests: an API client in the test's transaction, bodies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from services.intake.main import app

Body = dict[str, Any]


@pytest.fixture
def intake(client_for: Callable[..., TestClient]) -> TestClient:
    return client_for(app)


@pytest.fixture
def request_body() -> Callable[..., Body]:
    """A valid POST /v1/requests body; keyword arguments replace fields."""

    def make(**overrides: Any) -> Body:
        body: Body = {
            "title": "Platform engineer for our Kubernetes migration",
            "description": "Move 40 services from VMs to Kubernetes on Azure.",
            "skills": [
                {"name": "k8s", "must_have": True, "min_level": 4, "weight": 2},
                {"name": "Python 3.12", "must_have": True},
                {"name": "Terraform", "must_have": False, "min_level": 2},
            ],
            "start_date": (date.today() + timedelta(days=30)).isoformat(),
            "duration_months": 6,
            "max_day_rate": 950,
            "location": {"city": "Berlin", "country": "DE"},
            "remote": "hybrid",
            "languages": ["de", "en"],
            "engagement": "freelance",
        }
        body.update(overrides)
        return body

    return make


@pytest.fixture
def freelancer_body() -> Callable[..., Body]:
    """A valid POST /v1/freelancers body; keyword arguments replace fields."""

    def make(**overrides: Any) -> Body:
        body: Body = {
            "name": "Jan Berger",
            "email": "jan.berger@example.com",
            "headline": "Cloud platform engineer",
            "summary": "Ten years of Python and Kubernetes in regulated industries.",
            "skills": [
                {"name": "Python", "level": 5, "years": 10, "last_used": 2025},
                {"name": "kubernetes", "level": 4, "years": 5},
            ],
            "available_from": (date.today() + timedelta(days=14)).isoformat(),
            "day_rate": 900,
            "location": {"city": "Hamburg", "country": "DE"},
            "remote": "remote",
            "languages": [{"code": "de", "level": "native"}, {"code": "en", "level": "C1"}],
            "engagement": "either",
            "source": {"type": "referral", "detail": "Anna, ex-colleague at Otto"},
            "consent": {"given_at": "2026-01-15T10:00:00Z", "method": "signed form"},
        }
        body.update(overrides)
        return body

    return make


@pytest.fixture
def count_rows(session: Session) -> Callable[[type], int]:
    """Rows of a model's table as the test's transaction sees them."""

    def count(model: type) -> int:
        return int(session.scalar(select(func.count()).select_from(model)) or 0)

    return count
