"""GET /v1/audit (admin): who read or changed personal data, newest first.

Served by intake for the whole system: every service writes the one `audit_log` table through
`shared/audit.py`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy import select, tuple_

from services.intake.audit.schemas import AuditEvent, AuditPage
from shared.auth.deps import AdminPrincipal
from shared.db.session import SessionDep
from shared.errors import field_error
from shared.models import AuditEntry
from shared.pagination import decode_cursor, encode_cursor

router = APIRouter(tags=["audit"])


@router.get("/v1/audit", response_model=AuditPage)
def list_audit_events(
    session: SessionDep,
    principal: AdminPrincipal,
    actor: Annotated[int | None, Query(ge=1, description="API key id of the actor")] = None,
    subject_type: Annotated[
        str | None, Query(max_length=64, description="freelancer, contact, …")
    ] = None,
    subject_id: Annotated[str | None, Query(max_length=64)] = None,
    action: Annotated[str | None, Query(max_length=32, description="read, create, …")] = None,
    from_: Annotated[datetime | None, Query(alias="from")] = None,
    to: Annotated[datetime | None, Query()] = None,
    cursor: str | None = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> AuditPage:
    """Audit events matching every filter given; `from`/`to` bound the time (inclusive)."""
    for name, value in (("from", from_), ("to", to)):
        if value is not None and value.tzinfo is None:
            raise field_error(name, "give a time zone, e.g. 2026-12-01T00:00:00Z")
    query = select(AuditEntry)
    if actor is not None:
        query = query.where(AuditEntry.api_key_id == actor)
    if subject_type is not None:
        query = query.where(AuditEntry.entity == subject_type)
    if subject_id is not None:
        query = query.where(AuditEntry.entity_id == subject_id)
    if action is not None:
        query = query.where(AuditEntry.action == action)
    if from_ is not None:
        query = query.where(AuditEntry.created_at >= from_)
    if to is not None:
        query = query.where(AuditEntry.created_at <= to)
    if cursor is not None:
        at, last_id = decode_cursor(cursor, length=2)
        try:
            position = (datetime.fromisoformat(str(at)), int(last_id))
        except (TypeError, ValueError):
            raise field_error("cursor", "not a cursor returned by this endpoint") from None
        query = query.where(tuple_(AuditEntry.created_at, AuditEntry.id) < position)
    rows = session.scalars(
        query.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc()).limit(limit + 1)
    ).all()
    page = rows[:limit]
    next_cursor = (
        encode_cursor([page[-1].created_at.isoformat(), page[-1].id]) if len(rows) > limit else None
    )
    return AuditPage(
        items=[
            AuditEvent(
                id=row.id,
                at=row.created_at,
                actor_key_id=row.api_key_id,
                actor_role=row.actor_role,
                action=row.action,
                subject_type=row.entity,
                subject_id=row.entity_id,
                endpoint=row.endpoint,
                request_id=row.request_id,
                detail=row.detail,
            )
            for row in page
        ],
        next_cursor=next_cursor,
    )
