"""Columnar inputs of the index builder: what the database loader (or a benchmark) hands over.

Everything is a numpy array (or a list of strings) so a million profiles are built without a
Python object per row. Codes: remote 0 onsite / 1 hybrid / 2 remote; engagement bits 1 freelance,
2 permanent; language levels 1 A1 .. 6 C2, 7 native; dates as proleptic ordinals (0 = none).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from shared.models.enums import LanguageLevel, RemotePreference

REMOTE_CODES: dict[str, int] = {
    RemotePreference.onsite.value: 0,
    RemotePreference.hybrid.value: 1,
    RemotePreference.remote.value: 2,
}
ONSITE, HYBRID, REMOTE = 0, 1, 2
FREELANCE_BIT, PERMANENT_BIT = 1, 2
LANGUAGE_LEVELS: dict[str, int] = {level.value: i + 1 for i, level in enumerate(LanguageLevel)}


def language_code_number(code: str) -> int:
    """Pack a two-letter ISO 639-1 code into a small int (the loader does the same in SQL)."""
    return ord(code[0]) * 256 + ord(code[1])


@dataclass
class FreelancerColumns:
    ids: np.ndarray  # int64
    day_rate: np.ndarray  # float64, NaN = unknown
    available_from: np.ndarray  # int32 ordinal, 0 = no date (available now)
    remote: np.ndarray  # int8
    engagement: np.ndarray  # uint8 bits; 0 = not stated (treated as freelance)
    country: Sequence[str]  # "" = unknown
    city: Sequence[str]  # lower-cased, "" = unknown
    texts: Sequence[str]  # headline, summary, CV text, skill names

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class SkillRows:
    freelancer_ids: np.ndarray  # int64
    skill_ids: np.ndarray  # int64
    level: np.ndarray  # int8 1..5
    years: np.ndarray  # float32, NaN = unknown
    last_used: np.ndarray  # int16 year, 0 = unknown
    # True where the row is an extracted (text-only) skill; None = all confirmed.
    extracted: np.ndarray | None = None


@dataclass
class LanguageRows:
    freelancer_ids: np.ndarray  # int64
    codes: np.ndarray  # int32 from language_code_number
    level: np.ndarray  # int8 1..7


@dataclass
class TrustRows:
    freelancer_ids: np.ndarray  # int64
    values: np.ndarray  # float32 (n, len(TRUST_FEATURES)), raw as referrals wrote them


@dataclass
class PlacementRows:
    freelancer_ids: np.ndarray  # int64
    count: np.ndarray  # float32
    successes: np.ndarray  # float32


def _empty(dtype: type) -> np.ndarray:
    return np.zeros(0, dtype=dtype)


@dataclass
class IndexSource:
    """All rows for one set of freelancers."""

    freelancers: FreelancerColumns
    skills: SkillRows
    languages: LanguageRows
    trust: TrustRows
    placements: PlacementRows = field(
        default_factory=lambda: PlacementRows(
            _empty(np.int64), _empty(np.float32), _empty(np.float32)
        )
    )


@dataclass
class CatalogueRows:
    skill_ids: np.ndarray  # int64
    names: Sequence[str]
    relation_source: np.ndarray  # int64: having this skill ...
    relation_target: np.ndarray  # int64: ... counts towards this one
    relation_weight: np.ndarray  # float32 in (0, 1]
