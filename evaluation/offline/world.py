"""A small synthetic agency history for the offline evaluation, deterministic for a seed.

Until the demo agency (`demo.world`) is merged this is the world the evaluation replays; it is
written at the level the ranker sees (one feature row per reviewed pair, computed as
`services.matching.features` defines them), plus the profile and request texts the plain-text
baselines search. What decides outcomes is hidden: a freelancer's true skills and levels, a
quality nobody observes directly, and noise. In the default world trust features are noisy
readings of that quality (in-person vouchers, attested quality and warnings follow it; the
online-only clique is worse than it looks); with `trust_signal="none"` they are drawn from an
independent quality, so they carry no information about outcomes.

Each request's pool is what an account manager looked at (a recruiter's search plus a few
others); decisions follow the hidden utility: placed 4, interviewed or presented 3, shortlisted 2,
declined 1, rejected 0, as in `services.matching.scoring.evaluation.GRADES`. Features are point
in time: placement history counts only placements before the request.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from evaluation.offline.stacks import FILLER, STACKS
from services.matching.features.compute import placement_history
from services.matching.features.registry import FEATURE_INDEX, FEATURE_NAMES

TrustSignal = Literal["default", "none"]
POOL = 40
# Positions in the account manager's order -> grade (the rest are rejected, grade 0).
DECISION_GRADES = (4, 3, 3, 3, 3, 2, 2, 2, 2, 2, 1, 1, 1)


@dataclass
class Person:
    stack: int
    levels: dict[str, int]  # true skills and levels (all named in the CV text)
    years: dict[str, float]
    listed: bool  # a quarter have no structured skill list: their skills live in the text
    quality: float  # hidden
    rate_band: float  # 0 junior .. 1 lead
    trust: np.ndarray  # the seven trust features, registry order, bounded


@dataclass
class ReviewedRequest:
    time: float  # days since the start of the history
    text: str
    pool: np.ndarray  # freelancer indices
    values: np.ndarray  # (pool, F) the features the ranker saw then
    must_missing: np.ndarray
    grades: np.ndarray  # int


@dataclass
class OfflineWorld:
    seed: int
    trust_signal: TrustSignal
    profile_texts: list[str]
    requests: list[ReviewedRequest]  # in time order


TRUST_NAMES = (
    "best_in_person_vouch",
    "in_person_vouchers",
    "online_only_vouches",
    "best_voucher_network_trust",
    "attested_quality",
    "trusted_warnings",
    "referrer_track_record",
)


def _sigmoid(x: float) -> float:
    return float(1.0 / (1.0 + np.exp(-x)))


def _trust(rng: np.random.Generator, signal: float, clique: bool) -> np.ndarray:
    """Trust features as noisy readings of `signal` (the quality, or an unrelated draw)."""
    best = vouchers = network = attested = track = warnings = 0.0
    if rng.random() < 0.15 + 0.35 * _sigmoid(1.5 * signal):
        count = 1 + rng.poisson(0.6 + 0.8 * max(signal, 0.0))
        best = float(np.clip(0.4 + 0.18 * signal + rng.normal(0, 0.15), 0.05, 1.0))
        vouchers = min(count, 10) / 10
        network = float(np.clip(0.35 + 0.12 * signal + rng.normal(0, 0.15), 0.0, 1.0))
        attested = float(np.clip(0.3 * signal + rng.normal(0, 0.2), -1.0, 0.5))
        track = float(np.clip(0.5 + 0.15 * signal + rng.normal(0, 0.15), 0.0, 1.0))
    if rng.random() < 0.25 * _sigmoid(-2.0 * signal - 1.0):
        warnings = min(1 + rng.poisson(0.3), 5) / 5
        attested = min(attested, float(np.clip(-0.3 + rng.normal(0, 0.15), -1.0, 0.0)))
    online = (5 + rng.poisson(3)) / 10 if clique else rng.poisson(0.4) / 10
    return np.array([best, vouchers, min(online, 1.0), network, attested, warnings, track])


def _people(rng: np.random.Generator, n: int, trust_signal: TrustSignal) -> list[Person]:
    shares = np.array([s[1] for s in STACKS])
    people = []
    for _ in range(n):
        stack = int(rng.choice(len(STACKS), p=shares / shares.sum()))
        skills = STACKS[stack][2]
        seniority = rng.uniform(0, 1)
        chosen = {skills[i] for i in range(len(skills)) if rng.random() < 0.85 - 0.06 * i}
        other = STACKS[int(rng.integers(len(STACKS)))][2]
        chosen |= {other[int(rng.integers(len(other)))] for _ in range(int(rng.integers(0, 3)))}
        chosen_in_order = sorted(chosen)  # set order varies with the hash seed; draws must not
        levels = {
            s: int(np.clip(round(1 + 4 * seniority + rng.normal(0, 0.8)), 1, 5))
            for s in chosen_in_order
        }
        years = {
            s: float(np.clip(levels[s] * 2 + rng.normal(0, 1.5), 0, 15)) for s in chosen_in_order
        }
        quality = float(rng.normal())
        clique = rng.random() < 0.04
        if trust_signal == "default" and clique:
            quality -= 0.6  # nobody who met them would vouch for them
        signal = quality if trust_signal == "default" else float(rng.normal())
        people.append(
            Person(
                stack,
                levels,
                years,
                rng.random() > 0.25,
                quality,
                seniority,
                _trust(rng, signal, clique),
            )
        )
    return people


def _profile_text(rng: np.random.Generator, person: Person) -> str:
    words = [w for skill in person.levels for w in [skill] * int(rng.integers(1, 4))]
    words += list(rng.choice(FILLER, size=int(rng.integers(30, 80))))
    # CVs name neighbouring tools they did not really use ("worked next to the Kafka team").
    stack_words = STACKS[person.stack][2]
    words += [
        stack_words[int(rng.integers(len(stack_words)))] for _ in range(int(rng.integers(0, 3)))
    ]
    rng.shuffle(words)
    return f"{STACKS[person.stack][3]} " + " ".join(words)


def _coverage(levels: list[float], minimum: int) -> float:
    return sum(min(1.0, level / minimum) for level in levels) / len(levels) if levels else 0.0


def _features(
    rng: np.random.Generator,
    person: Person,
    must: list[str],
    nice: list[str],
    minimum: int,
    budget: float,
    text_cosine: float,
    history: tuple[float, float],
) -> tuple[np.ndarray, float]:
    """One feature row as the ranker computes it: structured levels, or level 2 from text."""
    row = np.zeros(len(FEATURE_NAMES))

    def seen(skill: str) -> float:
        if skill not in person.levels:
            return 0.0
        return float(person.levels[skill]) if person.listed else 2.0

    row[FEATURE_INDEX["must_have_coverage"]] = _coverage([seen(s) for s in must], minimum)
    row[FEATURE_INDEX["nice_to_have_coverage"]] = _coverage([seen(s) for s in nice], minimum)
    held = [person.levels[s] for s in must + nice if s in person.levels and person.listed]
    if held:
        row[FEATURE_INDEX["level_surplus"]] = sum(max(lv - minimum, 0) / 4 for lv in held) / len(
            held
        )
        row[FEATURE_INDEX["level_deficit"]] = sum(max(minimum - lv, 0) / 4 for lv in held) / len(
            held
        )
        years = [min(person.years[s], 10) / 10 for s in must + nice if s in person.levels]
        row[FEATURE_INDEX["years_experience"]] = sum(years) / len(years)
        row[FEATURE_INDEX["skill_recency"]] = rng.uniform(0.5, 1.0)
    else:
        row[FEATURE_INDEX["skill_recency"]] = 0.5
    row[FEATURE_INDEX["text_similarity"]] = text_cosine
    rate = 500 + 700 * person.rate_band
    row[FEATURE_INDEX["rate_fit"]] = float(np.clip(1 - (rate - budget) / (0.1 * budget), 0, 1))
    row[FEATURE_INDEX["availability_gap"]] = 0.0 if rng.random() < 0.7 else rng.uniform(0, 1)
    row[FEATURE_INDEX["location_fit"]] = float(rng.choice([1.0, 0.75, 0.5], p=[0.5, 0.2, 0.3]))
    row[FEATURE_INDEX["language_fit"]] = rng.uniform(0.5, 1.0)
    for name, value in zip(TRUST_NAMES, person.trust, strict=True):
        row[FEATURE_INDEX[name]] = value
    placed, good = history
    derived = placement_history(np.array([placed]), np.array([good]))
    for name, column in derived.items():
        row[FEATURE_INDEX[name]] = column[0]
    missing = float(sum(1 for s in must if s not in person.levels))
    return row, missing


def _utility(
    person: Person, must: list[str], nice: list[str], minimum: int, row: np.ndarray
) -> float:
    """What really decides (hidden): true skill fit, practical fit, quality."""
    true_must = _coverage([float(person.levels.get(s, 0)) for s in must], minimum)
    true_nice = _coverage([float(person.levels.get(s, 0)) for s in nice], minimum)
    practical = (
        0.5 * row[FEATURE_INDEX["rate_fit"]]
        - 0.6 * row[FEATURE_INDEX["availability_gap"]]
        + 0.4 * row[FEATURE_INDEX["location_fit"]]
    )
    return 2.5 * true_must + 0.8 * true_nice + practical + 0.8 * person.quality


def generate(
    *,
    seed: int,
    trust_signal: TrustSignal = "default",
    freelancers: int = 1500,
    requests: int = 420,
) -> OfflineWorld:
    rng = np.random.default_rng([seed, 0 if trust_signal == "default" else 1])
    people = _people(rng, freelancers, trust_signal)
    texts = [_profile_text(rng, p) for p in people]
    vectorizer = TfidfVectorizer(sublinear_tf=True)
    profile_matrix = vectorizer.fit_transform(texts)
    by_stack = [
        np.array([i for i, p in enumerate(people) if p.stack == s]) for s in range(len(STACKS))
    ]
    shares = np.array([s[1] for s in STACKS])
    times = np.sort(rng.uniform(0, 3 * 365, requests))
    placements = np.zeros(freelancers)
    successes = np.zeros(freelancers)
    reviewed: list[ReviewedRequest] = []
    specs = []
    for _ in times:
        stack = int(rng.choice(len(STACKS), p=shares / shares.sum()))
        skills = list(STACKS[stack][2])
        picked = [str(w) for w in rng.choice(skills[:8], size=6, replace=False)]
        words = (
            picked[:3] * 2 + picked[3:] + list(rng.choice(FILLER, size=int(rng.integers(15, 40))))
        )
        text = f"{STACKS[stack][3]} " + " ".join(words)
        specs.append(
            (
                stack,
                picked[:3],
                picked[3:],
                int(rng.integers(2, 5)),
                float(rng.uniform(600, 1200)),
                text,
            )
        )
    cosines = (vectorizer.transform([spec[-1] for spec in specs]) @ profile_matrix.T).toarray()
    for time, (stack, must, nice, minimum, budget, text), cosine in zip(
        times, specs, cosines, strict=True
    ):
        # The pool: a recruiter's search in the stack (noisy), plus some from elsewhere.
        own = by_stack[stack]
        search = cosine[own] + rng.normal(0, 0.05, len(own))
        pool = list(own[np.argsort(-search)[: POOL - 8]])
        others = rng.choice(freelancers, size=8, replace=False)
        pool += [int(i) for i in others if int(i) not in pool]
        pool_ids = np.array(pool[:POOL])
        rows, missing, utility = [], [], []
        for i in pool_ids:
            person = people[int(i)]
            row, miss = _features(
                rng,
                person,
                must,
                nice,
                minimum,
                budget,
                float(cosine[i]),
                (placements[i], successes[i]),
            )
            rows.append(row)
            missing.append(miss)
            utility.append(_utility(person, must, nice, minimum, row) + rng.normal(0, 0.7))
        order = np.argsort(-np.array(utility), kind="stable")
        grades = np.zeros(len(pool_ids), dtype=np.int64)
        for position, index in enumerate(order[: len(DECISION_GRADES)]):
            grades[index] = DECISION_GRADES[position]
        winner = int(pool_ids[order[0]])
        placements[winner] += 1
        successes[winner] += rng.random() < _sigmoid(people[winner].quality + 0.5)
        reviewed.append(
            ReviewedRequest(float(time), text, pool_ids, np.vstack(rows), np.array(missing), grades)
        )
    return OfflineWorld(seed, trust_signal, texts, reviewed)
