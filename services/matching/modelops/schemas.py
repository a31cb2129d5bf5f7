"""Model version shapes for the API (the artefact bytes never leave the database)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict


class ModelVersionRead(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    kind: str
    label: str
    status: str
    progress: float
    features: list[str]
    train_from: date | None
    train_to: date | None
    metrics: dict[str, Any]
    holdout_comparison: dict[str, Any]
    sklearn_version: str | None
    artefact_sha256: str | None
    artefact_verified: bool | None
    weights: dict[str, float] | None
    intercept: float | None
    error: str | None
    activated_at: datetime | None
    previous_active_id: int | None
    created_at: datetime


class ModelVersionList(BaseModel):
    items: list[ModelVersionRead]
