from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import CheckConstraint, Date, DateTime, Index, Numeric, String, Text, text
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, IdMixin, TimestampMixin
from shared.models.enums import RemotePreference, SourceType, values_check


class Freelancer(IdMixin, TimestampMixin, Base):
    """An IT freelancer's profile. Name and email are never ranking features."""

    __tablename__ = "freelancers"
    __table_args__ = (
        CheckConstraint("day_rate > 0", name="day_rate_positive"),
        CheckConstraint(values_check("remote", RemotePreference), name="remote"),
        CheckConstraint(values_check("source_type", SourceType), name="source_type"),
        CheckConstraint("char_length(summary) <= 100000", name="summary_length"),
        Index("ix_freelancers_email_lower", text("lower(email)"), unique=True),
        # The freelancer list pages newest first (keyset on created_at, id).
        Index("ix_freelancers_created", "created_at", "id"),
        # Every matching replica polls for profiles changed since its last look.
        Index("ix_freelancers_updated_at", "updated_at"),
        # Duplicate checks look profiles up by name at every creation.
        Index("ix_freelancers_name_lower", text("lower(name)")),
        # ... and by digests of the start and the end of their summary (intake's duplicates
        # module writes the same expressions): one edit cannot change both.
        Index(
            "ix_freelancers_summary_head",
            text(r"md5(lower(regexp_replace(left(summary, 120), '\s+', ' ', 'g')))"),
        ),
        # Every ranking asks who withdrew consent: a handful among many.
        Index(
            "ix_freelancers_consent_withdrawn",
            "id",
            postgresql_where=text("consent_withdrawn_at IS NOT NULL"),
        ),
        Index(
            "ix_freelancers_summary_tail",
            text(r"md5(lower(regexp_replace(right(summary, 120), '\s+', ' ', 'g')))"),
        ),
    )

    name: Mapped[str] = mapped_column(String(200))
    email: Mapped[str] = mapped_column(String(320))
    headline: Mapped[str] = mapped_column(String(300), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    # Text of the latest uploaded CV file (PDF, DOCX or plain text); searched like the summary.
    cv_text: Mapped[str] = mapped_column(Text, default="", server_default="")
    available_from: Mapped[date | None] = mapped_column(Date, index=True)
    day_rate: Mapped[Decimal | None] = mapped_column(Numeric(10, 2))
    location_city: Mapped[str | None] = mapped_column(String(120))
    location_country: Mapped[str | None] = mapped_column(String(2))
    remote: Mapped[str] = mapped_column(String(16), default=RemotePreference.hybrid.value)
    # Engagement types the freelancer accepts: any of "freelance", "permanent".
    engagement: Mapped[list[str]] = mapped_column(ARRAY(String(16)), default=list)
    source_type: Mapped[str] = mapped_column(String(32), default=SourceType.other.value)
    source_detail: Mapped[str | None] = mapped_column(String(500))
    consent_given_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    consent_method: Mapped[str] = mapped_column(String(200))
    # Withdrawn consent (GDPR Art. 7(3)): the profile is no longer ranked.
    consent_withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Consent to keep the data past the 6-month retention after a rejection (AGG §15(4)).
    retention_until: Mapped[date | None] = mapped_column(Date)
    # Only for spotting duplicates (same name and phone); never a ranking feature.
    phone: Mapped[str | None] = mapped_column(String(40))
