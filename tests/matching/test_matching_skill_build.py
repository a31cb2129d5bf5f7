"""The chunked skill build equals a plain per-row reference, for sorted and shuffled rows,
duplicates (confirmed and extracted), unknown skills and unknown freelancers, at any chunking."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services.matching.index import skill_build
from services.matching.index.columns import SkillRows
from services.matching.index.skill_build import EXTRACTED_LEVEL, build_skills, pack
from services.matching.index.skill_postings import rows_of
from tests.matching.test_matching_index import synthetic_catalogue

PEOPLE = np.array([3, 5, 8, 13, 21, 34], dtype=np.int64)


def _rows_of(ids: np.ndarray) -> np.ndarray:
    pos = np.minimum(np.searchsorted(PEOPLE, ids), len(PEOPLE) - 1)
    return np.where(PEOPLE[pos] == ids, pos, -1).astype(np.int64)


def _skill_rows(seed: int, count: int) -> SkillRows:
    rng = np.random.default_rng(seed)
    owners = rng.choice(np.append(PEOPLE, [4, 40]), size=count)  # 4 and 40: unknown people
    skills = rng.integers(1, 11, size=count)  # the catalogue knows 1..8
    return SkillRows(
        owners.astype(np.int64),
        skills.astype(np.int64),
        rng.integers(1, 6, count).astype(np.int8),
        np.where(rng.random(count) < 0.3, np.nan, rng.random(count) * 12).astype(np.float32),
        np.where(rng.random(count) < 0.3, 0, rng.integers(2010, 2027, count)).astype(np.int16),
        rng.random(count) < 0.4,
    )


def _reference(rows: SkillRows) -> dict[int, list[int]]:
    catalogue = synthetic_catalogue()
    best: dict[tuple[int, int], tuple[bool, int]] = {}
    for i in range(len(rows.freelancer_ids)):
        row = int(_rows_of(rows.freelancer_ids[i : i + 1])[0])
        column = int(catalogue.columns_of(rows.skill_ids[i : i + 1])[0])
        if row < 0 or column < 0:
            continue
        extracted = bool(rows.extracted[i]) if rows.extracted is not None else False
        key = (row, column)
        # Confirmed wins over extracted; among equals the first in (id, skill, flag) order.
        if key not in best or (best[key][0] and not extracted):
            best[key] = (extracted, i)
    entries: dict[int, list[int]] = {}
    for (row, column), (extracted, i) in best.items():
        level = EXTRACTED_LEVEL if extracted else int(rows.level[i])
        packed = pack(
            np.array([column]),
            np.array([level]),
            rows.years[i : i + 1],
            rows.last_used[i : i + 1],
        )
        entries.setdefault(row, []).append(int(packed[0]))
    return {row: sorted(values) for row, values in entries.items()}


@settings(max_examples=60, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    count=st.integers(0, 80),
    chunk=st.integers(1, 9),
    shuffled=st.booleans(),
)
def test_chunked_build_matches_reference(seed: int, count: int, chunk: int, shuffled: bool) -> None:
    rows = _skill_rows(seed, count)
    if not shuffled:  # the loader's order: (freelancer, skill, extracted)
        order = np.lexsort((rows.extracted, rows.skill_ids, rows.freelancer_ids))
        rows = SkillRows(*(np.asarray(getattr(rows, f))[order] for f in rows.__dataclass_fields__))
    catalogue = synthetic_catalogue()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(skill_build, "_CHUNK", chunk)
        forward, indptr, postings = build_skills(rows, catalogue, _rows_of, len(PEOPLE))

    expected = _reference(rows)
    for row in range(len(PEOPLE)):
        got = sorted(forward[int(indptr[row]) : int(indptr[row + 1])].tolist())
        assert got == expected.get(row, [])
    for column in range(len(catalogue)):
        holders = [
            row for row, values in expected.items() if any(v & 0xFFFF == column for v in values)
        ]
        assert rows_of(postings.holders(column)).tolist() == sorted(holders)
    assert len(postings) == sum(len(v) for v in expected.values())
