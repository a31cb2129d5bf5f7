"""Idempotency-Key for POSTs: a retry with the same key and body replays the first response.

The record is written in the same transaction as the work, under a transaction-scoped advisory
lock on (key owner, key), so two concurrent requests with one key create exactly one row: the
second waits for the first to commit and then replays its response.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy import delete, insert, select, text
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from shared.auth.deps import CurrentPrincipal
from shared.config import get_settings
from shared.db.session import SessionDep
from shared.errors import AppError, ValidationProblem
from shared.models import IdempotencyRecord

HEADER = "Idempotency-Key"


class IdempotentReplay(AppError):
    """Raised to short-circuit a retried request; rendered as the stored response."""

    def __init__(self, status_code: int, body: Any) -> None:
        super().__init__("replay")
        self.status_code = status_code
        self.body = body


@dataclass
class Idempotency:
    session: Session
    api_key_id: int
    key: str | None
    method: str
    path: str
    body_sha256: str

    def respond(self, body: Any, *, status_code: int = 201) -> JSONResponse:
        """Build the JSON response and, with a key, store it for retries in this transaction."""
        # model_dump runs in pydantic-core; jsonable_encoder walks the model in Python (~2 ms).
        payload = (
            body.model_dump(mode="json") if isinstance(body, BaseModel) else jsonable_encoder(body)
        )
        if self.key is not None:
            self._store(payload, status_code)
        return JSONResponse(payload, status_code=status_code)

    def _store(self, payload: Any, status_code: int) -> None:
        ttl = timedelta(hours=get_settings().idempotency_ttl_hours)
        # Core insert: cheaper than an ORM flush on every created record.
        self.session.execute(
            insert(IdempotencyRecord).values(
                api_key_id=self.api_key_id,
                key=self.key,
                method=self.method,
                path=self.path,
                body_sha256=self.body_sha256,
                status_code=status_code,
                response_body=payload,
                expires_at=datetime.now(UTC) + ttl,
            )
        )

    def respond_json(self, content: bytes, *, status_code: int = 201) -> Response:
        """`respond` for a body already serialised to JSON (a hot endpoint's own encoding)."""
        if self.key is not None:
            self._store(json.loads(content), status_code)
        return Response(content, status_code=status_code, media_type="application/json")


async def _body_digest(request: Request) -> str:
    """Digest of what the caller sent; for multipart, of the fields and file contents.

    A multipart body carries a random boundary, so the raw bytes of a retried upload differ;
    hashing the parsed parts makes the same upload the same request.
    """
    if request.headers.get("content-type", "").startswith("multipart/form-data"):
        digest = hashlib.sha256()
        try:
            form = await request.form()  # cached by Starlette; the endpoint sees the same form
        except Exception as exc:  # the multipart parser raises several types for bad bodies
            raise ValidationProblem(
                "The multipart/form-data body could not be parsed.",
                errors=[{"field": "body", "location": "body", "message": str(exc)[:200]}],
            ) from exc
        for name, value in sorted(form.multi_items(), key=lambda item: item[0]):
            digest.update(name.encode() + b"\0")
            if isinstance(value, str):
                digest.update(value.encode())
            else:
                digest.update(await value.read())
                await value.seek(0)
            digest.update(b"\0")
        return digest.hexdigest()
    return hashlib.sha256(await request.body()).hexdigest()


async def get_idempotency(
    request: Request,
    session: SessionDep,
    principal: CurrentPrincipal,
    body_sha256: Annotated[str, Depends(_body_digest)],
) -> Idempotency:
    """Async: a request without a key (most) needs no I/O here, so no hop to the thread pool."""
    key = request.headers.get(HEADER)
    idem = Idempotency(
        session=session,
        api_key_id=principal.key_id,
        key=key,
        method=request.method,
        path=request.url.path,
        body_sha256=body_sha256,
    )
    if key is None:
        return idem
    if not (1 <= len(key) <= 200):
        raise ValidationProblem(
            "Idempotency-Key must be 1 to 200 characters.",
            errors=[{"field": HEADER, "location": "header", "message": "1 to 200 characters"}],
        )
    await run_in_threadpool(_replay_if_stored, idem)
    return idem


def _replay_if_stored(idem: Idempotency) -> None:
    """Take the key's lock; raise `IdempotentReplay` when a response is stored for it."""
    session, key = idem.session, idem.key
    session.execute(
        text("SELECT pg_advisory_xact_lock(hashtextextended(:lock_key, 0))"),
        {"lock_key": f"idem:{idem.api_key_id}:{key}"},
    )
    record = session.scalar(
        select(IdempotencyRecord).where(
            IdempotencyRecord.api_key_id == idem.api_key_id, IdempotencyRecord.key == key
        )
    )
    if record is not None and record.expires_at <= datetime.now(UTC):
        session.delete(record)
        session.flush()
        record = None
    if record is None:
        return
    if record.body_sha256 != idem.body_sha256 or record.path != idem.path:
        raise ValidationProblem(
            "This Idempotency-Key was already used with a different request body; "
            "use a new key for a new request.",
            errors=[{"field": HEADER, "location": "header", "message": "reused with another body"}],
        )
    raise IdempotentReplay(record.status_code, record.response_body)


IdempotencyDep = Annotated[Idempotency, Depends(get_idempotency)]


def purge_expired(session: Session) -> int:
    result = session.execute(
        delete(IdempotencyRecord).where(IdempotencyRecord.expires_at <= datetime.now(UTC))
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


async def replay_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, IdempotentReplay)
    return JSONResponse(
        exc.body, status_code=exc.status_code, headers={"Idempotent-Replayed": "true"}
    )
