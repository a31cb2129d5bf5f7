"""Must-have and nice-to-have cues in request text, and which mentions they govern.

A mention takes the nearest cue in its own clause (a sentence, a bullet line, a part between
semicolons): "Java and Spring are required, Kotlin is a plus" gives Java and Spring "must" and
Kotlin "nice". A line that is only a cue ("Must-haves:", "Von Vorteil:") governs the bullet and
short lines under it until the next such heading. "Nicht zwingend" and "not required" are nice.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from typing import Literal

from shared.skills.extract_mentions import Mention

Requirement = Literal["must", "nice"]

_NICE = re.compile(
    r"\bnice[-\s]to[-\s]have\b|\bnice\s+to\s+haves?\b|\b(?:a|an|ein|big|great|großes|grosses|"
    r"klares|echtes)\s+(?:\w+\s+)?plus(?:punkt)?\b|\bis\s+(?:a\s+)?plus\b|\bplus(?:punkt)?\s*[.!)]|"
    r"\bvon\s+vorteil\b|\bvorteilhaft\b|\bw(?:ü|ue)nschenswert\b|\bidealerweise\b|\boptional\b|"
    r"\bpreferred\b|\bpreferably\b|\bdesirable\b|\bdesired\b|\bideally\b|\bbonus\b|"
    r"\bwould\s+be\s+(?:nice|great|good|helpful|an\s+advantage)\b|\bw(?:ä|ae)re\s+sch(?:ö|oe)n\b|"
    r"\bgerne?\b|\bhilfreich\b|\bhelpful\b|\badvantage(?:ous)?\b|\bbeneficial\b|"
    r"\bnicht\s+(?:zwingend|erforderlich|notwendig|n(?:ö|oe)tig|voraussetzung)\b|"
    r"\bnot\s+(?:required|mandatory|essential|a\s+must)\b",
    re.IGNORECASE,
)
_MUST = re.compile(
    r"\bmust\b|\brequired\b|\brequirements?\b|\bmandatory\b|\bessential\b|\bobligatory\b|"
    r"\bprerequisites?\b|\banforderungen\b|\bindispensable\b|\bzwingend\b|\bsetzen\b[^.;\n]{0,80}?\bvoraus\b|"
    r"\bvorausgesetzt\b|\bvoraussetzung(?:en)?\b|\berforderlich\b|\bmuss\b|\bmüssen\b|"
    r"\bmuss-\w+|\bpflicht\b|\bunabdingbar\b|\bunerlässlich\b|\bnotwendig\b",
    re.IGNORECASE,
)
# Where a clause ends: a line break, a semicolon, or a full stop, "!" or "?" before a space.
_CLAUSE_END = re.compile(r"\n|;|[.!?](?=\s|$)")
_BULLET_LINE = re.compile(r"[ \t]*(?:[-•*·–▪►◦>●■▸➢✓✔\uf0b7\uf0a7]|\d{1,2}[.)])\s")
_SHORT_LINE_WORDS = 6
_MAX_ANNOTATION_GAP = 15
# How many cues on each side of a mention are weighed; the nearest is almost always one step.
_MAX_STEPS = 4
_BRACKETED = re.compile(r"\([^()\n]*\)|\[[^\[\]\n]*\]")


# Every cue contains one of these words (as `term_key` spells them): texts without any, most
# CVs, skip the two patterns.
_TRIGGER_WORDS = """
    must required requirement requirements anforderungen mandatory essential obligatory
    prerequisite prerequisites indispensable zwingend voraus vorausgesetzt voraussetzung
    voraussetzungen erforderlich muss muessen pflicht unabdingbar unerlaesslich notwendig nice
    plus pluspunkt vorteil vorteilhaft wuenschenswert idealerweise optional preferred preferably
    desirable desired ideally bonus schoen gern gerne hilfreich helpful advantage advantageous
    beneficial
