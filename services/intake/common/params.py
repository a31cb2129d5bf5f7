"""Query parameters that need more than a type: instants and date bounds."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from shared.errors import field_error


def parse_instant(value: str | None, *, field: str, end_of_day: bool = False) -> datetime | None:
    """An ISO date or date-time (naive means UTC); a bare date as an upper bound covers the day."""
    if value is None:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            if end_of_day:
                return datetime.combine(day + timedelta(days=1), time.min, UTC) - timedelta(
                    microseconds=1
                )
            return datetime.combine(day, time.min, UTC)
        instant = datetime.fromisoformat(text)
    except ValueError:
        raise field_error(field, "use an ISO 8601 date or date-time, e.g. 2026-03-01") from None
    return instant if instant.tzinfo is not None else instant.replace(tzinfo=UTC)
