"""The hidden truth, written apart from the database (never read by the matcher)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from demo.model import World


def default_path(data_dir: str | Path, seed: int) -> Path:
    return Path(data_dir) / f"demo-truth-{seed}.json"


def truth_document(world: World, ids: dict[str, Any] | None = None) -> dict[str, Any]:
    """Quality per freelancer, fit per reviewed pair, voucher reach, the clique; ids when stored."""
    truth = world.truth
    return {
        "seed": truth.seed,
        "trust_signal": truth.trust_signal,
        "today": world.config.today.isoformat(),
        "freelancers": len(world.freelancers),
        "quality": truth.quality,
        "voucher_reach": {str(key): value for key, value in truth.voucher_reach.items()},
        "clique": truth.clique,
        "fit": [[request, freelancer, fit] for (request, freelancer), fit in truth.fit.items()],
        "best_candidate": {str(key): value for key, value in truth.best_candidate.items()},
        # Database ids by world key, so the evaluation can join the truth to stored rows.
        "ids": ids or {},
    }


def write_truth(path: Path, world: World, ids: dict[str, Any] | None = None) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(truth_document(world, ids)), encoding="utf-8")
