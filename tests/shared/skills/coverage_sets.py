"""The alias-coverage sets in `data/`, and the fixed rule that splits them into tune/held-out.

A term belongs to the held-out half when the first byte of the SHA-256 of its text is odd:
decided before any rule was tuned, independent of what the term says.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True, slots=True)
class Pair:
    term: str
    expected: str


def held_out(term: str) -> bool:
    return hashlib.sha256(term.encode("utf-8")).digest()[0] % 2 == 1


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def pairs(name: str) -> list[Pair]:
    """The (term, expected skill) pairs of a tab-separated file."""
    result = []
    for line in _lines(name):
        term, expected = line.split("\t")
        result.append(Pair(term=term, expected=expected))
    return result


def terms(name: str) -> list[str]:
    """The terms of a one-term-a-line file."""
    return _lines(name)


QA_TAG_PAIRS = "qa_tag_pairs.tsv"
GERMAN_LABELS = "esco_de_labels.tsv"
NONSENSE = "nonsense_terms.txt"
