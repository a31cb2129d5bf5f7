from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, CheckConstraint, ForeignKey, Index, String, Text, false
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin
from shared.models.enums import Decision, values_check


class Review(IdMixin, CreatedAtMixin, Base):
    """An account manager's decision on a candidate for a request; the ranker's labels."""

    __tablename__ = "reviews"
    __table_args__ = (
        CheckConstraint(values_check("decision", Decision), name="decision"),
        CheckConstraint(
            "feature_source IS NULL OR feature_source IN ('match_run', 'decision_time', 'mixed')",
            name="feature_source",
        ),
        CheckConstraint(
            "decision NOT IN ('rejected', 'declined') OR char_length(coalesce(reason, '')) > 0",
            name="reason_required",
        ),
        Index("ix_reviews_request_freelancer", "request_id", "freelancer_id", "created_at"),
    )

    request_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("staffing_requests.id", ondelete="CASCADE")
    )
    freelancer_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("freelancers.id", ondelete="CASCADE"), index=True
    )
    decision: Mapped[str] = mapped_column(String(16))
    reason: Mapped[str | None] = mapped_column(Text)
    # Decisions are made by a person: the key (and its user) that recorded it.
    reviewer_key_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("api_keys.id", ondelete="RESTRICT")
    )
    # Presented without having been ranked for the request: on purpose, with a reason.
    added_manually: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    match_run_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("match_runs.id", ondelete="SET NULL")
    )
    # Point-in-time training input: the feature values the ranker saw for this pair (by
    # registry name, plus must_have_missing), from the match run that showed the candidate or
    # computed when the decision was recorded; None for decisions recorded before 0012.
    feature_values: Mapped[dict[str, float] | None] = mapped_column(JSONB)
    feature_source: Mapped[str | None] = mapped_column(String(16))
