"""Years of experience stated next to skill mentions, in English and German.

Three kinds of statement, each tied to mentions by where it stands:

- a duration, "5 years of Kafka", "Kafka – 24 months", "3 Jahre Erfahrung mit Terraform":
  to the mention right after it (a few words, no punctuation between; a list after it shares
  it: "5+ years with Python, Django and PostgreSQL") or else right before it;
- a start, "seit 2019 Kubernetes", "Kubernetes since 03/2020": a period up to today, tied the
  same way;
- a period, "2018–2023: Java", "01/2019 – heute  Projekt X ... Java, Kafka": to every mention
  after it up to the next period or blank line, or else to the mentions before it on its line.

A skill's years are the largest duration stated for it or the union of its periods, whichever is
larger, so two projects that overlap are not counted twice.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Literal

from shared.skills.extract_mentions import Mention

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "ein": 1, "eine": 1, "einem": 1, "einen": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4,
    "fünf": 5, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12, "zwoelf": 12, "fünfzehn": 15, "zwanzig": 20,
}  # fmt: skip
# Scanning for the rare anchor (a unit word, a four-digit year) and then reading the few
# characters around it is several times faster than one pattern tried at every position.
_UNIT = re.compile(
    r"(?<![^\W\d_])[yjm](?:ears?|rs?|ahre?n?|onths?|onate?n?)(?![^\W\d_])['’]?", re.I
)
_NUMBER_BEFORE = re.compile(
    r"(?<![\w.,])(?P<number>\d{1,2}(?:[.,]\d{1,2})?|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")\s*\+?\s*(?:(?:-|–|bis|to)\s*\d{1,2}\s*\+?\s*)?$",
    re.IGNORECASE,
)
_MONTH_NAMES = {
    "jan": 1, "feb": 2, "mar": 3, "mär": 3, "mae": 3, "apr": 4, "may": 5, "mai": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "dez": 12,
}  # fmt: skip
_YEAR = re.compile(r"(?<![\d,])(?:19|20)\d\d(?!\d)")
_MONTH_BEFORE = re.compile(
    r"(?:(?<![\d])(?P<month>0?[1-9]|1[0-2])\s*[./]\s*|"
    r"(?P<name>(?:jan(?:uar|uary)?|feb(?:ruar|ruary)?|m(?:ä|ae|a)r(?:z|ch)?|apr(?:il)?|ma[iy]|"
    r"jun[ei]?|jul[iy]?|aug(?:ust)?|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|"
    r"de[cz](?:ember)?)\.?)\s+)$",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"\s*(?:–|—|-|‐|bis|to|until|till)\s*", re.IGNORECASE)
_OPEN_END = re.compile(
    r"\s*(?:–|—|-|‐|bis|to|until|till)\s*"
    r"(?:heute|today|present|now|current(?:ly)?|dato|aktuell|jetzt|laufend|ongoing)\b",
    re.IGNORECASE,
)
_SINCE_BEFORE = re.compile(
    r"\b(?:seit|since|ab)\s+(?:(?:dem\s+)?(?:jahr|year)\s+)?$", re.IGNORECASE
)
# Between a duration and the mention it introduces: a few words, no punctuation.
_FORWARD_GAP = re.compile(r"\s*[:\-–]?\s*(?:[^\W_]+(?:['’-][^\W_]+)*['’]?(?:\s*[:\-–])?\s+){0,6}")
# Words that make a duration introduce what follows ("5 years of", "3 Jahre Erfahrung mit").
_FORWARD_CONNECTOR = re.compile(
    r"\b(?:of|in|im|with|mit|using|experience|erfahrung|berufserfahrung|projekterfahrung|"
    r"praxiserfahrung|als|as|professional|hands-on|working|programming|developing|entwicklung)\b",
    re.IGNORECASE,
)
_MAX_FORWARD_GAP = 60
# Between a mention and the duration after it: separators and a few connecting words.
_BACKWARD_GAP = re.compile(
    r"[ \t:–—\-(\[,/|]*(?:(?:for|für|fuer|seit|since|über|ueber|about|around|ca\.?|circa|"
    r"approx\.?|over|more than|mehr als|insgesamt|total|of|experience|erfahrung|"
    r"berufserfahrung|years?)[ \t]*[:\-–(]?[ \t]*)*",
    re.IGNORECASE,
)
_MAX_BACKWARD_GAP = 30
_LIST_GAP = re.compile(r"(?:\s|,|/|&|\band\b|\bund\b|\bsowie\b|\bor\b|\boder\b)*", re.IGNORECASE)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
_ANNOTATION_GAP = re.compile(r"[ \t]*[(\[:–—-][ \t]*")
_CLAUSE_END = re.compile(r"\n|;|[.!?](?=\s|$)")
_MAX_YEARS = 50.0
_MAX_MONTHS = int(_MAX_YEARS * 12)


@dataclass(slots=True)
class MentionYears:
    """What the text states about one mention: durations (years) and periods (month indices)."""

    durations: list[float] = field(default_factory=list)
    periods: list[tuple[int, int]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Date:
    start: int
    end: int
    year: int
    month: int | None


@dataclass(frozen=True, slots=True)
class _Statement:
    """A duration (years), a start up to today, or a period, at characters start..end."""

    start: int
    end: int
    kind: Literal["duration", "since", "period"]
    years: float = 0.0
    period: tuple[int, int] = (0, 0)


def stated_years(text: str, mentions: Sequence[Mention], today: date) -> list[MentionYears]:
    """For each mention, the durations and periods the text ties to it."""
    stated = [MentionYears() for _ in mentions]
    if not mentions:
        return stated
    now = today.year * 12 + today.month - 1
    statements = sorted(
        [*_durations(text), *_dated(text, now)], key=lambda statement: statement.start
    )
    if not statements:
        return stated
    mention_starts = [mention.start for mention in mentions]
    annotations = [statement.start for statement in statements]
    period_starts = [s.start for s in statements if s.kind == "period"]
    for statement in statements:
        if statement.kind == "period":
            annotated = _annotated(text, mentions, mention_starts, statement)
            if annotated is not None:  # "Python (2016 – 2020)"
                stated[annotated].periods.append(statement.period)
                continue
            later = bisect_right(period_starts, statement.start)
            scope_end = period_starts[later] if later < len(period_starts) else len(text)
            for position in _in_scope(text, mentions, mention_starts, statement, scope_end):
                stated[position].periods.append(statement.period)
            continue
        tied = _tied(text, mentions, mention_starts, statement, annotations)
        if (
            statement.kind == "since"
            and tied
            and tied[0] >= bisect_left(mention_starts, statement.end)
        ):
            tied = _rest_of_clause(text, mentions, tied, annotations)
        for position in tied:
            if statement.kind == "duration":
                stated[position].durations.append(statement.years)
            else:
                stated[position].periods.append(statement.period)
    return stated


def _durations(text: str) -> list[_Statement]:
    found = []
    for unit in _UNIT.finditer(text):
        number = _NUMBER_BEFORE.search(text, max(0, unit.start() - 24), unit.start())
        if number is None:
            continue
        word = number["number"].lower()
        value = _NUMBER_WORDS.get(word)
        amount = float(value) if value is not None else float(word.replace(",", "."))
        years = amount / 12 if unit.group()[0] in "mM" else amount
        if 0 < years <= _MAX_YEARS:
            found.append(_Statement(number.start(), unit.end(), "duration", years=years))
    return found


def _dated(text: str, now: int) -> list[_Statement]:
    """Periods ("2018–2023", "01/2019 – heute") and starts ("seit 2019", "since 03/2020")."""
    dates = []
    for match in _YEAR.finditer(text):
        month_match = _MONTH_BEFORE.search(text, max(0, match.start() - 14), match.start())
        month = None
        start = match.start()
        if month_match is not None:
            start = month_match.start()
            if month_match["month"]:
                month = int(month_match["month"])
            else:
                month = _MONTH_NAMES.get(month_match["name"].lower()[:3])
        dates.append(_Date(start, match.end(), int(match.group()), month))
    found: list[_Statement] = []
    used_as_end = -1
    for number, first in enumerate(dates):
        if number == used_as_end:
            continue
        following = dates[number + 1] if number + 1 < len(dates) else None
        period: tuple[int, int] | None = None
        end = first.end
        if following is not None and _RANGE_JOIN.fullmatch(text, first.end, following.start):
            period = _period(first, following, now)
            end, used_as_end = following.end, number + 1
        elif (open_end := _OPEN_END.match(text, first.end)) is not None:
            period = _period(first, None, now)
            end = open_end.end()
        if period is not None:
            found.append(_Statement(first.start, end, "period", period=period))
        elif _SINCE_BEFORE.search(text, max(0, first.start - 20), first.start):
            since = _since(first, now)
            if since is not None:
                found.append(_Statement(first.start, first.end, "since", period=since))
    return found


def _since(first: _Date, now: int) -> tuple[int, int] | None:
    if first.month is None:
        start, end = first.year * 12, (now // 12) * 12  # whole years: "seit 2019" in 2026 is 7
    else:
        start, end = first.year * 12 + first.month - 1, now
    return (start, end) if 0 < end - start <= _MAX_MONTHS else None


def _period(first: _Date, last: _Date | None, now: int) -> tuple[int, int] | None:
    if last is None:
        last = _Date(0, 0, now // 12, now % 12 + 1 if first.month is not None else None)
    if first.month is None or last.month is None:
        start, end = first.year * 12, last.year * 12
        if start == end:
            end += 6  # "2020 – 2020": some part of one year
    else:
        start, end = first.year * 12 + first.month - 1, last.year * 12 + last.month  # inclusive
    if not 0 < end - start <= _MAX_MONTHS or end > now + 1:
        return None
    return start, end


def combined_years(stated: Sequence[MentionYears]) -> float | None:
    """One skill's years from all its mentions: the larger of the longest duration and the
    union of its periods; None when the text states nothing."""
    durations = [years for item in stated for years in item.durations]
    periods = sorted(period for item in stated for period in item.periods)
    months = 0
    covered_until = -1
    for start, end in periods:
        start = max(start, covered_until)
        if end > start:
            months += end - start
            covered_until = end
    candidates = [*durations, months / 12] if periods else durations
    if not candidates:
        return None
    return round(min(max(candidates), _MAX_YEARS), 1)


def _tied(
    text: str,
    mentions: Sequence[Mention],
    mention_starts: list[int],
    statement: _Statement,
    annotations: list[int],
) -> list[int]:
    """The mentions a duration or start stands next to (see the module docstring)."""
    after = bisect_left(mention_starts, statement.end)
    before = after - 1
    has_after = after < len(mentions)
    backward_gap = text[mentions[before].end : statement.start] if before >= 0 else None
    forward_gap = text[statement.end : mentions[after].start] if has_after else None
    backward_ok = backward_gap is not None and _backward_gap_ok(backward_gap)
    forward_ok = forward_gap is not None and _forward_gap_ok(forward_gap)
    introduces = forward_ok and _FORWARD_CONNECTOR.search(forward_gap or "") is not None
    if (
        backward_ok
        and not introduces
        and (_bare(backward_gap or "") or not (forward_ok and _bare(forward_gap or "")))
    ):
        return [before]  # "Kafka – 24 months", "Java 5 years", "Kafka for 3 years and Spark"
    if not forward_ok:
        return []
    tied = [after]
    while tied[-1] + 1 < len(mentions):
        current, following = mentions[tied[-1]], mentions[tied[-1] + 1]
        next_annotation = bisect_left(annotations, current.end)
        if next_annotation < len(annotations):
            position = annotations[next_annotation]
            if position < following.start:
                break  # another figure stands between them
            if position <= following.end + 12:
                break  # "5 years of Java, Python (3 years)": Python has its own figure
        if not _LIST_GAP.fullmatch(text, current.end, following.start):
            break
        tied.append(tied[-1] + 1)
    return tied


def _annotated(
    text: str, mentions: Sequence[Mention], mention_starts: list[int], statement: _Statement
) -> int | None:
    """The mention a period stands right after, in brackets or after a dash or colon."""
    before = bisect_left(mention_starts, statement.start) - 1
    if before < 0 or mentions[before].end > statement.start:
        return None
    gap = text[mentions[before].end : statement.start]
    return before if _ANNOTATION_GAP.fullmatch(gap) else None


def _rest_of_clause(
    text: str, mentions: Sequence[Mention], tied: list[int], annotations: list[int]
) -> list[int]:
    """ "Seit 2024 als DevOps-Engineer mit Jenkins tätig": a start governs its clause."""
    clause_end = _CLAUSE_END.search(text, mentions[tied[0]].end)
    end = clause_end.start() if clause_end is not None else len(text)
    next_annotation = bisect_right(annotations, mentions[tied[0]].start)
    if next_annotation < len(annotations):
        end = min(end, annotations[next_annotation])
    extended = list(tied)
    position = tied[-1] + 1
    while position < len(mentions) and mentions[position].end <= end:
        extended.append(position)
        position += 1
    return extended


def _forward_gap_ok(gap: str) -> bool:
    return len(gap) <= _MAX_FORWARD_GAP and _FORWARD_GAP.fullmatch(gap) is not None


def _backward_gap_ok(gap: str) -> bool:
    return len(gap) <= _MAX_BACKWARD_GAP and _BACKWARD_GAP.fullmatch(gap) is not None


def _bare(gap: str) -> bool:
    """Only separators: "Kafka – 24 months", "Java 5 years": the figure annotates the mention."""
    return not any(char.isalnum() for char in gap)


def _in_scope(
    text: str,
    mentions: Sequence[Mention],
    mention_starts: list[int],
    statement: _Statement,
    scope_end: int,
) -> range:
    """The mentions a period governs: after it up to the next period or blank line, or else
    the ones before it on its own line."""
    blank = _BLANK_LINE.search(text, statement.end, scope_end)
    if blank is not None:
        scope_end = blank.start()
    first = bisect_left(mention_starts, statement.end)
    last = bisect_left(mention_starts, scope_end)
    if last > first:
        return range(first, last)
    line_start = text.rfind("\n", 0, statement.start) + 1
    first = bisect_left(mention_starts, line_start)
    last = bisect_left(mention_starts, statement.start)
    while last > first and mentions[last - 1].end > statement.start:
        last -= 1
    return range(first, last)
