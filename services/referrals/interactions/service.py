"""Recording interactions: ordered pairs, no future dates, the same meeting stored once."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session, aliased

from services.referrals.contacts.repository import existing_ids
from services.referrals.data_subjects.notices import notify_meetings
from services.referrals.dates import is_future
from services.referrals.interactions.schemas import (
    ContactInteraction,
    ContactInteractionPage,
    InteractionCreate,
    InteractionRead,
)
from services.referrals.trust.service import lock_for_network_change, schedule_recompute
from shared.errors import NotFound, ValidationProblem, field_error
from shared.models import Contact, Interaction
from shared.pagination import decode_cursor, encode_cursor

UNIQUE_COLUMNS = ["contact_a_id", "contact_b_id", "channel", "occurred_on", "context"]


def to_read(row: Interaction) -> InteractionRead:
    return InteractionRead(
        id=row.id,
        contact_a_id=row.contact_a_id,
        contact_b_id=row.contact_b_id,
        channel=row.channel,
        occurred_on=row.occurred_on,
        context=row.context or None,
        created_at=row.created_at,
    )


def record_interaction(
    session: Session, *, data: InteractionCreate
) -> tuple[InteractionRead, bool]:
    """Store it (smaller id first); returns the row and whether it is new."""
    if data.contact_a_id == data.contact_b_id:
        raise field_error("contact_b_id", "must be another contact than contact_a_id")
    if is_future(data.occurred_on):
        raise field_error("occurred_on", "must not be in the future")
    known = existing_ids(session, [data.contact_a_id, data.contact_b_id])
    missing = [
        {"field": name, "message": "no contact with this id"}
        for name in ("contact_a_id", "contact_b_id")
        if getattr(data, name) not in known
    ]
    if missing:
        raise ValidationProblem("Unknown contact id(s).", errors=missing)
    low, high = sorted((data.contact_a_id, data.contact_b_id))
    values = {
        "contact_a_id": low,
        "contact_b_id": high,
        "channel": data.channel.value,
        "occurred_on": data.occurred_on,
        "context": data.context or "",
    }
    lock_for_network_change(session)
    new_id = session.execute(
        insert(Interaction)
        .values(**values)
        .on_conflict_do_nothing(index_elements=UNIQUE_COLUMNS)
        .returning(Interaction.id)
    ).scalar_one_or_none()
    if new_id is not None:
        schedule_recompute(session)
        notify_meetings(session, [(new_id, low, high)])
        row = session.get_one(Interaction, new_id)
        return to_read(row), True
    existing = session.scalars(
        select(Interaction).where(*(getattr(Interaction, k) == v for k, v in values.items()))
    ).one()
    return to_read(existing), False


def contact_interactions(
    session: Session, *, contact_id: int, limit: int, cursor: str | None
) -> ContactInteractionPage:
    """A contact's interactions, most recent first."""
    if session.get(Contact, contact_id) is None:
        raise NotFound("No contact with this id.")
    other = aliased(Contact)
    query = (
        select(Interaction, other.id, other.name)
        .join(
            other,
            or_(
                and_(Interaction.contact_a_id == contact_id, other.id == Interaction.contact_b_id),
                and_(Interaction.contact_b_id == contact_id, other.id == Interaction.contact_a_id),
            ),
        )
        .where(or_(Interaction.contact_a_id == contact_id, Interaction.contact_b_id == contact_id))
    )
    if cursor is not None:
        day, last_id = _after(cursor)
        query = query.where(
            or_(
                Interaction.occurred_on < day,
                and_(Interaction.occurred_on == day, Interaction.id < last_id),
            )
        )
    rows = session.execute(
        query.order_by(Interaction.occurred_on.desc(), Interaction.id.desc()).limit(limit + 1)
    ).all()
    items = [
        ContactInteraction(
            **to_read(row).model_dump(), other_contact_id=other_id, other_contact_name=name
        )
        for row, other_id, name in rows[:limit]
    ]
    next_cursor = None
    if len(rows) > limit:
        last = items[-1]
        next_cursor = encode_cursor([last.occurred_on.isoformat(), last.id])
    return ContactInteractionPage(items=items, next_cursor=next_cursor)


def _after(cursor: str) -> tuple[date, int]:
    values: list[Any] = decode_cursor(cursor, length=2)
    try:
        return date.fromisoformat(values[0]), int(values[1])
    except (TypeError, ValueError):
        raise field_error("cursor", "not a cursor returned by this endpoint") from None
