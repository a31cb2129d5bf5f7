"""`generate(config)`: the whole demo agency as plain data, deterministic for a seed.

The public API other code builds on (the offline evaluation reads it too):

    from demo.world import generate
    from demo.model import WorldConfig
    world = generate(WorldConfig(seed=7, freelancers=2000, trust_signal="default"))
    world.freelancers, world.requests, world.contacts, world.interactions, world.vouches,
    world.reviews, world.placements        # what is written to the database (by key)
    world.truth                            # hidden: quality, fit, voucher reach, the clique

Sub-generators draw from their own `random.Random` streams derived from the seed, so adding a
field to one part of the world leaves the others unchanged.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from demo.freelancers import make_freelancer
from demo.history import HistoryBuilder
from demo.model import FreelancerSpec, RequestSpec, Truth, World, WorldConfig
from demo.network import NetworkBuilder
from demo.requests import make_clients, make_request, request_times

Progress = Callable[[str, int], None]


def _stream(config: WorldConfig, name: str) -> random.Random:
    return random.Random(f"{config.seed}:{name}")


def _noop(_stage: str, _done: int) -> None:
    return None


def sizes(freelancers: int) -> dict[str, int]:
    """How many of each thing a world of this many freelancers has."""
    return {
        # An agency's clients grow slower than its pool of people (and company names are finite).
        "clients": min(400, max(6, freelancers // 60)),
        "past_requests": max(30, freelancers // 8),
        "open_requests": min(60, max(10, freelancers // 150)),
        "clique": min(60, max(8, freelancers // 80)),
    }


def generate(config: WorldConfig, progress: Progress = _noop) -> World:
    counts = sizes(config.freelancers)
    rng = _stream(config, "freelancers")
    used_emails: set[str] = set()
    freelancers: list[FreelancerSpec] = []
    for key in range(config.freelancers):
        freelancers.append(make_freelancer(rng, key, config, used_emails))
        if key % 1000 == 999:
            progress("people", 1000)
    progress("people", config.freelancers % 1000)

    rng = _stream(config, "requests")
    clients = make_clients(rng, counts["clients"])
    requests: list[RequestSpec] = []
    for created_at, kind in request_times(
        rng, config, counts["past_requests"], counts["open_requests"]
    ):
        client = rng.choice(clients)
        status = "open" if kind == "open" else "past"
        requests.append(
            make_request(
                rng,
                len(requests),
                client=client,
                created_at=created_at,
                status=status,
                config=config,
            )
        )

    rng = _stream(config, "quality")
    quality = [round(rng.gauss(0.0, 1.0), 4) for _ in freelancers]
    vouched = {f.key for f in freelancers if rng.random() < 0.35}

    network = NetworkBuilder(
        _stream(config, "network"), config, freelancers, [c.name for c in clients], quality
    )
    network.build_contacts(vouched=vouched, clique_size=counts["clique"])
    if config.trust_signal == "default":
        # The clique's members are people nobody who met them would vouch for.
        for key in network.clique:
            freelancer_key = network.contacts[key].freelancer_key
            assert freelancer_key is not None
            quality[freelancer_key] = round(quality[freelancer_key] - 0.6, 4)
    network.build_ties()
    vouches = network.build_vouches(vouched)
    progress("network", 0)

    truth = Truth(
        seed=config.seed,
        trust_signal=config.trust_signal,
        quality=quality,
        voucher_reach={key: round(value, 4) for key, value in network.reach.items()},
        clique=list(network.clique),
    )
    history = HistoryBuilder(_stream(config, "history"), config, freelancers, truth)
    for request in requests:
        if request.status == "past":
            request.status = history.decide(request)
    progress("history", 0)
    interactions = sorted(
        network.interactions.values(), key=lambda i: (i.occurred_on, i.a, i.b, i.channel)
    )
    return World(
        config=config,
        freelancers=freelancers,
        clients=clients,
        requests=requests,
        contacts=network.contacts,
        interactions=interactions,
        vouches=vouches,
        reviews=history.reviews,
        placements=history.placements,
        truth=truth,
    )
