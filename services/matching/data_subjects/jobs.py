"""Matching's step of subject operations (queue kind `subject_operation_matching`)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from services.matching.data_subjects import erasure
from shared.data_subjects import begin_step, finish_step

SERVICE = "matching"


def run_step(session: Session, payload: dict[str, Any]) -> None:
    operation = begin_step(session, operation_id=int(payload["operation_id"]), service=SERVICE)
    if operation is None or operation.subject_id is None:
        return
    terms = operation.scrub_terms or []
    if operation.kind == "merge" and operation.into_id is not None:
        counts = erasure.merge_freelancer(
            session, duplicate_id=operation.subject_id, into_id=operation.into_id
        )
    elif operation.subject_type == "freelancer":
        counts = erasure.erase_freelancer(session, freelancer_id=operation.subject_id, terms=terms)
    else:
        counts = erasure.erase_contact(session, terms=terms)
    finish_step(session, operation, service=SERVICE, counts=counts)
