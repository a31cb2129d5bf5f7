from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, CheckConstraint, DateTime, ForeignKey, String, Text
from sqlalchemy.dialects.postgresql import ARRAY, JSONB
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin


class SubjectOperation(IdMixin, CreatedAtMixin, Base):
    """An erasure or a merge of a data subject, carried out by each owning service in turn.

    `steps` names the services in the order they act (each erases or moves the rows of its own
    tables); `subject_id` and `scrub_terms` are cleared when the last step is done, so a finished
    row records that the operation happened without the data it removed.
    """

    __tablename__ = "subject_operations"
    __table_args__ = (
        CheckConstraint("kind IN ('erase', 'merge')", name="kind"),
        CheckConstraint("subject_type IN ('freelancer', 'contact')", name="subject_type"),
    )

    kind: Mapped[str] = mapped_column(String(16))
    subject_type: Mapped[str] = mapped_column(String(16))
    subject_id: Mapped[int | None] = mapped_column(BigInteger, index=True)
    # For a merge: the profile that keeps everything.
    into_id: Mapped[int | None] = mapped_column(BigInteger)
    steps: Mapped[list[str]] = mapped_column(ARRAY(String(32)))
    done_steps: Mapped[list[str]] = mapped_column(ARRAY(String(32)), default=list)
    # Names, e-mails and other strings other services must scrub from text they hold.
    scrub_terms: Mapped[list[str] | None] = mapped_column(ARRAY(Text))
    trigger: Mapped[str] = mapped_column(String(32), default="api")
    requested_by_key_id: Mapped[int | None] = mapped_column(
        BigInteger, ForeignKey("api_keys.id", ondelete="SET NULL")
    )
    # Row counts per table; never the removed values.
    summary: Mapped[dict[str, Any]] = mapped_column(JSONB, default=dict)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
