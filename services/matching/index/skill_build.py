"""Builds a segment's two skill layouts from the loader's rows, a chunk at a time.

The loader hands the rows over sorted by (freelancer, skill, extracted); each chunk is then
mapped to (row, column), de-duplicated (a skill both confirmed and extracted counts once, as
confirmed, which sorts first), packed into the forward index's preallocated array and added to
the columns' bitmaps. No full-length int64 temporary is made, so the build's peak stays close to
the index it builds. Rows in any other order are sorted first (one index array of the rows).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from pyroaring import BitMap, FrozenBitMap

from services.matching.index.catalogue import Catalogue
from services.matching.index.columns import SkillRows
from services.matching.index.csr import compact_indptr
from services.matching.index.skill_postings import SkillPostings, bitmap_of

# Packed forward entry: bits 0-15 column, 16-18 level, 19-24 half-years, 25-31 last used.
YEARS_UNKNOWN = 63  # half-years 0..62 (31 years and more are stored as 31)
LAST_USED_UNKNOWN = 127  # last year used as year - 1950 (0..126)
LAST_USED_BASE = 1950
# Level code of a skill known only from the profile's text (confirmed levels are 1..5).
EXTRACTED_LEVEL = 7
_CHUNK = 1 << 20


def pack(columns: np.ndarray, level: np.ndarray, years: np.ndarray, used: np.ndarray) -> np.ndarray:
    half_years = np.where(
        np.isnan(years), YEARS_UNKNOWN, np.clip(np.round(np.nan_to_num(years) * 2), 0, 62)
    ).astype(np.uint32)
    used_code = np.where(
        used <= 0, LAST_USED_UNKNOWN, np.clip(used.astype(np.int64) - LAST_USED_BASE, 0, 126)
    ).astype(np.uint32)
    return (
        columns.astype(np.uint32)
        | (np.clip(level, 0, 7).astype(np.uint32) << 16)
        | (half_years << 19)
        | (used_code << 25)
    )


def _in_order(skills: SkillRows) -> bool:
    """Whether rows are sorted by (freelancer, skill, extracted), checked a chunk at a time."""
    owners, ids = skills.freelancer_ids, skills.skill_ids
    flags = skills.extracted
    for start in range(0, max(len(owners) - 1, 0), _CHUNK):
        stop = min(start + _CHUNK + 1, len(owners))
        owner = np.asarray(owners[start:stop], dtype=np.int64)
        skill = np.asarray(ids[start:stop], dtype=np.int64)
        step_owner, step_skill = np.diff(owner), np.diff(skill)
        if (step_owner < 0).any() or ((step_owner == 0) & (step_skill < 0)).any():
            return False
        if flags is not None:
            flag = np.asarray(flags[start:stop], dtype=np.int8)
            if ((step_owner == 0) & (step_skill == 0) & (np.diff(flag) < 0)).any():
                return False
    return True


def build_skills(
    skills: SkillRows,
    catalogue: Catalogue,
    rows_of: Callable[[np.ndarray], np.ndarray],
    n: int,
) -> tuple[np.ndarray, np.ndarray, SkillPostings]:
    """(forward entries, forward indptr, postings) of `n` rows; `rows_of` maps freelancer ids."""
    total = len(skills.freelancer_ids)
    order: np.ndarray | None = None
    if not _in_order(skills):
        flags = (
            np.zeros(total, dtype=np.int8)
            if skills.extracted is None
            else np.asarray(skills.extracted, dtype=np.int8)
        )
        order = np.lexsort((flags, skills.skill_ids, skills.freelancer_ids))
        del flags
    forward = np.empty(total, dtype=np.uint32)
    counts = np.zeros(n + 1, dtype=np.int64)
    postings: list[BitMap] = [BitMap() for _ in range(len(catalogue))]
    filled = 0
    last_pair = -1
    width = max(len(catalogue), 1)
    for start in range(0, total, _CHUNK):
        take: slice | np.ndarray = (
            slice(start, start + _CHUNK) if order is None else order[start : start + _CHUNK]
        )
        rows = rows_of(np.asarray(skills.freelancer_ids[take]))
        columns = catalogue.columns_of(np.asarray(skills.skill_ids[take]))
        text_only = (
            np.zeros(len(rows), dtype=bool)
            if skills.extracted is None
            else np.asarray(skills.extracted[take], dtype=bool)
        )
        keep = (rows >= 0) & (columns >= 0)
        # Dropped entries get distinct negative keys, so they never pass for a duplicate.
        pair = np.where(keep, rows * width + columns, -2 - np.arange(len(rows)))
        # Sorted input: a repeated (row, column) follows its first copy (the confirmed one).
        keep[1:] &= pair[1:] != pair[:-1]
        if len(pair):
            keep[0] &= pair[0] != last_pair
            last_pair = int(pair[keep][-1]) if keep.any() else last_pair
        kept = np.flatnonzero(keep)
        rows, columns = rows[kept], columns[kept]
        level = np.where(text_only[kept], EXTRACTED_LEVEL, np.asarray(skills.level[take])[kept])
        forward[filled : filled + len(kept)] = pack(
            columns,
            level,
            np.asarray(skills.years[take], dtype=np.float32)[kept],
            np.asarray(skills.last_used[take])[kept],
        )
        filled += len(kept)
        counts[1:] += np.bincount(rows, minlength=n)
        by_column = np.argsort(columns, kind="stable")
        columns, rows = columns[by_column], rows[by_column]
        bounds = np.flatnonzero(np.diff(columns)) + 1
        for group in np.split(np.arange(len(columns)), bounds):
            if len(group):
                postings[int(columns[group[0]])] |= bitmap_of(rows[group])
    del order
    forward.resize(filled, refcheck=False)  # shrinks in place: no second copy
    frozen = []
    for column in range(len(postings)):
        frozen.append(FrozenBitMap(postings[column]))
        postings[column] = BitMap()
    return forward, compact_indptr(np.cumsum(counts)), SkillPostings(frozen)
