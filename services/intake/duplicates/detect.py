"""Likely duplicate profiles: flagged when a profile is created, never refused.

A profile is a likely duplicate of another when they share the name and the phone number, the
name and the city, or (nearly) the same CV/summary text. Names compare case- and
space-insensitively, phones by their last nine digits (so "+49 170 1234567" and "0170/1234567"
agree), texts by a fuzzy ratio of at least 90 among the profiles whose summary starts or ends
like this one (digests of the first and last 120 characters, indexed, so the check stays cheap
at a million profiles; one edit cannot change both ends) or that share the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz
from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from shared.models import Freelancer

MIN_TEXT = 200  # shorter texts ("Java developer") are too alike to mean anything
TEXT_RATIO = 90.0
PHONE_DIGITS = 9
DIGEST_CHARS = 120
LIMIT = 20


def name_key(name: str) -> str:
    return " ".join(name.lower().split())


def phone_key(phone: str | None) -> str | None:
    digits = re.sub(r"\D", "", phone or "")
    return digits[-PHONE_DIGITS:] if len(digits) >= 6 else None


# Written out (not bound) so the planner matches ix_freelancers_summary_head / _tail.
STORED_DIGESTS = {
    part: text(
        rf"md5(lower(regexp_replace({part}(freelancers.summary, {DIGEST_CHARS}), '\s+', ' ', 'g')))"
    )
    for part in ("left", "right")
}


def digest_of(value: str, part: str) -> Any:
    piece = value[:DIGEST_CHARS] if part == "left" else value[-DIGEST_CHARS:]
    return func.md5(func.lower(func.regexp_replace(piece, r"\s+", " ", "g")))


@dataclass
class PossibleDuplicate:
    id: int
    name: str
    email: str
    reasons: list[str] = field(default_factory=list)


def find_duplicates(session: Session, freelancer: Freelancer) -> list[PossibleDuplicate]:
    """Other profiles that are probably the same person, most reasons first."""
    name = name_key(freelancer.name)
    summary = freelancer.summary or ""
    # Each condition has its index; an OR of indexed conditions stays a bitmap-index scan.
    conditions = [func.lower(Freelancer.name) == freelancer.name.lower()]
    if len(summary) >= MIN_TEXT:
        conditions += [STORED_DIGESTS[p] == digest_of(summary, p) for p in ("left", "right")]
    candidates = session.scalars(
        select(Freelancer).where(Freelancer.id != freelancer.id, or_(*conditions)).limit(200)
    ).all()
    phone = phone_key(freelancer.phone)
    city = (freelancer.location_city or "").strip().lower()
    found: list[PossibleDuplicate] = []
    for other in candidates:
        reasons = []
        same_name = name_key(other.name) == name
        if same_name and phone and phone_key(other.phone) == phone:
            reasons.append("same_name_and_phone")
        if same_name and city and (other.location_city or "").strip().lower() == city:
            reasons.append("same_name_and_city")
        other_text = other.summary or ""
        if (
            len(summary) >= MIN_TEXT
            and len(other_text) >= MIN_TEXT
            and fuzz.ratio(summary[:5000], other_text[:5000]) >= TEXT_RATIO
        ):
            reasons.append("near_identical_cv")
        if reasons:
            found.append(PossibleDuplicate(other.id, other.name, other.email, reasons))
    found.sort(key=lambda d: (-len(d.reasons), d.id))
    return found[:LIMIT]


def warnings_for(duplicates: list[PossibleDuplicate]) -> list[str]:
    words = {
        "same_name_and_phone": "same name and phone",
        "same_name_and_city": "same name and city",
        "near_identical_cv": "nearly identical CV/summary",
    }
    return [
        f"Possibly the same person as freelancer {d.id} ({', '.join(words[r] for r in d.reasons)});"
        f" merge with POST /v1/freelancers/{{id}}/merge if so."
        for d in duplicates
    ]
