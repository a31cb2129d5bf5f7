"""HTTP hygiene every service shares: security headers, 405 for shadowed paths, a guarded
/metrics, and the bearer scheme in OpenAPI (Swagger's Authorize button)."""

from __future__ import annotations

import hmac
import re
from typing import Any

from fastapi import FastAPI, Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from shared.errors import Unauthorized, problem_response

BEARER_SCHEME = "bearerAuth"


def security_headers(*, hsts: bool) -> list[tuple[bytes, bytes]]:
    headers = [
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"content-security-policy", b"frame-ancestors 'none'"),
        (b"referrer-policy", b"no-referrer"),
        (b"cross-origin-opener-policy", b"same-origin"),
    ]
    if hsts:
        headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
    return headers


class SecurityHeadersMiddleware:
    """Adds the standard security headers to every response (errors included)."""

    def __init__(self, app: ASGIApp, *, hsts: bool) -> None:
        self.app = app
        self.headers = security_headers(hsts=hsts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(n, v) for n, v in self.headers if n not in present]
                message["headers"] = [*message.get("headers", []), *extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class ShadowedMethodMiddleware:
    """405 (with Allow) for a wrong method on a fixed path that a `{param}` route also matches.

    Without it `GET /v1/freelancers/import` (POST only) falls through to
    `GET /v1/freelancers/{freelancer_id}` and answers 422 ("not an integer") or 401.
    """

    def __init__(self, app: ASGIApp, *, fastapi_app: FastAPI) -> None:
        self.app = app
        self.fastapi_app = fastapi_app
        self._fixed: dict[str, set[str]] | None = None

    def _fixed_paths(self) -> dict[str, set[str]]:
        """Paths without parameters that some parameterised path's pattern also matches.

        Read from the OpenAPI document: FastAPI's own route list is nested and internal.
        """
        if self._fixed is None:
            paths: dict[str, set[str]] = {
                path: {method.upper() for method in operations}
                for path, operations in self.fastapi_app.openapi().get("paths", {}).items()
            }
            patterns = [
                re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")
                for path in paths
                if "{" in path
            ]
            self._fixed = {
                path: methods
                for path, methods in paths.items()
                if "{" not in path and any(pattern.match(path) for pattern in patterns)
            }
        return self._fixed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            allowed = self._fixed_paths().get(scope["path"])
            method = "GET" if scope["method"] == "HEAD" else scope["method"]
            if allowed and method not in allowed and method != "OPTIONS":
                allow = ", ".join(sorted(allowed))
                response = problem_response(
                    status=405,
                    title="Method Not Allowed",
                    detail=f"{scope['method']} is not allowed on {scope['path']}; use {allow}.",
                    type_slug="method-not-allowed",
                    instance=scope["path"],
                    headers={"Allow": allow},
                )
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


def metrics_guard(token: str | None) -> Any:
    """A dependency for /metrics: with a token configured, only `Bearer <token>` may read it."""

    def check(request: Request) -> None:
        if not token:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip(), token):
            raise Unauthorized(
                "Send the metrics token as 'Authorization: Bearer <token>'.",
                headers={"WWW-Authenticate": "Bearer"},
            )

    return check


def add_bearer_security(app: FastAPI) -> None:
    """Declare the API key as an HTTP bearer scheme on every operation but the health probes."""

    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema and BEARER_SCHEME in str(app.openapi_schema.get("components")):
            return app.openapi_schema
        schema = build()
        schema.setdefault("components", {}).setdefault("securitySchemes", {})[BEARER_SCHEME] = {
            "type": "http",
            "scheme": "bearer",
            "description": "An API key from `vouch keys create`.",
        }
        for path, operations in schema.get("paths", {}).items():
            if path in ("/healthz", "/readyz"):
                continue
            for operation in operations.values():
                operation.setdefault("security", [{BEARER_SCHEME: []}])
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]
