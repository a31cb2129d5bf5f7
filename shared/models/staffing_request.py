from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, IdMixin, TimestampMixin
from shared.models.enums import Engagement, RemotePreference, RequestStatus, values_check


class StaffingRequest(IdMixin, TimestampMixin, Base):
    """A client's request for IT staff."""

    __tablename__ = "staffing_requests"
    __table_args__ = (
        CheckConstraint("duration_months BETWEEN 1 AND 60", name="duration_range"),
        CheckConstraint("max_day_rate > 0 AND max_day_rate <= 10000", name="rate_range"),
        CheckConstraint(values_check("remote", RemotePreference), name="remote"),
        CheckConstraint(values_check("engagement", Engagement), name="engagement"),
        CheckConstraint(values_check("status", RequestStatus), name="status"),
        CheckConstraint("char_length(description) <= 20000", name="description_length"),
        CheckConstraint("headcount BETWEEN 1 AND 100", name="headcount_range"),
        Index("ix_staffing_requests_org_created", "organization_id", "created_at", "id"),
        # Staff list every organisation's requests newest first (keyset on created_at, id).
        Index("ix_staffing_requests_created", "created_at", "id"),
    )

    organization_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("organizations.id", ondelete="RESTRICT")
    )
    created_by_key_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("api_keys.id", ondelete="SET NULL")
    )
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    start_date: Mapped[date] = mapped_column(Date)
    duration_months: Mapped[int] = mapped_column(Integer)
    max_day_rate: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    location_city: Mapped[str | None] = mapped_column(String(120))
    location_country: Mapped[str | None] = mapped_column(String(2))
    remote: Mapped[str] = mapped_column(String(16))
    languages: Mapped[list[str]] = mapped_column(ARRAY(String(2)), default=list)
    engagement: Mapped[str] = mapped_column(String(16), default=Engagement.freelance.value)
    status: Mapped[str] = mapped_column(String(16), default=RequestStatus.open.value, index=True)
    # How many people the client needs; the request is filled when that many are placed.
    headcount: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
