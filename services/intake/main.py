"""The intake service's ASGI app: `uvicorn services.intake.main:app`."""

from services.intake.audit.router import router as audit_router
from services.intake.cv.router import router as cv_router
from services.intake.data_subjects.router import router as data_subjects_router
from services.intake.duplicates.router import router as duplicates_router
from services.intake.freelancers.router import router as freelancers_router
from services.intake.parsing.router import router as parsing_router
from services.intake.requests.router import router as requests_router
from services.intake.skills.router import router as skills_router
from shared.accounts.router import router as accounts_router
from shared.app_factory import create_app
from shared.data_subjects_api import router as operations_router

app = create_app(
    service="intake",
    title="Vouch Intake",
    routers=[
        parsing_router,
        requests_router,
        freelancers_router,
        cv_router,
        skills_router,
        audit_router,
        data_subjects_router,
        duplicates_router,
        operations_router,
        accounts_router,
    ],
)
