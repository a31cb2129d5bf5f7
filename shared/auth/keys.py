"""API keys: random, shown once, stored only as a SHA-256 hash."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

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
    expires_at: datetime | None = None,
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
        expires_at=expires_at,
    )
    session.add(api_key)
    session.flush()
    return IssuedKey(api_key.id, raw_key, role, organization_id)


def rotate_key(
    session: Session,
    *,
    key_id: int,
    grace: timedelta = timedelta(0),
    new_expires_at: datetime | None = None,
) -> IssuedKey:
    """Issue a key with the old one's role, organisation, user and name; the old one expires
    after `grace` (now by default)."""
    old = session.scalar(select(ApiKey).where(ApiKey.id == key_id).with_for_update())
    if old is None or old.revoked_at is not None:
        raise LookupError(f"no active key #{key_id}")
    now = datetime.now(UTC)
    if old.expires_at is not None and old.expires_at <= now:
        raise LookupError(f"key #{key_id} has already expired; create a new key instead")
    old.expires_at = now + grace if old.expires_at is None else min(old.expires_at, now + grace)
    return issue_key(
        session,
        role=Role(old.role),
        organization_id=old.organization_id,
        name=old.name,
        user_id=old.user_id,
        expires_at=new_expires_at,
    )
