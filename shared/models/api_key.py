from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin
from shared.models.enums import Role, values_check


class ApiKey(IdMixin, CreatedAtMixin, Base):
    """An API key; only its SHA-256 is stored, the key itself is shown once."""

    __tablename__ = "api_keys"
    __table_args__ = (
        CheckConstraint(values_check("role", Role), name="role"),
        # A client key must name its organisation; staff keys act for the agency.
        CheckConstraint(
            "(role = 'client') = (organization_id IS NOT NULL)", name="client_has_organization"
        ),
    )

    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    prefix: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(32))
    organization_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # None = never expires; console sessions expire after hours, rotated keys after a grace.
    expires_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
