"""Referrals' part of an erasure: its own tables only (contacts, interactions, vouches, trust,
attribution snapshots), in the order foreign keys need. Trust is recomputed afterwards."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Text, cast, delete, or_, select, text, update
from sqlalchemy.orm import Session

from services.referrals.data_subjects.facts import keep_funnel_fact
from services.referrals.reports.sources import channel_group
from services.referrals.trust.service import schedule_recompute
from shared.data_subjects import like_pattern, scrub_shared
from shared.models import (
    AttributedVouch,
    Contact,
    ContactTrust,
    FreelancerTrust,
    Interaction,
    ReferralAttribution,
    Vouch,
)


def _count(result: Any) -> int:
    return int(result.rowcount or 0)


def _add(counts: dict[str, int], more: dict[str, int]) -> None:
    for table, n in more.items():
        counts[table] = counts.get(table, 0) + n


def _forget_trust_paths(session: Session, terms: list[str]) -> int:
    """Trust paths in words name people: empty those naming the erased one (recomputed soon)."""
    if not terms:
        return 0
    mentions = or_(*(cast(FreelancerTrust.paths, Text).ilike(like_pattern(t)) for t in terms))
    return _count(session.execute(update(FreelancerTrust).where(mentions).values(paths=[])))


def erase_contact_rows(session: Session, *, contact_id: int) -> dict[str, int]:
    """Remove a contact and every tie: meetings, their vouches, their credit in snapshots."""
    counts: dict[str, int] = {}
    own_vouches = select(Vouch.id).where(Vouch.referrer_contact_id == contact_id)
    counts["attributed_vouches"] = _count(
        session.execute(
            delete(AttributedVouch).where(
                or_(
                    AttributedVouch.referrer_contact_id == contact_id,
                    AttributedVouch.vouch_id.in_(own_vouches),
                )
            )
        )
    )
    # Snapshots keep the channel and recommendation they credited (the sources report reads
    # them) but no longer who the referrer was.
    counts["referral_attributions"] = _count(
        session.execute(
            text(
                "UPDATE referral_attributions SET vouches = (SELECT coalesce(jsonb_agg("
                " CASE WHEN (v->>'referrer_contact_id')::bigint = :cid"
                " THEN jsonb_build_object('channel', v->'channel',"
                "  'recommendation', v->'recommendation', 'strength', v->'strength')"
                " ELSE v END), '[]'::jsonb) FROM jsonb_array_elements(vouches) v)"
                " WHERE jsonb_path_exists(vouches, '$[*] ? (@.referrer_contact_id == $c)',"
                " jsonb_build_object('c', CAST(:cid AS bigint)))"
            ),
            {"cid": contact_id},
        )
    )
    counts["vouches"] = _count(
        session.execute(delete(Vouch).where(Vouch.referrer_contact_id == contact_id))
    )
    counts["interactions"] = _count(
        session.execute(
            delete(Interaction).where(
                or_(Interaction.contact_a_id == contact_id, Interaction.contact_b_id == contact_id)
            )
        )
    )
    counts["contact_trust"] = _count(
        session.execute(
            update(ContactTrust)
            .where(ContactTrust.trust_path.contains([contact_id]))
            .values(trust_path=None)
        )
    )
    counts["contact_trust"] += _count(
        session.execute(delete(ContactTrust).where(ContactTrust.contact_id == contact_id))
    )
    counts["contacts"] = _count(session.execute(delete(Contact).where(Contact.id == contact_id)))
    return counts


def erase_contact(session: Session, *, contact_id: int, terms: list[str]) -> dict[str, int]:
    counts = erase_contact_rows(session, contact_id=contact_id)
    counts["freelancer_trust"] = _forget_trust_paths(session, terms)
    schedule_recompute(session)
    return counts


def erase_freelancer(session: Session, *, freelancer_id: int, terms: list[str]) -> dict[str, int]:
    """Keep the anonymous funnel fact, then remove the freelancer from referrals' tables."""
    keep_funnel_fact(session, freelancer_id=freelancer_id, channel_group=channel_group)
    counts: dict[str, int] = {"erased_funnel_facts": 1}
    # The contact record of the same person goes with the profile.
    for contact_id in session.scalars(
        select(Contact.id).where(Contact.freelancer_id == freelancer_id)
    ).all():
        _add(counts, erase_contact_rows(session, contact_id=contact_id))
        # Audit rows and stored responses about that contact go too (shared tables, own helper).
        _add(counts, scrub_shared(session, subject_type="contact", subject_id=contact_id, terms=[]))
    their_vouches = select(Vouch.id).where(Vouch.freelancer_id == freelancer_id)
    _add(
        counts,
        {
            "attributed_vouches": _count(
                session.execute(
                    delete(AttributedVouch).where(AttributedVouch.vouch_id.in_(their_vouches))
                )
            ),
            "referral_attributions": _count(
                session.execute(
                    delete(ReferralAttribution).where(
                        ReferralAttribution.freelancer_id == freelancer_id
                    )
                )
            ),
            "vouches": _count(
                session.execute(delete(Vouch).where(Vouch.freelancer_id == freelancer_id))
            ),
            "freelancer_trust": _count(
                session.execute(
                    delete(FreelancerTrust).where(FreelancerTrust.freelancer_id == freelancer_id)
                )
            ),
        },
    )
    counts["freelancer_trust"] += _forget_trust_paths(session, terms)
    schedule_recompute(session)
    return counts


def has_linked_freelancer(session: Session, *, contact_id: int) -> int | None:
    return session.scalar(select(Contact.freelancer_id).where(Contact.id == contact_id))


def contact_terms(session: Session, *, contact_id: int) -> list[str]:
    row = session.execute(
        select(Contact.name, Contact.email, Contact.external_ref).where(Contact.id == contact_id)
    ).one_or_none()
    return [] if row is None else [value for value in row if value]
