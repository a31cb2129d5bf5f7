"""Hands the memory an index build freed back to the operating system.

A build's temporaries are freed into glibc's heap, which keeps them resident (a process that
built a million-profile index would otherwise hold its build peak for life); `malloc_trim(0)`
returns the free pages. Elsewhere (no glibc) this does nothing.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _libc() -> Any:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


def release_free_memory() -> None:
    """Return freed heap pages to the OS (glibc only)."""
    libc = _libc()
    trim = getattr(libc, "malloc_trim", None) if libc is not None else None
    if trim is not None:
        trim(0)
