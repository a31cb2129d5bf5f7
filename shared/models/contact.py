from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    String,
    Text,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, IdMixin, TimestampMixin
from shared.models.enums import LegalBasis, values_check


class Contact(IdMixin, TimestampMixin, Base):
    """A person in the agency's network; `internal` people are the roots of trust."""

    __tablename__ = "contacts"
    __table_args__ = (
        Index("ix_contacts_name_lower", text("lower(name)")),
        # Keyset pagination of GET /v1/contacts?sort=-created_at.
        Index("ix_contacts_created", "created_at", "id"),
        # The trust recompute asks for the latest change on every run.
        Index("ix_contacts_updated", "updated_at"),
        CheckConstraint(values_check("legal_basis", LegalBasis), name="legal_basis"),
    )

    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320))
    company: Mapped[str | None] = mapped_column(String(200))
    internal: Mapped[bool] = mapped_column(
        Boolean, server_default=false(), default=False, index=True
    )
    freelancer_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("freelancers.id", ondelete="SET NULL"), unique=True
    )
    organization_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("organizations.id", ondelete="SET NULL"), index=True
    )
    external_ref: Mapped[str | None] = mapped_column(String(200), unique=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    # GDPR Art. 6(1): why the agency may keep this person's data (default: its business network).
    legal_basis: Mapped[str] = mapped_column(
        String(32),
        default=LegalBasis.legitimate_interest.value,
        server_default=LegalBasis.legitimate_interest.value,
    )
