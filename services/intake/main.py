"""The intake service's ASGI app: `uvicorn services.intake.main:app`."""

from services.intake.cv.router import router as cv_router
from services.intake.freelancers.router import router as freelancers_router
from services.intake.parsing.router import router as parsing_router
from services.intake.requests.router import router as requests_router
from services.intake.skills.router import router as skills_router
from shared.app_factory import create_app

app = create_app(
    service="intake",
    title="Vouch Intake",
    routers=[parsing_router, requests_router, freelancers_router, cv_router, skills_router],
)
