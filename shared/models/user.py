from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin
from shared.models.enums import Role, values_check


class User(IdMixin, CreatedAtMixin, Base):
    """A person who acts in Vouch: a client's employee, an account manager or an admin."""

    __tablename__ = "users"
    __table_args__ = (CheckConstraint(values_check("role", Role), name="role"),)

    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320), unique=True)
    role: Mapped[str] = mapped_column(String(32))
    organization_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    # argon2id hash (argon2-cffi); NULL for people who never sign in to the console.
    password_hash: Mapped[str | None] = mapped_column(String(200))
    deactivated_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Failed console sign-ins in the current window (sign-in slows down after five in 10 min).
    failed_signins: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    failed_signins_since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
