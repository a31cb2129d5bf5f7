"""GDPR Art. 14 notices: a freelancer learns that a vouch or a meeting about them was recorded.

The notice is an outbox row written in the same transaction as the record (a rollback cancels
it), due at once and at the latest one month later (Art. 14(3)(a)). It carries ids only; the
delivery sink renders the text, so no name is copied into the outbox.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.models import Contact
from shared.outbox import enqueue_message

NOTICE_KIND = "art14_notice"
DEADLINE = timedelta(days=30)


def _notify(session: Session, *, freelancer_id: int, about: str, record_id: int) -> None:
    now = datetime.now(UTC)
    enqueue_message(
        session,
        kind=NOTICE_KIND,
        recipient_type="freelancer",
        recipient_id=freelancer_id,
        payload={"about": about, "record_id": record_id, "deadline": (now + DEADLINE).isoformat()},
        due_at=now,
    )


def notify_vouch(session: Session, *, vouch_id: int, freelancer_id: int) -> None:
    _notify(session, freelancer_id=freelancer_id, about="vouch", record_id=vouch_id)


def notify_meetings(session: Session, meetings: Sequence[tuple[int, int, int]]) -> None:
    """One notice per meeting to each freelancer among its two contacts (id, contact, contact)."""
    contact_ids = sorted({c for _, a, b in meetings for c in (a, b)})
    if not contact_ids:
        return
    freelancer_of: dict[int, int] = {
        contact_id: freelancer_id
        for contact_id, freelancer_id in session.execute(
            select(Contact.id, Contact.freelancer_id).where(
                Contact.id.in_(contact_ids), Contact.freelancer_id.is_not(None)
            )
        ).all()
        if freelancer_id is not None
    }
    for interaction_id, a, b in sorted(meetings):
        for freelancer_id in sorted({freelancer_of[c] for c in (a, b) if c in freelancer_of}):
            _notify(session, freelancer_id=freelancer_id, about="meeting", record_id=interaction_id)
