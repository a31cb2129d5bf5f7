"""Interactions: two contacts met, called or wrote, on a day, through a channel."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from shared.models.enums import Channel
from shared.strict_types import StrictDate, StrictInt


class InteractionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    contact_a_id: StrictInt = Field(gt=0)
    contact_b_id: StrictInt = Field(gt=0)
    channel: Channel
    occurred_on: StrictDate
    context: str | None = Field(
        default=None, max_length=300, description="The event or project, e.g. 'JavaLand 2026'."
    )


class InteractionRead(BaseModel):
    """Stored with the smaller contact id first."""

    id: int
    contact_a_id: int
    contact_b_id: int
    channel: Channel
    occurred_on: date
    context: str | None
    created_at: datetime


class ContactInteraction(InteractionRead):
    other_contact_id: int
    other_contact_name: str


class ContactInteractionPage(BaseModel):
    items: list[ContactInteraction]
    next_cursor: str | None
