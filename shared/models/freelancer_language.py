from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base
from shared.models.enums import LanguageLevel, values_check


class FreelancerLanguage(Base):
    """A language a freelancer speaks (ISO 639-1 code) and how well (CEFR or native)."""

    __tablename__ = "freelancer_languages"
    __table_args__ = (CheckConstraint(values_check("level", LanguageLevel), name="level"),)

    freelancer_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("freelancers.id", ondelete="CASCADE"), primary_key=True
    )
    code: Mapped[str] = mapped_column(String(2), primary_key=True, index=True)
    level: Mapped[str] = mapped_column(String(8))
