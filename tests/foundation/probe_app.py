"""A small app built with the shared factory, to test the shared machinery on its own."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select

from shared.app_factory import create_app
from shared.auth.deps import AdminPrincipal, AnyRole, StaffPrincipal
from shared.db.session import SessionDep
from shared.errors import NotFound
from shared.idempotency import IdempotencyDep
from shared.models import Organization

router = APIRouter()


class OrganizationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1, max_length=200)
    size: int = Field(default=1, ge=1)


class OrganizationRead(BaseModel):
    id: int
    name: str


@router.post("/probe/organizations", status_code=201, response_model=OrganizationRead)
def create_organization(
    body: OrganizationCreate, session: SessionDep, _: StaffPrincipal, idem: IdempotencyDep
) -> object:
    organization = Organization(name=body.name)
    session.add(organization)
    session.flush()
    return idem.respond(OrganizationRead(id=organization.id, name=organization.name))


@router.get("/probe/organizations/{organization_id}", response_model=OrganizationRead)
def read_organization(organization_id: int, session: SessionDep, who: AnyRole) -> object:
    who.ensure_can_see(organization_id, what="organisation")
    organization = session.get(Organization, organization_id)
    if organization is None:
        raise NotFound("No organisation with this id.")
    return OrganizationRead(id=organization.id, name=organization.name)


@router.get("/probe/admin")
def admin_only(_: AdminPrincipal) -> dict[str, bool]:
    return {"ok": True}


@router.get("/probe/boom")
def boom(session: SessionDep) -> None:
    session.execute(select(1))
    raise RuntimeError("secret internals: password=hunter2")


app = create_app(service="probe", title="Probe", routers=[router])
