"""The request's session: the dependency owns the transaction (commit on success)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import suppress
from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from shared.db.engine import get_sessionmaker


def get_session() -> Iterator[Session]:
    """Yield a session; commit if the endpoint returned, roll back if it raised."""
    session = get_sessionmaker()()
    try:
        yield session
        session.commit()
    except BaseException:
        # With the database gone the rollback fails too; the original error is what matters.
        with suppress(Exception):
            session.rollback()
        raise
    finally:
        session.close()


# scope="function": commit before the response is sent, so a 2xx means the data is stored.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]
