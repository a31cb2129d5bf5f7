"""Bulk import of freelancer profiles from CSV: validate every row in Python, then write in bulk.

Each row is all or nothing: a row is written only after it passed every check the database
would make, and the writes are a handful of multi-row INSERTs, not a flush per row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from services.intake.common.terms import keep_unrecognised
from services.intake.freelancers import bulk, extraction, profile, repository
from services.intake.freelancers.csv_rows import decode, read_rows
from services.intake.freelancers.schemas import (
    FreelancerCreate,
    ImportedRow,
    ImportReport,
    RejectedRow,
    RowWarning,
)
from services.intake.taxonomy import IntakeTaxonomy, Term
from shared.audit import record_access
from shared.errors import AppError, Conflict


@dataclass
class _Candidate:
    line: int
    body: FreelancerCreate  # with repeats of one skill merged
    values: dict[str, Any]
    terms: list[Term]
    warnings: list[dict[str, str]]


def _validation_reasons(exc: ValidationError) -> list[str]:
    reasons = []
    for error in exc.errors():
        field = ".".join(str(part) for part in error["loc"]) or "row"
        reasons.append(f"{field}: {error['msg']}")
    return reasons


def _check_row(
    line: int, data: dict[str, Any] | None, problems: list[str], taxonomy: IntakeTaxonomy
) -> _Candidate | list[str]:
    """A row ready to write, or the reasons it cannot be."""
    reasons = list(problems)
    if data is None:
        return reasons
    try:
        body = FreelancerCreate.model_validate(data)
    except ValidationError as exc:
        return reasons + _validation_reasons(exc)
    if reasons:
        return reasons
    try:
        resolved = profile.resolve_skills(taxonomy, body.skills)
    except AppError as exc:
        return [f"{e['field']}: {e['message']}" for e in exc.errors or []] or [exc.detail]
    body = body.model_copy(update={"skills": resolved.items})
    return _Candidate(line, body, profile.column_values(body), resolved.terms, resolved.warnings)


def _split_existing(
    session: Session, candidates: list[_Candidate]
) -> tuple[list[_Candidate], list[ImportedRow], list[RejectedRow]]:
    """New profiles; rows identical to a stored profile; rows that would overwrite one."""
    existing_ids = repository.ids_by_emails(session, (c.body.email for c in candidates))
    if not existing_ids:
        return candidates, [], []
    stored = repository.rows_by_ids(session, list(existing_ids.values()))
    extras = repository.extras_of(session, list(stored))
    new, same, different = [], [], []
    for candidate in candidates:
        existing_id = existing_ids.get(candidate.body.email.lower())
        if existing_id is None:
            new.append(candidate)
            continue
        incoming = profile.signature_of_new(
            candidate.values,
            skills=candidate.body.skills,
            terms=candidate.terms,
            languages=candidate.body.languages,
        )
        if incoming == profile.signature_of_stored(stored[existing_id], extras[existing_id]):
            same.append(ImportedRow(line=candidate.line, id=existing_id))
        else:
            different.append(
                RejectedRow(
                    line=candidate.line,
                    reasons=[
                        f"email: a different profile with this email exists (id {existing_id}); "
                        "change it with PATCH /v1/freelancers/{id}"
                    ],
                )
            )
    return new, same, different


def _write(session: Session, candidates: list[_Candidate], taxonomy: IntakeTaxonomy) -> list[int]:
    """Insert the profiles and their child rows in bulk; their ids in order."""
    if not candidates:
        return []
    term_ids = keep_unrecognised(session, [term for c in candidates for term in c.terms])
    try:
        ids_by_email = bulk.insert_profiles(session, [candidate.values for candidate in candidates])
    except IntegrityError as exc:
        if "ix_freelancers_email_lower" in str(exc.orig):
            raise Conflict(
                "Another request added a profile with one of these emails meanwhile; "
                "send the file again (rows already stored will be reported as existing)."
            ) from None
        raise
    ids = [ids_by_email[candidate.body.email.lower()] for candidate in candidates]
    skills: list[dict[str, Any]] = []
    unrecognised: list[dict[str, Any]] = []
    languages: list[dict[str, Any]] = []
    for freelancer_id, candidate in zip(ids, candidates, strict=True):
        rows = profile.child_rows(
            freelancer_id,
            skills=candidate.body.skills,
            terms=candidate.terms,
            term_ids=term_ids,
            languages=candidate.body.languages,
        )
        skills += rows.skills
        unrecognised += rows.unrecognised
        languages += rows.languages
    repository.add_children(session, skills=skills, unrecognised=unrecognised, languages=languages)
    # After the confirmed skills: a skill the row lists is not stored as extracted too.
    found = {
        freelancer_id: extraction.extract_profile(taxonomy, candidate.values)
        for freelancer_id, candidate in zip(ids, candidates, strict=True)
    }
    extraction.store(session, found, new_profiles=True)
    return ids


def import_csv(
    session: Session, *, principal: Any, content: bytes, taxonomy: IntakeTaxonomy
) -> ImportReport:
    """Import every valid row; report each row as imported, rejected or already there."""
    rejected: list[RejectedRow] = []
    candidates: list[_Candidate] = []
    first_line: dict[str, int] = {}
    for row in list(read_rows(decode(content))):
        checked = _check_row(row.line, row.data, row.problems, taxonomy)
        if isinstance(checked, list):
            rejected.append(RejectedRow(line=row.line, reasons=checked))
            continue
        email = checked.body.email.lower()
        if email in first_line:
            rejected.append(
                RejectedRow(
                    line=row.line,
                    reasons=[f"email: the same email is already on line {first_line[email]}"],
                )
            )
            continue
        first_line[email] = row.line
        candidates.append(checked)
    new, skipped, overwrites = _split_existing(session, candidates)
    ids = _write(session, new, taxonomy)
    imported = [ImportedRow(line=c.line, id=i) for c, i in zip(new, ids, strict=True)]
    warnings = [RowWarning(line=c.line, **warning) for c in new for warning in c.warnings]
    rejected = sorted(rejected + overwrites, key=lambda row: row.line)
    record_access(
        session,
        principal=principal,
        action="import",
        entity="freelancer",
        detail={"imported": len(imported), "rejected": len(rejected), "existing": len(skipped)},
    )
    return ImportReport(
        imported=imported, rejected=rejected, skipped_existing=skipped, warnings=warnings
    )
