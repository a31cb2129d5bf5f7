from __future__ import annotations

from datetime import date

from sqlalchemy import BigInteger, CheckConstraint, Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin
from shared.models.enums import Channel, values_check


class Interaction(IdMixin, CreatedAtMixin, Base):
    """Two contacts met (or talked); stored with the smaller contact id first."""

    __tablename__ = "interactions"
    __table_args__ = (
        CheckConstraint("contact_a_id < contact_b_id", name="ordered_pair"),
        CheckConstraint(values_check("channel", Channel), name="channel"),
        # Re-importing the same meeting must not count it twice.
        UniqueConstraint("contact_a_id", "contact_b_id", "channel", "occurred_on", "context"),
    )

    contact_a_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    contact_b_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(32))
    occurred_on: Mapped[date] = mapped_column(Date)
    # Empty string rather than NULL so the unique constraint also catches context-free repeats.
    context: Mapped[str] = mapped_column(String(300), default="", server_default="")
