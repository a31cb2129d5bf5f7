"""Placement shapes."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from pydantic import BaseModel, ConfigDict, Field

from shared.models.enums import PlacementOutcome
from shared.strict_types import StrictDate, StrictDecimal, StrictInt


class PlacementCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    request_id: StrictInt = Field(ge=1)
    freelancer_id: StrictInt = Field(ge=1)
    start_date: StrictDate
    end_date: StrictDate | None = None
    day_rate: StrictDecimal = Field(gt=0, le=10000, max_digits=10, decimal_places=2)
    outcome: PlacementOutcome = PlacementOutcome.ongoing
    client_rating: StrictInt | None = Field(default=None, ge=1, le=5)


class PlacementUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    end_date: StrictDate | None = None
    outcome: PlacementOutcome | None = None
    client_rating: StrictInt | None = Field(default=None, ge=1, le=5)


class PlacementRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    request_id: int
    freelancer_id: int
    start_date: date
    end_date: date | None
    day_rate: Decimal
    outcome: PlacementOutcome
    client_rating: int | None
    created_by_key_id: int | None
    created_at: datetime