"""
_TRIGGERS = frozenset(_TRIGGER_WORDS.split())


def requirements(
    text: str, mentions: Sequence[Mention], words: Iterable[str]
) -> list[Requirement | None]:
    """For each mention, the requirement its clause (or heading) states, if any.

    `words` are the text's token keys, to skip texts that hold no cue word at all. Every
    look-up below is a binary search, so a 100,000-character text full of cues stays fast.
    """
    if not mentions:
        return []
    if _TRIGGERS.isdisjoint(words):
        return [None] * len(mentions)
    mention_starts = [mention.start for mention in mentions]
    cues = [cue for cue in _cues(text) if not _inside_a_mention(cue, mentions, mention_starts)]
    if not cues:
        return [None] * len(mentions)
    cue_starts = [start for start, _, _ in cues]
    boundaries = [match.start() for match in _CLAUSE_END.finditer(text)]
    brackets = [match.span() for match in _BRACKETED.finditer(text)]
    bracket_starts = [start for start, _ in brackets]
    annotations = _annotations(text, brackets, cues, cue_starts, mentions, mention_starts)
    headings = _headings(text, cues, cue_starts, mention_starts)
    heading_starts = [start for start, _, _ in headings]
    result: list[Requirement | None] = []
    for position, mention in enumerate(mentions):
        if position in annotations:
            result.append(annotations[position])
            continue
        at = bisect_right(boundaries, mention.start)
        clause_start = boundaries[at - 1] + 1 if at > 0 else 0
        clause_end = boundaries[at] if at < len(boundaries) else len(text)
        bracket = _enclosing(brackets, bracket_starts, mention.start)
        nearest: tuple[int, Requirement] | None = None
        # The nearest cues before and after the mention, a few steps out at most.
        after = bisect_left(cue_starts, mention.end)
        for index in (*range(after - 1, max(after - _MAX_STEPS, 0) - 1, -1),
                      *range(after, min(after + _MAX_STEPS, len(cues)))):  # fmt: skip
            start, end, kind = cues[index]
            if start < clause_start or end > clause_end:
                continue
            if _enclosing(brackets, bracket_starts, start) != bracket:
                continue  # "Senior Java Developer (Kotlin nice to have)": the aside is Kotlin's
            distance = start - mention.end if start >= mention.end else mention.start - end
            if nearest is None or abs(distance) < nearest[0]:
                nearest = (abs(distance), kind)
        if nearest is None:
            governing = bisect_right(heading_starts, mention.start) - 1
            if governing >= 0 and mention.start < headings[governing][1]:
                result.append(headings[governing][2])
                continue
        result.append(nearest[1] if nearest else None)
    return result


def _inside_a_mention(
    cue: tuple[int, int, Requirement], mentions: Sequence[Mention], mention_starts: list[int]
) -> bool:
    """ "Requirements Engineering" is a skill, not a cue."""
    before = bisect_right(mention_starts, cue[0]) - 1
    return before >= 0 and cue[1] <= mentions[before].end


def _annotations(
    text: str,
    brackets: list[tuple[int, int]],
    cues: list[tuple[int, int, Requirement]],
    cue_starts: list[int],
    mentions: Sequence[Mention],
    mention_starts: list[int],
) -> dict[int, Requirement]:
    """ "Java (must), Kotlin (a plus)": a bracket with a cue and no mention annotates the
    mention right before it."""
    annotated: dict[int, Requirement] = {}
    for bracket_start, bracket_end in brackets:
        first = bisect_right(cue_starts, bracket_start)
        last = bisect_left(cue_starts, bracket_end)
        if first >= last:
            continue
        after = bisect_right(mention_starts, bracket_start)
        if after < len(mentions) and mentions[after].start < bracket_end:
            continue  # the bracket names a skill of its own
        gap = text[mentions[after - 1].end : bracket_start] if after > 0 else ""
        if after > 0 and len(gap) <= _MAX_ANNOTATION_GAP and not _CLAUSE_END.search(gap):
            kinds = {kind for _, _, kind in cues[first:last]}
            annotated[after - 1] = "must" if "must" in kinds else "nice"
    return annotated


def _enclosing(
    brackets: list[tuple[int, int]], bracket_starts: list[int], position: int
) -> tuple[int, int] | None:
    """The bracketed aside a position is in: "Java (Kotlin nice to have)" cues only Kotlin."""
    index = bisect_left(bracket_starts, position) - 1
    if index >= 0 and position < brackets[index][1]:
        return brackets[index]
    return None


def _cues(text: str) -> list[tuple[int, int, Requirement]]:
    """Must and nice cues in text order; a nice cue wins where they overlap ("nicht zwingend")."""
    nice = [(match.start(), match.end()) for match in _NICE.finditer(text)]
    nice_starts = [start for start, _ in nice]
    cues: list[tuple[int, int, Requirement]] = [(start, end, "nice") for start, end in nice]
    for match in _MUST.finditer(text):
        before = bisect_left(nice_starts, match.end()) - 1
        if before >= 0 and nice[before][1] > match.start():
            continue
        cues.append((match.start(), match.end(), "must"))
    return sorted(cues)


def _any_between(starts: list[int], low: int, high: int) -> bool:
    return bisect_left(starts, low) < bisect_left(starts, high)


def _headings(
    text: str,
    cues: list[tuple[int, int, Requirement]],
    cue_starts: list[int],
    mention_starts: list[int],
) -> list[tuple[int, int, Requirement]]:
    """(start, end, kind) of the text a cue-only line governs: its bullets and short lines."""
    spans: list[tuple[int, int, Requirement]] = []
    for start, _, kind in cues:
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        if _any_between(mention_starts, line_start, line_end):
            continue
        if spans and spans[-1][0] == line_end:
            continue  # two cues on one heading line: "Must-have (required):"
        governed_end = line_end
        position = line_end + 1
        after_blank = False
        while position < len(text):
            next_end = text.find("\n", position)
            next_end = len(text) if next_end < 0 else next_end
            line = text[position:next_end]
            if not line.strip():
                after_blank = True
            elif _BULLET_LINE.match(line):
                after_blank = False
            elif after_blank or len(line.split()) > _SHORT_LINE_WORDS:
                break  # a paragraph, or a new section after a blank line
            if _any_between(cue_starts, position, next_end) and not _any_between(
                mention_starts, position, next_end
            ):
                break  # the next heading
            governed_end = next_end
            position = next_end + 1
        spans.append((line_end, governed_end, kind))
    return spans
