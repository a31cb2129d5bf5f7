from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, Float, ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base


class SkillRelation(Base):
    """Partial credit: having `skill_id` counts `weight` towards `related_skill_id`."""

    __tablename__ = "skill_relations"
    __table_args__ = (
        CheckConstraint("weight > 0 AND weight <= 1", name="weight_range"),
        CheckConstraint("skill_id <> related_skill_id", name="not_self"),
    )

    skill_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True
    )
    related_skill_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    weight: Mapped[float] = mapped_column(Float, default=0.5)
