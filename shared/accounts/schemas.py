"""Shapes of the accounts API: sessions, users, organisations."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field, StringConstraints

from shared.models.enums import Role

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class SessionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # A look-up key, not a new address: no deliverability rules here.
    email: str = Field(min_length=3, max_length=320)
    password: str = Field(min_length=1, max_length=1000)


class UserRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    email: str | None
    role: Role
    organization_id: int | None
    active: bool
    created_at: datetime | None


class SessionRead(BaseModel):
    token: str = Field(description="Send as 'Authorization: Bearer <token>'; shown once.")
    expires_at: datetime
    user: UserRead


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: EmailStr
    name: Name
    role: Role = Role.account_manager
    password: str | None = Field(
        default=None,
        min_length=10,
        max_length=200,
        description="Leave out to get a one-time password in the response.",
    )


class UserCreated(BaseModel):
    user: UserRead
    password: str | None = Field(description="The one-time password, when one was generated.")


class PasswordReset(BaseModel):
    user: UserRead
    password: str = Field(description="The new one-time password; shown once.")


class UserPage(BaseModel):
    items: list[UserRead]


class OrganizationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Name
    with_api_key: bool = Field(default=True, description="Also issue a client API key.")


class OrganizationRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    created_at: datetime
    active_keys: int = 0


class OrganizationCreated(BaseModel):
    organization: OrganizationRead
    api_key: str | None = Field(
        description="The client API key; shown once, only its hash is kept."
    )


class ClientKeyCreated(BaseModel):
    organization_id: int
    key_id: int
    api_key: str


class OrganizationPage(BaseModel):
    items: list[OrganizationRead]
