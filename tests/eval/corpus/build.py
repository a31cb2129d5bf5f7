"""Write tests/eval/data/{cvs,requests,relevance}.json: `python -m tests.eval.corpus.build`."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from tests.eval.corpus.compose import compose_all, profile_body
from tests.eval.corpus.grading import grade
from tests.eval.corpus.requests import REQUESTS

SEED = 20261202
DATA_DIR = Path(__file__).resolve().parents[1] / "data"


def _write(name: str, payload: Any) -> None:
    text = json.dumps(payload, ensure_ascii=False, indent=1) + "\n"
    (DATA_DIR / name).write_text(text, encoding="utf-8")


def main() -> None:
    composed = compose_all(SEED)
    # Shuffle so ids say nothing about specialisation; the rng is seeded, the output committed.
    rng = random.Random(SEED + 1)
    rng.shuffle(composed)
    cvs = []
    for index, cv in enumerate(composed, start=1):
        cvs.append(
            {
                "id": f"cv{index:03d}",
                "language": cv.language,
                "specialisation": cv.primary,
                "facts": {
                    "secondary": cv.secondary,
                    "shows": sorted(cv.tags),
                    "prose_only": cv.prose_only,
                    "seniority": cv.seniority,
                    "hard_case": cv.hard_case,
                },
                "profile": profile_body(rng, cv, index),
            }
        )
    requests = [
        {
            "id": r.key,
            "language": r.language,
            "roles": list(r.roles),
            "core": list(r.core),
            "request": r.body(),
            "start_in_days": 45,
        }
        for r in REQUESTS
    ]
    grades = {
        r.key: {row["id"]: grade(cv, r) for row, cv in zip(cvs, composed, strict=True)}
        for r in REQUESTS
    }
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    _write("cvs.json", cvs)
    _write("requests.json", requests)
    _write(
        "relevance.json",
        {
            "rule": "tests/eval/README.md (grading.py): from each CV's content and the request, "
            "decided before any ranking",
            "grades": grades,
        },
    )


if __name__ == "__main__":
    main()
