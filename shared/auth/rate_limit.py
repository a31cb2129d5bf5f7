"""Fixed-window rate limits kept in PostgreSQL, so every replica counts against one budget.

Why PostgreSQL and not the `limits` library: its shared storages are Redis, Memcached or
MongoDB, and Vouch runs on one PostgreSQL and nothing else. One UPSERT per request on a row per
(bucket, window) costs a fraction of a millisecond; the counters commit on their own connection,
so a request that fails (and rolls back) still counts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import delete, func, text
from sqlalchemy.orm import Session

from shared.db.engine import get_side_engine
from shared.errors import TooManyRequests
from shared.models import RateLimitCounter

_WINDOW = "to_timestamp(floor(extract(epoch FROM now()) / :window) * :window)"
_HIT = text(
    f"""
    INSERT INTO rate_limit_counters (bucket, window_start, window_end, hits)
    VALUES (:bucket, {_WINDOW}, {_WINDOW} + make_interval(secs => :window), 1)
    ON CONFLICT (bucket, window_start)
    DO UPDATE SET hits = rate_limit_counters.hits + 1
    RETURNING hits, extract(epoch FROM window_end - now())
    """
)
_PEEK = text(
    f"""
    SELECT hits, extract(epoch FROM window_end - now()) FROM rate_limit_counters
    WHERE bucket = :bucket AND window_start = {_WINDOW}
    """
)


@dataclass(frozen=True)
class WindowCount:
    hits: int
    seconds_left: float

    @property
    def retry_after(self) -> str:
        return str(max(1, math.ceil(self.seconds_left)))


def _execute(statement: object, bucket: str, window: int) -> WindowCount | None:
    with get_side_engine().connect() as connection:
        row = connection.execute(statement, {"bucket": bucket, "window": window}).first()  # type: ignore[call-overload]
    return None if row is None else WindowCount(int(row[0]), float(row[1]))


def hit(bucket: str, *, window_seconds: int) -> WindowCount:
    """Count one more event in the bucket's current window."""
    counted = _execute(_HIT, bucket, window_seconds)
    assert counted is not None
    return counted


def peek(bucket: str, *, window_seconds: int) -> WindowCount | None:
    """The bucket's count in the current window, without adding to it."""
    return _execute(_PEEK, bucket, window_seconds)


def enforce_key_limit(key_id: int, *, limit: int, window_seconds: int) -> None:
    """429 once a key has made `limit` requests in the current window (0 = no limit)."""
    if limit <= 0:
        return
    counted = hit(f"key:{key_id}", window_seconds=window_seconds)
    if counted.hits > limit:
        raise TooManyRequests(
            f"This API key made more than {limit} requests in {window_seconds} s; "
            f"retry after {counted.retry_after} s.",
            headers={"Retry-After": counted.retry_after},
        )


def refuse_if_blocked(address: str, *, limit: int, window_seconds: int) -> None:
    """429 while a source address has `limit` failed authentications in the current window."""
    if limit <= 0:
        return
    counted = peek(f"authfail:{address}", window_seconds=window_seconds)
    if counted is not None and counted.hits >= limit:
        raise TooManyRequests(
            f"Too many failed authentications from {address}; "
            f"retry after {counted.retry_after} s with a valid API key.",
            headers={"Retry-After": counted.retry_after},
        )


def record_failure(address: str, *, limit: int, window_seconds: int) -> None:
    if limit > 0:
        hit(f"authfail:{address}", window_seconds=window_seconds)


def purge_rate_limit_windows(session: Session) -> int:
    """Drop windows that ended (the worker's sweep calls this)."""
    result = session.execute(
        delete(RateLimitCounter).where(RateLimitCounter.window_end < func.now())
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
