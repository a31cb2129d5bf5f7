"""Report shapes (JSON; the same rows are offered as CSV)."""

from __future__ import annotations

from datetime import date

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
    strength_now: float
    strength_at_horizon: float
    days_until_below: float
    last_met_on: date
    interactions: int
    network_trust: float = Field(description="Trust flowing through the contact.")


class CoolingReport(BaseModel):
    threshold: float
    days: int
    items: list[CoolingRow]
