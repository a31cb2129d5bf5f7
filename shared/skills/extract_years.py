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
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from shared.skills.extract_mentions import Mention

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
    "ein": 1, "eine": 1, "einem": 1, "einen": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4,
    "fünf": 5, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10,
    "elf": 11, "zwölf": 12, "zwoelf": 12, "fünfzehn": 15, "zwanzig": 20,
}  # fmt: skip
_NUMBER = (
    r"(?P<number>\d{1,2}(?:[.,]\d{1,2})?|"
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + ")"
)
_DURATION = re.compile(
    rf"(?<![\w.,]){_NUMBER}\s*\+?\s*(?:(?:-|–|bis|to)\s*\d{{1,2}}\s*\+?\s*)?"
    r"(?:(?P<years>years?|yrs?|jahre?n?)|(?P<months>months?|monate?n?))(?![^\W\d_])['’]?",
    re.IGNORECASE,
)
_MONTH_NAMES = {
    "jan": 1, "feb": 2, "mar": 3, "mär": 3, "mae": 3, "apr": 4, "may": 5, "mai": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "okt": 10, "nov": 11, "dec": 12, "dez": 12,
}  # fmt: skip
_MONTH_NAME = (
    r"(?:jan(?:uar|uary)?|feb(?:ruar|ruary)?|m(?:ä|ae|a)r(?:z|ch)?|apr(?:il)?|ma[iy]|"
    r"jun[ei]?|jul[iy]?|aug(?:ust)?|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|"
    r"de[cz](?:ember)?)\.?"
)


def _date(prefix: str) -> str:
    return (
        rf"(?:(?P<{prefix}month>0?[1-9]|1[0-2])\s*[./]\s*|(?P<{prefix}name>{_MONTH_NAME})\s+)?"
        rf"(?P<{prefix}year>(?:19|20)\d\d)(?!\d)"
    )


