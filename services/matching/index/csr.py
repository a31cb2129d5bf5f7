"""Compressed-row helpers shared by the skill and text layouts of a segment."""

from __future__ import annotations

import numpy as np


def flat_positions(indptr: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(owner index, flat position) of every CSR entry of `rows`, in row order."""
    starts = indptr[rows].astype(np.int64)
    lengths = indptr[rows + 1].astype(np.int64) - starts
    owner = np.repeat(np.arange(len(rows)), lengths)
    first = np.cumsum(lengths) - lengths
    positions = np.arange(int(lengths.sum()), dtype=np.int64) + np.repeat(starts - first, lengths)
    return owner, positions


def compact_indptr(indptr: np.ndarray) -> np.ndarray:
    """`indptr` in the smallest unsigned type that holds its last offset (half of int64)."""
    last = int(indptr[-1]) if len(indptr) else 0
    return np.asarray(indptr, dtype=np.uint32 if last < 2**32 else np.int64)
