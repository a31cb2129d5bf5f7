"""Rules for people and organisations: sign-in with a slow-down, invitations, resets."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from shared.accounts.passwords import (
    MIN_PASSWORD_LENGTH,
    hash_password,
    one_time_password,
    verify_password,
)
from shared.auth.keys import IssuedKey, issue_key
from shared.errors import Conflict, NotFound, field_error
from shared.models import ApiKey, Organization, User
from shared.models.enums import Role

SIGNIN_WINDOW = timedelta(minutes=10)
SIGNIN_FAILURES_ALLOWED = 5
SESSION_LIFETIME = timedelta(hours=8)


@dataclass(frozen=True)
class SignInOutcome:
    """Exactly one of: a user and a key (success), `retry_after` (slowed down), or neither."""

    user: User | None = None
    key: IssuedKey | None = None
    expires_at: datetime | None = None
    retry_after: int | None = None


def _window_open(user: User, now: datetime) -> bool:
    since = user.failed_signins_since
    return since is not None and now - since < SIGNIN_WINDOW


def sign_in(
    session: Session, *, email: str, password: str, now: datetime | None = None
) -> SignInOutcome:
    """Check a password; the failure count is written even when the caller answers 401."""
    now = now or datetime.now(UTC)
    user = session.scalar(
        select(User).where(func.lower(User.email) == email.strip().lower()).with_for_update()
    )
    if (
        user is not None
        and _window_open(user, now)
        and user.failed_signins >= SIGNIN_FAILURES_ALLOWED
    ):
        assert user.failed_signins_since is not None
        wait = (user.failed_signins_since + SIGNIN_WINDOW - now).total_seconds()
        return SignInOutcome(retry_after=max(1, math.ceil(wait)))
    hash_ = user.password_hash if user is not None else None
    if user is None or user.deactivated_at is not None or not verify_password(hash_, password):
        if user is not None:
            if not _window_open(user, now):
                user.failed_signins, user.failed_signins_since = 0, now
            user.failed_signins += 1
            session.flush()
        return SignInOutcome()
    user.failed_signins, user.failed_signins_since = 0, None
    expires_at = now + SESSION_LIFETIME
    key = issue_key(
        session,
        role=Role(user.role),
        organization_id=user.organization_id,
        name=f"console session of {user.email}",
        user_id=user.id,
    )
    session.execute(update(ApiKey).where(ApiKey.id == key.id).values(expires_at=expires_at))
    return SignInOutcome(user=user, key=key, expires_at=expires_at)


def sign_out(session: Session, *, key_id: int) -> None:
    session.execute(
        update(ApiKey)
        .where(ApiKey.id == key_id, ApiKey.revoked_at.is_(None))
        .values(revoked_at=func.now())
    )


def get_user(session: Session, *, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("No user with this id.")
    return user


def list_users(session: Session) -> list[User]:
    return list(
        session.scalars(select(User).where(User.role != Role.client.value).order_by(User.id))
    )


def create_user(
    session: Session,
    *,
    email: str,
    name: str,
    role: Role,
    password: str | None = None,
    organization_id: int | None = None,
) -> tuple[User, str | None]:
    """Create a person who signs in; returns the one-time password when none was given."""
    if role is Role.client and organization_id is None:
        raise field_error("role", "client users belong to an organisation; use organisations")
    existing = session.scalar(select(User.id).where(func.lower(User.email) == email.lower()))
    if existing is not None:
        raise Conflict(f"A user with the e-mail {email} exists (id {existing}).")
    if password is not None and len(password) < MIN_PASSWORD_LENGTH:
        raise field_error("password", f"use at least {MIN_PASSWORD_LENGTH} characters")
    generated = None if password else one_time_password()
    user = User(
        email=email.lower(),
        name=name,
        role=role.value,
        organization_id=organization_id,
        password_hash=hash_password(password or generated or ""),
        failed_signins=0,
    )
    session.add(user)
    session.flush()
    return user, generated


def _revoke_user_keys(session: Session, user_id: int) -> None:
    session.execute(
        update(ApiKey)
        .where(ApiKey.user_id == user_id, ApiKey.revoked_at.is_(None))
        .values(revoked_at=func.now())
    )


def deactivate_user(session: Session, *, user_id: int, acting_user_id: int | None) -> User:
    """The person can no longer sign in; their open sessions end now."""
    user = get_user(session, user_id=user_id)
    if acting_user_id == user_id:
        raise Conflict("You cannot deactivate yourself; ask another admin.")
    if user.deactivated_at is None:
        user.deactivated_at = datetime.now(UTC)
    _revoke_user_keys(session, user.id)
    session.flush()
    return user


def reactivate_user(session: Session, *, user_id: int) -> User:
    user = get_user(session, user_id=user_id)
    user.deactivated_at = None
    session.flush()
    return user


def reset_password(session: Session, *, user_id: int) -> tuple[User, str]:
    """A new one-time password; the old one and every open session stop working."""
    user = get_user(session, user_id=user_id)
    password = one_time_password()
    user.password_hash = hash_password(password)
    user.failed_signins, user.failed_signins_since = 0, None
    _revoke_user_keys(session, user.id)
    session.flush()
    return user, password


def change_password(session: Session, *, user_id: int, current: str, new: str) -> None:
    user = get_user(session, user_id=user_id)
    if not verify_password(user.password_hash, current):
        raise field_error("current_password", "this is not your current password")
    if len(new) < MIN_PASSWORD_LENGTH:
        raise field_error("new_password", f"use at least {MIN_PASSWORD_LENGTH} characters")
    user.password_hash = hash_password(new)
    session.flush()


def list_organizations(session: Session) -> list[tuple[Organization, int]]:
    active = (
        select(func.count(ApiKey.id))
        .where(
            ApiKey.organization_id == Organization.id,
            ApiKey.revoked_at.is_(None),
            ApiKey.role == Role.client.value,
        )
        .correlate(Organization)
        .scalar_subquery()
    )
    rows = session.execute(select(Organization, active).order_by(Organization.name))
    return [(organization, int(count)) for organization, count in rows]


def create_organization(session: Session, *, name: str) -> Organization:
    existing = session.scalar(
        select(Organization.id).where(func.lower(Organization.name) == name.lower())
    )
    if existing is not None:
        raise Conflict(f"An organisation named {name!r} exists (id {existing}).")
    organization = Organization(name=name)
    session.add(organization)
    session.flush()
    return organization


def issue_client_key(session: Session, *, organization_id: int, label: str = "") -> IssuedKey:
    if session.get(Organization, organization_id) is None:
        raise NotFound("No organisation with this id.")
    return issue_key(
        session, role=Role.client, organization_id=organization_id, name=label or "client key"
    )
