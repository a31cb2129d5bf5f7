from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base


class FreelancerUnrecognisedSkill(Base):
    """A skill term on a profile that the taxonomy did not know; kept, never dropped."""

    __tablename__ = "freelancer_unrecognised_skills"
    __table_args__ = (CheckConstraint("level BETWEEN 1 AND 5", name="level_range"),)

    freelancer_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("freelancers.id", ondelete="CASCADE"), primary_key=True
    )
    term_id: Mapped[int] = mapped_column(
        BigInteger,
        ForeignKey("unrecognised_terms.id", ondelete="RESTRICT"),
        primary_key=True,
        index=True,
    )
    raw_name: Mapped[str] = mapped_column(String(200))
    level: Mapped[int] = mapped_column(Integer)
    years: Mapped[float | None] = mapped_column(Float)
    last_used: Mapped[int | None] = mapped_column(Integer)
