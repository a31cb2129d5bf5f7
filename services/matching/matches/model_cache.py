"""The verified active model, cached until the active version or its stored bytes change.

`modelops.service.active_model` makes sure a prior exists, reads the artefact and checks its
digest on every call (three statements and a hash of the artefact in Python). On the ranking
path one statement is enough: the active version's id, its stored digest and a digest of its
bytes computed by the database. Any change to which version is active or to its bytes changes
that key, and the full verification runs again (a tampered artefact is still refused).
"""

from __future__ import annotations

import threading
from typing import Literal

from sqlalchemy import text
from sqlalchemy.orm import Session

from services.matching.modelops.service import active_model
from services.matching.scoring.model import RankingModel

_KEY_SQL = text(
    "SELECT id, artefact_sha256, sha256(artefact) FROM model_versions WHERE status = 'active'"
)
_verified: dict[tuple[int, str, bytes], RankingModel] = {}
_lock = threading.Lock()


def active_model_key(session: Session) -> tuple[int, str, bytes] | None:
    """(id, stored digest, digest of the bytes) of the one active version; None otherwise."""
    rows = session.execute(_KEY_SQL).all()
    if len(rows) != 1:
        return None
    return (int(rows[0][0]), str(rows[0][1] or ""), bytes(rows[0][2] or b""))


def cached_active_model(
    session: Session, key: tuple[int, str, bytes] | Literal["read"] | None = "read"
) -> RankingModel:
    """The active model as `active_model` returns it, in one light statement when unchanged
    (none when the caller read the `key` with its own statement)."""
    if key == "read":
        key = active_model_key(session)
    if key is not None:
        with _lock:
            cached = _verified.get(key)
        if cached is not None:
            return cached
    model = active_model(session)  # ensures a prior, verifies; raises 503 when refused
    if key is not None and model.version_id == key[0]:
        with _lock:
            if len(_verified) > 16:
                _verified.clear()
            _verified[key] = model
    return model
