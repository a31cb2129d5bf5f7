"""A signed, timestamped trade-rating network in the shape of the public Bitcoin-OTC data.

What the real network looks like, and this generator reproduces (seed 7: ~6,000 traders, ~35,000
ratings, ~10 % negative): traders arrive over the years, most trade once or twice and leave
(heavy-tailed activity, many one-off raters), a few trade thousands of times; after a trade both
sides usually rate each other (reciprocity); ratings are −10 … +10, mostly small positives.
Negative ratings come from

- scammers: they take the money and go; victims rate them −10 … −5 and they often retaliate
  with a negative rating of their own; other traders pile on with warning ratings in the weeks
  after a scam. Some build a clean record first with small trades and scam later (exit scams);
- fraud rings: groups of scammers who rate each other +10 to look established;
- disputes between honest traders (rare, and retaliated), and a few habitually harsh raters.

The seeds (the "agency's people") are a handful of early, very active honest traders.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from services.referrals.evaluation.networks import Ratings

HONEST_VALUES = np.array([1, 1, 1, 1, 2, 2, 3, 3, 5, 10])


def _honest_value(rng: np.random.Generator) -> int:
    return int(rng.choice(HONEST_VALUES))


def trade(rng: np.random.Generator, *, size: int = 6000, horizon: float = 1900.0) -> Ratings:
    seeds = 5
    kind = rng.choice(3, size, p=[0.92, 0.05, 0.03])  # 0 honest, 1 scammer, 2 harsh rater
    kind[:seeds] = 0
    # Arrivals grow over the years; most traders stay a short while (heavy-tailed lifetimes).
    joined = horizon * rng.power(1.6, size)
    joined[:seeds] = 0.0
    lifetime = 10.0 * (rng.pareto(0.8, size) + 1.0)
    lifetime = np.where(kind == 1, lifetime * 0.8, lifetime)
    lifetime[:seeds] = horizon
    activity = rng.pareto(1.2, size) + 1.0
    activity = np.where(kind == 1, activity * 1.5, activity)
    activity[:seeds] = 6.0
    # Fraud rings: scammers in groups of 4–12 that rate each other +10.
    scammers = rng.permutation(np.flatnonzero(kind == 1))
    ring = np.full(size, -1)
    cut = 0
    for number in range(scammers.size // 20):
        members = scammers[cut : cut + int(rng.integers(4, 13))]
        ring[members] = number
        joined[members] = joined[members[0]] + rng.uniform(0, 30, members.size)
        cut += members.size
    exit_scam = (kind == 1) & (rng.random(size) < 0.3)
    trades = np.zeros(size)

    rated: dict[tuple[int, int], tuple[int, float]] = {}
    events = int(size * 5)
    days = np.sort(rng.uniform(0, horizon, events))

    def rate(a: int, b: int, value: int, day: float) -> None:
        if a != b:
            rated[(a, b)] = (value, day)

    for day in days.tolist():
        alive = np.flatnonzero((joined <= day) & (joined + lifetime >= day))
        if alive.size < 3:
            continue
        weight = activity[alive]
        a = int(rng.choice(alive, p=weight / weight.sum()))
        b = int(rng.choice(alive, p=weight / weight.sum()))
        if a == b:
            continue
        if kind[a] == 1 and kind[b] != 1:
            a, b = b, a  # b is the scammer if there is one
        trades[a] += 1
        trades[b] += 1
        if kind[b] == 1 and kind[a] == 1:
            rate(a, b, 10, day)
            rate(b, a, 10, day)
            continue
        scams = kind[b] == 1 and (not exit_scam[b] or trades[b] > 4) and rng.random() < 0.8
        if scams:
            if rng.random() < 0.85:
                rate(a, b, int(rng.choice([-10, -10, -10, -7, -5, -3, -1])), day)
            if rng.random() < 0.4:
                rate(b, a, int(rng.choice([-10, -5, -1])), day + rng.uniform(0, 3))
            elif rng.random() < 0.3:
                rate(b, a, 1, day)
            # Word gets around: other traders rate a known scammer down to warn the market.
            for _ in range(int(rng.geometric(0.6)) - 1):
                warner = int(rng.choice(alive, p=weight / weight.sum()))
                rate(warner, b, -10, day + rng.exponential(60))
            continue
        dispute = rng.random() < 0.025 or (kind[a] == 2 and rng.random() < 0.3)
        if dispute:
            rate(a, b, int(rng.choice([-10, -5, -3, -1])), day)
            if rng.random() < 0.6:
                rate(b, a, int(rng.choice([-10, -5, -1])), day + rng.uniform(0, 3))
            continue
        if rng.random() < 0.85:
            rate(a, b, _honest_value(rng), day)
        if rng.random() < 0.75:
            rate(b, a, _honest_value(rng), day + rng.uniform(0, 3))
    # Rings vouch for their members now and then, whether or not anyone traded.
    members_of: dict[int, list[int]] = defaultdict(list)
    for node in np.flatnonzero(ring >= 0).tolist():
        members_of[int(ring[node])].append(node)
    for group in members_of.values():
        for a in group:
            for b in group:
                if a != b and rng.random() < 0.5:
                    rate(a, b, 10, float(joined[b]) + rng.uniform(0, 60))
    keys = list(rated)
    values = np.array([rated[k][0] for k in keys], dtype=np.float64)
    when = np.array([rated[k][1] for k in keys], dtype=np.float64)
    order = np.argsort(when, kind="stable")
    return Ratings(
        size,
        np.array([k[0] for k in keys], dtype=np.int64)[order],
        np.array([k[1] for k in keys], dtype=np.int64)[order],
        values[order],
        np.minimum(when[order], horizon),
        np.arange(seeds),
    )
