from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, CheckConstraint, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base


class RequestSkill(Base):
    """A canonical skill a staffing request asks for."""

    __tablename__ = "request_skills"
    __table_args__ = (
        CheckConstraint("min_level BETWEEN 1 AND 5", name="min_level_range"),
        CheckConstraint("weight > 0 AND weight <= 100", name="weight_range"),
    )

    request_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("staffing_requests.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("skills.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    must_have: Mapped[bool] = mapped_column(Boolean, default=True)
    min_level: Mapped[int] = mapped_column(Integer, default=3)
    weight: Mapped[float] = mapped_column(Float, default=1.0)
    raw_name: Mapped[str] = mapped_column(String(200))
    version: Mapped[str | None] = mapped_column(String(40))
