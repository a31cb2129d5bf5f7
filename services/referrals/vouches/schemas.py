"""Vouches: a referrer's word about a freelancer, positive or negative, with history."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, model_validator

from shared.models.enums import Channel, Recommendation, VouchStatus
from shared.strict_types import StrictDate, StrictInt


class WorkedTogether(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, populate_by_name=True)

    where: str | None = Field(default=None, max_length=300, description="Company or project.")
    from_: StrictDate | None = Field(default=None, alias="from")
    to: StrictDate | None = None

    @model_validator(mode="after")
    def _ordered(self) -> WorkedTogether:
        if self.from_ is not None and self.to is not None and self.to < self.from_:
            raise ValueError("'to' must not be before 'from'")
        return self


class VouchCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    referrer_contact_id: StrictInt = Field(gt=0)
    freelancer_id: StrictInt = Field(gt=0)
    channel: Channel = Field(description="How the referrer knows the freelancer.")
    last_met_on: StrictDate
    worked_together: WorkedTogether | None = None
    recommendation: Recommendation = Recommendation.yes
    statement: str = Field(default="", max_length=5000)


class VouchRead(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: int
    referrer_contact_id: int
    referrer_name: str
    freelancer_id: int
    channel: Channel
    last_met_on: date
    worked_together: WorkedTogether | None
    recommendation: Recommendation
    statement: str
    status: VouchStatus
    created_at: datetime
    ended_at: datetime | None = Field(description="When it stopped counting; null while active.")
    supersedes_id: int | None
    superseded_by_id: int | None


class VouchList(BaseModel):
    items: list[VouchRead]
