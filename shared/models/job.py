from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, DateTime, Index, Integer, String, Text, func
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin
from shared.models.enums import JobStatus, values_check


class Job(IdMixin, CreatedAtMixin, Base):
    """Work to do later, claimed by workers with FOR UPDATE SKIP LOCKED."""

    __tablename__ = "jobs"
    __table_args__ = (
        CheckConstraint(values_check("status", JobStatus), name="status"),
        Index("ix_jobs_claim", "status", "run_after", "id"),
        Index("ix_jobs_lease", "locked_until", postgresql_where="status = 'running'"),
        Index("ix_jobs_finished", "finished_at", postgresql_where="finished_at IS NOT NULL"),
        # Debounce: at most one queued job per (kind, dedupe_key).
        Index(
            "uq_jobs_queued_dedupe",
            "kind",
            "dedupe_key",
            unique=True,
            postgresql_where="status = 'queued' AND dedupe_key IS NOT NULL",
        ),
    )

    kind: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    dedupe_key: Mapped[str | None] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(16), default=JobStatus.queued.value)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    max_attempts: Mapped[int] = mapped_column(Integer, default=5)
    run_after: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    locked_by: Mapped[str | None] = mapped_column(String(200))
    locked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # The lease: a running job whose worker stops renewing this is claimable again after it.
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_error: Mapped[str | None] = mapped_column(Text)
