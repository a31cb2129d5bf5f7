"""Contacts: people in the agency's network."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, field_validator

from shared.models.enums import LegalBasis
from shared.strict_types import StrictBool, StrictInt

ContactSort = Literal["name", "-network_trust", "-created_at"]


class ContactCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    email: EmailStr | None = Field(default=None, max_length=320)
    company: str | None = Field(default=None, max_length=200)
    internal: StrictBool = Field(
        default=False, description="One of the agency's own people: a root of trust."
    )
    freelancer_id: StrictInt | None = Field(
        default=None, gt=0, description="The freelancer this contact is, if any."
    )
    organization_id: StrictInt | None = Field(
        default=None, gt=0, description="The client organisation this contact works for."
    )
    external_ref: str | None = Field(
        default=None,
        min_length=1,
        max_length=200,
        description="Your reference (e.g. a CRM id), unique; imports can refer to it.",
    )
    notes: str = Field(default="", max_length=5000)
    legal_basis: LegalBasis = Field(
        default=LegalBasis.legitimate_interest,
        description=(
            "GDPR Art. 6(1) basis for keeping this person's data: consent, "
            "legitimate_interest (default: the agency's business network, Art. 6(1)(f)) or "
            "contract."
        ),
    )


class ContactUpdate(BaseModel):
    """Only the fields sent change; send null to clear an optional field."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: str | None = Field(default=None, min_length=1, max_length=200)
    email: EmailStr | None = Field(default=None, max_length=320)
    company: str | None = Field(default=None, max_length=200)
    internal: StrictBool | None = None
    freelancer_id: StrictInt | None = Field(default=None, gt=0)
    organization_id: StrictInt | None = Field(default=None, gt=0)
    external_ref: str | None = Field(default=None, min_length=1, max_length=200)
    notes: str | None = Field(default=None, max_length=5000)
    legal_basis: LegalBasis | None = None

    @field_validator("name", "internal", "notes", "legal_basis")
    @classmethod
    def _not_null(cls, value: object) -> object:
        if value is None:
            raise ValueError("cannot be null")
        return value


class ContactRead(BaseModel):
    id: int
    name: str
    email: str | None
    company: str | None
    internal: bool
    freelancer_id: int | None
    organization_id: int | None
    external_ref: str | None
    notes: str
    legal_basis: LegalBasis
    network_trust: float = Field(
        description=(
            "Trust reaching this contact from the agency's people through meetings and vouches,"
            " less the distrust of trusted warnings against them, log-compressed to (-1, 1):"
            " ~0.4 for someone an agency person knows well, below 0 (a stranger) when trusted"
            " people warn against them more than they vouch."
        )
    )
    trust_computed_at: datetime | None
    created_at: datetime
    updated_at: datetime


class ContactPage(BaseModel):
    items: list[ContactRead]
    next_cursor: str | None
