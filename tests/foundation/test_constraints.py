"""The database itself refuses bad data, whatever the application does."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from shared.models import (
    Freelancer,
    FreelancerSkill,
    Organization,
    Placement,
    Skill,
    StaffingRequest,
)


def _freelancer(session: Session, **overrides: object) -> Freelancer:
    values: dict[str, object] = {
        "name": "Ada Example",
        "email": f"ada{datetime.now().timestamp()}@example.org",
        "day_rate": Decimal("800"),
        "consent_given_at": datetime.now(UTC),
        "consent_method": "signed form",
        "engagement": ["freelance"],
    }
    values.update(overrides)
    freelancer = Freelancer(**values)
    session.add(freelancer)
    session.flush()
    return freelancer


def _refused(session: Session, action: Callable[[], object]) -> None:
    savepoint = session.begin_nested()
    with pytest.raises(IntegrityError):
        action()
        session.flush()
    savepoint.rollback()


def test_skill_level_six_is_refused(session: Session) -> None:
    freelancer = _freelancer(session)
    skill = Skill(slug="constraint-probe", name="Constraint Probe", category="test")
    session.add(skill)
    session.flush()
    _refused(
        session,
        lambda: session.add(
            FreelancerSkill(freelancer_id=freelancer.id, skill_id=skill.id, level=6, raw_name="x")
        ),
    )


def test_negative_rate_is_refused(session: Session) -> None:
    _refused(session, lambda: _freelancer(session, day_rate=Decimal("-1")))


def test_placement_ending_before_start_is_refused(session: Session) -> None:
    organization = Organization(name="Constraint Org")
    session.add(organization)
    session.flush()
    request = StaffingRequest(
        organization_id=organization.id,
        title="Backend developer",
        start_date=date(2027, 1, 1),
        duration_months=6,
        max_day_rate=Decimal("900"),
        remote="remote",
    )
    freelancer = _freelancer(session)
    session.add(request)
    session.flush()
    _refused(
        session,
        lambda: session.add(
            Placement(
                request_id=request.id,
                freelancer_id=freelancer.id,
                start_date=date(2027, 2, 1),
                end_date=date(2027, 1, 15),
                day_rate=Decimal("850"),
            )
        ),
    )


def test_profile_without_consent_is_refused(session: Session) -> None:
    _refused(session, lambda: _freelancer(session, consent_given_at=None))


def test_request_with_duration_out_of_range_is_refused(session: Session) -> None:
    organization = Organization(name="Constraint Org 2")
    session.add(organization)
    session.flush()
    _refused(
        session,
        lambda: session.add(
            StaffingRequest(
                organization_id=organization.id,
                title="x",
                start_date=date(2027, 1, 1),
                duration_months=61,
                max_day_rate=Decimal("900"),
                remote="remote",
            )
        ),
    )
