from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, Float, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, IdMixin


class MatchResult(IdMixin, Base):
    """A freelancer's place in a match run, with per-feature contributions and explanation."""

    __tablename__ = "match_results"
    __table_args__ = (
        CheckConstraint("rank >= 1", name="rank_positive"),
        UniqueConstraint("run_id", "rank"),
        UniqueConstraint("run_id", "freelancer_id"),
    )

    run_id: Mapped[int] = mapped_column(BigInteger, ForeignKey("match_runs.id", ondelete="CASCADE"))
    rank: Mapped[int] = mapped_column(Integer)
    freelancer_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("freelancers.id", ondelete="CASCADE"), index=True
    )
    score: Mapped[float] = mapped_column(Float)
    contributions: Mapped[dict[str, float]] = mapped_column(JSONB, default=dict)
    explanation: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
