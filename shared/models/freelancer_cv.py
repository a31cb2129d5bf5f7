from __future__ import annotations

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, CreatedAtMixin, IdMixin


class FreelancerCv(IdMixin, CreatedAtMixin, Base):
    """An uploaded CV file; its extracted text is the profile's `cv_text`."""

    __tablename__ = "freelancer_cvs"
    __table_args__ = (CheckConstraint("size_bytes >= 0", name="size_nonnegative"),)

    freelancer_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("freelancers.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(300))
    media_type: Mapped[str] = mapped_column(String(120))
    size_bytes: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    content: Mapped[bytes] = mapped_column(LargeBinary)
    uploaded_by_key_id: Mapped[int | None] = mapped_column(BigInteger)
