"""Credit a placement to the referral source and the vouches in force when it was recorded.

The snapshot (referral_attributions + attributed_vouches) is written once per placement and never
rewritten: later vouches, withdrawals or a changed source leave it as it was. Vouches "in force"
are read from the vouch history as of the placement's created_at (created_at ≤ t < ended_at), so
a job that runs late still credits what counted at the time. The strength stored with each vouch
uses the referrer's current network trust (trust history is not kept) with channel weight and
decay as of the placement day.
"""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from services.referrals.settings import get_trust_params
from services.referrals.trust.features import vouch_strength
from services.referrals.trust.service import schedule_recompute
from shared.models import (
    AttributedVouch,
    Contact,
    ContactTrust,
    Freelancer,
    Placement,
    ReferralAttribution,
    Vouch,
)

logger = logging.getLogger("vouch.referrals.attribution")


def attribute_placement(session: Session, *, placement_id: int) -> int | None:
    """Write the snapshot once; returns its id, or None when it already existed or no placement."""
    placement = session.get(Placement, placement_id)
    if placement is None:
        logger.warning("placement %s not found; nothing to attribute", placement_id)
        return None
    freelancer = session.get_one(Freelancer, placement.freelancer_id)
    at = placement.created_at
    rows = session.execute(
        select(Vouch, Contact.name, ContactTrust.network_trust)
        .join(Contact, Contact.id == Vouch.referrer_contact_id)
        .outerjoin(ContactTrust, ContactTrust.contact_id == Vouch.referrer_contact_id)
        .where(
            Vouch.freelancer_id == placement.freelancer_id,
            Vouch.created_at <= at,
            or_(Vouch.ended_at.is_(None), Vouch.ended_at > at),
        )
        .order_by(Vouch.id)
    ).all()
    params = get_trust_params()
    credited: list[dict[str, Any]] = []
    for vouch, referrer_name, trust in rows:
        strength = vouch_strength(
            referrer_trust=float(trust or 0.0),
            channel=vouch.channel,
            age_days=float((at.date() - vouch.last_met_on).days),
            params=params,
        )
        credited.append(
            {
                "vouch_id": vouch.id,
                "referrer_contact_id": vouch.referrer_contact_id,
                "referrer_name": referrer_name,
                "channel": vouch.channel,
                "recommendation": vouch.recommendation,
                "last_met_on": vouch.last_met_on.isoformat(),
                "vouched_at": vouch.created_at.isoformat(),
                "strength": strength,
            }
        )
    attribution_id = session.execute(
        insert(ReferralAttribution)
        .values(
            placement_id=placement.id,
            freelancer_id=placement.freelancer_id,
            source_type=freelancer.source_type,
            source_detail=freelancer.source_detail,
            vouches=credited,
        )
        .on_conflict_do_nothing(index_elements=["placement_id"])
        .returning(ReferralAttribution.id)
    ).scalar_one_or_none()
    if attribution_id is None:
        return None
    if credited:
        session.execute(
            insert(AttributedVouch).values(
                [
                    {
                        "attribution_id": attribution_id,
                        "vouch_id": item["vouch_id"],
                        "referrer_contact_id": item["referrer_contact_id"],
                        "channel": item["channel"],
                        "recommendation": item["recommendation"],
                        "strength": item["strength"],
                    }
                    for item in credited
                ]
            )
        )
    # Track records changed: refresh the freelancer rows that show them.
    schedule_recompute(session)
    return attribution_id
