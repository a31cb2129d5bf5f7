"""FastAPI dependencies: who is calling (`CurrentPrincipal`) and `require_role(...)`."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import Depends, Request
from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from shared.auth import rate_limit
from shared.auth.keys import hash_key
from shared.config import get_settings
from shared.db.session import SessionDep
from shared.errors import Forbidden, NotFound, Unauthorized
from shared.models import ApiKey
from shared.models.enums import Role

_CHALLENGE = {"WWW-Authenticate": "Bearer"}


@dataclass(frozen=True)
class Principal:
    key_id: int
    role: Role
    organization_id: int | None
    user_id: int | None

    @property
    def is_client(self) -> bool:
        return self.role is Role.client

    @property
    def is_staff(self) -> bool:
        return self.role in (Role.account_manager, Role.admin)

    def ensure_can_see(self, organization_id: int, *, what: str = "resource") -> None:
        """A client only sees its own organisation; 404 (not 403) so ids do not leak."""
        if self.is_client and self.organization_id != organization_id:
            raise NotFound(f"No {what} with this id.")


# Built once: this runs on every request.
_ACTIVE_KEY = select(ApiKey.id, ApiKey.role, ApiKey.organization_id, ApiKey.user_id).where(
    ApiKey.key_hash == bindparam("key_hash"),
    ApiKey.revoked_at.is_(None),
    or_(ApiKey.expires_at.is_(None), ApiKey.expires_at > func.clock_timestamp()),
)


def _known_key(session: Session, token: str) -> bool:
    return session.scalar(select(ApiKey.id).where(ApiKey.key_hash == hash_key(token))) is not None


def get_principal(request: Request, session: SessionDep) -> Principal:
    """The caller's key, checked against failed-login and per-key rate limits."""
    settings = get_settings()
    address = request.client.host if request.client else "unknown"
    failures = {
        "limit": settings.auth_failure_limit,
        "window_seconds": settings.auth_failure_window_seconds,
    }
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if not header:
        raise Unauthorized(
            "Send your API key as 'Authorization: Bearer <key>'.", headers=_CHALLENGE
        )
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized(
            "Use the Bearer scheme: 'Authorization: Bearer <key>'.", headers=_CHALLENGE
        )
    row = session.execute(_ACTIVE_KEY, {"key_hash": hash_key(token.strip())}).first()
    if row is None:
        # A source address guessing keys is refused whether or not this guess was right.
        rate_limit.refuse_if_blocked(address, **failures)
        # Only a key that never existed is a guess; an expired console session or a revoked
        # key must not block the address (the console calls from one address for everyone).
        if not _known_key(session, token.strip()):
            rate_limit.record_failure(address, **failures)
        raise Unauthorized("This API key is unknown, expired or revoked.", headers=_CHALLENGE)
    # One round trip: a blocked address is refused even with a valid key, then the key's
    # request is counted against its limit.
    rate_limit.admit(
        row.id,
        address,
        limit=settings.rate_limit_requests,
        window_seconds=settings.rate_limit_window_seconds,
        failure_limit=settings.auth_failure_limit,
        failure_window_seconds=settings.auth_failure_window_seconds,
    )
    principal = Principal(
        key_id=row.id, role=Role(row.role), organization_id=row.organization_id, user_id=row.user_id
    )
    request.state.principal = principal
    return principal


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


def require_role(*roles: Role) -> Callable[[Principal], Coroutine[Any, Any, Principal]]:
    """Dependency factory: the caller must hold one of `roles` (admins pass every check)."""
    allowed = {*roles, Role.admin}

    # async: no I/O here, so no hop to the thread pool on every request.
    async def dependency(principal: CurrentPrincipal) -> Principal:
        if principal.role not in allowed:
            needed = " or ".join(sorted(r.value for r in allowed))
            raise Forbidden(f"This needs the {needed} role; your key is {principal.role.value}.")
        return principal

    return dependency


AnyRole = Annotated[Principal, Depends(get_principal)]
StaffPrincipal = Annotated[Principal, Depends(require_role(Role.account_manager))]
AdminPrincipal = Annotated[Principal, Depends(require_role(Role.admin))]
