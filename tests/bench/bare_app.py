"""A bare FastAPI app for bench_http: one POST returning a stored JSON body (the same bytes a
ranking returned), so the comparison isolates what Vouch adds over the bare stack."""

from __future__ import annotations

import json
import os
from typing import Any

from fastapi import FastAPI

app = FastAPI()
with open(os.environ["BARE_BODY_FILE"], encoding="utf-8") as body_file:
    BODY: Any = json.load(body_file)


@app.post("/v1/requests/{request_id}/matches", status_code=201)
def matches(request_id: int) -> Any:
    return BODY


@app.get("/readyz")
def readyz() -> dict[str, str]:
    return {"status": "ready"}
