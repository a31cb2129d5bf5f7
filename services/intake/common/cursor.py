"""Opaque keyset cursors over (created_at, id), newest first."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, or_

from shared.errors import field_error
from shared.pagination import decode_cursor, encode_cursor

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


def encode_position(created_at: datetime, row_id: int) -> str:
    return encode_cursor([created_at.isoformat(), row_id])


def decode_position(cursor: str) -> tuple[datetime, int]:
    """The position a cursor points at; a 422 naming `cursor` when it is not one of ours."""
    stamp, row_id = decode_cursor(cursor, length=2)
    try:
        position = datetime.fromisoformat(stamp)
    except (ValueError, TypeError):
        position = None
    if (
        position is None
        or position.tzinfo is None
        or not isinstance(row_id, int)
        or isinstance(row_id, bool)
    ):
        raise field_error("cursor", "not a cursor this API issued; pass next_cursor unchanged")
    return position, row_id


def after_cursor(created_at: Any, row_id: Any, cursor: str | None) -> ColumnElement[bool] | None:
    """WHERE clause for the rows after `cursor` in (created_at DESC, id DESC) order."""
    if cursor is None:
        return None
    position, last_id = decode_position(cursor)
    return or_(created_at < position, and_(created_at == position, row_id < last_id))


def next_cursor(rows: list[Any], limit: int) -> str | None:
    """A cursor when one more row than asked for came back (the caller fetched limit + 1)."""
    if len(rows) <= limit:
        return None
    last = rows[limit - 1]
    return encode_position(last.created_at, last.id)
