"""RFC 9457 problem details: one exception base, one set of handlers."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from asgi_correlation_id import correlation_id
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from shared.config import get_settings

PROBLEM_JSON = "application/problem+json"
TYPE_BASE = "https://vouch.example/problems/"

logger = logging.getLogger("vouch.errors")


class AppError(Exception):
    """An error the caller can act on; rendered as a problem document."""

    status: int = 400
    title: str = "Bad request"
    type_slug: str = "bad-request"

    def __init__(
        self,
        detail: str,
        *,
        status: int | None = None,
        title: str | None = None,
        errors: list[dict[str, Any]] | None = None,
        headers: dict[str, str] | None = None,
        **extra: Any,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        if status is not None:
            self.status = status
        if title is not None:
            self.title = title
        self.errors = errors
        self.headers = headers or {}
        self.extra = extra


class Unauthorized(AppError):
    status, title, type_slug = 401, "Unauthorized", "unauthorized"


class Forbidden(AppError):
    status, title, type_slug = 403, "Forbidden", "forbidden"


class NotFound(AppError):
    status, title, type_slug = 404, "Not found", "not-found"


class Conflict(AppError):
    status, title, type_slug = 409, "Conflict", "conflict"


class PayloadTooLarge(AppError):
    status, title, type_slug = 413, "Payload too large", "payload-too-large"


class ValidationProblem(AppError):
    """422 naming each invalid field: errors=[{"field": "start_date", "message": "..."}]."""

    status, title, type_slug = 422, "Validation failed", "validation-error"


class TooManyRequests(AppError):
    status, title, type_slug = 429, "Too many requests", "rate-limited"


class ServiceUnavailable(AppError):
    status, title, type_slug = 503, "Service unavailable", "service-unavailable"


def field_error(field: str, message: str) -> ValidationProblem:
    """A 422 for one field."""
    return ValidationProblem(f"{field}: {message}", errors=[{"field": field, "message": message}])


def problem_response(
    *,
    status: int,
    title: str,
    detail: str,
    type_slug: str,
    instance: str | None = None,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {
        "type": TYPE_BASE + type_slug,
        "title": title,
        "status": status,
        "detail": detail,
    }
    if instance:
        body["instance"] = instance
    request_id = correlation_id.get()
    if request_id:
        body["request_id"] = request_id
    if errors is not None:
        body["errors"] = errors
    if extra:
        body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def _field_path(loc: tuple[Any, ...] | list[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header"):
        parts = parts[1:] if len(parts) > 1 else parts
    return ".".join(parts) or "body"


def _validation_errors(exc: RequestValidationError) -> list[dict[str, Any]]:
    errors = []
    for err in exc.errors():
        loc = err.get("loc", ())
        kind = err.get("type", "")
        message = err.get("msg", "invalid value")
        if kind == "json_invalid":
            message = "the body is not valid JSON: " + str(err.get("ctx", {}).get("error", ""))
        elif kind == "extra_forbidden":
            message = "unknown field; remove it"
        errors.append(
            {
                "field": _field_path(loc),
                "location": str(loc[0]) if loc else "body",
                "message": message,
                "type": kind,
            }
        )
    return errors


async def _app_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AppError)
    headers = dict(exc.headers)
    if exc.status == 503:
        headers.setdefault("Retry-After", str(get_settings().retry_after_seconds))
    return problem_response(
        status=exc.status,
        title=exc.title,
        detail=exc.detail,
        type_slug=exc.type_slug,
        instance=request.url.path,
        errors=exc.errors,
        headers=headers,
        extra=exc.extra,
    )


async def _validation_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = _validation_errors(exc)
    if any(e["type"] == "json_invalid" for e in errors):
        return problem_response(
            status=400,
            title="Malformed JSON",
            detail="The request body could not be parsed as JSON.",
            type_slug="malformed-json",
            instance=request.url.path,
            errors=errors,
        )
    fields = ", ".join(sorted({e["field"] for e in errors}))
    return problem_response(
        status=422,
        title="Validation failed",
        detail=f"Fix these fields: {fields}",
        type_slug="validation-error",
        instance=request.url.path,
        errors=errors,
    )


async def _http_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    phrase = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Error"
    detail = exc.detail if isinstance(exc.detail, str) else phrase
    if status == 404 and detail == "Not Found":
        detail = f"No route {request.method} {request.url.path}"
    if status == 405:
        detail = f"{request.method} is not allowed on {request.url.path}"
    return problem_response(
        status=status,
        title=phrase,
        detail=detail,
        type_slug=phrase.lower().replace(" ", "-"),
        instance=request.url.path,
        headers=getattr(exc, "headers", None),
    )


def _database_message(exc: DBAPIError) -> str:
    diag = getattr(exc.orig, "diag", None)
    return str(getattr(diag, "message_primary", None) or "invalid value")


async def _data_error_handler(request: Request, exc: Exception) -> JSONResponse:
    # The database refused a value the request carried (e.g. an id beyond bigint); the
    # session dependency has already rolled the transaction back.
    assert isinstance(exc, DataError)
    return problem_response(
        status=422,
        title="Value out of range",
        detail=f"A value in the request does not fit its field ({_database_message(exc)}); "
        "check ids and numbers.",
        type_slug="invalid-value",
        instance=request.url.path,
        errors=[{"field": "request", "message": _database_message(exc)}],
    )


async def _integrity_error_handler(request: Request, exc: Exception) -> JSONResponse:
    # A constraint caught what the service checks missed (e.g. a concurrent duplicate).
    assert isinstance(exc, IntegrityError)
    return problem_response(
        status=409,
        title="Conflict",
        detail=f"The change conflicts with stored data ({_database_message(exc)}); "
        "read the current state and retry.",
        type_slug="conflict",
        instance=request.url.path,
    )


def database_unavailable(exc: BaseException) -> bool:
    """Connection refused or lost, server shutting down, pool exhausted: not the caller's fault."""
    if isinstance(exc, OperationalError | InterfaceError | PoolTimeout):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


