"""Skills named in free text (CVs, request paragraphs), English and German, with evidence.

`extract_skills(text)` finds every spelling of every skill of a taxonomy (names, aliases,
German forms), longest first, on word boundaries, with guards for spellings that are everyday
words ("Go", "R", "Chef"; see `extract_guards`). It returns each skill once, first mention
first, with every mention's character span, the years the text states (`extract_years`) and
the must/nice cue of a request text (`extract_cues`). Deterministic: the same text, taxonomy
and `today` give the same result.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from shared.skills.extract_cues import Requirement, requirements
from shared.skills.extract_mentions import Mention, find_mentions
from shared.skills.extract_tokens import matcher_for, tokenise
from shared.skills.extract_years import combined_years, stated_years
from shared.skills.taxonomy import Taxonomy, get_catalogue_taxonomy

__all__ = ["Evidence", "ExtractedSkill", "Requirement", "extract_skills"]


@dataclass(frozen=True, slots=True)
class Evidence:
    start: int  # character offsets into the text given
    end: int
    text: str  # text[start:end], one of the skill's names/aliases as written


@dataclass(frozen=True, slots=True)
class ExtractedSkill:
    slug: str
    canonical: str
    evidence: tuple[Evidence, ...]  # every mention, in text order
    years: float | None  # from "5 years of Kafka", "seit 2019 Kubernetes", ...
    requirement: str | None  # "must" | "nice" | None (request text cue near the mention)


def extract_skills(
    text: str, taxonomy: Taxonomy | None = None, *, today: date | None = None
) -> list[ExtractedSkill]:
    """Skills named in free text (English and German), first mention first. Deterministic."""
    if not text:
        return []
    taxonomy = get_catalogue_taxonomy() if taxonomy is None else taxonomy
    matcher = matcher_for(taxonomy)
    tokens = tokenise(text)
    mentions = find_mentions(tokens, matcher)
    if not mentions:
        return []
    stated = stated_years(text, mentions, today or date.today())
    cues = requirements(text, mentions, tokens.inner_keys)
    by_slug: dict[str, list[int]] = defaultdict(list)
    for position, mention in enumerate(mentions):
        by_slug[mention.slug].append(position)
    return [
        ExtractedSkill(
            slug=slug,
            canonical=matcher.canonical[slug],
            evidence=tuple(_evidence(text, mentions[position]) for position in positions),
            years=combined_years([stated[position] for position in positions]),
            requirement=_requirement([cues[position] for position in positions]),
        )
        for slug, positions in by_slug.items()
    ]


def _evidence(text: str, mention: Mention) -> Evidence:
    return Evidence(mention.start, mention.end, text[mention.start : mention.end])


def _requirement(cues: list[Requirement | None]) -> Requirement | None:
    """A skill named as a must anywhere is a must; else nice if cued so; else no cue."""
    if "must" in cues:
        return "must"
    if "nice" in cues:
        return "nice"
    return None
