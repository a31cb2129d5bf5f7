from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, ForeignKey, String
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin


class ReferralAttribution(IdMixin, CreatedAtMixin, Base):
    """Snapshot of the source and vouches credited for a placement; never rewritten."""

    __tablename__ = "referral_attributions"

    placement_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("placements.id", ondelete="CASCADE"), unique=True
    )
    freelancer_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("freelancers.id", ondelete="CASCADE"), index=True
    )
    source_type: Mapped[str] = mapped_column(String(32))
    source_detail: Mapped[str | None] = mapped_column(String(500))
    vouches: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
