"""The text layout answers like a brute-force reading of each profile's kept terms: who holds
every word of a term (long terms included, found by scanning), the exact cosine (the same bits
whichever rows are scored together) and champion-list retrieval."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from services.matching.index import text_postings
from services.matching.index.text_postings import TextPostings

VOCABULARY = 12


def _profiles(seed: int, people: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    indptr, terms, weights = [0], [], []
    for _ in range(people):
        kept = rng.choice(VOCABULARY, size=int(rng.integers(0, 6)), replace=False)
        terms += kept.tolist()
        weights += rng.random(len(kept)).round(2).tolist()  # ties happen
        indptr.append(len(terms))
    return (
        np.array(indptr, dtype=np.int64),
        np.array(terms, dtype=np.uint16),
        np.array(weights, dtype=np.float16),
    )


@settings(max_examples=80, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    people=st.integers(1, 60),
    champions=st.integers(1, 8),
    chunk=st.integers(1, 50),
)
def test_text_layout_matches_brute_force(
    seed: int, people: int, champions: int, chunk: int
) -> None:
    indptr, terms, weights = _profiles(seed, people)
    original = text_postings._GROUP_CHUNK
    text_postings._GROUP_CHUNK = chunk  # any chunking builds the same lists
    try:
        index = TextPostings(indptr, terms, weights, VOCABULARY, champions=champions)
    finally:
        text_postings._GROUP_CHUNK = original
    held = [
        dict(zip(terms[a:b].tolist(), weights[a:b].tolist(), strict=True))
        for a, b in itertools.pairwise(indptr.tolist())
    ]
    rng = np.random.default_rng(seed + 1)
    wanted = rng.choice(VOCABULARY, size=int(rng.integers(1, 3)), replace=False).astype(np.int64)

    expected = [row for row, own in enumerate(held) if all(t in own for t in wanted.tolist())]
    assert index.holding_all(wanted).tolist() == expected

    query_terms = np.sort(rng.choice(VOCABULARY, size=4, replace=False)).astype(np.int64)
    query_weights = rng.random(4).astype(np.float32)
    everyone = np.arange(people)
    cosine = index.similarity(everyone, query_terms, query_weights)
    brute = [
        sum(
            float(np.float32(w) * np.float32(own.get(t, 0.0)))
            for t, w in zip(query_terms.tolist(), query_weights.tolist(), strict=True)
        )
        for own in held
    ]
    assert np.allclose(cosine, np.clip(brute, 0, 1), atol=1e-6)
    some = everyone[rng.random(people) < 0.5]
    assert index.similarity(some, query_terms, query_weights).tolist() == cosine[some].tolist()

    hits = index.retrieve(query_terms, query_weights)
    reached: dict[int, float] = {}
    for t, w in zip(query_terms.tolist(), query_weights.tolist(), strict=True):
        holders = sorted(
            ((own[t], row) for row, own in enumerate(held) if t in own),
            key=lambda pair: (-float(np.float32(pair[0])), pair[1]),
        )[:champions]
        for weight, row in holders:
            reached[row] = reached.get(row, 0.0) + float(np.float32(weight) * np.float32(w))
    assert hits.rows.tolist() == sorted(reached)
    assert np.allclose(hits.similarity, [reached[r] for r in sorted(reached)], atol=1e-6)
