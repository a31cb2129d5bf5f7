"""What "in the future" means for dates people type in."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta


def latest_allowed_day() -> date:
    """Today somewhere on Earth (UTC+14), so a meeting logged just after local midnight is fine."""
    return (datetime.now(UTC) + timedelta(hours=14)).date()


def is_future(day: date) -> bool:
    return day > latest_allowed_day()
