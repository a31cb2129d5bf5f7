from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base


class FreelancerSkill(Base):
    """A canonical skill on a freelancer's profile, with level, years and last year used."""

    __tablename__ = "freelancer_skills"
    __table_args__ = (
        CheckConstraint("level BETWEEN 1 AND 5", name="level_range"),
        CheckConstraint("years IS NULL OR (years >= 0 AND years <= 60)", name="years_range"),
        CheckConstraint(
            "last_used IS NULL OR (last_used >= 1950 AND last_used <= 2100)", name="last_used_range"
        ),
    )

    freelancer_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("freelancers.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("skills.id", ondelete="RESTRICT"), primary_key=True, index=True
    )
    level: Mapped[int] = mapped_column(Integer)
    years: Mapped[float | None] = mapped_column(Float)
    last_used: Mapped[int | None] = mapped_column(Integer)
    raw_name: Mapped[str] = mapped_column(String(200))
    version: Mapped[str | None] = mapped_column(String(40))
