"""Contact queries: each contact with its network trust."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from services.referrals.contacts.schemas import ContactRead, ContactSort
from shared.models import Contact, ContactTrust
from shared.models.enums import LegalBasis

_TRUST = func.coalesce(ContactTrust.network_trust, 0.0)


def _with_trust() -> Select[Contact, float, datetime]:
    return select(Contact, _TRUST.label("network_trust"), ContactTrust.computed_at).outerjoin(
        ContactTrust, ContactTrust.contact_id == Contact.id
    )


def to_read(contact: Contact, network_trust: float, computed_at: datetime | None) -> ContactRead:
    return ContactRead(
        id=contact.id,
        name=contact.name,
        email=contact.email,
        company=contact.company,
        internal=contact.internal,
        freelancer_id=contact.freelancer_id,
        organization_id=contact.organization_id,
        external_ref=contact.external_ref,
        notes=contact.notes,
        legal_basis=LegalBasis(contact.legal_basis),
        network_trust=float(network_trust),
        trust_computed_at=computed_at,
        created_at=contact.created_at,
        updated_at=contact.updated_at,
    )


def get_read(session: Session, contact_id: int) -> ContactRead | None:
    row = session.execute(_with_trust().where(Contact.id == contact_id)).one_or_none()
    return None if row is None else to_read(row[0], row[1], row[2])


def _escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def sort_key(item: ContactRead, sort: ContactSort) -> list[Any]:
    if sort == "name":
        return [item.name.lower(), item.id]
    if sort == "-network_trust":
        return [item.network_trust, item.id]
    return [item.created_at.isoformat(), item.id]


def list_page(
    session: Session,
    *,
    q: str | None,
    internal: bool | None,
    sort: ContactSort,
    limit: int,
    after: list[Any] | None,
) -> list[ContactRead]:
    """One page (limit + 1 rows, to know whether there is a next one) in keyset order."""
    query = _with_trust()
    if q:
        pattern = f"%{_escape_like(q)}%"
        query = query.where(
            or_(
                Contact.name.ilike(pattern, escape="\\"),
                Contact.company.ilike(pattern, escape="\\"),
                Contact.email.ilike(pattern, escape="\\"),
            )
        )
    if internal is not None:
        query = query.where(Contact.internal.is_(internal))
    name_key = func.lower(Contact.name)
    if sort == "name":
        if after is not None:
            query = query.where(
                or_(name_key > after[0], and_(name_key == after[0], Contact.id > after[1]))
            )
        query = query.order_by(name_key, Contact.id)
    elif sort == "-network_trust":
        if after is not None:
            query = query.where(
                or_(after[0] > _TRUST, and_(after[0] == _TRUST, Contact.id > after[1]))
            )
        query = query.order_by(_TRUST.desc(), Contact.id)
    else:
        if after is not None:
            created = datetime.fromisoformat(after[0])
            query = query.where(
                or_(
                    Contact.created_at < created,
                    and_(Contact.created_at == created, Contact.id < after[1]),
                )
            )
        query = query.order_by(Contact.created_at.desc(), Contact.id.desc())
    rows = session.execute(query.limit(limit + 1)).all()
    return [to_read(row[0], row[1], row[2]) for row in rows]


def ids_by_external_ref(session: Session, refs: Iterable[str]) -> dict[str, int]:
    refs = sorted(set(refs))
    if not refs:
        return {}
    rows = session.execute(
        select(Contact.external_ref, Contact.id).where(Contact.external_ref.in_(refs))
    ).all()
    return {ref: cid for ref, cid in rows if ref is not None}


def existing_ids(session: Session, ids: Iterable[int]) -> set[int]:
    ids = sorted(set(ids))
    if not ids:
        return set()
    return set(session.scalars(select(Contact.id).where(Contact.id.in_(ids))))


def linked_freelancers(session: Session, freelancer_ids: Iterable[int]) -> dict[int, int]:
    """freelancer id -> the contact already linked to it."""
    ids = sorted(set(freelancer_ids))
    if not ids:
        return {}
    rows = session.execute(
        select(Contact.freelancer_id, Contact.id).where(Contact.freelancer_id.in_(ids))
    ).all()
    return {fid: cid for fid, cid in rows if fid is not None}
