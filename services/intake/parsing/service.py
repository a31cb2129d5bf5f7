"""Suggested skills for a request's title and description.

Every mention comes from `shared.skills.extract` (the intake taxonomy, so admin aliases count).
A skill is a must-have when a must cue governs one of its mentions, or when it is named in the
title without a nice cue; a nice cue makes it a nice-to-have. Descriptions that cue nothing as a
must get their uncued skills suggested as must-haves (with a warning), so the suggestion can be
posted as it is. Items of a skill list ("Tools: Jira, Xyzzy, Confluence") that no catalogue
spelling matches are resolved like any request skill (variants, versions) and, failing that,
reported as unrecognised terms with suggestions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from services.intake.common.schemas import FieldWarning
from services.intake.parsing.schemas import (
    EvidenceOut,
    ParsedSkill,
    RequestParse,
    TextField,
    UnrecognisedTerm,
)
from services.intake.taxonomy import IntakeTaxonomy
from shared.skills.extract import Requirement, extract_skills
from shared.skills.keys import term_key

# Pieces of text that may hold a list: a line, or a sentence, or a part between semicolons.
_SEGMENT = re.compile(r"[^\n;]+?(?:[.!?](?=\s)|(?=[\n;])|$)")
_LABEL = re.compile(r"\s*(?:[-•*·–▪►◦>]\s*)?(?:[^\W\d][\w /&-]{0,30}:)?")
# "/" separates only with spaces around it: "S/4HANA", "m/w/d" and "CI/CD" are one item.
_ITEM_SEPARATOR = re.compile(r"\s*(?:[,|]|\s/\s|\b(?:and|und|or|oder|sowie)\b)\s*", re.IGNORECASE)
# An item that starts like a phrase, not a name: "the budget", "in Workshops", "You design".
_PHRASE_START = re.compile(
    r"(?:the|a|an|of|in|on|to|for|with|you|we|our|your|der|die|das|den|dem|des|ein|eine|im|"
    r"in|mit|von|zur|zum|für|sie|wir|ihr|unser\w*)\b",
    re.IGNORECASE,
)
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_EDGE = " \t.:!?()[]\"'“”„*-–•"
_MIN_LIST_ITEMS = 3
_MAX_ITEM_WORDS = 3
_MAX_ITEM_LENGTH = 40


@dataclass
class _Found:
    slug: str
    canonical: str
    evidence: list[EvidenceOut] = field(default_factory=list)
    requirements: list[Requirement | None] = field(default_factory=list)
    in_title: bool = False
    years: float | None = None


def parse(
    taxonomy: IntakeTaxonomy, *, title: str, description: str, today: date | None = None
) -> RequestParse:
    """Skills, unrecognised list items and warnings for one request text."""
    found: dict[str, _Found] = {}
    unrecognised: dict[str, UnrecognisedTerm] = {}
    texts: tuple[tuple[TextField, str], ...] = (("title", title), ("description", description))
    for text_field, text in texts:
        _extract(taxonomy, text_field, text, found, today)
    for text_field, text in texts:
        _list_items(taxonomy, text_field, text, found, unrecognised)
    skills = [_suggestion(entry) for entry in found.values()]
    warnings: list[FieldWarning] = []
    if not skills:
        warnings.append(
            FieldWarning(
                field="description",
                message="No catalogue skill is named; list the skills the role needs, "
                "e.g. 'Required: Java, Kubernetes'",
            )
        )
    elif not any(skill.requirement == "must" for skill in skills):
        uncued = [skill for skill in skills if skill.requirement is None and not skill.must_have]
        for skill in uncued:
            skill.must_have = True
        if uncued:
            warnings.append(
                FieldWarning(
                    field="description",
                    message="No must-have cue ('must', 'required', 'zwingend', 'setzen wir "
                    "voraus') was found; the skills named without a cue are suggested as "
                    "must-haves",
                )
            )
    return RequestParse(
        skills=skills, unrecognised_terms=list(unrecognised.values()), warnings=warnings
    )


def _extract(
    taxonomy: IntakeTaxonomy,
    text_field: TextField,
    text: str,
    found: dict[str, _Found],
    today: date | None,
) -> None:
    for skill in extract_skills(text, taxonomy.taxonomy, today=today):
        entry = found.setdefault(skill.slug, _Found(skill.slug, skill.canonical))
        entry.evidence.extend(
            EvidenceOut(start=item.start, end=item.end, text=item.text, field=text_field)
            for item in skill.evidence
        )
        entry.requirements.append(
            "must" if skill.requirement == "must" else "nice" if skill.requirement else None
        )
        entry.in_title = entry.in_title or text_field == "title"
        if skill.years is not None:
            entry.years = max(entry.years or 0.0, skill.years)


def _combined(requirements: list[Requirement | None]) -> Requirement | None:
    """A must anywhere makes a must; else a nice cue makes a nice-to-have."""
    if "must" in requirements:
        return "must"
    if "nice" in requirements:
        return "nice"
    return None


def _suggestion(entry: _Found) -> ParsedSkill:
    requirement = _combined(entry.requirements)
    return ParsedSkill(
        name=entry.canonical,
        canonical=entry.canonical,
        slug=entry.slug,
        must_have=requirement == "must" or (requirement is None and entry.in_title),
        requirement=requirement,
        years=entry.years,
        evidence=entry.evidence,
    )


def _list_items(
    taxonomy: IntakeTaxonomy,
    text_field: TextField,
    text: str,
    found: dict[str, _Found],
    unrecognised: dict[str, UnrecognisedTerm],
) -> None:
    """Resolve, or report, the items of skill lists that extraction did not recognise."""
    # Mentions of this field in text order, with their skill's requirement.
    marked = sorted(
        (item.start, item.end, _combined(entry.requirements))
        for entry in found.values()
        for item in entry.evidence
        if item.field == text_field
    )
    starts = [start for start, _, _ in marked]

    def overlaps(item: tuple[int, int]) -> bool:
        before = bisect_left(starts, item[1]) - 1
        return before >= 0 and marked[before][1] > item[0]

    for segment in _SEGMENT.finditer(text):
        items, labelled = _items(text, segment.start(), segment.end())
        if len(items) < _MIN_LIST_ITEMS:
            continue
        known = [item for item in items if overlaps(item)]
        short = [item for item in items if len(text[item[0] : item[1]].split()) <= 3]
        if len(known) * 2 < len(items) or len(short) * 5 < len(items) * 3:
            continue  # prose, or a list of places or dates, not of skills
        inside = marked[bisect_left(starts, segment.start()) : bisect_left(starts, segment.end())]
        cues = Counter(requirement for _, _, requirement in inside)
        for number, (start, end) in enumerate(items):
            if overlaps((start, end)):
                continue
            term = text[start:end]
            if len(term.split()) > _MAX_ITEM_WORDS or len(term) > _MAX_ITEM_LENGTH:
                continue
            if not any(char.isalpha() for char in term) or (term[0].islower() and " " in term):
                continue  # "and more", "begleiten die Abnahme": prose, not a skill name
            if any(_PHRASE_START.fullmatch(word) for word in term.split()):
                continue  # "Betrieb in Containern", "the budget": a phrase, not a name
            resolved = taxonomy.resolve(term)
            if resolved.slug is not None and resolved.canonical is not None:
                entry = found.setdefault(resolved.slug, _Found(resolved.slug, resolved.canonical))
                entry.evidence.append(
                    EvidenceOut(start=start, end=end, text=term, field=text_field)
                )
                entry.requirements.append(cues.most_common(1)[0][0] if cues else None)
                entry.in_title = entry.in_title or text_field == "title"
                continue
            if not _name_like(term) or (number == 0 and not labelled):
                continue  # "budget"; "Small team, you own ...": a sentence's first words
            key = term_key(term)
            if key and key not in unrecognised:
                unrecognised[key] = UnrecognisedTerm(
                    term=term,
                    field=text_field,
                    start=start,
                    end=end,
                    suggestions=resolved.suggestions,
                )


def _items(text: str, start: int, end: int) -> tuple[list[tuple[int, int]], bool]:
    """The (start, end) of each comma- or "and"-separated item in text[start:end], and
    whether the segment starts with a label or a bullet ("Tools:", "- ")."""
    label = _LABEL.match(text, start, end)
    position = label.end() if label is not None else start
    labelled = bool(label is not None and text[start : label.end()].strip())
    pieces: list[tuple[int, int]] = []
    for separator in [*_ITEM_SEPARATOR.finditer(text, position, end), None]:
        piece_end = separator.start() if separator is not None else end
        piece = _strip(text, position, piece_end)
        if piece is not None:
            pieces.append(piece)
        if separator is not None:
            position = separator.end()
    return pieces, labelled


def _strip(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim brackets' contents at the end ("Java (17)"), punctuation and spaces at both ends."""
    bracket = _BRACKETS.search(text, start, end)
    if bracket is not None and bracket.start() > start:
        end = bracket.start()
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return (start, end) if end > start else None


def _name_like(term: str) -> bool:
    """Written like a product or method name: a capital, a digit or a symbol in it."""
    return term[0].isupper() or any(char.isdigit() or char in "+#._/" for char in term)
