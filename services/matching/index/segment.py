"""One immutable block of profiles in numpy: skill postings, filter columns, trust, text.

Skills are held twice, each in the layout its question needs:
- an inverted index (skill column -> roaring bitmap of rows, `SkillPostings`) for "who has
  these must-haves": the AND, the at-least-t-of-m tiers and unions run as bitmap operations;
- a forward index (row -> its skills, one packed uint32 each: column, level, years, last used),
  so the features of c candidates cost one contiguous gather of c x ~30 entries instead of a
  binary search per required skill.
Skills read from a profile's free text (`freelancer_extracted_skills`, status "extracted") are
held in the same two layouts with the level code `EXTRACTED_LEVEL`: they reach a request through
the postings like confirmed skills, and the features count them as weaker evidence.
Profile text is a forward TF-IDF layout with champion lists (`TextPostings`): the text feature
and the text path of candidate generation.
Everything a ranking touches is a gather over the rows a request reaches; nothing loops over
freelancers.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from services.matching.index.catalogue import Catalogue
from services.matching.index.columns import IndexSource
from services.matching.index.skill_build import (
    EXTRACTED_LEVEL,
    LAST_USED_UNKNOWN,
    YEARS_UNKNOWN,
    build_skills,
)
from services.matching.index.skill_build import (
    LAST_USED_BASE as LAST_USED_BASE,  # re-exported for the features and explanations
)
from services.matching.index.text import TextEncoder
from services.matching.index.text_postings import TextPostings
from shared.trust_features import TRUST_FEATURES

MAX_COLUMNS = 1 << 16


def intersect_sorted(small: np.ndarray, large: np.ndarray) -> np.ndarray:
    """Elements of sorted `small` that are also in sorted `large` (both unique)."""
    if len(small) == 0 or len(large) == 0:
        return small[:0]
    pos = np.minimum(np.searchsorted(large, small), len(large) - 1)
    return small[large[pos] == small]


def union_sorted(lists: list[np.ndarray]) -> np.ndarray:
    """Sorted unique union of sorted arrays (sort + dedupe; numpy's unique hashes, slower)."""
    if not lists:
        return np.zeros(0, np.int64)
    merged = np.sort(np.concatenate(lists).astype(np.int64))
    if len(merged) < 2:
        return merged
    keep = np.empty(len(merged), dtype=bool)
    keep[0] = True
    np.not_equal(merged[1:], merged[:-1], out=keep[1:])
    return merged[keep]


def _vocabulary_codes(values: list[str]) -> tuple[np.ndarray, dict[str, int]]:
    """Integer codes for strings; "" (unknown) is -1."""
    if not values:
        return np.zeros(0, np.int32), {}
    uniques, inverse = np.unique(np.asarray(values, dtype=str), return_inverse=True)
    vocabulary = {str(value): i for i, value in enumerate(uniques) if value != ""}
    codes = inverse.astype(np.int32)
    empty = np.flatnonzero(uniques == "")
    if len(empty):
        codes[codes == int(empty[0])] = -1
    return codes, vocabulary


@dataclass
class SkillGather:
    """Per candidate x skill column: level (0 = absent), years and last-used codes."""

    level: np.ndarray  # int8 (c, k), confirmed level; 0 = not a confirmed skill
    years: np.ndarray  # uint8 (c, k), half-years or YEARS_UNKNOWN
    last_used: np.ndarray  # uint8 (c, k), year - 1950 or LAST_USED_UNKNOWN
    extracted: np.ndarray  # bool (c, k): named in the profile's text, not confirmed


class IndexSegment:
    """Arrays for one set of freelancers; `alive`, trust and placements are patched in place."""

    def __init__(
        self,
        source: IndexSource,
        catalogue: Catalogue,
        encoder: TextEncoder,
        *,
        text_champions: int = 1000,
    ) -> None:
        if len(catalogue) >= MAX_COLUMNS:
            raise ValueError(f"the index packs skill columns in 16 bits (< {MAX_COLUMNS})")
        people = source.freelancers
        order = np.argsort(np.asarray(people.ids, dtype=np.int64), kind="stable")
        ids = np.asarray(people.ids, dtype=np.int64)[order]
        # Ids below 2^31 (every agency's) are held as int32: 4 MB less per million profiles.
        small = len(ids) == 0 or int(ids[-1]) < 2**31
        self.ids = ids.astype(np.int32) if small else ids
        del ids
        n = len(self.ids)
        self.alive = np.ones(n, dtype=bool)
        # float32 is exact to well under half a cent for rates up to 10,000 (the filter's epsilon).
        self.day_rate = np.asarray(people.day_rate, dtype=np.float32)[order]
        self._store_availability(np.asarray(people.available_from, dtype=np.int64)[order])
        self.remote = np.asarray(people.remote, dtype=np.int8)[order]
        self.engagement = np.asarray(people.engagement, dtype=np.uint8)[order]
        country, self.country_vocabulary = _vocabulary_codes([people.country[i] for i in order])
        city, self.city_vocabulary = _vocabulary_codes([people.city[i] for i in order])
        self.country = country.astype(np.int8 if len(self.country_vocabulary) < 127 else np.int16)
        self.city = city.astype(np.int16) if len(self.city_vocabulary) < 2**15 else city
        self.forward, self.forward_indptr, self.skills = build_skills(
            source.skills, catalogue, self.rows_of, n
        )
        self._build_languages(source)
        # Trust is sparse (most profiles have no trust row): a slot per profile, -1 = none.
        self.trust_slot = np.full(n, -1, dtype=np.int32)
        self.trust_values = np.zeros((0, len(TRUST_FEATURES)), dtype=np.float32)
        self.set_trust(source.trust.freelancer_ids, source.trust.values)
        # Whole counts: uint16 holds any agency's placements of one freelancer exactly.
        self.placement_count = np.zeros(n, dtype=np.uint16)
        self.placement_successes = np.zeros(n, dtype=np.uint16)
        self.set_placements(
            source.placements.freelancer_ids,
            source.placements.count,
            source.placements.successes,
        )
        indptr, terms, weights = encoder.encode([people.texts[i] for i in order])
        self.text = TextPostings(
            indptr, terms, weights, encoder.vocabulary_size, champions=text_champions
        )
        del indptr, terms, weights

    # -- build -------------------------------------------------------------------------------

    def _store_availability(self, ordinals: np.ndarray) -> None:
        # Days after the earliest date (0 = no date) fit uint16 for any 179-year span.
        dated = ordinals[ordinals > 0]
        self._available_base = int(dated.min()) - 1 if len(dated) else 0
        compact = len(dated) == 0 or int(dated.max()) - self._available_base < 2**16
        offsets = np.where(ordinals > 0, ordinals - self._available_base, 0)
        self._available_days = offsets.astype(np.uint16 if compact else np.int64)

    def available_from(self, rows: np.ndarray) -> np.ndarray:
        """Proleptic ordinal each row is available from (0 = no date: available now)."""
        days = self._available_days[rows].astype(np.int64)
        return np.where(days > 0, days + self._available_base, 0)

    def available_by(self, rows: np.ndarray, latest: int) -> np.ndarray:
        """Whether each row is available by ordinal `latest` (no date: available now)."""
        days = self._available_days[rows]
        limit = latest - self._available_base  # a date's offset is at least 1; 0 is none
        if limit < 0:
            return days == 0
        return days <= min(limit, int(np.iinfo(days.dtype).max))

    def _build_languages(self, source: IndexSource) -> None:
        rows = self.rows_of(source.languages.freelancer_ids)
        codes = np.asarray(source.languages.codes, dtype=np.int32)
        keep = rows >= 0
        rows, codes = rows[keep], codes[keep]
        levels = np.asarray(source.languages.level, dtype=np.int8)[keep]
        order = np.lexsort((rows, codes))
        rows, codes, levels = rows[order], codes[order], levels[order]
        self.languages: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        # Languages many people speak get a dense level column (one byte per profile): a filter
        # over many candidates then reads instead of searching.
        self.dense_languages: dict[int, np.ndarray] = {}
        for code in np.unique(codes):
            lo, hi = np.searchsorted(codes, [code, code + 1])
            if (hi - lo) * 16 >= len(self.ids):
                dense = np.zeros(len(self.ids), dtype=np.int8)
                dense[rows[lo:hi]] = levels[lo:hi]
                self.dense_languages[int(code)] = dense
            else:
                self.languages[int(code)] = (rows[lo:hi].astype(np.int32), levels[lo:hi])

    def set_trust(self, freelancer_ids: np.ndarray, values: np.ndarray) -> None:
        """Write trust rows in place (rows of unknown freelancers are ignored)."""
        rows = self.rows_of(freelancer_ids)
        keep = rows >= 0
        rows, values = rows[keep], np.asarray(values, dtype=np.float32)[keep]
        fresh = rows[self.trust_slot[rows] < 0]
        if len(fresh):
            start = len(self.trust_values)
            self.trust_slot[fresh] = np.arange(start, start + len(fresh), dtype=np.int32)
            grown = np.zeros((start + len(fresh), self.trust_values.shape[1]), dtype=np.float32)
            grown[:start] = self.trust_values
            self.trust_values = grown
        self.trust_values[self.trust_slot[rows]] = values

    def clear_trust(self) -> None:
        """Forget every trust row (before a full reload)."""
        self.trust_slot[:] = -1
        self.trust_values = self.trust_values[:0].copy()

    def trust_held(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(positions in `rows` of the rows with a trust row, their raw trust values)."""
        slots = self.trust_slot[rows]
        held = np.flatnonzero(slots >= 0)
        return held, self.trust_values[slots[held]]

    def set_placements(
        self, freelancer_ids: np.ndarray, count: np.ndarray, successes: np.ndarray
    ) -> None:
        """Replace placement aggregates (everyone not listed has none)."""
        self.placement_count[:] = 0
        self.placement_successes[:] = 0
        rows = self.rows_of(freelancer_ids)
        keep = rows >= 0
        self.placement_count[rows[keep]] = np.clip(np.asarray(count)[keep], 0, 65535)
        self.placement_successes[rows[keep]] = np.clip(np.asarray(successes)[keep], 0, 65535)

    # -- look-ups ----------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.ids)

    def rows_of(self, freelancer_ids: np.ndarray) -> np.ndarray:
        """Row of each freelancer id in this segment, -1 when absent."""
        ids = np.asarray(freelancer_ids, dtype=np.int64)
        if len(self.ids) == 0:
            return np.full(len(ids), -1, dtype=np.int64)
        # Needles in the ids' own type, so the search never copies the ids (clipped ids of
        # that type's range are then not found, as they should not be).
        limits = np.iinfo(self.ids.dtype)
        needles = np.clip(ids, limits.min, limits.max).astype(self.ids.dtype)
        pos = np.minimum(np.searchsorted(self.ids, needles), len(self.ids) - 1)
        return np.where(self.ids[pos] == ids, pos, -1).astype(np.int64)

    def gather_skills(
        self, columns: np.ndarray, rows: np.ndarray, column_slots: np.ndarray
    ) -> SkillGather:
        """Level/years/last-used of each row for each skill column (absent: level 0).

        `column_slots` is a scratch int16 array over all catalogue columns, -1 everywhere; it is
        set for `columns` here and reset before returning.
        """
        c, k = len(rows), len(columns)
        level = np.zeros((c, k), dtype=np.int8)
        years = np.full((c, k), YEARS_UNKNOWN, dtype=np.uint8)
        last_used = np.full((c, k), LAST_USED_UNKNOWN, dtype=np.uint8)
        extracted = np.zeros((c, k), dtype=bool)
        known = np.flatnonzero(columns >= 0)
        if c == 0 or len(known) == 0:
            return SkillGather(level, years, last_used, extracted)
        column_slots[columns[known]] = known
        starts = self.forward_indptr[rows].astype(np.int64)
        lengths = self.forward_indptr[rows + 1].astype(np.int64) - starts
        first = np.cumsum(lengths) - lengths
        positions = np.repeat(starts - first, lengths)
        positions += np.arange(len(positions), dtype=np.int64)
        try:
            entries = np.take(self.forward, positions)
            slots = column_slots[entries & 0xFFFF]
        finally:
            column_slots[columns[known]] = -1
        hit = np.flatnonzero(slots >= 0)
        # Few entries are request skills: their owners by binary search, not a repeat of all.
        target = np.searchsorted(first, hit, side="right") - 1
        entries, slot = entries[hit], slots[hit]
        code = (entries >> 16) & 7
        text_only = code == EXTRACTED_LEVEL
        level[target, slot] = np.where(text_only, 0, code)
        extracted[target, slot] = text_only
        years[target, slot] = (entries >> 19) & 63
        last_used[target, slot] = entries >> 25
        return SkillGather(level, years, last_used, extracted)

    def language_level(self, code: int, rows: np.ndarray) -> np.ndarray:
        """Level (0 = does not speak it) of one language for each row."""
        dense = self.dense_languages.get(code)
        if dense is not None:
            return dense[rows]
        out = np.zeros(len(rows), dtype=np.int8)
        entry = self.languages.get(code)
        if entry is None or len(rows) == 0:
            return out
        postings, levels = entry
        pos = np.minimum(np.searchsorted(postings, rows), len(postings) - 1)
        hit = postings[pos] == rows
        out[hit] = levels[pos[hit]]
        return out

    def nbytes(self) -> int:
        """Bytes held by this segment's arrays (language postings included)."""
        arrays = [value for value in vars(self).values() if isinstance(value, np.ndarray)]
        total = sum(int(a.nbytes) for a in arrays)
        total += sum(int(r.nbytes + lv.nbytes) for r, lv in self.languages.values())
        total += sum(int(d.nbytes) for d in self.dense_languages.values())
        return total + self.text.nbytes() + self.skills.nbytes()
