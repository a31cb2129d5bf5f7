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


# Every authenticated request: the address's failure count and the key's hit in one round trip.
# The key's hit is not counted while the address is blocked.
_ADMIT = text(
    f"""
    WITH blocked AS (
        SELECT hits, extract(epoch FROM window_end - now()) AS seconds_left
        FROM rate_limit_counters
        WHERE :failure_limit > 0 AND bucket = :failure_bucket AND hits >= :failure_limit
          AND window_start = {_WINDOW.replace(":window", ":failure_window")}
    ), hit AS (
        INSERT INTO rate_limit_counters (bucket, window_start, window_end, hits)
        SELECT :bucket, {_WINDOW}, {_WINDOW} + make_interval(secs => :window), 1
        WHERE :limit > 0 AND NOT EXISTS (SELECT FROM blocked)
        ON CONFLICT (bucket, window_start)
        DO UPDATE SET hits = rate_limit_counters.hits + 1
        RETURNING hits, extract(epoch FROM window_end - now()) AS seconds_left
    )
    SELECT true AS blocked, hits, seconds_left FROM blocked
    UNION ALL
    SELECT false, hits, seconds_left FROM hit
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


def admit(
    key_id: int,
    address: str,
    *,
    limit: int,
    window_seconds: int,
    failure_limit: int,
    failure_window_seconds: int,
) -> None:
    """429 while the address is blocked (`refuse_if_blocked`), else count the key's request
    and 429 once it made more than `limit` in the window (0 = no limit); one statement."""
    if limit <= 0 and failure_limit <= 0:
        return
    parameters = {
        "failure_limit": failure_limit,
        "failure_bucket": f"authfail:{address}",
        "failure_window": failure_window_seconds,
        "limit": limit,
        "bucket": f"key:{key_id}",
        "window": window_seconds,
    }
    with get_side_engine().connect() as connection:
        rows = connection.execute(_ADMIT, parameters).all()
    for blocked, hits, seconds_left in rows:
        counted = WindowCount(int(hits), float(seconds_left))
        if blocked:
            raise TooManyRequests(_blocked_detail(address, counted), headers=_retry(counted))
        if counted.hits > limit:
            raise TooManyRequests(
                _key_limit_detail(limit, window_seconds, counted), headers=_retry(counted)
            )


def _retry(counted: WindowCount) -> dict[str, str]:
    return {"Retry-After": counted.retry_after}


def _blocked_detail(address: str, counted: WindowCount) -> str:
    return (
        f"Too many failed authentications from {address}; "
        f"retry after {counted.retry_after} s with a valid API key."
    )


def _key_limit_detail(limit: int, window_seconds: int, counted: WindowCount) -> str:
    return (
        f"This API key made more than {limit} requests in {window_seconds} s; "
        f"retry after {counted.retry_after} s."
    )


def refuse_if_blocked(address: str, *, limit: int, window_seconds: int) -> None:
    """429 while a source address has `limit` failed authentications in the current window."""
    if limit <= 0:
        return
    counted = peek(f"authfail:{address}", window_seconds=window_seconds)
    if counted is not None and counted.hits >= limit:
        raise TooManyRequests(_blocked_detail(address, counted), headers=_retry(counted))


def record_failure(address: str, *, limit: int, window_seconds: int) -> None:
    if limit > 0:
        hit(f"authfail:{address}", window_seconds=window_seconds)


def purge_rate_limit_windows(session: Session) -> int:
    """Drop windows that ended (the worker's sweep calls this)."""
    result = session.execute(
        delete(RateLimitCounter).where(RateLimitCounter.window_end < func.now())
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
