from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base

EXTRACTED_STATUSES = ("extracted", "dismissed")


class FreelancerExtractedSkill(Base):
    """A skill read from a profile's free text (summary, CV), kept apart from confirmed skills.

    `evidence` lists where the text names it: [{"field", "start", "end", "text"}]. A dismissed
    row stays so that re-extraction does not bring it back; confirming moves the skill into
    `freelancer_skills` and deletes this row.
    """

    __tablename__ = "freelancer_extracted_skills"
    __table_args__ = (
        CheckConstraint("status IN ('extracted', 'dismissed')", name="status"),
        CheckConstraint("years IS NULL OR (years >= 0 AND years <= 60)", name="years_range"),
    )

    freelancer_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("freelancers.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("skills.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    years: Mapped[float | None] = mapped_column(Float)
    mentions: Mapped[int] = mapped_column(Integer, default=1)
    evidence: Mapped[list[dict[str, Any]]] = mapped_column(JSONB, default=list)
    status: Mapped[str] = mapped_column(String(16), default="extracted")
    created_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now(), nullable=False
    )
