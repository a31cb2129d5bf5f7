from __future__ import annotations

from sqlalchemy import BigInteger, Float, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base


class AttributedVouch(Base):
    """One vouch credited by a placement's attribution, copied at placement time."""

    __tablename__ = "attributed_vouches"

    attribution_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("referral_attributions.id", ondelete="CASCADE"), primary_key=True
    )
    vouch_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("vouches.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    referrer_contact_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    channel: Mapped[str] = mapped_column(String(32))
    recommendation: Mapped[str] = mapped_column(String(16))
    strength: Mapped[float] = mapped_column(Float, default=0.0)
