"""Model artefacts as canonical JSON (never pickle), with a SHA-256 checked before every load."""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError

from services.matching.features.registry import DOMINANCE, FEATURE_INDEX, FEATURE_NAMES, FEATURES
from services.matching.scoring.model import RankingModel

FORMAT = "vouch.linear-ranker"
FORMAT_VERSION = 1


class ArtefactRefused(Exception):
    """The artefact failed its integrity check or does not fit this code; it is not loaded."""


class _ArtefactDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")

    format: str
    format_version: int
    kind: str
    feature_names: list[str]
    coefficients: dict[str, float]
    intercept: float
    metadata: dict[str, Any] = {}


def dump_artefact(model: RankingModel) -> tuple[bytes, str]:
    """Canonical bytes of a model and their SHA-256 (hex)."""
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": model.kind,
        "feature_names": list(FEATURE_NAMES),
        "coefficients": model.weights(),
        "intercept": float(model.intercept),
        "metadata": model.metadata,
    }
    data = json.dumps(document, sort_keys=True, separators=(",", ":")).encode()
    return data, hashlib.sha256(data).hexdigest()


def load_artefact(data: bytes | None, sha256: str | None, *, version_id: int) -> RankingModel:
    """Verify the digest first, then parse plain JSON; anything unexpected is refused."""
    if data is None or sha256 is None:
        raise ArtefactRefused(f"model version {version_id} has no artefact")
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        raise ArtefactRefused(
            f"model version {version_id}: artefact SHA-256 {digest[:12]}… does not match the "
            f"recorded {sha256[:12]}…; refusing to load a tampered artefact"
        )
    try:
        document = _ArtefactDocument.model_validate_json(data)
    except ValidationError as exc:
        raise ArtefactRefused(f"model version {version_id}: malformed artefact") from exc
    if document.format != FORMAT or document.format_version != FORMAT_VERSION:
        raise ArtefactRefused(f"model version {version_id}: unknown artefact format")
    if tuple(document.feature_names) != FEATURE_NAMES or set(document.coefficients) != set(
        FEATURE_NAMES
    ):
        raise ArtefactRefused(
            f"model version {version_id} was built for another feature set; retrain it"
        )
    coefficients = np.array([document.coefficients[name] for name in FEATURE_NAMES])
    if not (np.all(np.isfinite(coefficients)) and math.isfinite(document.intercept)):
        raise ArtefactRefused(f"model version {version_id}: non-finite parameters")
    check_constraints(coefficients, version_id=version_id)
    return RankingModel(
        document.kind, coefficients, document.intercept, version_id, document.metadata
    )


def check_constraints(coefficients: np.ndarray, *, version_id: int | None) -> None:
    """Refuse parameters that break a monotonic direction or the in-person > online rule."""
    for spec, value in zip(FEATURES, coefficients, strict=True):
        if spec.direction and spec.direction * value < 0:
            raise ArtefactRefused(
                f"model version {version_id}: {spec.name} has the wrong sign for its direction"
            )
    for stronger, weaker in DOMINANCE:
        if coefficients[FEATURE_INDEX[stronger]] < coefficients[FEATURE_INDEX[weaker]]:
            raise ArtefactRefused(f"model version {version_id}: {weaker} outweighs {stronger}")
