"""Shapes of GET /v1/audit."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel


class AuditEvent(BaseModel):
    id: int
    at: datetime
    actor_key_id: int | None
    actor_role: str | None
    action: str
    subject_type: str
    subject_id: str | None
    endpoint: str | None
    request_id: str | None
    detail: dict[str, Any]


class AuditPage(BaseModel):
    items: list[AuditEvent]
    next_cursor: str | None
