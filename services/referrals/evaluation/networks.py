"""Generated networks with planted truth, in the shapes the trust code must handle.

- `agency`: an agency's network (communities, agency people who meet many contacts) with good
  and bad freelancers whose outcomes depend on who vouched and how: honest vouchers who met them
  (mostly right, less so online), and a dishonest ring far from the agency that vouches 'strong'
  for its own bad freelancers. With `signal=False` the outcomes are coin flips (trust must add
  nothing).
- `trade` (trade.py): a signed, timestamped rating network shaped like Bitcoin-OTC, split in time.
- `certification`: a three-level certification network (apprentice, journeyer, master), people
  certifying each other with some noise, a few masters as the seeds.
- `attach_clique`: the sybil attack — a clique of fakes attached by a few edges to the contacts
  that pass the most trust.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from services.referrals.evaluation.data import Network
from services.referrals.trust.network import NetworkState
from services.referrals.trust.params import CHANNELS
from services.referrals.trust.strength import strength_from_evidence

CHANNEL_SHARE = [0.3, 0.15, 0.2, 0.15, 0.2]  # in_person, worked_together, video, phone, online


def _channel(rng: np.random.Generator, share: list[float] | None = None) -> str:
    return str(CHANNELS[int(rng.choice(len(CHANNELS), p=share or CHANNEL_SHARE))])


@dataclass
class Agency:
    network: Network
    freelancers: np.ndarray  # contact ids of the freelancers
    success: np.ndarray  # planted outcome per freelancer


def agency(rng: np.random.Generator, *, signal: bool = True) -> Agency:
    internal, community_size, communities, ring = 15, 100, 30, 5
    size = internal + community_size * communities
    network = Network(size, np.arange(size) < internal)
    community = np.full(size, -1)
    community[internal:] = (np.arange(size - internal)) // community_size
    honest_side = np.flatnonzero((community >= 0) & (community < communities - ring))
    ring_side = np.flatnonzero(community >= communities - ring)
    for contact in range(internal, size):
        mates = np.flatnonzero(community == community[contact])
        for _ in range(1 + rng.poisson(4)):
            other = (
                int(rng.choice(mates)) if rng.random() > 0.15 else int(rng.integers(internal, size))
            )
            network.meet(contact, other, _channel(rng), rng.uniform(0, 900))
    for person in range(internal):
        for contact in rng.choice(honest_side, 60, replace=False):
            for _ in range(1 + rng.poisson(1)):
                network.meet(person, int(contact), _channel(rng), rng.uniform(0, 600))
    # The ring knows the rest of the network through a handful of weak ties only.
    for contact in rng.choice(ring_side, 5, replace=False):
        network.meet(int(contact), int(rng.choice(honest_side)), "online", rng.uniform(0, 500))

    freelancers = np.concatenate(
        [rng.choice(honest_side, 500, replace=False), rng.choice(ring_side, 100, replace=False)]
    )
    in_ring = np.isin(freelancers, ring_side)
    good = rng.random(freelancers.size) < np.where(in_ring, 0.25, 0.65)
    for freelancer, is_good in zip(freelancers.tolist(), good.tolist(), strict=True):
        mates = np.flatnonzero(community == community[freelancer])
        for _ in range(rng.poisson(1.6)):
            voucher = int(rng.choice(mates))
            channel = _channel(rng, [0.4, 0.3, 0.1, 0.1, 0.1])
            age = rng.uniform(0, 700)
            network.meet(voucher, freelancer, channel, age)
            accurate = rng.random() < (0.9 if channel in ("in_person", "worked_together") else 0.6)
            verdict = is_good if accurate else not is_good
            if community[freelancer] >= communities - ring:
                verdict = True  # the ring praises its own, good or bad
                channel = _channel(rng, [0.1, 0.1, 0.2, 0.2, 0.4])
            rec = (
                str(rng.choice(["strong", "yes"]))
                if verdict
                else str(rng.choice(["against", "reservations"]))
            )
            network.vouch(voucher, freelancer, channel, age, rec)
    if signal:
        success = rng.random(freelancers.size) < np.where(good, 0.8, 0.25)
    else:
        success = rng.random(freelancers.size) < 0.55
    return Agency(network, freelancers, success)


@dataclass
class Ratings:
    size: int
    source: np.ndarray
    target: np.ndarray
    value: np.ndarray  # −10 … +10
    day: np.ndarray
    seeds: np.ndarray


def certification(rng: np.random.Generator) -> tuple[Ratings, np.ndarray]:
    """Ratings with value 1 (apprentice), 2 (journeyer), 3 (master); and each node's true level."""
    size = 2000
    level = rng.choice([1, 2, 3], size, p=[0.55, 0.33, 0.12])
    level[:4] = 3
    appeal = np.array([0.0, 1.0, 2.0, 4.0])[level] * (rng.pareto(1.8, size) + 1.0)
    rows = []
    for certifier in range(size):
        count = 1 + rng.poisson(2 + 2 * level[certifier])
        targets = rng.choice(size, count, replace=False, p=appeal / appeal.sum())
        for target in targets.tolist():
            if target == certifier:
                continue
            said = int(level[target])
            if rng.random() > 0.7:
                said = int(np.clip(said + rng.choice([-1, 1]), 1, 3))
            rows.append((certifier, target, said, rng.uniform(0, 700)))
    data = np.array(rows, dtype=np.float64)
    ratings = Ratings(
        size,
        data[:, 0].astype(np.int64),
        data[:, 1].astype(np.int64),
        data[:, 2],
        data[:, 3],
        np.arange(4),
    )
    return ratings, level


def to_network(
    ratings: Ratings, *, as_of: float, mapping: dict[int, str], channel: str = "worked_together"
) -> Network:
    """Each rating before `as_of` becomes a meeting and a vouch (the latest per pair wins)."""
    network = Network(ratings.size, np.isin(np.arange(ratings.size), ratings.seeds))
    order = np.argsort(ratings.day, kind="stable")
    for i in order.tolist():
        day = float(ratings.day[i])
        if day >= as_of:
            continue
        a, b = int(ratings.source[i]), int(ratings.target[i])
        network.meet(a, b, channel, as_of - day)
        network.vouch(a, b, channel, as_of - day, mapping[int(ratings.value[i])])
    return network


def trade_recommendation(value: int) -> str:
    if value >= 5:
        return "strong"
    if value > 0:
        return "yes"
    return "reservations" if value > -5 else "against"


TRADE_MAPPING = {v: trade_recommendation(v) for v in range(-10, 11)}
CERTIFICATION_MAPPING = {3: "strong", 2: "yes", 1: "reservations"}


def top_passers(state: NetworkState, count: int) -> np.ndarray:
    """The contacts that would pass the most trust into one new in-person tie met today."""
    strength = float(strength_from_evidence(1.0))
    unit = state.params.relationship_unit
    tie = strength * state.params.meeting_weight
    passed = np.where(
        state.internal,
        strength,  # an agency person's restart mass is one unit per full relationship
        state.propagation.raw * tie / np.maximum(state.degree + tie, unit),
    )
    return np.argsort(-passed, kind="stable")[:count]


def attach_clique(network: Network, attackers: np.ndarray, size: int) -> range:
    """`size` fakes who all met each other in person today, each attacker meeting one of them."""
    fakes = network.grow(size)
    members = list(fakes)
    for i, x in enumerate(members):
        for y in members[i + 1 :]:
            network.meet(x, y, "in_person", 0.0)
    for attacker, fake in zip(attackers.tolist(), members, strict=False):
        network.meet(int(attacker), fake, "in_person", 0.0)
    return fakes
