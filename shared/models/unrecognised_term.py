from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin


class UnrecognisedTerm(IdMixin, CreatedAtMixin, Base):
    """A skill term no catalogue entry matched, kept for admins to map or add."""

    __tablename__ = "unrecognised_terms"

    key: Mapped[str] = mapped_column(String(200), unique=True)
    term: Mapped[str] = mapped_column(String(200))
    occurrences: Mapped[int] = mapped_column(Integer, default=1)
    resolved_skill_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("skills.id", ondelete="SET NULL"), index=True
    )
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
