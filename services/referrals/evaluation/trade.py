"""A signed, timestamped trade-rating network in the shape of the public Bitcoin-OTC data.

What is publicly known about the real network, and what this generator reproduces on seeds 7 and
11 (real / generated): 5,881 / ~5,800 traders; 35,592 / ~36,000 directed ratings, one per pair
(the latest); 89 % / 89 % positive; mean degree 12.1 / 12.5; largest degree 1,298 / 1,000–1,900;
79 % / 77 % of ratings reciprocated, 57 % / 56 % by the same value; timestamps November 2010 to
January 2016, most of them in the 2011 and 2013 booms, few in the decline after 2014. Its
mechanisms:

- traders arrive with the booms; most trade once or twice and leave (heavy-tailed activity and
  lifetimes), a few trade hundreds of times; after a trade both sides usually rate each other,
  mostly with small positives and often with the value they received;
- the market looks before it trades: a trader with warnings (−5 or worse) against a short
  record is picked as a counterparty far less often, so the bad ratings fall on new and
  unestablished accounts more than on long-standing traders;
- scammers take the money and mostly go; victims rate them −10 … −1 and they often retaliate
  with a negative rating of their own; other traders pile on with warnings in the weeks after a
  scam. Some build a clean record first with small trades (exit scams);
- fraud rings: groups of scammers who rate each other +10 to look established;
- disputes between honest traders (retaliated), and a few habitually harsh raters.

The seeds (the "agency's people") are a handful of early, steady honest traders. On this network
the directed personalised PageRank baseline scores an edge AUC of 0.59–0.60 (seeds 7, 11), where
it scores 0.593 on the real network: the structure that makes trust predictive is there. (The
first version had arrivals growing to the end, scammers who kept trading for years and no
reputation-aware choice of partners; PageRank scored 0.51 on it.)
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from services.referrals.evaluation.networks import Ratings

HONEST_VALUES = np.array([1, 1, 1, 1, 2, 2, 3, 3, 5, 10])

# The market's years (day 0 = November 2010, horizon January 2016): the 2011 boom, a quieter
# 2012, the 2013 boom, the decline after early 2014. (first day, last day, share) of arrivals and
# of trades; established traders keep trading after the arrivals slow down.
ARRIVALS = (
    (0, 300, 0.30),
    (300, 800, 0.20),
    (800, 1150, 0.32),
    (1150, 1500, 0.12),
    (1500, 1900, 0.06),
)
TRADES = (
    (0, 300, 0.26),
    (300, 800, 0.24),
    (800, 1150, 0.30),
    (1150, 1500, 0.13),
    (1500, 1900, 0.07),
)


@dataclass(frozen=True)
class Market:
    traders: int = 8000  # who could join; ~5,800 rate or are rated
    trades: int = 26000
    horizon: float = 1900.0
    scammer_share: float = 0.10
    harsh_share: float = 0.03
    dispute_rate: float = 0.05  # of honest trades
    retaliation: float = 0.5  # a scammer rates the victim down
    pile_on: float = 0.3  # geometric: on average (1 − p) / p further warnings per scam
    mirror: float = 0.7  # a rating returned with the value received
    wariness: float = 5.0  # a warning weighs like this many positive ratings to a new partner
    leaving: float = 0.7  # a scammer outside a ring goes within days of a scam
    largest_activity: float = 150.0  # relative trade rate of the busiest traders


def _era_days(
    rng: np.random.Generator, eras: tuple[tuple[int, int, float], ...], count: int
) -> np.ndarray:
    share = np.array([era[2] for era in eras])
    pick = rng.choice(len(eras), count, p=share / share.sum())
    first, last = np.array([e[0] for e in eras], float), np.array([e[1] for e in eras], float)
    return rng.uniform(first[pick], last[pick])


def _honest_value(rng: np.random.Generator) -> int:
    return int(rng.choice(HONEST_VALUES))


def trade(rng: np.random.Generator, market: Market | None = None) -> Ratings:
    market = market or Market()
    size, horizon, seeds = market.traders, market.horizon, 5
    honest = 1.0 - market.scammer_share - market.harsh_share
    kind = rng.choice(3, size, p=[honest, market.scammer_share, market.harsh_share])
    kind[:seeds] = 0  # 0 honest, 1 scammer, 2 harsh rater
    joined = _era_days(rng, ARRIVALS, size)
    joined[:seeds] = 0.0
    lifetime = 10.0 * (rng.pareto(0.8, size) + 1.0)
    lifetime = np.where(kind == 1, lifetime * 0.8, lifetime)
    lifetime[:seeds] = horizon
    activity = np.minimum(rng.pareto(1.2, size) + 1.0, market.largest_activity)
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
    praised, warned = np.zeros(size), np.zeros(size)  # what a new partner sees

    rated: dict[tuple[int, int], tuple[int, float]] = {}
    days = np.sort(_era_days(rng, TRADES, market.trades))

    def rate(a: int, b: int, value: int, day: float) -> None:
        if a != b:
            rated[(a, b)] = (value, day)
            if value <= -5:
                warned[b] += 1
            elif value > 0:
                praised[b] += 1

    for day in days.tolist():
        alive = np.flatnonzero((joined <= day) & (joined + lifetime >= day))
        if alive.size < 3:
            continue
        standing = (praised[alive] + 1) / (praised[alive] + 1 + market.wariness * warned[alive])
        weight = activity[alive] * standing
        weight = weight / weight.sum()
        a = int(rng.choice(alive, p=weight))
        b = int(rng.choice(alive, p=weight))
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
            if rng.random() < market.retaliation:
                rate(b, a, int(rng.choice([-10, -5, -1])), day + rng.uniform(0, 3))
            elif rng.random() < 0.3:
                rate(b, a, 1, day)
            if ring[b] < 0 and rng.random() < market.leaving:
                lifetime[b] = min(lifetime[b], day - joined[b] + rng.exponential(5))
            # Word gets around: other traders rate a known scammer down to warn the market.
            for _ in range(int(rng.geometric(market.pile_on)) - 1):
                warner = int(rng.choice(alive, p=weight))
                rate(warner, b, -10, day + rng.exponential(60))
            continue
        dispute = rng.random() < market.dispute_rate or (kind[a] == 2 and rng.random() < 0.3)
        if dispute:
            rate(a, b, int(rng.choice([-10, -5, -3, -1])), day)
            if rng.random() < 0.6:
                rate(b, a, int(rng.choice([-10, -5, -1])), day + rng.uniform(0, 3))
            continue
        given = _honest_value(rng)
        if rng.random() < 0.85:
            rate(a, b, given, day)
        if rng.random() < 0.75:
            back = given if rng.random() < market.mirror else _honest_value(rng)
            rate(b, a, back, day + rng.uniform(0, 3))
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
