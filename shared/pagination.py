"""Opaque keyset cursors: base64url of a small JSON list of the last row's sort key."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from shared.errors import field_error


def encode_cursor(values: list[Any]) -> str:
    raw = json.dumps(values, separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, *, length: int) -> list[Any]:
    """The sort key from a cursor; a 422 naming `cursor` when it was not made by us."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error, UnicodeError):
        raise field_error("cursor", "not a cursor returned by this endpoint") from None
    if not isinstance(values, list) or len(values) != length:
        raise field_error("cursor", "not a cursor returned by this endpoint")
    return values