_OPEN_END = r"heute|today|present|now|current(?:ly)?|dato|aktuell|jetzt|laufend|ongoing"
_PERIOD = re.compile(
    rf"(?<![\d./]){_date('a')}\s*(?:–|—|-|‐|bis|to|until|till)\s*"
    rf"(?:{_date('b')}|(?P<open>{_OPEN_END})\b)",
    re.IGNORECASE,
)
_SINCE = re.compile(
    rf"\b(?:seit|since|ab)\s+(?:(?:dem\s+)?(?:jahr|year)\s+)?{_date('s')}", re.IGNORECASE
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
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_MAX_YEARS = 50.0


@dataclass(slots=True)
class MentionYears:
    """What the text states about one mention: durations (years) and periods (month indices)."""

    durations: list[float] = field(default_factory=list)
    periods: list[tuple[int, int]] = field(default_factory=list)


def stated_years(text: str, mentions: Sequence[Mention], today: date) -> list[MentionYears]:
    """For each mention, the durations and periods the text ties to it."""
    stated = [MentionYears() for _ in mentions]
    if not mentions:
        return stated
    now = today.year * 12 + today.month - 1
    periods = [match for match in _PERIOD.finditer(text) if _period(match, now) is not None]
    starts = [match for match in _SINCE.finditer(text) if _since(match, now) is not None]
    durations = [match for match in _DURATION.finditer(text) if _duration(match) is not None]
    annotations = sorted(match.start() for match in (*periods, *starts, *durations))
    for match in durations:
        years = _duration(match)
        assert years is not None
        for position in _tied(text, mentions, match.start(), match.end(), annotations):
            stated[position].durations.append(years)
    for match in starts:
        since = _since(match, now)
        assert since is not None
        for position in _tied(text, mentions, match.start(), match.end(), annotations):
            stated[position].periods.append(since)
    period_starts = [match.start() for match in periods]
    for number, match in enumerate(periods):
        period = _period(match, now)
        assert period is not None
        for position in _in_scope(text, mentions, match, period_starts[number + 1 :]):
            stated[position].periods.append(period)
    return stated


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


def _duration(match: re.Match[str]) -> float | None:
    number = match["number"].lower()
    value = _NUMBER_WORDS.get(number)
    amount = float(value) if value is not None else float(number.replace(",", "."))
    years = amount if match["years"] else amount / 12
    return years if 0 < years <= _MAX_YEARS else None


def _month_of(match: re.Match[str], prefix: str) -> int | None:
    if match[f"{prefix}month"]:
        return int(match[f"{prefix}month"])
    name = match[f"{prefix}name"]
    if name:
        return _MONTH_NAMES.get(name.lower()[:3])
    return None


def _since(match: re.Match[str], now: int) -> tuple[int, int] | None:
    year = int(match["syear"])
    month = _month_of(match, "s")
    if month is None:
        start, end = year * 12, (now // 12) * 12  # whole years: "seit 2019" in 2026 is 7
    else:
        start, end = year * 12 + month - 1, now
    return (start, end) if 0 < end - start <= _MAX_YEARS * 12 else None


def _period(match: re.Match[str], now: int) -> tuple[int, int] | None:
    start_year = int(match["ayear"])
    start_month = _month_of(match, "a")
    end_month: int | None
    if match["open"]:
        end_year, end_month = now // 12, now % 12 + 1
        if start_month is None:
            end_month = None
    else:
        end_year = int(match["byear"])
        end_month = _month_of(match, "b")
    if start_month is None or end_month is None:
        start, end = start_year * 12, end_year * 12
        if start == end:
            end += 6  # "2020 – 2020": some part of one year
    else:
        start, end = start_year * 12 + start_month - 1, end_year * 12 + end_month  # inclusive
    if not 0 < end - start <= _MAX_YEARS * 12 or end > now + 1:
        return None
    return start, end


def _tied(
    text: str, mentions: Sequence[Mention], start: int, end: int, annotations: list[int]
) -> list[int]:
    """The mentions a duration or start stands next to (see the module docstring)."""
    after = next((i for i, mention in enumerate(mentions) if mention.start >= end), None)
    before = after - 1 if after is not None else len(mentions) - 1
    backward_gap = text[mentions[before].end : start] if before >= 0 else None
    forward_gap = text[end : mentions[after].start] if after is not None else None
    backward_ok = backward_gap is not None and _backward_gap_ok(backward_gap)
    forward_ok = forward_gap is not None and _forward_gap_ok(forward_gap)
    forward_strong = forward_ok and (
        _bare(forward_gap or "") or _FORWARD_CONNECTOR.search(forward_gap or "") is not None
    )
    if backward_ok and (_bare(backward_gap or "") or not forward_strong):
        return [before]
    if not forward_ok or after is None:
        return []
    tied = [after]
    while tied[-1] + 1 < len(mentions):
        current, following = mentions[tied[-1]], mentions[tied[-1] + 1]
        if any(current.end <= position < following.start for position in annotations):
            break
        if not _LIST_GAP.fullmatch(text, current.end, following.start):
            break
        if any(following.end <= position <= following.end + 12 for position in annotations):
            break  # "5 years of Java, Python (3 years)": Python has its own figure
        tied.append(tied[-1] + 1)
    return tied


def _forward_gap_ok(gap: str) -> bool:
    return len(gap) <= _MAX_FORWARD_GAP and _FORWARD_GAP.fullmatch(gap) is not None


def _backward_gap_ok(gap: str) -> bool:
    return len(gap) <= _MAX_BACKWARD_GAP and _BACKWARD_GAP.fullmatch(gap) is not None


def _bare(gap: str) -> bool:
    """Only separators: "Kafka – 24 months", "Java 5 years": the figure annotates the mention."""
    return not any(char.isalnum() for char in gap)


def _in_scope(
    text: str, mentions: Sequence[Mention], match: re.Match[str], later_periods: list[int]
) -> list[int]:
    scope_end = len(text)
    if later_periods:
        scope_end = later_periods[0]
    blank = _BLANK_LINE.search(text, match.end(), scope_end)
    if blank is not None:
        scope_end = blank.start()
    inside = [
        position
        for position, mention in enumerate(mentions)
        if match.end() <= mention.start < scope_end
    ]
    if inside:
        return inside
    line_start = text.rfind("\n", 0, match.start()) + 1
    return [
        position
        for position, mention in enumerate(mentions)
        if line_start <= mention.start and mention.end <= match.start()
    ]
