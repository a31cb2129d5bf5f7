"""Model artefacts as canonical JSON (never pickle), signed with the server's key (HMAC-SHA256)
and verified before every load: whoever can rewrite the stored bytes cannot also forge the
signature without VOUCH_SECRET_KEY. (The column keeps its name `artefact_sha256`.)"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, ValidationError

from services.matching.features.registry import DOMINANCE, FEATURE_INDEX, FEATURE_NAMES, FEATURES
from services.matching.scoring.model import RankingModel
from shared.config import get_settings

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


def sign_artefact(data: bytes) -> str:
    """HMAC-SHA256 (hex) of the bytes under the server's secret key."""
    key = get_settings().secret_key.encode()
    return hmac.new(key, data, hashlib.sha256).hexdigest()


def dump_artefact(model: RankingModel) -> tuple[bytes, str]:
    """Canonical bytes of a model and their signature (hex)."""
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
    return data, sign_artefact(data)


def load_artefact(data: bytes | None, signature: str | None, *, version_id: int) -> RankingModel:
    """Verify the signature first, then parse plain JSON; anything unexpected is refused."""
    if data is None or signature is None:
        raise ArtefactRefused(f"model version {version_id} has no artefact")
    if not hmac.compare_digest(sign_artefact(data), signature):
        raise ArtefactRefused(
            f"model version {version_id}: the artefact's HMAC-SHA-256 signature does not match "
            "(tampered, or signed with another VOUCH_SECRET_KEY); refusing to load it"
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
