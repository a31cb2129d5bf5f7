"""The matching service's ASGI app: `uvicorn services.matching.main:app`."""

import gc
import threading

from services.matching.data_subjects.retention import schedule_retention
from services.matching.index.live import live_index_for
from services.matching.matches.router import router as matches_router
from services.matching.modelops.router import router as models_router
from services.matching.placements.router import router as placements_router
from services.matching.reviews.history import router as review_history_router
from services.matching.reviews.router import router as reviews_router
from shared.app_factory import create_app
from shared.config import get_settings
from shared.db.engine import get_engine, get_sessionmaker
from shared.queue.registry import served_handlers
from shared.queue.worker import WorkerOptions, run_worker


def schedule_daily_retention() -> None:
    """Make sure the daily retention job is queued (deduplicated: at most one waits)."""
    with get_sessionmaker()() as session, session.begin():
        schedule_retention(session)


def warm_index() -> None:
    """Build the in-process index at start-up, not inside the first ranking request, then keep
    it fresh from a background poll (off the request path)."""
    sessions = get_sessionmaker()
    with sessions() as session:
        index = live_index_for(session)
        index.ensure_fresh(session)
    exempt_from_gc()
    index.poll_in_background(sessions)


def exempt_from_gc() -> None:
    """Move what exists now (the index's Python objects) out of the cyclic collector's reach.

    A full collection walks every tracked object; with the index loaded it paused the process
    for 241 ms at 100k profiles (seconds at 1M), now and then in the middle of a ranking call.
    Frozen objects are never walked; they are still freed by reference counting.
    """
    gc.collect()
    gc.freeze()


def freeze_rebuilt_indexes(stop: threading.Event) -> None:
    """After a background rebuild replaced the index, exempt the new one too (see above)."""
    sessions = get_sessionmaker()
    seen = -1
    while not stop.wait(5.0):
        with sessions() as session:
            index = live_index_for(session)
        if index.state is not None and index.rebuilds != seen:
            if seen >= 0:
                # No collection here: it would be the pause this avoids. The replaced index
                # is freed by reference counting.
                gc.freeze()
            seen = index.rebuilds


def index_ready() -> str | None:
    """Ready once the ranking index is built; a probe with no start-up build under way (an
    app served without its lifespan) builds it."""
    with get_sessionmaker()() as session:
        index = live_index_for(session)
        if index.state is not None:
            return None
        if index.building:
            return "The ranking index is still being built; retry shortly."
        index.ensure_fresh(session)
    return None


def consume_rankings(stop: threading.Event) -> None:
    """Run queued rankings (`rank_request`) here, where the index is: once it is built, until
    the app stops. A general `vouch worker` never takes them, so no worker builds a second
    index; every replica consumes (SKIP LOCKED hands each job to one of them)."""
    sessions = get_sessionmaker()
    while not stop.is_set():
        with sessions() as session:
            if live_index_for(session).state is not None:
                break
        stop.wait(0.5)
    settings = get_settings()
    options = WorkerOptions(
        poll_seconds=settings.worker_poll_seconds,
        lease_seconds=settings.worker_lease_seconds,
        housekeeping=False,  # the matching worker sweeps
    )
    run_worker(get_engine(), handlers=served_handlers("matching"), options=options, stop=stop)


app = create_app(
    service="matching",
    title="Vouch Matching",
    routers=[
        matches_router,
        reviews_router,
        review_history_router,
        placements_router,
        models_router,
    ],
    warm_ups=[warm_index, schedule_daily_retention],
    readiness_checks=[index_ready],
    background=[consume_rankings, freeze_rebuilt_indexes],
)
