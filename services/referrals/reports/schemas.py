"""Report shapes (JSON; the same rows are offered as CSV)."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class FunnelRow(BaseModel):
    group: str
    added: int = Field(description="Freelancers added in the period.")
    presented: int = Field(description="Distinct freelancers presented (or placed) in the period.")
    placed: int = Field(description="Distinct freelancers placed in the period.")
    placement_rate: float | None = Field(description="placed / presented.")
    ci_low: float | None = Field(description="Wilson 95 % interval of the placement rate.")
    ci_high: float | None
    share_of_placements: float | None = Field(description="placed / all placed in the period.")


class SourcesReport(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    from_: date = Field(alias="from")
    to: date
    total: FunnelRow
    by_source: list[FunnelRow]
    by_channel: list[FunnelRow]


class ReferrerRow(BaseModel):
    referrer_contact_id: int
    name: str
    internal: bool
    network_trust: float
    active_vouches: int
    active_warnings: int = Field(description="Active 'reservations' and 'against' vouches.")
    vouched: int = Field(description="Freelancers vouched for positively (active or credited).")
    placed: int = Field(description="Of those, placed with this referrer credited.")
    placement_rate: float | None
    track_record: float = Field(description="(placed + alpha * global_rate) / (vouched + alpha)")


class ReferrersReport(BaseModel):
    global_rate: float
    alpha: float
    items: list[ReferrerRow]


class CoolingRow(BaseModel):
    internal_contact_id: int
    internal_name: str
    contact_id: int
    contact_name: str
    company: str | None
    status: Literal["cold", "cooling"] = Field(
        description="cold: below the threshold already; cooling: will be within `days`."
    )
    strength_now: float
    strength_at_horizon: float
    strength_at_last_meeting: float = Field(description="How strong the tie was when last met.")
    days_until_below: float = Field(description="0 when already cold.")
    last_met_on: date
    days_since_last_meeting: int
    interactions: int
    network_trust: float = Field(description="Trust flowing through the contact.")
    active_vouches: int = Field(description="The contact's active positive vouches.")
    credited_placements: int = Field(description="Placements credited to the contact's vouches.")
    client_requests: int = Field(
        description="Staffing requests of the contact's organisation in the last two years."
    )
    value: float = Field(description="What the tie carries; the ranking key (see README).")
    action: str = Field(description="The one thing to do: log a meeting.")


class CoolingReport(BaseModel):
    threshold: float
    days: int
    items: list[CoolingRow]
