"""The weekly cooling digest: per account manager, their own cold and cooling valuable ties.

An account manager is matched to their internal contact by e-mail (case-insensitive), else by
exact name. The digest is an outbox row (shared/outbox.py, kind `cooling_digest`), written in the
job's transaction and delivered later by the outbox sink (a log line by default). At most one
digest per account manager and ISO week.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from services.referrals.reports.cooling import cooling_report
from services.referrals.trust.params import TrustParams
from shared.models.enums import Role
from shared.outbox import enqueue_message

DIGEST_KIND = "cooling_digest"
DIGEST_ITEMS = 10


def _managers_and_contacts(session: Session) -> list[tuple[int, str, list[int]]]:
    rows = session.execute(
        text(
            "SELECT u.id, u.name, array_remove(array_agg(c.id ORDER BY c.id), NULL) FROM users u"
            " LEFT JOIN contacts c ON c.internal AND (lower(c.email) = lower(u.email)"
            " OR (c.name = u.name AND NOT EXISTS (SELECT 1 FROM contacts e"
            " WHERE e.internal AND lower(e.email) = lower(u.email))))"
            " WHERE u.role = :role GROUP BY u.id, u.name ORDER BY u.id"
        ),
        {"role": Role.account_manager.value},
    ).all()
    return [(int(r[0]), str(r[1]), [int(c) for c in r[2]]) for r in rows]


def _already_sent(session: Session, user_id: int, week: str) -> bool:
    return bool(
        session.execute(
            text(
                "SELECT 1 FROM outbox_messages WHERE kind = :kind AND recipient_type = 'user'"
                " AND recipient_id = :user AND payload->>'week' = :week"
            ),
            {"kind": DIGEST_KIND, "user": user_id, "week": week},
        ).first()
    )


def queue_weekly_digests(
    session: Session, *, as_of: date, params: TrustParams, threshold: float, days: int
) -> int:
    """One outbox row per account manager with at least one tie to look after; returns count."""
    year, week_number, _ = as_of.isocalendar()
    week = f"{year}-W{week_number:02d}"
    queued = 0
    for user_id, user_name, contact_ids in _managers_and_contacts(session):
        if not contact_ids or _already_sent(session, user_id, week):
            continue
        report = cooling_report(
            session,
            as_of=as_of,
            threshold=threshold,
            days=days,
            limit=DIGEST_ITEMS,
            params=params,
            internal_contact_ids=contact_ids,
        )
        if not report.items:
            continue
        payload: dict[str, Any] = {
            "week": week,
            "account_manager": user_name,
            "subject": f"{len(report.items)} relationships to look after this week",
            "items": [item.model_dump(mode="json") for item in report.items],
        }
        enqueue_message(
            session,
            kind=DIGEST_KIND,
            recipient_type="user",
            recipient_id=user_id,
            payload=payload,
        )
        queued += 1
    return queued
