from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin
from shared.models.enums import ModelStatus, values_check


class ModelVersion(IdMixin, CreatedAtMixin, Base):
    """A ranking model: its artefact (never pickled), metrics and holdout comparison."""

    __tablename__ = "model_versions"
    __table_args__ = (
        CheckConstraint(values_check("status", ModelStatus), name="status"),
        CheckConstraint("progress >= 0 AND progress <= 1", name="progress_range"),
        Index(
            "uq_model_versions_one_active",
            "status",
            unique=True,
            postgresql_where="status = 'active'",
        ),
    )

    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16), default=ModelStatus.queued.value)
    progress: Mapped[float] = mapped_column(Float, default=0.0)
    features: Mapped[list[str]] = mapped_column(JSONB, default=list)
    train_from: Mapped[date | None] = mapped_column(Date)
    train_to: Mapped[date | None] = mapped_column(Date)
    metrics: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    holdout_comparison: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    sklearn_version: Mapped[str | None] = mapped_column(String(32))
    artefact: Mapped[bytes | None] = mapped_column(LargeBinary)
    artefact_sha256: Mapped[str | None] = mapped_column(String(64))
    error: Mapped[str | None] = mapped_column(Text)
    activated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    previous_active_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("model_versions.id", ondelete="SET NULL")
    )
