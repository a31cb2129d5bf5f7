"""The matching service's ASGI app: `uvicorn services.matching.main:app`."""

from services.matching.data_subjects.retention import schedule_retention
from services.matching.index.live import live_index_for
from services.matching.matches.router import router as matches_router
from services.matching.modelops.router import router as models_router
from services.matching.placements.router import router as placements_router
from services.matching.reviews.history import router as review_history_router
from services.matching.reviews.router import router as reviews_router
from shared.app_factory import create_app
from shared.db.engine import get_sessionmaker


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
    index.poll_in_background(sessions)


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
)
