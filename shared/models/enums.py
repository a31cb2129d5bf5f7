"""Value sets shared by the schema and the APIs; stored as text guarded by CHECK constraints."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    client = "client"
    account_manager = "account_manager"
    admin = "admin"


class RemotePreference(StrEnum):
    onsite = "onsite"
    hybrid = "hybrid"
    remote = "remote"


class Engagement(StrEnum):
    freelance = "freelance"
    permanent = "permanent"
    either = "either"


class RequestStatus(StrEnum):
    open = "open"
    filled = "filled"
    cancelled = "cancelled"


class LanguageLevel(StrEnum):
    A1 = "A1"
    A2 = "A2"
    B1 = "B1"
    B2 = "B2"
    C1 = "C1"
    C2 = "C2"
    native = "native"


class SourceType(StrEnum):
    referral = "referral"
    event = "event"
    former_colleague = "former_colleague"
    inbound = "inbound"
    job_board = "job_board"
    network_online = "network_online"
    other = "other"


class Channel(StrEnum):
    in_person = "in_person"
    worked_together = "worked_together"
    video = "video"
    phone = "phone"
    online = "online"


class Recommendation(StrEnum):
    strong = "strong"
    yes = "yes"
    reservations = "reservations"
    against = "against"


class VouchStatus(StrEnum):
    active = "active"
    superseded = "superseded"
    withdrawn = "withdrawn"


class Decision(StrEnum):
    shortlisted = "shortlisted"
    rejected = "rejected"
    presented = "presented"
    interviewed = "interviewed"
    placed = "placed"
    declined = "declined"


class PlacementOutcome(StrEnum):
    ongoing = "ongoing"
    completed = "completed"
    terminated_early = "terminated_early"
    cancelled = "cancelled"


class ModelStatus(StrEnum):
    queued = "queued"
    training = "training"
    trained = "trained"
    active = "active"
    retired = "retired"
    rejected = "rejected"
    failed = "failed"


class LegalBasis(StrEnum):
    """GDPR Art. 6(1) basis for keeping a contact's data."""

    consent = "consent"
    legitimate_interest = "legitimate_interest"
    contract = "contract"


class JobStatus(StrEnum):
    queued = "queued"
    running = "running"
    done = "done"
    # Dead letter: attempts used up (or superseded); `vouch jobs retry ID` queues it again.
    dead = "dead"


def values_check(column: str, enum: type[StrEnum]) -> str:
    """SQL for a CHECK that keeps a text column inside an enum's values."""
    quoted = ", ".join(f"'{member.value}'" for member in enum)
    return f"{column} IN ({quoted})"
