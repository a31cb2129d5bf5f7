"""Lax coercions are refused in request bodies: `consent.given_at: 0`, `client_rating: true`,
`must_have: 1` are 422s; ISO dates, numbers and numeric CSV text still pass."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pydantic import BaseModel, ValidationError

from services.intake.freelancers.schemas import FreelancerCreate
from services.intake.main import app as intake_app
from services.intake.requests.schemas import RequestSkillIn
from services.matching.placements.schemas import PlacementCreate, PlacementUpdate
from services.referrals.contacts.schemas import ContactCreate
from services.referrals.vouches.schemas import VouchCreate
from tests.support.keys import TestKeys

FREELANCER = {
    "name": "Jan Novak",
    "email": "jan@example.org",
    "consent": {"given_at": "2026-01-15T10:00:00Z", "method": "signed form"},
}
PLACEMENT = {"request_id": 1, "freelancer_id": 2, "start_date": "2026-03-01", "day_rate": 800}
VOUCH = {"referrer_contact_id": 1, "freelancer_id": 2, "channel": "in_person"}


@pytest.mark.parametrize(
    ("model", "body", "field"),
    [
        (FreelancerCreate, {**FREELANCER, "consent": {"given_at": 0, "method": "x"}}, "given_at"),
        (FreelancerCreate, {**FREELANCER, "available_from": 20260301}, "available_from"),
        (FreelancerCreate, {**FREELANCER, "day_rate": True}, "day_rate"),
        (PlacementCreate, {**PLACEMENT, "client_rating": True}, "client_rating"),
        (PlacementUpdate, {"client_rating": False}, "client_rating"),
        (PlacementCreate, {**PLACEMENT, "start_date": 0}, "start_date"),
        (RequestSkillIn, {"name": "Python", "must_have": 1}, "must_have"),
        (RequestSkillIn, {"name": "Python", "min_level": True}, "min_level"),
        (ContactCreate, {"name": "Anna", "internal": 1}, "internal"),
        (VouchCreate, {**VOUCH, "last_met_on": 1735689600}, "last_met_on"),
        (
            VouchCreate,
            {**VOUCH, "last_met_on": "2026-01-01", "freelancer_id": True},
            "freelancer_id",
        ),
    ],
)
def test_lax_coercions_are_refused(
    model: type[BaseModel], body: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        model.model_validate(body)
    assert field in {str(part) for error in refused.value.errors() for part in error["loc"]}


def test_legitimate_json_and_csv_text_still_pass() -> None:
    freelancer = FreelancerCreate.model_validate(
        {**FREELANCER, "available_from": "2026-03-01", "day_rate": "850.50"}
    )
    assert freelancer.available_from == date(2026, 3, 1)
    assert str(freelancer.day_rate) == "850.50"
    placement = PlacementCreate.model_validate({**PLACEMENT, "client_rating": 4})
    assert placement.client_rating == 4 and placement.start_date == date(2026, 3, 1)
    assert RequestSkillIn.model_validate({"name": "Go", "must_have": False, "min_level": "4"})
    assert ContactCreate.model_validate({"name": "Anna", "internal": True}).internal


def test_api_answers_422_naming_the_field(
    client_for: Callable[[FastAPI], TestClient], keys: TestKeys
) -> None:
    intake = client_for(intake_app)
    response = intake.post(
        "/v1/freelancers",
        json={**FREELANCER, "consent": {"given_at": 0, "method": "signed form"}},
        headers=keys.manager,
    )
    assert response.status_code == 422, response.text
    assert [e["field"] for e in response.json()["errors"]] == ["consent.given_at"]
