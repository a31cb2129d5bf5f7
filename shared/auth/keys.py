"""API keys: random, shown once, stored only as a SHA-256 hash."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.models import ApiKey, Organization
from shared.models.enums import Role

KEY_PREFIX = "vouch_"


def hash_key(raw_key: str) -> str:
    # Keys carry 256 bits of randomness, so a fast unsalted hash is safe (no dictionary to try).
    return hashlib.sha256(raw_key.encode()).hexdigest()


@dataclass(frozen=True)
class IssuedKey:
    id: int
    raw_key: str
    role: Role
    organization_id: int | None


def get_or_create_organization(session: Session, *, name: str) -> Organization:
    organization = session.scalar(select(Organization).where(Organization.name == name))
    if organization is None:
        organization = Organization(name=name)
        session.add(organization)
        session.flush()
    return organization


def issue_key(
    session: Session,
    *,
    role: Role,
    organization_id: int | None = None,
    name: str = "",
    user_id: int | None = None,
) -> IssuedKey:
    """Create a key; the raw value exists only in the return value."""
    if role is Role.client and organization_id is None:
        raise ValueError("a client key needs an organisation")
    if role is not Role.client:
        organization_id = None
    raw_key = KEY_PREFIX + secrets.token_urlsafe(32)
    api_key = ApiKey(
        key_hash=hash_key(raw_key),
        prefix=raw_key[: len(KEY_PREFIX) + 6],
        name=name,
        role=role.value,
        organization_id=organization_id,
        user_id=user_id,
    )
    session.add(api_key)
    session.flush()
    return IssuedKey(api_key.id, raw_key, role, organization_id)
