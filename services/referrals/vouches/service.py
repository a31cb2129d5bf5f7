"""Vouch rules: one active vouch per referrer and freelancer, history kept, never self, never
dated in the future; the freelancer's trust row is refreshed in the same transaction."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select, text
from sqlalchemy.orm import Session, aliased

from services.referrals.data_subjects.notices import notify_vouch
from services.referrals.dates import is_future
from services.referrals.trust.service import (
    lock_for_vouch_change,
    refresh_freelancers,
    schedule_recompute,
)
from services.referrals.vouches.schemas import VouchCreate, VouchList, VouchRead, WorkedTogether
from shared.errors import Conflict, NotFound, ValidationProblem, field_error
from shared.models import Contact, Freelancer, Vouch
from shared.models.enums import VouchStatus


def _read_many(session: Session, *conditions: ColumnElement[bool]) -> list[VouchRead]:
    successor = aliased(Vouch)
    rows = session.execute(
        select(Vouch, Contact.name, successor.id)
        .join(Contact, Contact.id == Vouch.referrer_contact_id)
        .outerjoin(successor, successor.supersedes_id == Vouch.id)
        .where(*conditions)
        .order_by(Vouch.created_at.desc(), Vouch.id.desc())
    ).all()
    return [_to_read(vouch, name, successor_id) for vouch, name, successor_id in rows]


def _to_read(vouch: Vouch, referrer_name: str, successor_id: int | None) -> VouchRead:
    worked = None
    if vouch.worked_where or vouch.worked_from or vouch.worked_to:
        worked = WorkedTogether(
            where=vouch.worked_where, from_=vouch.worked_from, to=vouch.worked_to
        )
    return VouchRead(
        id=vouch.id,
        referrer_contact_id=vouch.referrer_contact_id,
        referrer_name=referrer_name,
        freelancer_id=vouch.freelancer_id,
        channel=vouch.channel,
        last_met_on=vouch.last_met_on,
        worked_together=worked,
        recommendation=vouch.recommendation,
        statement=vouch.statement,
        status=vouch.status,
        created_at=vouch.created_at,
        ended_at=vouch.ended_at,
        supersedes_id=vouch.supersedes_id,
        superseded_by_id=successor_id,
    )


def get_vouch(session: Session, *, vouch_id: int) -> VouchRead:
    found = _read_many(session, Vouch.id == vouch_id)
    if not found:
        raise NotFound("No vouch with this id.")
    return found[0]


def freelancer_vouches(
    session: Session, *, freelancer_id: int, status: VouchStatus | None
) -> VouchList:
    if session.get(Freelancer, freelancer_id) is None:
        raise NotFound("No freelancer with this id.")
    conditions = [Vouch.freelancer_id == freelancer_id]
    if status is not None:
        conditions.append(Vouch.status == status.value)
    return VouchList(items=_read_many(session, *conditions))


def _validate(session: Session, data: VouchCreate) -> None:
    errors = []
    referrer = session.get(Contact, data.referrer_contact_id)
    if referrer is None:
        errors.append({"field": "referrer_contact_id", "message": "no contact with this id"})
    if session.get(Freelancer, data.freelancer_id) is None:
        errors.append({"field": "freelancer_id", "message": "no freelancer with this id"})
    if errors:
        raise ValidationProblem("Unknown referrer or freelancer.", errors=errors)
    assert referrer is not None
    if referrer.freelancer_id == data.freelancer_id:
        raise field_error("referrer_contact_id", "a freelancer cannot vouch for themself")
    if is_future(data.last_met_on):
        raise field_error("last_met_on", "must not be in the future")
    worked = data.worked_together
    for name in ("from_", "to"):
        day = getattr(worked, name) if worked else None
        if day is not None and is_future(day):
            raise field_error(f"worked_together.{name.rstrip('_')}", "must not be in the future")


def create_vouch(session: Session, *, data: VouchCreate, created_by_key_id: int) -> VouchRead:
    """Record a vouch; an active one of the same referrer for the same freelancer is superseded."""
    lock_for_vouch_change(session)
    _validate(session, data)
    # One writer per (referrer, freelancer) at a time, so two concurrent vouches cannot both
    # find no active row and collide on the partial unique index.
    session.execute(
        text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
        {"key": f"referrals:vouch:{data.referrer_contact_id}:{data.freelancer_id}"},
    )
    previous = session.scalar(
        select(Vouch)
        .where(
            Vouch.referrer_contact_id == data.referrer_contact_id,
            Vouch.freelancer_id == data.freelancer_id,
            Vouch.status == VouchStatus.active.value,
        )
        .with_for_update()
    )
    if previous is not None:
        previous.status = VouchStatus.superseded.value
        previous.ended_at = func.now()
        session.flush()
    worked = data.worked_together
    vouch = Vouch(
        referrer_contact_id=data.referrer_contact_id,
        freelancer_id=data.freelancer_id,
        channel=data.channel.value,
        last_met_on=data.last_met_on,
        worked_where=worked.where if worked else None,
        worked_from=worked.from_ if worked else None,
        worked_to=worked.to if worked else None,
        recommendation=data.recommendation.value,
        statement=data.statement,
        status=VouchStatus.active.value,
        supersedes_id=previous.id if previous is not None else None,
        created_by_key_id=created_by_key_id,
    )
    session.add(vouch)
    session.flush()
    notify_vouch(session, vouch_id=vouch.id, freelancer_id=data.freelancer_id)
    _after_change(session, data.freelancer_id)
    return get_vouch(session, vouch_id=vouch.id)


def withdraw_vouch(session: Session, *, vouch_id: int) -> VouchRead:
    """Withdrawn vouches stay in the history and stop counting now."""
    lock_for_vouch_change(session)
    vouch = session.get(Vouch, vouch_id, with_for_update=True)
    if vouch is None:
        raise NotFound("No vouch with this id.")
    if vouch.status == VouchStatus.withdrawn.value:
        raise Conflict("This vouch is already withdrawn.")
    if vouch.status == VouchStatus.superseded.value:
        raise Conflict("This vouch was superseded by a newer one; withdraw the active vouch.")
    vouch.status = VouchStatus.withdrawn.value
    vouch.ended_at = func.now()
    session.flush()
    _after_change(session, vouch.freelancer_id)
    return get_vouch(session, vouch_id=vouch_id)


def _after_change(session: Session, freelancer_id: int) -> None:
    # This freelancer's row now; other freelancers of the referrer (track records) via the queue.
    refresh_freelancers(session, [freelancer_id])
    schedule_recompute(session)
