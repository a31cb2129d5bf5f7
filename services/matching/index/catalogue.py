"""The skill catalogue as the index sees it: skill id -> column, and related-skill credit lists."""

from __future__ import annotations

import numpy as np

from services.matching.index.columns import CatalogueRows

# A required skill takes credit from at most this many related skills (strongest first).
MAX_RELATED = 8
# A relation this strong means the source implies the target (Scrum Master -> Scrum 0.8,
# PySpark -> Apache Spark 0.8, OpenShift -> Kubernetes 0.7): holding the source shows the
# required skill, so a must-have is not "missing" (it still earns only related credit).
IMPLIES_WEIGHT = 0.7


class Catalogue:
    """Columns are positions in the sorted skill ids; relations are grouped by target column."""

    def __init__(self, rows: CatalogueRows) -> None:
        order = np.argsort(rows.skill_ids, kind="stable")
        self.skill_ids = np.asarray(rows.skill_ids, dtype=np.int64)[order]
        self.names: list[str] = [rows.names[i] for i in order]
        source = self.columns_of(rows.relation_source)
        target = self.columns_of(rows.relation_target)
        weight = np.asarray(rows.relation_weight, dtype=np.float32)
        keep = (source >= 0) & (target >= 0)
        source, target, weight = source[keep], target[keep], weight[keep]
        # Strongest relation first within each target; ties by source column for determinism.
        order = np.lexsort((source, -weight, target))
        source, target, weight = source[order], target[order], weight[order]
        starts = np.searchsorted(target, np.arange(len(self.skill_ids) + 1))
        rank = np.arange(len(target)) - starts[target] if len(target) else np.zeros(0, np.int64)
        capped = rank < MAX_RELATED
        self.related_source = source[capped].astype(np.int32)
        self.related_weight = weight[capped]
        self.related_indptr = np.searchsorted(
            target[capped], np.arange(len(self.skill_ids) + 1)
        ).astype(np.int64)
        # Scratch map column -> gather slot, -1 outside a gather (reused by every ranking).
        self.column_slots = np.full(len(self.skill_ids), -1, dtype=np.int16)

    def __len__(self) -> int:
        return len(self.skill_ids)

    def columns_of(self, skill_ids: np.ndarray) -> np.ndarray:
        """Column of each skill id, -1 for ids the catalogue does not know."""
        ids = np.asarray(skill_ids, dtype=np.int64)
        if len(self.skill_ids) == 0:
            return np.full(len(ids), -1, dtype=np.int64)
        pos = np.minimum(np.searchsorted(self.skill_ids, ids), len(self.skill_ids) - 1)
        return np.where(self.skill_ids[pos] == ids, pos, -1).astype(np.int64)

    def related(self, column: int) -> tuple[np.ndarray, np.ndarray]:
        """(source columns, weights) that give partial credit towards `column`."""
        if column < 0:
            return np.zeros(0, np.int32), np.zeros(0, np.float32)
        lo, hi = self.related_indptr[column], self.related_indptr[column + 1]
        return self.related_source[lo:hi], self.related_weight[lo:hi]

    def nbytes(self) -> int:
        return int(
            self.skill_ids.nbytes
            + self.related_source.nbytes
            + self.related_weight.nbytes
            + self.related_indptr.nbytes
            + self.column_slots.nbytes
        )
