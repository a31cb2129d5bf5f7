"""Fast draws from `random.Random` (its `choice`/`randint` cost ~1 µs each; a million-profile
world makes tens of millions of draws). Deterministic for a seeded generator like the originals.
"""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Sequence
from functools import cache
from itertools import accumulate
from typing import TypeVar

T = TypeVar("T")


def pick(rng: random.Random, items: Sequence[T]) -> T:
    return items[int(rng.random() * len(items))]


def between(rng: random.Random, low: int, high: int) -> int:
    """An integer in [low, high], both included (like randint)."""
    return low + int(rng.random() * (high - low + 1))


@cache
def _cumulative(weights: tuple[float, ...]) -> tuple[float, ...]:
    return tuple(accumulate(weights))


def weighted(rng: random.Random, items: Sequence[T], weights: tuple[float, ...]) -> T:
    """One item with probability proportional to its weight (like `choices(...)[0]`)."""
    cumulative = _cumulative(weights)
    return items[bisect(cumulative, rng.random() * cumulative[-1])]
