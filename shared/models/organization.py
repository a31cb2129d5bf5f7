from __future__ import annotations

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin


class Organization(IdMixin, CreatedAtMixin, Base):
    """A client company (or the agency itself)."""

    __tablename__ = "organizations"

    name: Mapped[str] = mapped_column(String(200), unique=True)
