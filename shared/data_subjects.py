"""Erasure (GDPR Art. 17) and merges of a data subject across services that each own tables.

An operation is a `subject_operations` row plus a queued job per owning service, run in a fixed
order: the endpoint (in the service owning the subject) starts it in its own transaction; each
service's worker does its step on its own tables and queues the next step in the same
transaction; the last step clears what this helper owns (audit rows about the subject, stored
Idempotency-Key responses, outbox messages), records an audit event without the erased data and
forgets the subject's id and scrub terms. A failed step is retried by the queue; a step that
already ran is skipped, so a retry does nothing twice.

    erase freelancer: referrals (anonymous funnel facts, vouches, trust, the linked contact)
                      -> matching (reviews, match results, placements anonymised)
                      -> intake (the profile and everything under it)
    erase contact:    matching (names in explanations) -> referrals (the contact and its ties)
    merge freelancer: referrals -> matching -> intake (moves rows onto `into_id`)
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any, Final

from sqlalchemy import Text, cast, delete, func, literal, or_, select, text, update
from sqlalchemy.dialects.postgresql import JSONPATH
from sqlalchemy.orm import Session

from shared.audit import record_access
from shared.auth.deps import Principal
from shared.errors import Conflict
from shared.models import AuditEntry, IdempotencyRecord, Job, OutboxMessage, SubjectOperation
from shared.queue.jobs import enqueue

STEPS: Final[dict[tuple[str, str], tuple[str, ...]]] = {
    ("erase", "freelancer"): ("referrals", "matching", "intake"),
    ("erase", "contact"): ("matching", "referrals"),
    ("merge", "freelancer"): ("referrals", "matching", "intake"),
}
# JSON keys under which stored responses name a freelancer or a contact.
SUBJECT_KEYS: Final[dict[str, tuple[str, ...]]] = {
    "freelancer": ("freelancer_id",),
    "contact": ("contact_id", "referrer_contact_id", "contact_a_id", "contact_b_id"),
}
COLLECTION: Final[dict[str, str]] = {"freelancer": "/v1/freelancers", "contact": "/v1/contacts"}


def job_kind(service: str) -> str:
    return f"subject_operation_{service}"


def like_pattern(term: str) -> str:
    """An ILIKE pattern matching `term` literally anywhere."""
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def pending_for(session: Session, *, subject_type: str, subject_id: int) -> int | None:
    return session.scalar(
        select(SubjectOperation.id).where(
            SubjectOperation.subject_type == subject_type,
            or_(
                SubjectOperation.subject_id == subject_id,
                SubjectOperation.into_id == subject_id,
            ),
            SubjectOperation.completed_at.is_(None),
        )
    )


def start_operation(
    session: Session,
    *,
    kind: str,
    subject_type: str,
    subject_id: int,
    scrub_terms: list[str],
    principal: Principal | None,
    into_id: int | None = None,
    trigger: str = "api",
) -> SubjectOperation:
    """Record the operation and queue its first step, in the caller's transaction."""
    session.execute(
        text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
        {"key": f"vouch:subject:{subject_type}:{subject_id}"},
    )
    for busy in (subject_id, into_id):
        if busy is not None and (
            running := pending_for(session, subject_type=subject_type, subject_id=busy)
        ):
            raise Conflict(
                f"{subject_type.capitalize()} {busy} is already being erased or merged "
                f"(operation {running}); wait until it completes.",
                operation_id=running,
            )
    steps = STEPS[(kind, subject_type)]
    operation = SubjectOperation(
        kind=kind,
        subject_type=subject_type,
        subject_id=subject_id,
        into_id=into_id,
        steps=list(steps),
        done_steps=[],
        scrub_terms=sorted({t.strip() for t in scrub_terms if t and len(t.strip()) >= 3}),
        trigger=trigger,
        requested_by_key_id=principal.key_id if principal else None,
        summary={},
    )
    session.add(operation)
    session.flush()
    enqueue(session, kind=job_kind(steps[0]), payload={"operation_id": operation.id})
    record_access(
        session,
        principal=principal,
        action=f"{kind}_requested",
        entity=subject_type,
        entity_id=into_id,  # a merge names the surviving profile; an erasure names nobody
        detail={"operation_id": operation.id, "trigger": trigger},
    )
    return operation


def begin_step(session: Session, *, operation_id: int, service: str) -> SubjectOperation | None:
    """The locked operation when `service` is its next step; None when done or not yet due."""
    operation = session.get(SubjectOperation, operation_id, with_for_update=True)
    if operation is None or operation.completed_at is not None:
        return None
    remaining = [s for s in operation.steps if s not in operation.done_steps]
    if not remaining or remaining[0] != service:
        return None
    return operation


