"""Opaque keyset cursors over (created_at, id), newest first."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_

from shared.errors import field_error

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def encode_cursor(created_at: datetime, row_id: int) -> str:
    raw = json.dumps([created_at.isoformat(), row_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[datetime, int]:
    """The position a cursor points at; a 422 naming `cursor` when it is not one of ours."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        stamp, row_id = json.loads(base64.urlsafe_b64decode(padded.encode()))
        position = datetime.fromisoformat(stamp)
        if not isinstance(row_id, int) or isinstance(row_id, bool) or position.tzinfo is None:
            raise ValueError("bad cursor")
    except (ValueError, TypeError, binascii.Error, UnicodeError):
        raise field_error(
            "cursor", "not a cursor this API issued; pass next_cursor unchanged"
        ) from None
    return position, row_id


def after_cursor(created_at: Any, row_id: Any, cursor: str | None) -> ColumnElement[bool] | None:
    """WHERE clause for the rows after `cursor` in (created_at DESC, id DESC) order."""
    if cursor is None:
        return None
    position, last_id = decode_cursor(cursor)
    return or_(created_at < position, and_(created_at == position, row_id < last_id))


def next_cursor(rows: list[Any], limit: int) -> str | None:
    """A cursor when one more row than asked for came back (the caller fetched limit + 1)."""
    if len(rows) <= limit:
        return None
    last = rows[limit - 1]
    return encode_cursor(last.created_at, last.id)
