from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, Date, DateTime, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin
from shared.models.enums import Channel, Recommendation, VouchStatus, values_check


class Vouch(IdMixin, CreatedAtMixin, Base):
    """A referrer's word about a freelancer. Rows are never rewritten: a new vouch supersedes."""

    __tablename__ = "vouches"
    __table_args__ = (
        CheckConstraint(values_check("channel", Channel), name="channel"),
        CheckConstraint(values_check("recommendation", Recommendation), name="recommendation"),
        CheckConstraint(values_check("status", VouchStatus), name="status"),
        CheckConstraint(
            "worked_from IS NULL OR worked_to IS NULL OR worked_to >= worked_from",
            name="worked_period",
        ),
        Index(
            "uq_vouches_active_pair",
            "referrer_contact_id",
            "freelancer_id",
            unique=True,
            postgresql_where="status = 'active'",
        ),
    )

    referrer_contact_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    freelancer_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("freelancers.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(32))
    last_met_on: Mapped[date] = mapped_column(Date)
    worked_where: Mapped[str | None] = mapped_column(String(300))
    worked_from: Mapped[date | None] = mapped_column(Date)
    worked_to: Mapped[date | None] = mapped_column(Date)
    recommendation: Mapped[str] = mapped_column(String(16), default=Recommendation.yes.value)
    statement: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=VouchStatus.active.value)
    # When this row stopped counting (superseded or withdrawn); NULL while active.
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    supersedes_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("vouches.id", ondelete="SET NULL")
    )
    created_by_key_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("api_keys.id", ondelete="SET NULL")
    )
