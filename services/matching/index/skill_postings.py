"""Who holds each skill, as compressed bitmaps (pyroaring, CRoaring's Python binding).

A popular skill's holders are a dense set (the top skill of the benchmark's catalogue is on 28 %
of profiles): a roaring bitmap keeps it as one bit per profile in 64 K-row blocks, a rare skill
as two bytes per holder, so the postings take about a third of sorted int32 lists. Retrieval
then never reads a posting list end to end in Python terms: the must-have AND, the "holds at
least t of the must-haves" tiers and the unions are word-parallel bitmap operations in C, and
only the resulting candidate set is turned into an array of rows.
"""

from __future__ import annotations

import array
from collections.abc import Sequence

import numpy as np
from pyroaring import BitMap, FrozenBitMap

EMPTY = FrozenBitMap()


def bitmap_of(rows: np.ndarray) -> BitMap:
    """A bitmap of sorted or unsorted non-negative rows (from a buffer, no Python loop)."""
    values = array.array("I")
    values.frombytes(np.ascontiguousarray(rows, dtype=np.uint32).tobytes())
    return BitMap(values)


def rows_of(bitmap: BitMap | FrozenBitMap) -> np.ndarray:
    """The rows of a bitmap as a sorted int64 array."""
    if len(bitmap) == 0:
        return np.zeros(0, np.int64)
    return np.frombuffer(bitmap.to_array(), dtype=np.uint32).astype(np.int64)


def at_least(sets: Sequence[BitMap | FrozenBitMap]) -> list[BitMap]:
    """`result[i]`: rows held by at least i + 1 of `sets` (a bit-sliced counter, m² / 2 ops)."""
    levels: list[BitMap] = []
    for current in sets:
        # Highest level first, so each step reads the level below as it was before `current`.
        if levels:
            levels.append(levels[-1] & current)
        for i in range(len(levels) - 2, 0, -1):
            levels[i] |= levels[i - 1] & current
        if levels:
            levels[0] |= current
        else:
            levels.append(BitMap(current))
    return levels


class SkillPostings:
    """Column -> frozen bitmap of the rows holding that skill (confirmed or extracted)."""

    def __init__(self, sets: list[FrozenBitMap]) -> None:
        self._sets = sets
        self.total = sum(len(s) for s in sets)
        self._nbytes = sum(len(s.serialize()) for s in sets)

    def __len__(self) -> int:
        """Number of (row, skill) postings."""
        return self.total

    def holders(self, column: int) -> FrozenBitMap:
        if column < 0 or column >= len(self._sets):
            return EMPTY
        return self._sets[column]

    def any_of(self, columns: np.ndarray) -> BitMap | FrozenBitMap:
        """Rows holding at least one of the columns."""
        sets = [self.holders(int(c)) for c in columns.tolist()]
        return BitMap.union(*sets) if sets else EMPTY

    def nbytes(self) -> int:
        """Bytes of the bitmaps (their serialised size, within a few bytes per block of RAM)."""
        return self._nbytes
