"""The labelled text-evaluation set: CVs, staffing requests and graded relevance (JSON files)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

# The set lives with the tests (tests/eval/data) in a source checkout.
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[1] / "tests" / "eval" / "data"


@dataclass(frozen=True, slots=True)
class CV:
    id: str
    language: str
    specialisation: str
    profile: dict[str, Any]  # a POST /v1/freelancers body, dates relative (see `body`)

    @property
    def text(self) -> str:
        """What a plain text search sees: the headline and the CV text."""
        return f"{self.profile['headline']}\n{self.profile['summary']}"

    def body(self, today: date) -> dict[str, Any]:
        body = {k: v for k, v in self.profile.items() if k != "available_in_days"}
        days = self.profile.get("available_in_days")
        body["available_from"] = None if days is None else (today + timedelta(days)).isoformat()
        return body


@dataclass(frozen=True, slots=True)
class StaffingRequest:
    id: str
    language: str
    request: dict[str, Any]  # a POST /v1/requests body without the start date
    start_in_days: int

    @property
    def query(self) -> str:
        """The baselines' query: title, description and the structured skill names."""
        names = " ".join(skill["name"] for skill in self.request["skills"])
        return f"{self.request['title']}\n{self.request['description']}\n{names}".strip()

    def body(self, today: date, organization_id: int) -> dict[str, Any]:
        start = (today + timedelta(days=self.start_in_days)).isoformat()
        return {**self.request, "organization_id": organization_id, "start_date": start}


@dataclass(frozen=True, slots=True)
class TextEvalSet:
    cvs: list[CV]
    requests: list[StaffingRequest]
    grades: dict[str, dict[str, int]]  # request id -> CV id -> 0..3

    def subset(self, *, cvs: int, requests: int) -> TextEvalSet:
        """The first n requests and the first m CVs (for quick runs)."""
        kept_cvs = self.cvs[:cvs]
        kept_requests = self.requests[:requests]
        kept_ids = {cv.id for cv in kept_cvs}
        grades = {
            request.id: {k: v for k, v in self.grades[request.id].items() if k in kept_ids}
            for request in kept_requests
        }
        return TextEvalSet(kept_cvs, kept_requests, grades)


def _read(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def load_eval_set(data_dir: Path = DEFAULT_DATA_DIR) -> TextEvalSet:
    """Read cvs.json, requests.json and relevance.json from `data_dir`."""
    cvs = [
        CV(
            id=row["id"],
            language=row["language"],
            specialisation=row["specialisation"],
            profile=row["profile"],
        )
        for row in _read(data_dir / "cvs.json")
    ]
    requests = [
        StaffingRequest(
            id=row["id"],
            language=row["language"],
            request=row["request"],
            start_in_days=row["start_in_days"],
        )
        for row in _read(data_dir / "requests.json")
    ]
    grades = {
        request_id: {cv_id: int(grade) for cv_id, grade in row.items()}
        for request_id, row in _read(data_dir / "relevance.json")["grades"].items()
    }
    return TextEvalSet(cvs, requests, grades)
