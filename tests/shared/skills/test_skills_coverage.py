"""How many practitioners' spellings `normalise()` resolves, on sets written before tuning.

The sets (`data/`) hold Stack Overflow-style tag synonyms, German ESCO-style labels and nonsense
terms; `coverage_sets.held_out` splits each into a half the rules were tuned on and a half they
were not. Both halves must reach the target; the figures are printed (`pytest -s`).
"""

from __future__ import annotations

import random
import string

import pytest

from shared.skills import get_catalogue_taxonomy
from tests.shared.skills.coverage_sets import (
    GERMAN_LABELS,
    NONSENSE,
    QA_TAG_PAIRS,
    Pair,
    held_out,
    pairs,
    terms,
)

TARGET = 0.70


def coverage(found: list[tuple[Pair, str | None]]) -> dict[str, float]:
    """Share of pairs whose term resolved to the expected skill, per half."""
    taxonomy = get_catalogue_taxonomy()
    halves: dict[str, list[bool]] = {"tuned": [], "held-out": []}
    for pair, canonical in found:
        expected = taxonomy.normalise(pair.expected).canonical
        hit = expected is not None and canonical == expected
        halves["held-out" if held_out(pair.term) else "tuned"].append(hit)
    return {half: sum(hits) / len(hits) for half, hits in halves.items()}


@pytest.mark.parametrize("name", [QA_TAG_PAIRS, GERMAN_LABELS])
def test_sets_are_large_enough_and_split(name: str) -> None:
    loaded = pairs(name)
    assert len(loaded) >= (200 if name == QA_TAG_PAIRS else 100)
    assert len({pair.term for pair in loaded}) == len(loaded)
    held = sum(held_out(pair.term) for pair in loaded)
    assert 0.35 < held / len(loaded) < 0.65


@pytest.mark.parametrize("name", [QA_TAG_PAIRS, GERMAN_LABELS])
def test_normalise_resolves_most_practitioner_spellings(name: str) -> None:
    taxonomy = get_catalogue_taxonomy()
    found = [(pair, taxonomy.normalise(pair.term).canonical) for pair in pairs(name)]
    shares = coverage(found)
    print(f"\n{name} via normalise(): " + ", ".join(f"{k} {v:.1%}" for k, v in shares.items()))
    assert shares["tuned"] >= TARGET
    assert shares["held-out"] >= TARGET


def test_nonsense_stays_unrecognised_with_its_suggestions() -> None:
    nonsense = terms(NONSENSE)
    assert len(nonsense) >= 50
    taxonomy = get_catalogue_taxonomy()
    recognised = {term: taxonomy.normalise(term).canonical for term in nonsense}
    assert {term: canonical for term, canonical in recognised.items() if canonical} == {}


def test_random_strings_stay_unrecognised() -> None:
    # Seeded, so a failure names a reproducible string rather than flaking. Few: every unknown
    # term pays for a fuzzy suggestion search (~13 ms).
    generator = random.Random(8)
    taxonomy = get_catalogue_taxonomy()
    samples = [
        "".join(generator.choices(string.ascii_lowercase, k=generator.randint(6, 14)))
        for _ in range(300)
    ]
    samples += [f"{word}-{generator.randint(2, 99)}x" for word in samples[:50]]
    assert [text for text in samples if taxonomy.normalise(text).recognised] == []
