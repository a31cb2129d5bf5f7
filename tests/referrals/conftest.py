"""Fixtures for the referrals service: its API client and small builders of network data."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy.orm import Session

from services.referrals.main import app
from shared.models import (
    Contact,
    Freelancer,
    Interaction,
    Organization,
    Placement,
    Review,
    StaffingRequest,
    Vouch,
)
from tests.support.keys import TestKeys


@pytest.fixture
def client(client_for: Callable[[FastAPI], TestClient]) -> TestClient:
    return client_for(app)


@pytest.fixture
def make_freelancer(session: Session) -> Callable[..., Freelancer]:
    def make(name: str = "Ola Nowak", source_type: str = "referral", **extra: Any) -> Freelancer:
        freelancer = Freelancer(
            name=name,
            email=f"{uuid.uuid4().hex}@example.com",
            consent_given_at=datetime.now(UTC),
            consent_method="test",
            source_type=source_type,
            engagement=["freelance"],
            **extra,
        )
        session.add(freelancer)
        session.flush()
        return freelancer

    return make


@pytest.fixture
def make_contact(session: Session) -> Callable[..., Contact]:
    def make(name: str, *, internal: bool = False, **extra: Any) -> Contact:
        contact = Contact(name=name, internal=internal, **extra)
        session.add(contact)
        session.flush()
        return contact

    return make


@pytest.fixture
def meet(session: Session) -> Callable[..., Interaction]:
    """Record an interaction directly (smaller id first)."""

    def add(
        a: Contact, b: Contact, channel: str, occurred_on: date, context: str = ""
    ) -> Interaction:
        low, high = sorted((a.id, b.id))
        interaction = Interaction(
            contact_a_id=low,
            contact_b_id=high,
            channel=channel,
            occurred_on=occurred_on,
            context=context,
        )
        session.add(interaction)
        session.flush()
        return interaction

    return add


@pytest.fixture
def add_vouch(session: Session) -> Callable[..., Vouch]:
    """A vouch row written directly (history columns included), for report and snapshot data."""

    def add(referrer: Contact, freelancer: Freelancer, **values: Any) -> Vouch:
        values.setdefault("channel", "in_person")
        values.setdefault("last_met_on", date(2025, 1, 1))
        values.setdefault("recommendation", "yes")
        vouch = Vouch(referrer_contact_id=referrer.id, freelancer_id=freelancer.id, **values)
        session.add(vouch)
        session.flush()
        return vouch

    return add


@pytest.fixture
def make_request(session: Session) -> Callable[[], StaffingRequest]:
    def make() -> StaffingRequest:
        organization = session.query(Organization).filter_by(name="Referrals Test Org").first()
        if organization is None:
            organization = Organization(name="Referrals Test Org")
            session.add(organization)
            session.flush()
        request = StaffingRequest(
            organization_id=organization.id,
            title="Java developer",
            start_date=date(2026, 1, 1),
            duration_months=6,
            max_day_rate=Decimal("900"),
            remote="hybrid",
        )
        session.add(request)
        session.flush()
        return request

    return make


@pytest.fixture
def make_review(
    session: Session, keys: TestKeys, make_request: Callable[[], StaffingRequest]
) -> Callable[..., Review]:
    """A matching-owned review row (decision presented, interviewed, placed, …)."""

    def make(freelancer: Freelancer, decision: str, created_at: datetime) -> Review:
        review = Review(
            request_id=make_request().id,
            freelancer_id=freelancer.id,
            decision=decision,
            reviewer_key_id=keys.manager_key_id,
            created_at=created_at,
        )
        session.add(review)
        session.flush()
        return review

    return make


@pytest.fixture
def make_placement(
    session: Session, make_request: Callable[[], StaffingRequest]
) -> Callable[..., Placement]:
    """What the matching service records (inserted directly: we may not import matching)."""

    def make(freelancer: Freelancer, *, created_at: datetime | None = None) -> Placement:
        request = make_request()
        placement = Placement(
            request_id=request.id,
            freelancer_id=freelancer.id,
            start_date=date(2026, 2, 1),
            day_rate=Decimal("800"),
        )
        if created_at is not None:
            placement.created_at = created_at
        session.add(placement)
        session.flush()
        return placement

    return make
