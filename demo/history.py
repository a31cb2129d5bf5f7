"""Past reviews and placements, decided by a hidden fit the matcher never sees.

fit(request, freelancer) = 1.6 · skill fit + 0.8 · quality + noise. Account managers pick and
present candidates on what they can see (skills, level, rate, a little noise); clients interview
and place on the hidden fit; a placement ends early or earns a low rating when quality is low.
"""

from __future__ import annotations

import bisect
import random
from collections import defaultdict
from datetime import timedelta

from demo.model import (
    FreelancerSpec,
    PlacementSpec,
    RequestSpec,
    ReviewSpec,
    Truth,
    WorldConfig,
)
from demo.rand import between, pick

_REJECT_REASONS = (
    "rate above the client's budget",
    "missing a must-have skill",
    "not available in time",
    "too junior for this role",
    "Tagessatz zu hoch",
    "keine Erfahrung in der Branche",
)
_CLIENT_REASONS = (
    "client chose another candidate",
    "weak technical interview",
    "Kunde hat sich für einen anderen Kandidaten entschieden",
    "client feedback: communication not convincing",
)
_DECLINE_REASONS = ("freelancer took another project", "Freelancer hat abgesagt", "rate not agreed")


def skill_fit(request: RequestSpec, freelancer: FreelancerSpec) -> float:
    """Weighted coverage of the request's skills by the freelancer's true skills and levels."""
    levels = {entry.skill: entry.level for entry in freelancer.skills}
    total = credit = 0.0
    for entry in request.skills:
        weight = 2.0 if entry.must_have else 1.0
        total += weight
        level = levels.get(entry.skill, 0)
        if level >= entry.min_level:
            credit += weight
        elif level > 0:
            credit += weight * (0.6 if level == entry.min_level - 1 else 0.3)
    return credit / total if total else 0.0


class HistoryBuilder:
    def __init__(
        self,
        rng: random.Random,
        config: WorldConfig,
        freelancers: list[FreelancerSpec],
        truth: Truth,
    ) -> None:
        self.rng = rng
        self.config = config
        self.freelancers = freelancers
        self.truth = truth
        self.by_stack: dict[str, list[FreelancerSpec]] = defaultdict(list)
        for spec in sorted(freelancers, key=lambda f: f.joined_at):
            self.by_stack[spec.stack].append(spec)
        self.joined = {
            stack: [f.joined_at for f in people] for stack, people in self.by_stack.items()
        }
        self.reviews: list[ReviewSpec] = []
        self.placements: list[PlacementSpec] = []

    def _pool(self, request: RequestSpec) -> list[FreelancerSpec]:
        """People of the request's stack who had joined when it came in (and a few others)."""
        stack = request.stack
        count = bisect.bisect_left(self.joined.get(stack, []), request.created_at)
        people = self.by_stack[stack]
        # Indices, not a slice: copying the joined prefix per request is quadratic at 1M.
        sample = [people[i] for i in self.rng.sample(range(count), min(count, 40))]
        others = [
            f
            for f in self.rng.sample(self.freelancers, min(8, len(self.freelancers)))
            if f.joined_at < request.created_at and f.stack != stack
        ]
        return sample + others

    def _steps(
        self, request: RequestSpec, freelancer_key: int, path: list[tuple[str, str | None]]
    ) -> None:
        at = request.created_at + timedelta(hours=between(self.rng, 20, 72))
        for decision, reason in path:
            self.reviews.append(ReviewSpec(request.key, freelancer_key, decision, reason, at))
            at += timedelta(hours=between(self.rng, 24, 24 * 8))

    def decide(self, request: RequestSpec) -> str:
        """Review candidates for one past request; the request's final status."""
        rng = self.rng
        pool = self._pool(request)
        if not pool:
            return "cancelled"
        seen = sorted(
            pool,
            key=lambda f: (
                -(
                    skill_fit(request, f)
                    - 0.002 * max(0, f.day_rate - request.max_day_rate)
                    + rng.gauss(0, 0.15)
                )
            ),
        )[: between(rng, 5, 10)]
        fits = {}
        for spec in seen:
            fit = (
                1.6 * skill_fit(request, spec)
                + 0.8 * self.truth.quality[spec.key]
                + rng.gauss(0, 0.35)
            )
            fits[spec.key] = fit
            self.truth.fit[(request.key, spec.key)] = round(fit, 4)
        self.truth.best_candidate[request.key] = max(fits, key=fits.__getitem__)
        presented = seen[: between(rng, 2, 4)]
        for spec in seen[len(presented) :]:
            self._steps(request, spec.key, [("rejected", pick(rng, _REJECT_REASONS))])
        interviewed = [s for s in presented if fits[s.key] + rng.gauss(0, 0.3) > 0.9]
        for spec in presented:
            if spec not in interviewed:
                path = [
                    ("shortlisted", None),
                    ("presented", None),
                    ("rejected", pick(rng, _CLIENT_REASONS)),
                ]
                self._steps(request, spec.key, path)
        winner = max(interviewed, key=lambda s: fits[s.key], default=None)
        if winner is not None and (fits[winner.key] < 1.2 or rng.random() < 0.1):
            winner = None
        for spec in interviewed:
            if spec is winner:
                continue
            last = (
                ("declined", pick(rng, _DECLINE_REASONS))
                if rng.random() < 0.3
                else ("rejected", pick(rng, _CLIENT_REASONS))
            )
            self._steps(request, spec.key, [("presented", None), ("interviewed", None), last])
        if winner is None:
            return "cancelled"
        self._steps(
            request,
            winner.key,
            [("shortlisted", None), ("presented", None), ("interviewed", None), ("placed", None)],
        )
        self._place(request, winner)
        return "filled"

    def _place(self, request: RequestSpec, spec: FreelancerSpec) -> None:
        rng, today = self.rng, self.config.today
        quality = self.truth.quality[spec.key]
        start = request.start_date
        planned_end = start + timedelta(days=30 * request.duration_months)
        good = quality + rng.gauss(0, 0.6) > -0.4
        if not good:
            end = start + timedelta(days=int((planned_end - start).days * rng.uniform(0.1, 0.6)))
            outcome = "terminated_early" if end <= today else "ongoing"
        else:
            end = planned_end
            outcome = "completed" if end <= today else "ongoing"
        rating = None
        if outcome != "ongoing":
            base = 3.4 + 0.9 * quality + rng.gauss(0, 0.5) - (1.2 if not good else 0)
            rating = min(5, max(1, round(base)))
        self.placements.append(
            PlacementSpec(
                request_key=request.key,
                freelancer_key=spec.key,
                start_date=start,
                end_date=end if outcome != "ongoing" else planned_end,
                day_rate=min(spec.day_rate, request.max_day_rate),
                outcome=outcome,
                client_rating=rating,
                # Recorded when the 'placed' decision was (the review written just before).
                created_at=self.reviews[-1].created_at,
            )
        )
