"""The matching service's ASGI app: `uvicorn services.matching.main:app`."""

from shared.app_factory import create_app

app = create_app(service="matching", title="Vouch Matching", routers=[])
