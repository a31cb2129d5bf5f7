from __future__ import annotations

from datetime import date

from sqlalchemy import Date, String
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy.orm import Mapped, mapped_column

from shared.db.base import Base, IdMixin


class ErasedFunnelFact(IdMixin, Base):
    """What an erased freelancer contributed to the referral-source report, without the person.

    No id, name or link to anyone: the day they were added, their source and vouch-channel
    group, and the days they were presented and placed. The sources report counts these rows as
    well, so its figures do not change when someone is erased.
    """

    __tablename__ = "erased_funnel_facts"

    added_on: Mapped[date] = mapped_column(Date, index=True)
    source_type: Mapped[str] = mapped_column(String(32))
    channel_group: Mapped[str] = mapped_column(String(32))
    presented_on: Mapped[list[date]] = mapped_column(ARRAY(Date), default=list)
    placed_on: Mapped[list[date]] = mapped_column(ARRAY(Date), default=list)
