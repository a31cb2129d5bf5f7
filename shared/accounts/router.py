"""/v1/sessions, /v1/users, /v1/organizations: sign-in for the console, people, client orgs.

Mounted by the intake service. Secrets (one-time passwords, client keys) are in the first
response only: an Idempotency-Key replay returns the same record with the secret left out.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse, Response

from shared.accounts import service
from shared.accounts.schemas import (
    ClientKeyCreated,
    OrganizationCreate,
    OrganizationCreated,
    OrganizationPage,
    OrganizationRead,
    PasswordReset,
    SessionCreate,
    SessionRead,
    UserCreate,
    UserCreated,
    UserPage,
    UserRead,
)
from shared.auth.deps import AdminPrincipal, AnyRole, StaffPrincipal
from shared.db.session import SessionDep
from shared.errors import problem_response
from shared.idempotency import Idempotency, IdempotencyDep
from shared.models import User

router = APIRouter(tags=["accounts"])

SECRET_NOTE = "shown only in the first response; reset or issue a new one if it was lost"


def user_read(user: User) -> UserRead:
    return UserRead(
        id=user.id,
        name=user.name,
        email=user.email,
        role=user.role,
        organization_id=user.organization_id,
        active=user.deactivated_at is None,
        created_at=user.created_at,
    )


def _respond_once(idem: Idempotency, body: dict[str, Any], secret_field: str) -> JSONResponse:
    """Store a replayable copy without the secret; return the real one."""
    idem.respond({**body, secret_field: None, "note": SECRET_NOTE}, status_code=201)
    return JSONResponse(body, status_code=201)


@router.post(
    "/v1/sessions",
    response_model=SessionRead,
    status_code=201,
    responses={401: {}, 429: {"description": "Too many failed sign-ins; see Retry-After."}},
)
def create_session(body: SessionCreate, session: SessionDep) -> Response:
    """Sign in with e-mail and password; answers a bearer token that expires."""
    outcome = service.sign_in(session, email=str(body.email), password=body.password)
    # Answer without raising, so the failed attempt is counted (the transaction commits).
    if outcome.retry_after is not None:
        return problem_response(
            status=429,
            title="Too many failed sign-ins",
            detail=f"Five sign-ins failed for this account; try again in {outcome.retry_after} s.",
            type_slug="too-many-sign-ins",
            headers={"Retry-After": str(outcome.retry_after)},
        )
    if outcome.user is None or outcome.key is None or outcome.expires_at is None:
        return problem_response(
            status=401,
            title="Unauthorized",
            detail="E-mail or password is wrong, or the account is deactivated.",
            type_slug="unauthorized",
        )
    read = SessionRead(
        token=outcome.key.raw_key, expires_at=outcome.expires_at, user=user_read(outcome.user)
    )
    return JSONResponse(read.model_dump(mode="json"), status_code=201)


@router.delete("/v1/sessions/current", status_code=204)
def delete_session(session: SessionDep, principal: AnyRole) -> Response:
    """Sign out: the token used for this call stops working."""
    service.sign_out(session, key_id=principal.key_id)
    return Response(status_code=204)


@router.get("/v1/users/me", response_model=UserRead)
def me(session: SessionDep, principal: AnyRole) -> UserRead:
    if principal.user_id is None:
        return UserRead(
            id=0,
            name="API key",
            email=None,
            role=principal.role,
            organization_id=principal.organization_id,
            active=True,
            created_at=None,
        )
    return user_read(service.get_user(session, user_id=principal.user_id))


@router.get("/v1/users", response_model=UserPage)
def list_users(session: SessionDep, _: AdminPrincipal) -> UserPage:
    return UserPage(items=[user_read(u) for u in service.list_users(session)])


@router.post("/v1/users", response_model=UserCreated, status_code=201)
def create_user(
    body: UserCreate, session: SessionDep, _: AdminPrincipal, idem: IdempotencyDep
) -> JSONResponse:
    """Invite a person (admin); without a password the answer carries a one-time one."""
    user, password = service.create_user(
        session, email=str(body.email), name=body.name, role=body.role, password=body.password
    )
    created = UserCreated(user=user_read(user), password=password).model_dump(mode="json")
    return _respond_once(idem, created, "password")


@router.post("/v1/users/{user_id}/deactivate", response_model=UserRead)
def deactivate_user(user_id: int, session: SessionDep, principal: AdminPrincipal) -> UserRead:
    return user_read(
        service.deactivate_user(session, user_id=user_id, acting_user_id=principal.user_id)
    )


@router.post("/v1/users/{user_id}/reactivate", response_model=UserRead)
def reactivate_user(user_id: int, session: SessionDep, _: AdminPrincipal) -> UserRead:
    return user_read(service.reactivate_user(session, user_id=user_id))


@router.post("/v1/users/{user_id}/reset-password", response_model=PasswordReset)
def reset_password(user_id: int, session: SessionDep, _: AdminPrincipal) -> PasswordReset:
    user, password = service.reset_password(session, user_id=user_id)
    return PasswordReset(user=user_read(user), password=password)


@router.get("/v1/organizations", response_model=OrganizationPage)
def list_organizations(session: SessionDep, _: StaffPrincipal) -> OrganizationPage:
    return OrganizationPage(
        items=[
            OrganizationRead(id=org.id, name=org.name, created_at=org.created_at, active_keys=count)
            for org, count in service.list_organizations(session)
        ]
    )


@router.post("/v1/organizations", response_model=OrganizationCreated, status_code=201)
def create_organization(
    body: OrganizationCreate, session: SessionDep, _: StaffPrincipal, idem: IdempotencyDep
) -> JSONResponse:
    """A client organisation and (by default) its first API key, shown once."""
    organization = service.create_organization(session, name=body.name)
    raw_key = None
    if body.with_api_key:
        raw_key = service.issue_client_key(session, organization_id=organization.id).raw_key
    created = OrganizationCreated(
        organization=OrganizationRead(
            id=organization.id,
            name=organization.name,
            created_at=organization.created_at,
            active_keys=1 if raw_key else 0,
        ),
        api_key=raw_key,
    ).model_dump(mode="json")
    return _respond_once(idem, created, "api_key")


@router.post(
    "/v1/organizations/{organization_id}/keys", response_model=ClientKeyCreated, status_code=201
)
def create_client_key(
    organization_id: int, session: SessionDep, _: StaffPrincipal, idem: IdempotencyDep
) -> JSONResponse:
    issued = service.issue_client_key(session, organization_id=organization_id)
    created = ClientKeyCreated(
        organization_id=organization_id, key_id=issued.id, api_key=issued.raw_key
    ).model_dump(mode="json")
    return _respond_once(idem, created, "api_key")
