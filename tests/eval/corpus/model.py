"""What the hand-written building blocks are made of."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Block:
    """A hand-written paragraph and the competences its words actually show (tag keys)."""

    text: str
    tags: frozenset[str]


def B(text: str, tags: str) -> Block:
    """A block from an indented triple-quoted paragraph and space-separated tags."""
    # A compound broken across source lines ("Java-Swing-\n Oberfläche") stays one word.
    joined = re.sub(r"-\n\s+(?=[A-ZÄÖÜ])", "-", text)
    return Block(" ".join(joined.split()), frozenset(tags.split()))


@dataclass(frozen=True)
class Spec:
    """One specialisation: its phrases in English and German, and its usual tool list."""

    key: str
    headlines_en: tuple[str, ...]
    headlines_de: tuple[str, ...]
    profiles_en: tuple[Block, ...]
    profiles_de: tuple[Block, ...]
    projects_en: tuple[Block, ...]
    projects_de: tuple[Block, ...]
    roles_en: tuple[str, ...]
    roles_de: tuple[str, ...]
    stack: tuple[str, ...]  # tags a structured list of this specialist usually names
    neighbours: tuple[str, ...] = field(default=())
