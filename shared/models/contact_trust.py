from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Float, ForeignKey, func
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base


class ContactTrust(Base):
    """Network trust of a contact, computed by the referrals service."""

    __tablename__ = "contact_trust"
    # Rewritten daily as trust decays: half-empty pages and no index on the value let those
    # updates stay HOT (no index maintenance), which halves the cost of writing 100k rows.
    __table_args__ = {"postgresql_with": {"fillfactor": 50}}

    contact_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True
    )
    network_trust: Mapped[float] = mapped_column(Float, default=0.0)
    # The strongest chain of relationships (at most max-hops contacts) from the agency's people
    # to this contact, nearest contact first; the trust paths "in words" read it.
    trust_path: Mapped[list[int] | None] = mapped_column(ARRAY(BigInteger))
    computed_at: Mapped[datetime] = mapped_column(
        DateTime(timezone=True), server_default=func.now()
    )
