"""The audit log of who read or changed personal data."""

from __future__ import annotations

from typing import Any

from asgi_correlation_id import correlation_id
from sqlalchemy import insert
from sqlalchemy.orm import Session

from shared.auth.deps import Principal
from shared.models import AuditEntry


def record_access(
    session: Session,
    *,
    principal: Principal,
    action: str,
    entity: str,
    entity_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    """Add one audit row in the caller's transaction (a failed change leaves no entry)."""
    session.execute(
        insert(AuditEntry).values(
            api_key_id=principal.key_id,
            actor_role=principal.role.value,
            action=action,
            entity=entity,
            entity_id=None if entity_id is None else str(entity_id),
            request_id=correlation_id.get(),
            detail=detail or {},
        )
    )