def finish_step(
    session: Session, operation: SubjectOperation, *, service: str, counts: dict[str, int]
) -> None:
    """Mark `service` done; queue the next step, or complete the operation."""
    operation.done_steps = [*operation.done_steps, service]
    operation.summary = {**operation.summary, service: counts}
    remaining = [s for s in operation.steps if s not in operation.done_steps]
    if remaining:
        session.flush()
        enqueue(session, kind=job_kind(remaining[0]), payload={"operation_id": operation.id})
        return
    if operation.kind == "erase" and operation.subject_id is not None:
        shared_counts = scrub_shared(
            session,
            subject_type=operation.subject_type,
            subject_id=operation.subject_id,
            terms=operation.scrub_terms or [],
        )
        operation.summary = {**operation.summary, "shared": shared_counts}
    record_access(
        session,
        principal=None,
        action="erased" if operation.kind == "erase" else "merged",
        entity=operation.subject_type,
        entity_id=operation.into_id,
        detail={"operation_id": operation.id, "tables": operation.summary},
    )
    operation.completed_at = datetime.now(UTC)
    if operation.kind == "erase":
        operation.subject_id = None
    operation.scrub_terms = None
    session.flush()


def _mentions(column: Any, terms: list[str]) -> Any:
    """The column's text (JSON included) contains one of `terms`, case-insensitively."""
    return or_(*(cast(column, Text).ilike(like_pattern(t)) for t in terms))


def _names_id(column: Any, key: str, subject_id: int) -> Any:
    """Some object anywhere in the JSON document has `key` equal to the subject's id."""
    path = literal(f"$.** ? (@.{key} == $id)").cast(JSONPATH)
    return func.jsonb_path_exists(column, path, func.jsonb_build_object("id", subject_id))


def scrub_shared(
    session: Session, *, subject_type: str, subject_id: int, terms: list[str]
) -> dict[str, int]:
    """Remove the subject from the cross-cutting tables this package owns."""
    counts: dict[str, int] = {}
    audit_filter = or_(
        (AuditEntry.entity == subject_type) & (AuditEntry.entity_id == str(subject_id)),
        *([_mentions(AuditEntry.detail, terms)] if terms else []),
    )
    counts["audit_log"] = _rowcount(session.execute(delete(AuditEntry).where(audit_filter)))
    # List reads record the ids they showed: drop this one from those lists.
    counts["audit_log"] += _rowcount(
        session.execute(
            text(
                "UPDATE audit_log SET detail = jsonb_set(detail, '{ids}', (SELECT"
                " coalesce(jsonb_agg(e), '[]'::jsonb) FROM jsonb_array_elements(detail->'ids') e"
                " WHERE e <> to_jsonb(CAST(:id AS bigint)))) WHERE entity = :entity"
                " AND jsonb_typeof(detail->'ids') = 'array'"
                " AND detail->'ids' @> jsonb_build_array(CAST(:id AS bigint))"
            ),
            {"id": subject_id, "entity": subject_type},
        )
    )
    keys = SUBJECT_KEYS[subject_type]
    mentions_id = or_(
        *(_names_id(IdempotencyRecord.response_body, key, subject_id) for key in keys),
        IdempotencyRecord.path == f"{COLLECTION[subject_type]}/{subject_id}",
        IdempotencyRecord.path.like(f"{COLLECTION[subject_type]}/{subject_id}/%"),
        *([_mentions(IdempotencyRecord.response_body, terms)] if terms else []),
    )
    counts["idempotency_records"] = _rowcount(
        session.execute(delete(IdempotencyRecord).where(mentions_id))
    )
    counts["outbox_messages"] = _rowcount(
        session.execute(
            delete(OutboxMessage).where(
                or_(
                    (OutboxMessage.recipient_type == subject_type)
                    & (OutboxMessage.recipient_id == subject_id),
                    *([_mentions(OutboxMessage.payload, terms)] if terms else []),
                )
            )
        )
    )
    if terms:
        counts["jobs"] = _rowcount(
            session.execute(
                delete(Job).where(Job.status.in_(("done", "failed")), _mentions(Job.payload, terms))
            )
        )
    # A finished merge into this subject no longer names it.
    session.execute(
        update(SubjectOperation)
        .where(
            SubjectOperation.subject_type == subject_type,
            SubjectOperation.into_id == subject_id,
            SubjectOperation.completed_at.is_not(None),
        )
        .values(into_id=None)
    )
    return counts


def _rowcount(result: Any) -> int:
    return int(result.rowcount or 0)
