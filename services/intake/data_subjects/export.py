"""GDPR Art. 15: every row about a freelancer, from every service's tables, as one document.

Reading is open to every service (only writing is owned), so intake assembles the whole export.
Rows are dumped with `to_jsonb`, so every column is included, also ones added later; CV files
are listed with their metadata (the text is in the profile's `cv_text`), not their bytes.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy.orm import Session

from shared.data_subjects_api import json_rows
from shared.errors import NotFound

# (section, SQL selecting one jsonb per row); :fid is the freelancer.
_SECTIONS: tuple[tuple[str, str], ...] = (
    (
        "skills",
        "SELECT to_jsonb(fs) || jsonb_build_object('skill', s.name)"
        " FROM freelancer_skills fs JOIN skills s ON s.id = fs.skill_id WHERE fs.freelancer_id = :fid",
    ),
    (
        "extracted_skills",
        "SELECT to_jsonb(fe) || jsonb_build_object('skill', s.name)"
        " FROM freelancer_extracted_skills fe JOIN skills s ON s.id = fe.skill_id"
        " WHERE fe.freelancer_id = :fid",
    ),
    (
        "unrecognised_skills",
        "SELECT to_jsonb(fu) FROM freelancer_unrecognised_skills fu WHERE fu.freelancer_id = :fid",
    ),
    ("languages", "SELECT to_jsonb(fl) FROM freelancer_languages fl WHERE fl.freelancer_id = :fid"),
    (
        "cv_files",
        "SELECT to_jsonb(c) - 'content' FROM freelancer_cvs c WHERE c.freelancer_id = :fid",
    ),
    ("contact_records", "SELECT to_jsonb(c) FROM contacts c WHERE c.freelancer_id = :fid"),
    (
        "vouches_about",
        "SELECT to_jsonb(v) || jsonb_build_object('referrer_name', c.name)"
        " FROM vouches v JOIN contacts c ON c.id = v.referrer_contact_id WHERE v.freelancer_id = :fid",
    ),
    (
        "vouches_by",
        "SELECT to_jsonb(v) FROM vouches v JOIN contacts c"
        " ON c.id = v.referrer_contact_id WHERE c.freelancer_id = :fid",
    ),
    (
        "meetings",
        "SELECT to_jsonb(i) FROM interactions i JOIN contacts c"
        " ON c.id IN (i.contact_a_id, i.contact_b_id) WHERE c.freelancer_id = :fid",
    ),
    ("trust", "SELECT to_jsonb(t) FROM freelancer_trust t WHERE t.freelancer_id = :fid"),
    (
        "match_results",
        "SELECT r::jsonb || jsonb_build_object('run_id', m.id, 'request_id', m.request_id,"
        " 'model_version', m.model_version, 'model_version_id', m.model_version_id,"
        " 'ranked_at', m.created_at) FROM match_runs m, json_array_elements(m.results) r"
        " WHERE m.freelancer_ids @> ARRAY[CAST(:fid AS bigint)]"
        " AND (r->>'freelancer_id')::bigint = :fid",
    ),
    ("reviews", "SELECT to_jsonb(r) FROM reviews r WHERE r.freelancer_id = :fid"),
    ("placements", "SELECT to_jsonb(p) FROM placements p WHERE p.freelancer_id = :fid"),
    (
        "referral_attributions",
        "SELECT to_jsonb(a) FROM referral_attributions a WHERE a.freelancer_id = :fid",
    ),
    (
        "notices",
        "SELECT to_jsonb(o) FROM outbox_messages o"
        " WHERE o.recipient_type = 'freelancer' AND o.recipient_id = :fid",
    ),
    (
        "audit_events",
        "SELECT to_jsonb(a) FROM audit_log a"
        " WHERE a.entity = 'freelancer' AND a.entity_id = CAST(:fid AS text)",
    ),
)


def export_freelancer(session: Session, *, freelancer_id: int) -> dict[str, Any]:
    params = {"fid": freelancer_id}
    profile = json_rows(session, "SELECT to_jsonb(f) FROM freelancers f WHERE f.id = :fid", params)
    if not profile:
        raise NotFound(f"No freelancer {freelancer_id}.")
    document: dict[str, Any] = {
        "subject": {"type": "freelancer", "id": freelancer_id},
        "generated_at": datetime.now(UTC).isoformat(),
        "profile": profile[0],
    }
    for section, sql in _SECTIONS:
        document[section] = json_rows(session, sql, params)
    return document
