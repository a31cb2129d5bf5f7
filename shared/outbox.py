"""The outbox: messages (notices, digests) written in the caller's transaction, sent later.

Delivery is pluggable: a sink is any callable taking the message; the default logs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from shared.models.outbox_message import OutboxMessage

logger = logging.getLogger("vouch.outbox")

Sink = Callable[[OutboxMessage], None]


def enqueue_message(
    session: Session,
    *,
    kind: str,
    recipient_type: str,
    recipient_id: int | None,
    payload: dict[str, Any],
    due_at: datetime | None = None,
) -> OutboxMessage:
    """Add a message to the outbox; it commits or rolls back with the caller's transaction."""
    message = OutboxMessage(
        kind=kind,
        recipient_type=recipient_type,
        recipient_id=recipient_id,
        payload=payload,
        due_at=due_at or datetime.now(UTC),
        attempts=0,
    )
    session.add(message)
    session.flush()
    return message


def log_sink(message: OutboxMessage) -> None:
    logger.info(
        "outbox message",
        extra={
            "kind": message.kind,
            "recipient_type": message.recipient_type,
            "recipient_id": message.recipient_id,
        },
    )


def deliver_due(session: Session, *, sink: Sink = log_sink, limit: int = 100) -> int:
    """Send due, unsent messages through `sink`; returns how many were sent."""
    now = datetime.now(UTC)
    messages = session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.sent_at.is_(None), OutboxMessage.due_at <= now)
        .order_by(OutboxMessage.due_at, OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    ).all()
    for message in messages:
        message.attempts += 1
        sink(message)
        message.sent_at = now
    session.flush()
    return len(messages)