async def _database_unavailable_handler(request: Request, exc: Exception) -> JSONResponse:
    if not database_unavailable(exc):
        return await _unhandled_handler(request, exc)
    # One line, no traceback: during an outage every request fails the same way.
    cause = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    logger.warning(
        "database unavailable on %s %s: %s: %s",
        request.method,
        request.url.path,
        type(exc).__name__,
        cause[0] if cause else "",
    )
    return problem_response(
        status=503,
        title="Service unavailable",
        detail="The database is unavailable right now; nothing was changed. "
        "Retry after the number of seconds in Retry-After.",
        type_slug="database-unavailable",
        instance=request.url.path,
        headers={
            "Retry-After": str(get_settings().retry_after_seconds),
            "X-Request-ID": correlation_id.get() or "",
        },
    )


async def _unhandled_handler(request: Request, exc: Exception) -> JSONResponse:
    logger.exception("unhandled error on %s %s", request.method, request.url.path)
    return problem_response(
        status=500,
        title="Internal server error",
        detail="Something went wrong on our side. Quote the request_id when reporting it.",
        type_slug="internal-error",
        instance=request.url.path,
        # The error middleware sits outside the request-id middleware, so add it here.
        headers={"X-Request-ID": correlation_id.get() or ""},
    )


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(AppError, _app_error_handler)
    app.add_exception_handler(RequestValidationError, _validation_handler)
    app.add_exception_handler(StarletteHTTPException, _http_handler)
    app.add_exception_handler(DataError, _data_error_handler)
    app.add_exception_handler(IntegrityError, _integrity_error_handler)
    for unavailable in (OperationalError, InterfaceError, PoolTimeout, DBAPIError):
        app.add_exception_handler(unavailable, _database_unavailable_handler)
    app.add_exception_handler(Exception, _unhandled_handler)


PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"description": HTTPStatus(code).phrase, "content": {PROBLEM_JSON: {}}}
    for code in (400, 401, 403, 404, 409, 413, 422, 429, 503)
}
