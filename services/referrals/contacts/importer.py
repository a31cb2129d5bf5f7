"""POST /v1/contacts/import: contacts from CSV, one report line per problem.

Columns: name, external_ref (both required); email, company, internal (true/false/yes/no/1/0),
freelancer_id, organization_id, notes (optional). external_ref is required so that importing the
same file again recognises its rows: a row whose external_ref is already stored is skipped, not
duplicated (edits go through PATCH /v1/contacts/{id}).
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import UploadFile
from pydantic import ValidationError
from sqlalchemy import select, text
from sqlalchemy.orm import Session

from services.referrals.contacts import repository
from services.referrals.contacts.schemas import ContactCreate
from services.referrals.csv_upload import (
    EXTRA_CELLS,
    CsvRow,
    ImportReport,
    RowError,
    SkippedRow,
    read_csv,
    validation_errors,
)
from services.referrals.trust.service import lock_for_network_change, schedule_recompute
from shared.models import Freelancer, Organization

REQUIRED = {"name", "external_ref"}
ADMIN_ONLY_INTERNAL = "only an admin may mark a contact internal (a root of trust)"
OPTIONAL = {"email", "company", "internal", "freelancer_id", "organization_id", "notes"}
_TRUE = {"true", "yes", "1", "y"}
_FALSE = {"false", "no", "0", "n", ""}


def _parse(row: CsvRow) -> tuple[ContactCreate | None, list[RowError]]:
    values: dict[str, Any] = {k: v for k, v in row.values.items() if k in REQUIRED | OPTIONAL}
    errors: list[RowError] = []
    if EXTRA_CELLS in row.values:
        errors.append(RowError(line=row.line, field="row", message="more cells than columns"))
    if not values.get("external_ref"):
        errors.append(
            RowError(
                line=row.line,
                field="external_ref",
                message="required in imports, so that importing again adds no duplicates",
            )
        )
    internal = values.pop("internal", "").lower()
    if internal in _TRUE:
        values["internal"] = True
    elif internal not in _FALSE:
        errors.append(RowError(line=row.line, field="internal", message="use true or false"))
    data = {k: v for k, v in values.items() if v != ""}
    try:
        contact = ContactCreate.model_validate(data)
    except ValidationError as exc:
        return None, errors + validation_errors(row.line, exc)
    return (None if errors else contact), errors


def import_contacts(
    session: Session, *, upload: UploadFile, allow_internal: bool = True
) -> ImportReport:
    csv_file = read_csv(upload, required=REQUIRED, optional=OPTIONAL)
    report = ImportReport(
        rows=len(csv_file.rows),
        created=0,
        skipped=0,
        rejected=0,
        ignored_columns=csv_file.ignored_columns,
    )
    parsed: list[tuple[int, ContactCreate]] = []
    rejected_lines: set[int] = set()
    for row in csv_file.rows:
        contact, errors = _parse(row)
        if contact is not None and contact.internal and not allow_internal:
            # Internal contacts are the roots of trust: only admins may add them.
            errors.append(RowError(line=row.line, field="internal", message=ADMIN_ONLY_INTERNAL))
            contact = None
        report.errors.extend(errors)
        if contact is None:
            rejected_lines.add(row.line)
        else:
            parsed.append((row.line, contact))

    refs = repository.ids_by_external_ref(session, (c.external_ref or "" for _, c in parsed))
    freelancer_ids = {c.freelancer_id for _, c in parsed if c.freelancer_id is not None}
    known_freelancers = set(
        session.scalars(select(Freelancer.id).where(Freelancer.id.in_(freelancer_ids)))
    )
    linked = repository.linked_freelancers(session, freelancer_ids)
    org_ids = {c.organization_id for _, c in parsed if c.organization_id is not None}
    known_orgs = set(session.scalars(select(Organization.id).where(Organization.id.in_(org_ids))))

    seen_refs: dict[str, int] = {}
    seen_freelancers: dict[int, int] = {}
    to_insert: list[tuple[int, ContactCreate]] = []
    for line, contact in parsed:
        ref = contact.external_ref or ""
        if ref in refs:
            report.skipped_rows.append(
                SkippedRow(line=line, reason=f"already stored as contact {refs[ref]}")
            )
            continue
        if ref in seen_refs:
            report.skipped_rows.append(
                SkippedRow(line=line, reason=f"repeats the external_ref of line {seen_refs[ref]}")
            )
            continue
        problems = []
        fid = contact.freelancer_id
        if fid is not None:
            if fid not in known_freelancers:
                problems.append(("freelancer_id", "no freelancer with this id"))
            elif fid in linked:
                problems.append(("freelancer_id", f"already linked to contact {linked[fid]}"))
            elif fid in seen_freelancers:
                problems.append(("freelancer_id", f"also given on line {seen_freelancers[fid]}"))
        if contact.organization_id is not None and contact.organization_id not in known_orgs:
            problems.append(("organization_id", "no organisation with this id"))
        if problems:
            report.errors.extend(RowError(line=line, field=f, message=m) for f, m in problems)
            rejected_lines.add(line)
            continue
        seen_refs[ref] = line
        if fid is not None:
            seen_freelancers[fid] = line
        to_insert.append((line, contact))

    if to_insert:
        lock_for_network_change(session)
        by_ref = _insert(session, [contact for _, contact in to_insert])
        for line, contact in to_insert:
            if contact.external_ref in by_ref:
                report.created_ids.append(by_ref[contact.external_ref])
            else:
                report.skipped_rows.append(SkippedRow(line=line, reason="stored meanwhile"))
        report.created = len(report.created_ids)
        if report.created:
            schedule_recompute(session)
    report.rejected = len(rejected_lines)
    report.skipped = len(report.skipped_rows)
    report.errors.sort(key=lambda e: e.line)
    report.skipped_rows.sort(key=lambda s: s.line)
    return report


def _insert(session: Session, contacts: list[ContactCreate]) -> dict[str | None, int]:
    """One INSERT for all rows; DO NOTHING: a row another request stored meanwhile is skipped."""
    rows = json.dumps([contact.model_dump() for contact in contacts])
    result = session.execute(
        text(
            "INSERT INTO contacts (name, email, company, internal, freelancer_id,"
            " organization_id, external_ref, notes)"
            " SELECT name, email, company, internal, freelancer_id, organization_id,"
            " external_ref, notes FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(name text,"
            " email text, company text, internal bool, freelancer_id int8, organization_id int8,"
            " external_ref text, notes text)"
            " ON CONFLICT DO NOTHING RETURNING external_ref, id"
        ),
        {"rows": rows},
    )
    return {ref: contact_id for ref, contact_id in result}
