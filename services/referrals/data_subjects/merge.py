"""Referrals' part of merging a duplicate freelancer into the surviving profile."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, aliased

from services.referrals.trust.service import lock_for_vouch_change, schedule_recompute
from shared.models import Contact, FreelancerTrust, ReferralAttribution, Vouch
from shared.models.enums import VouchStatus


def _count(result: Any) -> int:
    return int(result.rowcount or 0)


def merge_freelancer(session: Session, *, duplicate_id: int, into_id: int) -> dict[str, int]:
    """Move vouches and attributions; a referrer vouching for both keeps the newer vouch."""
    lock_for_vouch_change(session)
    # Aliases, so the subquery is not correlated with the UPDATE of the same table.
    mine, other = aliased(Vouch), aliased(Vouch)
    older_active = (
        select(mine.id)
        .join(
            other,
            (other.referrer_contact_id == mine.referrer_contact_id)
            & (other.status == VouchStatus.active.value),
        )
        .where(
            mine.status == VouchStatus.active.value,
            mine.freelancer_id.in_((duplicate_id, into_id)),
            other.freelancer_id.in_((duplicate_id, into_id)),
            other.freelancer_id != mine.freelancer_id,
            (other.created_at > mine.created_at)
            | ((other.created_at == mine.created_at) & (other.id > mine.id)),
        )
    )
    superseded = _count(
        session.execute(
            update(Vouch)
            .where(Vouch.id.in_(older_active))
            .values(status=VouchStatus.superseded.value, ended_at=func.now())
            .execution_options(synchronize_session=False)
        )
    )
    counts = {
        "vouches_superseded": superseded,
        "vouches": _count(
            session.execute(
                update(Vouch)
                .where(Vouch.freelancer_id == duplicate_id)
                .values(freelancer_id=into_id)
            )
        ),
        "referral_attributions": _count(
            session.execute(
                update(ReferralAttribution)
                .where(ReferralAttribution.freelancer_id == duplicate_id)
                .values(freelancer_id=into_id)
            )
        ),
        "freelancer_trust": _count(
            session.execute(
                delete(FreelancerTrust).where(FreelancerTrust.freelancer_id == duplicate_id)
            )
        ),
    }
    # The duplicate's contact record becomes the survivor's, unless it already has one.
    has_contact = session.scalar(select(Contact.id).where(Contact.freelancer_id == into_id))
    counts["contacts"] = _count(
        session.execute(
            update(Contact)
            .where(Contact.freelancer_id == duplicate_id)
            .values(freelancer_id=None if has_contact is not None else into_id)
        )
    )
    schedule_recompute(session)
    return counts
