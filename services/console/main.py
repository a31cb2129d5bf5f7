"""The console's ASGI app: `uvicorn services.console.main:app` (port 8004 under `vouch up`)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from services.console.api import ApiProblem, ServiceDown, call, close_clients
from services.console.pages import (
    admin,
    freelancers,
    matches,
    models,
    network,
    reports,
    requests,
    signin,
)
from services.console.rendering import render, translator
from services.console.settings import get_console_settings
from shared.config import get_settings
from shared.logging import configure_logging

STATIC = Path(__file__).parent / "static"
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    # Everything is served from here; no inline script, no third party.
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    ),
}


@asynccontextmanager
async def _lifespan(_: FastAPI) -> AsyncIterator[None]:
    yield
    await close_clients()


def create_console() -> FastAPI:
    configure_logging("console")
    # One line per upstream call is noise next to uvicorn's access log.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    app = FastAPI(
        title="Vouch Console", docs_url=None, redoc_url=None, openapi_url=None, lifespan=_lifespan
    )
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for module in (signin, requests, matches, freelancers, network, reports, models, admin):
        app.include_router(module.router)

    @app.middleware("http")
    async def security_headers(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        if get_settings().environment != "development":
            response.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
        return response

    @app.exception_handler(ServiceDown)
    async def service_down(request: Request, exc: ServiceDown) -> Response:
        t = translator(request)
        return render(
            request,
            "error.html",
            status_code=503,
            title=t("Something went wrong"),
            message=t(
                "The {service} service is not answering. Try again in a moment.",
                service=exc.service,
            ),
        )

    @app.exception_handler(ApiProblem)
    async def api_problem(request: Request, exc: ApiProblem) -> Response:
        if exc.status == 401:
            response = RedirectResponse("/login?expired=1", status_code=303)
            response.delete_cookie(get_console_settings().cookie_name)
            return response
        return render(
            request,
            "error.html",
            status_code=exc.status,
            title=exc.title,
            message=exc.detail,
            errors=exc.errors,
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return render(
            request, "error.html", status_code=exc.status_code, title=str(exc.detail), message=""
        )

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> JSONResponse:
        return JSONResponse({"status": "ok"})

    @app.get("/readyz", include_in_schema=False)
    async def readyz() -> JSONResponse:
        down = []
        for service in ("intake", "matching", "referrals"):
            try:
                await call(service, "GET", "/healthz", token=None)
            except (ServiceDown, ApiProblem):
                down.append(service)
        if down:
            return JSONResponse(
                {"status": "unavailable", "services_down": down},
                status_code=503,
                headers={"Retry-After": "2"},
            )
        return JSONResponse({"status": "ready"})

    return app


app = create_console()
