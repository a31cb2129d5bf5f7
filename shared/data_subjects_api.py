"""HTTP pieces every data-subject endpoint shares: operation status and JSON row dumps."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel
from sqlalchemy import text
from sqlalchemy.orm import Session

from shared.auth.deps import AdminPrincipal
from shared.db.session import SessionDep
from shared.errors import NotFound
from shared.models import SubjectOperation


class OperationRead(BaseModel):
    operation_id: int
    kind: str
    subject_type: str
    subject_id: int | None
    into_id: int | None
    status: str
    steps: list[str]
    done_steps: list[str]
    requested_at: datetime
    completed_at: datetime | None
    summary: dict[str, Any]
    status_url: str


def operation_read(operation: SubjectOperation) -> OperationRead:
    return OperationRead(
        operation_id=operation.id,
        kind=operation.kind,
        subject_type=operation.subject_type,
        subject_id=operation.subject_id,
        into_id=operation.into_id,
        status="completed" if operation.completed_at else "pending",
        steps=list(operation.steps),
        done_steps=list(operation.done_steps),
        requested_at=operation.created_at,
        completed_at=operation.completed_at,
        summary=operation.summary,
        status_url=f"/v1/data-subjects/operations/{operation.id}",
    )


router = APIRouter(tags=["data subjects"])


@router.get("/v1/data-subjects/operations/{operation_id}", response_model=OperationRead)
def get_operation(
    operation_id: int, session: SessionDep, principal: AdminPrincipal
) -> OperationRead:
    """Progress of an erasure or merge: the steps done so far; `completed` when all are."""
    operation = session.get(SubjectOperation, operation_id)
    if operation is None:
        raise NotFound(f"No data-subject operation {operation_id}.")
    return operation_read(operation)


def json_rows(session: Session, sql: str, params: dict[str, Any]) -> list[Any]:
    """Every column of the selected rows as JSON (`sql` selects one jsonb value per row)."""
    return [row[0] for row in session.execute(text(sql), params)]
