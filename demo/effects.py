"""The planted trust effect, measured on the generated outcomes (not on the hidden quality).

Among candidates presented to a client, the share that got to an interview or a placement, by
what vouchers said about them: a positive in-person vouch from a well-connected contact, only
online-only positive vouches, a warning from someone who worked with them, everyone.
"""

from __future__ import annotations

from collections import defaultdict

from demo.model import World
from demo.network import IN_PERSON

WELL_CONNECTED = 0.6
_GOOD = {"interviewed", "placed"}
_PRESENTED = {"presented", "interviewed", "placed"}


def _groups(world: World) -> dict[int, set[str]]:
    reach = world.truth.voucher_reach
    groups: dict[int, set[str]] = defaultdict(set)
    positive_channels: dict[int, set[str]] = defaultdict(set)
    for vouch in world.vouches:
        key = vouch.freelancer_key
        if vouch.recommendation in ("strong", "yes"):
            positive_channels[key].add(vouch.channel)
            if vouch.channel in IN_PERSON and reach.get(vouch.referrer, 0.0) >= WELL_CONNECTED:
                groups[key].add("in_person_well_connected")
        elif vouch.channel == "worked_together":
            groups[key].add("warning_worked_together")
    for key, channels in positive_channels.items():
        if not channels & set(IN_PERSON):
            groups[key].add("online_only")
    return groups


def outcome_rates(world: World) -> dict[str, tuple[float, int]]:
    """Group → (share of presented candidates interviewed or placed, presented candidates)."""
    reached: dict[tuple[int, int], set[str]] = defaultdict(set)
    for review in world.reviews:
        reached[(review.request_key, review.freelancer_key)].add(review.decision)
    groups = _groups(world)
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for (_, freelancer_key), decisions in reached.items():
        if not decisions & _PRESENTED:
            continue
        good = int(bool(decisions & _GOOD))
        for group in (*groups.get(freelancer_key, ()), "all"):
            counts[group][0] += good
            counts[group][1] += 1
    return {group: (good / total, total) for group, (good, total) in counts.items()}
