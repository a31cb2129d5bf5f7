"""The audit log of who read or changed personal data.

Two ways in, both in the caller's transaction (a failed request leaves no entry):
`record_access(...)` from service code, and `audited(...)`, a route dependency that records
every call of a route with its template ("GET /v1/contacts/{contact_id}") as the endpoint.
"""

from __future__ import annotations

import json
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from asgi_correlation_id import correlation_id
from fastapi import Depends, Request
from sqlalchemy import insert
from sqlalchemy.orm import Session

from shared.auth.deps import CurrentPrincipal, Principal
from shared.db.session import SessionDep
from shared.models import AuditEntry

ACTIONS = {"GET": "read", "POST": "create", "PATCH": "update", "PUT": "update", "DELETE": "delete"}
# Path parameters that name a person; an audit row about them is found by subject type and id.
SUBJECT_PARAMS = (("freelancer_id", "freelancer"), ("contact_id", "contact"))

# Built once (its compiled form is cached): audited routes add a row on every call. Against
# the table, not the entity: the ORM's bulk-insert path added ~0.2 ms of Python per row.
_INSERT_ENTRY = insert(AuditEntry.__table__)  # type: ignore[arg-type]
_endpoint: ContextVar[str | None] = ContextVar("vouch_audit_endpoint", default=None)


def endpoint_of(request: Request) -> str:
    route = request.scope.get("route")
    template = getattr(route, "path", None) or request.url.path
    return f"{request.method} {template}"[:300]


def _entry(
    *,
    principal: Principal | None,
    action: str,
    entity: str,
    entity_id: int | str | None,
    detail: dict[str, Any] | None,
    endpoint: str | None,
) -> dict[str, Any]:
    return {
        "api_key_id": principal.key_id if principal else None,
        "actor_role": principal.role.value if principal else "system",
        "action": action,
        "entity": entity,
        "entity_id": None if entity_id is None else str(entity_id)[:64],
        "request_id": correlation_id.get(),
        "endpoint": endpoint or _endpoint.get(),
        "detail": detail or {},
    }


def record_access(
    session: Session,
    *,
    principal: Principal | None,
    action: str,
    entity: str,
    entity_id: int | str | None = None,
    detail: dict[str, Any] | None = None,
    endpoint: str | None = None,
) -> None:
    """Add one audit row in the caller's transaction; `principal` None means the system."""
    session.execute(
        _INSERT_ENTRY,
        _entry(
            principal=principal,
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
            endpoint=endpoint,
        ),
    )


async def remember_endpoint(request: Request) -> None:
    """Router dependency: `record_access` calls made while serving the route name it."""
    _endpoint.set(endpoint_of(request))


def _subject(request: Request, entity: str) -> tuple[str, str | None]:
    params = request.path_params
    for name, subject in SUBJECT_PARAMS:
        if name in params:
            return subject, str(params[name])
    ids = [str(value) for key, value in params.items() if key.endswith("_id")]
    return entity, ids[0] if ids else None


def _route_entry(request: Request, principal: Principal, entity: str) -> dict[str, Any]:
    subject, subject_id = _subject(request, entity)
    query = {key: value[:200] for key, value in request.query_params.items()}
    return _entry(
        principal=principal,
        action=ACTIONS.get(request.method, request.method.lower()),
        entity=subject,
        entity_id=subject_id,
        detail={"query": query} if query else {},
        endpoint=endpoint_of(request),
    )


def audited(entity: str) -> Any:
    """Route dependency: record who called the route, on whom, and through which endpoint.

    The subject is the freelancer or contact named in the path, else `entity` with the path's
    id. Lists record their filters, not the people listed.
    """

    def dependency(request: Request, session: SessionDep, principal: CurrentPrincipal) -> None:
        session.execute(_INSERT_ENTRY, _route_entry(request, principal, entity))

    return Depends(dependency)


# The row `audited` writes, as a CTE a hot endpoint puts in front of the one statement it sends
# anyway (`WITH audit_entry AS (...) INSERT ...`): same row, same transaction, one round trip
# and one thread-pool hop fewer. The endpoint must send that statement whenever it succeeds.
AUDIT_ENTRY_CTE = (
    "audit_entry AS (INSERT INTO audit_log (api_key_id, actor_role, action, entity, entity_id,"
    " request_id, endpoint, detail) VALUES (:audit_api_key_id, :audit_actor_role,"
    " :audit_action, :audit_entity, :audit_entity_id, :audit_request_id, :audit_endpoint,"
    " CAST(:audit_detail AS jsonb)))"
)


@dataclass(frozen=True)
class PendingAudit:
    """An audited route's row, to be written with `AUDIT_ENTRY_CTE` and `parameters`."""

    entry: dict[str, Any]

    @property
    def parameters(self) -> dict[str, Any]:
        return {
            f"audit_{key}": json.dumps(value) if key == "detail" else value
            for key, value in self.entry.items()
        }


def audited_in_statement(entity: str) -> Any:
    """Like `audited`, for a route that writes the row itself in its own statement: the
    dependency only builds it (no I/O, so no hop to the thread pool)."""

    async def dependency(request: Request, principal: CurrentPrincipal) -> PendingAudit:
        return PendingAudit(_route_entry(request, principal, entity))

    return Depends(dependency)
