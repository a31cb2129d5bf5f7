"""Input types that refuse the coercions pydantic's lax mode would make silently.

Lax mode turns `true` into 1 for an integer field, and `0` into 1970-01-01 for a date, so a
client bug is stored as data. These types refuse those while still accepting what legitimate
JSON (and our CSV importers, which pass text) send: numbers and numeric text for numbers, ISO
8601 text for dates and times, true/false for booleans. Use them in request bodies only.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from pydantic import BeforeValidator


def _refuse_boolean(value: Any) -> Any:
    if isinstance(value, bool):
        raise ValueError("must be a number, not true or false")
    return value


def _refuse_number_for_time(value: Any) -> Any:
    if isinstance(value, bool | int | float | Decimal):
        raise ValueError("must be an ISO 8601 string (e.g. 2026-03-01 or 2026-03-01T09:00:00Z)")
    return value


def _refuse_number_for_boolean(value: Any) -> Any:
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        raise ValueError("must be true or false, not a number")
    return value


NOT_BOOLEAN = BeforeValidator(_refuse_boolean)
NOT_NUMBER = BeforeValidator(_refuse_number_for_time)

StrictInt = Annotated[int, NOT_BOOLEAN]
StrictFloat = Annotated[float, NOT_BOOLEAN]
StrictDecimal = Annotated[Decimal, NOT_BOOLEAN]
StrictBool = Annotated[bool, BeforeValidator(_refuse_number_for_boolean)]
StrictDate = Annotated[date, NOT_NUMBER]
StrictDatetime = Annotated[datetime, NOT_NUMBER]
