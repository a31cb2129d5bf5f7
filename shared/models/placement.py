from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, Integer, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin
from shared.models.enums import PlacementOutcome, values_check


class Placement(IdMixin, CreatedAtMixin, Base):
    """A freelancer placed on a request."""

    __tablename__ = "placements"
    __table_args__ = (
        CheckConstraint("day_rate > 0", name="day_rate_positive"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
        CheckConstraint("client_rating IS NULL OR client_rating BETWEEN 1 AND 5", name="rating"),
        CheckConstraint(values_check("outcome", PlacementOutcome), name="outcome"),
    )

    request_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("staffing_requests.id", ondelete="RESTRICT"), index=True
    )
    # NULL once the freelancer was erased (GDPR Art. 17): the placement stays, anonymised.
    freelancer_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("freelancers.id", ondelete="RESTRICT"), index=True
    )
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    day_rate: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    outcome: Mapped[str] = mapped_column(String(32), default=PlacementOutcome.ongoing.value)
    client_rating: Mapped[int | None] = mapped_column(Integer)
    created_by_key_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("api_keys.id", ondelete="SET NULL")
    )
