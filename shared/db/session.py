"""The request's session: the dependency owns the transaction (commit on success)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import suppress
from typing import Annotated

import anyio.to_thread
from anyio import CancelScope, CapacityLimiter
from fastapi import Depends
from sqlalchemy.orm import Session

from shared.db.engine import get_sessionmaker


def _end(session: Session, *, commit: bool) -> None:
    try:
        if commit:
            session.commit()
        else:
            # With the database gone the rollback fails too; the original error is what matters.
            with suppress(Exception):
                session.rollback()
    finally:
        session.close()


async def get_session() -> AsyncIterator[Session]:
    """Yield a session; commit if the endpoint returned, roll back if it raised.

    Async, so opening the session (no I/O: it connects on first use) costs no hop to the thread
    pool; only the end does I/O. The end runs shielded and outside the pool's capacity limit,
    as FastAPI runs a sync dependency's exit: waiting for a free thread while holding a
    connection could deadlock the connection pool.
    """
    session = get_sessionmaker()()
    try:
        yield session
    except BaseException:
        with CancelScope(shield=True):
            await anyio.to_thread.run_sync(
                lambda: _end(session, commit=False), limiter=CapacityLimiter(1)
            )
        raise
    with CancelScope(shield=True):
        await anyio.to_thread.run_sync(
            lambda: _end(session, commit=True), limiter=CapacityLimiter(1)
        )


# scope="function": commit before the response is sent, so a 2xx means the data is stored.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
