"""GDPR Art. 15 for contacts (referrers and other people in the network): every row about them."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from shared.data_subjects_api import json_rows
from shared.errors import NotFound

_SECTIONS: tuple[tuple[str, str], ...] = (
    (
        "meetings",
        "SELECT to_jsonb(i) FROM interactions i WHERE :cid IN (i.contact_a_id, i.contact_b_id)",
    ),
    (
        "vouches_by",
        "SELECT to_jsonb(v) || jsonb_build_object('freelancer_name', f.name)"
        " FROM vouches v JOIN freelancers f ON f.id = v.freelancer_id"
        " WHERE v.referrer_contact_id = :cid",
    ),
    (
        "vouches_about",
        "SELECT to_jsonb(v) FROM vouches v JOIN contacts c"
        " ON c.freelancer_id = v.freelancer_id WHERE c.id = :cid",
    ),
    ("trust", "SELECT to_jsonb(t) FROM contact_trust t WHERE t.contact_id = :cid"),
    (
        "credited_in_placements",
        "SELECT to_jsonb(a) FROM attributed_vouches a WHERE a.referrer_contact_id = :cid",
    ),
    (
        "notices",
        "SELECT to_jsonb(o) FROM outbox_messages o"
        " WHERE o.recipient_type = 'contact' AND o.recipient_id = :cid",
    ),
    (
        "audit_events",
        "SELECT to_jsonb(a) FROM audit_log a"
        " WHERE a.entity = 'contact' AND a.entity_id = CAST(:cid AS text)",
    ),
)


def export_contact(session: Session, *, contact_id: int) -> dict[str, Any]:
    params = {"cid": contact_id}
    contact = json_rows(session, "SELECT to_jsonb(c) FROM contacts c WHERE c.id = :cid", params)
    if not contact:
        raise NotFound(f"No contact {contact_id}.")
    document: dict[str, Any] = {
        "subject": {"type": "contact", "id": contact_id},
        "generated_at": datetime.now(UTC).isoformat(),
        "contact": contact[0],
    }
    for section, sql in _SECTIONS:
        document[section] = json_rows(session, sql, params)
    return document
