from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, text
from sqlalchemy.dialects.postgresql import ARRAY, JSON
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin


class MatchRun(IdMixin, CreatedAtMixin, Base):
    """One ranking of freelancers for a request by one model version, with its results."""

    __tablename__ = "match_runs"
    __table_args__ = (
        Index("ix_match_runs_request_created", "request_id", "created_at"),
        Index("ix_match_runs_freelancer_ids", "freelancer_ids", postgresql_using="gin"),
    )

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
    # The results in rank order, each {rank, freelancer_id, score, contributions, explanation}:
    # one row per run, stored as the JSON text the caller was sent. Rows per result cost
    # 50 jsonb parses, four index entries and two foreign-key checks each (~6 ms of a ~10 ms
    # call at top 50); `json`, not `jsonb`, keeps the bytes as sent and skips the parse.
    # Deferred: most readers of a run need its header, not ~100 KB of explanations.
    results: Mapped[list[dict[str, Any]]] = mapped_column(
        JSON, server_default=text("'[]'::json"), deferred=True, deferred_raiseload=True
    )
    # Who the results name, for "which runs ranked this freelancer" (GIN: reviews, erasure,
    # merges, exports); kept in step with `results` by every writer.
    freelancer_ids: Mapped[list[int]] = mapped_column(
        ARRAY(BigInteger), server_default=text("'{}'::bigint[]")
    )
