from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin


class MatchRun(IdMixin, CreatedAtMixin, Base):
    """One ranking of freelancers for a request by one model version."""

    __tablename__ = "match_runs"
    __table_args__ = (Index("ix_match_runs_request_created", "request_id", "created_at"),)

    request_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("staffing_requests.id", ondelete="CASCADE")
    )
    model_version_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("model_versions.id", ondelete="SET NULL"), index=True
    )
    model_version: Mapped[str] = mapped_column(String(64))
    top_k: Mapped[int] = mapped_column(Integer)
    candidates_considered: Mapped[int] = mapped_column(Integer, default=0)
    # "api" when an account manager asked, "worker" when queued by intake.
    trigger: Mapped[str] = mapped_column(String(16), default="api")
    created_by_key_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("api_keys.id", ondelete="SET NULL")
    )
