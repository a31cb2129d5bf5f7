"""The intake service's ASGI app: `uvicorn services.intake.main:app`."""

from shared.app_factory import create_app

app = create_app(service="intake", title="Vouch Intake", routers=[])
