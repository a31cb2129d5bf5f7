from __future__ import annotations

from sqlalchemy import Boolean, String, false
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin


class Skill(IdMixin, CreatedAtMixin, Base):
    """A canonical skill of the taxonomy (catalogue file plus admin additions)."""

    __tablename__ = "skills"

    slug: Mapped[str] = mapped_column(String(120), unique=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    category: Mapped[str] = mapped_column(String(64), index=True)
    # True for skills an admin added through the API rather than the catalogue file.
    custom: Mapped[bool] = mapped_column(Boolean, server_default=false(), default=False)
