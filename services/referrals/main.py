"""The referrals service's ASGI app: `uvicorn services.referrals.main:app`."""

from shared.app_factory import create_app

app = create_app(service="referrals", title="Vouch Referrals", routers=[])
