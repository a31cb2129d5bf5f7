"""The one call the create path makes: the created profile plus its duplicate warnings."""

from __future__ import annotations

from sqlalchemy.orm import Session

from services.intake.duplicates.detect import find_duplicates, warnings_for
from services.intake.duplicates.schemas import DuplicateOut, FreelancerCreated
from services.intake.freelancers.schemas import FreelancerRead
from shared.models import Freelancer


def with_duplicate_warnings(session: Session, created: FreelancerRead) -> FreelancerCreated:
    freelancer = session.get_one(Freelancer, created.id)
    duplicates = find_duplicates(session, freelancer)
    return FreelancerCreated(
        **created.model_dump(),
        warnings=warnings_for(duplicates),
        possible_duplicates=[
            DuplicateOut(id=d.id, name=d.name, email=d.email, reasons=d.reasons) for d in duplicates
        ],
    )
