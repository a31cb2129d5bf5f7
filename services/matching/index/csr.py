"""Compressed-row helpers shared by the skill and text layouts of a segment."""

from __future__ import annotations

import numpy as np


def compact_indptr(indptr: np.ndarray) -> np.ndarray:
    """`indptr` in the smallest unsigned type that holds its last offset (half of int64)."""
    last = int(indptr[-1]) if len(indptr) else 0
    return np.asarray(indptr, dtype=np.uint32 if last < 2**32 else np.int64)
