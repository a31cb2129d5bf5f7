from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Float, ForeignKey, func
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base


class ContactTrust(Base):
    """Network trust of a contact, computed by the referrals service."""

    __tablename__ = "contact_trust"

    contact_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    network_trust: Mapped[float] = mapped_column(Float, default=0.0, index=True)
    computed_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
