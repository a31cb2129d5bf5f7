"""Contact rules: unique external references, one contact per freelancer, real references."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from services.referrals.contacts import repository
from services.referrals.contacts.schemas import (
    ContactCreate,
    ContactPage,
    ContactRead,
    ContactSort,
    ContactUpdate,
)
from services.referrals.trust.service import lock_for_network_change, schedule_recompute
from shared.errors import Conflict, NotFound, field_error
from shared.models import Contact, Freelancer, Organization
from shared.pagination import decode_cursor, encode_cursor


def _check_references(
    session: Session,
    *,
    freelancer_id: int | None,
    organization_id: int | None,
    external_ref: str | None,
    contact_id: int | None = None,
) -> None:
    if freelancer_id is not None:
        if session.get(Freelancer, freelancer_id) is None:
            raise field_error("freelancer_id", "no freelancer with this id")
        linked = session.scalar(select(Contact.id).where(Contact.freelancer_id == freelancer_id))
        if linked is not None and linked != contact_id:
            raise Conflict(
                f"Contact {linked} already is this freelancer; a freelancer has one contact.",
                errors=[
                    {"field": "freelancer_id", "message": f"already linked to contact {linked}"}
                ],
            )
    if organization_id is not None and session.get(Organization, organization_id) is None:
        raise field_error("organization_id", "no organisation with this id")
    if external_ref is not None:
        holder = session.scalar(select(Contact.id).where(Contact.external_ref == external_ref))
        if holder is not None and holder != contact_id:
            raise Conflict(
                f"Contact {holder} already has this external_ref.",
                errors=[{"field": "external_ref", "message": f"already used by contact {holder}"}],
            )


def _flush(session: Session, contact: Contact) -> None:
    """Flush in a savepoint so a concurrent duplicate becomes a 409, not a 500."""
    try:
        with session.begin_nested():
            session.add(contact)
            session.flush()
    except IntegrityError as exc:
        raise Conflict(
            "Another request just stored a contact with this external_ref or freelancer_id."
        ) from exc


def create_contact(session: Session, *, data: ContactCreate) -> ContactRead:
    _check_references(
        session,
        freelancer_id=data.freelancer_id,
        organization_id=data.organization_id,
        external_ref=data.external_ref,
    )
    lock_for_network_change(session)
    contact = Contact(**data.model_dump())
    _flush(session, contact)
    schedule_recompute(session)
    return get_contact(session, contact_id=contact.id)


def get_contact(session: Session, *, contact_id: int) -> ContactRead:
    contact = repository.get_read(session, contact_id)
    if contact is None:
        raise NotFound("No contact with this id.")
    return contact


def update_contact(session: Session, *, contact_id: int, data: ContactUpdate) -> ContactRead:
    lock_for_network_change(session)
    contact = session.get(Contact, contact_id, with_for_update=True)
    if contact is None:
        raise NotFound("No contact with this id.")
    changes = data.model_dump(exclude_unset=True)
    _check_references(
        session,
        freelancer_id=changes.get("freelancer_id"),
        organization_id=changes.get("organization_id"),
        external_ref=changes.get("external_ref"),
        contact_id=contact_id,
    )
    for name, value in changes.items():
        setattr(contact, name, value)
    if changes:
        _flush(session, contact)
        # Names appear in trust paths; internal flags and freelancer links move trust.
        schedule_recompute(session)
        session.refresh(contact)
    return get_contact(session, contact_id=contact_id)


def _after(cursor: str | None, sort: ContactSort) -> list[Any] | None:
    if cursor is None:
        return None
    values = decode_cursor(cursor, length=2)
    first, last_id = values
    valid = isinstance(last_id, int)
    if sort == "name":
        valid = valid and isinstance(first, str)
    elif sort == "-network_trust":
        valid = valid and isinstance(first, int | float) and not isinstance(first, bool)
    else:
        try:
            datetime.fromisoformat(first)
        except (TypeError, ValueError):
            valid = False
    if not valid:
        raise field_error("cursor", "not a cursor for this sort order")
    return values


def list_contacts(
    session: Session,
    *,
    q: str | None,
    internal: bool | None,
    sort: ContactSort,
    limit: int,
    cursor: str | None,
) -> ContactPage:
    items = repository.list_page(
        session, q=q, internal=internal, sort=sort, limit=limit, after=_after(cursor, sort)
    )
    next_cursor = None
    if len(items) > limit:
        items = items[:limit]
        next_cursor = encode_cursor(repository.sort_key(items[-1], sort))
    return ContactPage(items=items, next_cursor=next_cursor)
