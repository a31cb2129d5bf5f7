"""The referrals service's ASGI app: `uvicorn services.referrals.main:app`."""

from services.referrals.contacts.router import router as contacts_router
from services.referrals.data_subjects.router import router as data_subjects_router
from services.referrals.interactions.router import router as interactions_router
from services.referrals.reports.router import router as reports_router
from services.referrals.trust.router import router as trust_router
from services.referrals.vouches.router import router as vouches_router
from shared.app_factory import create_app
from shared.data_subjects_api import router as operations_router

app = create_app(
    service="referrals",
    title="Vouch Referrals",
    routers=[
        contacts_router,
        interactions_router,
        vouches_router,
        trust_router,
        reports_router,
        data_subjects_router,
        operations_router,
    ],
)
