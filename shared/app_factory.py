"""create_app(): every service gets the same errors, logs, request ids, metrics and health."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from functools import partial

from asgi_correlation_id import CorrelationIdMiddleware
from fastapi import APIRouter, Depends, FastAPI
from prometheus_client import CollectorRegistry, GCCollector, PlatformCollector, ProcessCollector
from prometheus_fastapi_instrumentator import Instrumentator

from shared.body_limit import BodySizeLimitMiddleware
from shared.config import get_settings
from shared.errors import PROBLEM_RESPONSES, install_error_handlers
from shared.health import router as health_router
from shared.http_hardening import (
    SecurityHeadersMiddleware,
    ShadowedMethodMiddleware,
    add_bearer_security,
    metrics_guard,
)
from shared.idempotency import IdempotentReplay, replay_handler
from shared.logging import configure_logging


def _acceptable_request_id(value: str) -> bool:
    """Take the caller's id when it is short and printable; otherwise make a new one."""
    return 0 < len(value) <= 128 and value.isprintable() and " " not in value


def _service_registry() -> CollectorRegistry:
    """A registry per app, so apps sharing a process (tests, tools) keep separate counts."""
    registry = CollectorRegistry()
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)
    GCCollector(registry=registry)
    return registry


def _lifespan(
    warm_ups: Sequence[Callable[[], None]],
    background: Sequence[Callable[[threading.Event], None]],
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # In the background: the process answers /healthz while caches fill.
        for warm_up in warm_ups:
            threading.Thread(target=_run_warm_up, args=(warm_up,), daemon=True).start()
        stop = threading.Event()
        loops = [
            threading.Thread(target=_run_warm_up, args=(partial(loop, stop),), daemon=True)
            for loop in background
        ]
        for thread in loops:
            thread.start()
        try:
            yield
        finally:
            # Stopped with the app, so a loop never outlives it (and claims work for it).
            stop.set()
            for thread in loops:
                thread.join(timeout=10)

    return lifespan


def _run_warm_up(warm_up: Callable[[], None]) -> None:
    try:
        warm_up()
    except Exception:
        name = getattr(warm_up, "__name__", None) or getattr(warm_up, "func", warm_up)
        logging.getLogger("vouch.startup").exception("warm-up %s failed", name)


def create_app(
    *,
    service: str,
    title: str,
    routers: Sequence[APIRouter],
    warm_ups: Sequence[Callable[[], None]] = (),
    readiness_checks: Sequence[Callable[[], str | None]] = (),
    background: Sequence[Callable[[threading.Event], None]] = (),
) -> FastAPI:
    """The service's app; `warm_ups` run in background threads when the server starts;
    `background` loops run in threads until the app stops (they get the stop event);
    `readiness_checks` (None = ready, else what is awaited) gate /readyz."""
    settings = get_settings()
    configure_logging(service)
    docs = settings.docs_enabled
    app = FastAPI(
        title=title,
        version="1",
        responses=PROBLEM_RESPONSES,
        lifespan=_lifespan(warm_ups, background),
        docs_url="/docs" if docs else None,
        redoc_url="/redoc" if docs else None,
        openapi_url="/openapi.json" if docs else None,
    )
    install_error_handlers(app)
    app.add_exception_handler(IdempotentReplay, replay_handler)
    app.include_router(health_router)
    for router in routers:
        app.include_router(router)
    app.add_middleware(
        BodySizeLimitMiddleware,
        max_bytes=settings.max_body_bytes,
        max_upload_bytes=settings.max_upload_bytes,
    )
    app.add_middleware(ShadowedMethodMiddleware, fastapi_app=app)
    app.add_middleware(
        CorrelationIdMiddleware, header_name="X-Request-ID", validator=_acceptable_request_id
    )
    # Outermost: even a 500 from the error middleware carries the headers.
    app.add_middleware(SecurityHeadersMiddleware, hsts=settings.environment != "development")
    instrumentator = Instrumentator(
        excluded_handlers=["/metrics"],
        should_group_status_codes=False,
        registry=_service_registry(),
    ).instrument(app)
    if settings.metrics_enabled:
        instrumentator.expose(
            app,
            include_in_schema=False,
            dependencies=[Depends(metrics_guard(settings.metrics_token))],
        )
    add_bearer_security(app)
    app.state.service = service
    app.state.readiness_checks = tuple(readiness_checks)
    return app
