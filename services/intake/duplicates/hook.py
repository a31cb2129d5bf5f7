"""The one call the create path makes: the created profile plus its duplicate warnings."""

from __future__ import annotations

from sqlalchemy.orm import Session

from services.intake.common.schemas import FieldWarning
from services.intake.duplicates.detect import find_duplicates, warnings_for
from services.intake.duplicates.schemas import DuplicateOut, FreelancerCreated
from services.intake.freelancers.schemas import FreelancerDetail
from shared.models import Freelancer


def with_duplicate_warnings(session: Session, created: FreelancerDetail) -> FreelancerCreated:
    freelancer = session.get_one(Freelancer, created.id)
    duplicates = find_duplicates(session, freelancer)
    body = created.model_dump(exclude={"warnings"})
    return FreelancerCreated(
        **body,
        warnings=[
            *created.warnings,
            *(
                FieldWarning(field="possible_duplicates", message=w)
                for w in warnings_for(duplicates)
            ),
        ],
        possible_duplicates=[
            DuplicateOut(id=d.id, name=d.name, email=d.email, reasons=d.reasons) for d in duplicates
        ],
    )
