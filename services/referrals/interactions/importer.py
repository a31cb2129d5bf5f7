"""POST /v1/interactions/import: meetings from CSV, one report line per problem.

Columns: contact_a, contact_b, channel, occurred_on (YYYY-MM-DD), context (optional). A contact is
referred to by its external_ref or, when no contact has that external_ref, by its numeric id.
Rows already stored (same pair, channel, day and context) are skipped, so importing a file twice
adds nothing; a row repeated within the file is skipped too.
"""

from __future__ import annotations

import json
from datetime import date

from fastapi import UploadFile
from sqlalchemy import text
from sqlalchemy.orm import Session

from services.referrals.contacts.repository import existing_ids, ids_by_external_ref
from services.referrals.csv_upload import (
    EXTRA_CELLS,
    ImportReport,
    RowError,
    SkippedRow,
    read_csv,
)
from services.referrals.data_subjects.notices import notify_meetings
from services.referrals.dates import is_future
from services.referrals.interactions.service import UNIQUE_COLUMNS
from services.referrals.trust.service import lock_for_network_change, schedule_recompute
from shared.models.enums import Channel

REQUIRED = {"contact_a", "contact_b", "channel", "occurred_on"}
OPTIONAL = {"context"}
_CHANNELS = {c.value for c in Channel}

Key = tuple[int, int, str, date, str]


def _resolver(session: Session, references: set[str]) -> dict[str, int]:
    """external_ref first, then numeric id."""
    resolved = ids_by_external_ref(session, references)
    numeric = {int(r) for r in references - resolved.keys() if r.isdigit() and len(r) < 19}
    found = existing_ids(session, numeric)
    for ref in references - resolved.keys():
        if ref.isdigit() and len(ref) < 19 and int(ref) in found:
            resolved[ref] = int(ref)
    return resolved


def import_interactions(session: Session, *, upload: UploadFile) -> ImportReport:
    csv_file = read_csv(upload, required=REQUIRED, optional=OPTIONAL)
    report = ImportReport(
        rows=len(csv_file.rows),
        created=0,
        skipped=0,
        rejected=0,
        ignored_columns=csv_file.ignored_columns,
    )
    references = {
        row.values[c] for row in csv_file.rows for c in ("contact_a", "contact_b") if row.values[c]
    }
    contacts = _resolver(session, references)
    candidates: dict[Key, int] = {}
    rejected: set[int] = set()
    for row in csv_file.rows:
        values, line = row.values, row.line
        errors: list[tuple[str, str]] = []
        if EXTRA_CELLS in values:
            errors.append(("row", "more cells than columns"))
        ids = []
        for column in ("contact_a", "contact_b"):
            ref = values[column]
            if not ref:
                errors.append((column, "required"))
            elif ref not in contacts:
                errors.append((column, f"no contact with external_ref or id {ref!r}"))
            else:
                ids.append(contacts[ref])
        if len(ids) == 2 and ids[0] == ids[1]:
            errors.append(("contact_b", "must be another contact than contact_a"))
        channel = values["channel"].lower()
        if channel not in _CHANNELS:
            errors.append(("channel", f"must be one of {', '.join(sorted(_CHANNELS))}"))
        try:
            occurred_on = date.fromisoformat(values["occurred_on"])
            if is_future(occurred_on):
                errors.append(("occurred_on", "must not be in the future"))
        except ValueError:
            errors.append(("occurred_on", "must be a date written YYYY-MM-DD"))
        context = values.get("context", "")
        if len(context) > 300:
            errors.append(("context", "at most 300 characters"))
        if errors:
            report.errors.extend(RowError(line=line, field=f, message=m) for f, m in errors)
            rejected.add(line)
            continue
        low, high = sorted(ids)
        key: Key = (low, high, channel, occurred_on, context)
        if key in candidates:
            report.skipped_rows.append(
                SkippedRow(line=line, reason=f"repeats line {candidates[key]}")
            )
            continue
        candidates[key] = line

    created = _insert_new(session, list(candidates))
    for key, line in candidates.items():
        if key in created:
            report.created_ids.append(created[key])
        else:
            report.skipped_rows.append(SkippedRow(line=line, reason="already stored"))
    report.created = len(report.created_ids)
    report.skipped = len(report.skipped_rows)
    report.rejected = len(rejected)
    report.errors.sort(key=lambda e: e.line)
    report.skipped_rows.sort(key=lambda s: s.line)
    if report.created:
        schedule_recompute(session)
        notify_meetings(session, [(new_id, key[0], key[1]) for key, new_id in created.items()])
    return report


def _insert_new(session: Session, keys: list[Key]) -> dict[Key, int]:
    """INSERT … ON CONFLICT DO NOTHING in one statement; the keys that were new, with ids."""
    if not keys:
        return {}
    lock_for_network_change(session)
    rows = json.dumps([dict(zip(UNIQUE_COLUMNS, key, strict=True)) for key in keys], default=str)
    result = session.execute(
        text(
            "INSERT INTO interactions (contact_a_id, contact_b_id, channel, occurred_on, context)"
            " SELECT contact_a_id, contact_b_id, channel, occurred_on, context"
            " FROM jsonb_to_recordset(CAST(:rows AS jsonb)) AS r(contact_a_id int8,"
            " contact_b_id int8, channel text, occurred_on date, context text)"
            " ON CONFLICT (contact_a_id, contact_b_id, channel, occurred_on, context) DO NOTHING"
            " RETURNING contact_a_id, contact_b_id, channel, occurred_on, context, id"
        ),
        {"rows": rows},
    )
    return {(a, b, channel, day, context): new_id for a, b, channel, day, context, new_id in result}
