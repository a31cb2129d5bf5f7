"""Finding skill mentions in tokenised text: longest spelling first, then the guards."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from shared.skills.extract_guards import TECH_FOLLOWERS, TECH_LEADERS, Context, Guard
from shared.skills.extract_tokens import MIN_COMPOUND, Candidate, Matcher, Tokens

# What may stand between two skills of one list: "Ansible, Puppet und Chef", "Java/Kotlin".
_LIST_GAP = re.compile(
    r"(?:[\s,;/|&+()\[\]•·*▪◦–—:-]|\b(?:and|und|or|oder|sowie|as well as|plus|with|mit)\b)*",
    re.IGNORECASE,
)
_MAX_LIST_GAP = 40
_NOUN_FOLLOWERS = frozenset(["is", "ist", "are", "sind", "was", "war"])
_BULLETS = " \t\u00a0-•*·–▪►◦>●■▸➢✓✔\uf0b7\uf0a7"  # "\uf0b7": Word's bullet in PDF text
# How far back a veto such as "Hong " or "Home-" is looked for.
_LOOK_BEHIND = 30


class Verdict(Enum):
    no = 0
    yes = 1
    in_context = 2
    # A capital at a sentence start says nothing, but "Go is a plus", "Rust, Go" or a text
    # that is only the name ("Rust") show a noun, not the verb or the everyday word.
    in_context_at_start = 3


@dataclass(frozen=True, slots=True)
class Mention:
    """One accepted mention: the skill, the characters, and the tokens it covers."""

    slug: str
    start: int
    end: int
    first: int
    last: int


def find_mentions(tokens: Tokens, matcher: Matcher) -> list[Mention]:
    """Mentions in text order; a token belongs to at most one mention."""
    text = tokens.text
    found: list[tuple[Candidate, Verdict]] = []
    index = 0
    count = len(tokens)
    openers = matcher.openers
    first_keys = tokens.first_keys
    while index < count:
        key = first_keys[index]
        if (
            key not in openers
            and key[-1] != "s"
            and not "0" <= key[-1] <= "9"
            and (len(key) < MIN_COMPOUND or key[:3] not in openers)
        ):
            index += 1  # the common case: a word that starts no spelling
            continue
        chosen: tuple[Candidate, Verdict] | None = None
        candidates = matcher.candidates_at(tokens, index)
        for candidate in candidates:
            verdict = _judge(text, candidate, matcher.guards.get(candidate.key))
            if verdict is not Verdict.no:
                chosen = (candidate, verdict)
                break
        if chosen is None:
            index += 1
            continue
        if chosen[0].last > chosen[0].first and "/" in text[chosen[0].start : chosen[0].end]:
            halves = _split_at_slash(tokens, matcher, chosen[0], candidates)
            if halves is not None:
                found.extend(halves)
                index = chosen[0].last + 1
                continue
        found.append(chosen)
        index = chosen[0].last + 1
    if any(verdict is not Verdict.yes for _, verdict in found):
        accepted = _resolve_context(tokens, found)
    else:
        accepted = [candidate for candidate, _ in found]
    return [
        Mention(candidate.slug, candidate.start, candidate.end, candidate.first, candidate.last)
        for candidate in accepted
    ]


def _split_at_slash(
    tokens: Tokens, matcher: Matcher, whole: Candidate, candidates: list[Candidate]
) -> list[tuple[Candidate, Verdict]] | None:
    """ "C/C++" and "UI/UX" name two skills when each half names a different one, though the
    catalogue lists the pair as one spelling; "TCP/IP", "R/3" and "CI/CD" stay whole."""
    text = tokens.text
    for left in candidates:
        if left is whole or left.last >= whole.last or left.end != tokens.ends[left.last]:
            continue
        if "/" not in text[left.end : tokens.starts[left.last + 1]]:
            continue
        for right in matcher.candidates_at(tokens, left.last + 1):
            if right.last != whole.last or right.slug == left.slug:
                continue
            halves = [
                (half, _judge(text, half, matcher.guards.get(half.key))) for half in (left, right)
            ]
            if all(verdict is not Verdict.no for _, verdict in halves):
                return halves
    return None


def _judge(text: str, candidate: Candidate, guard: Guard | None) -> Verdict:
    if candidate.last > candidate.first and len(candidate.key) <= 4:
        # "I am" is not IAM: a short spelling over several words needs them glued ("R/3").
        span = text[candidate.start : candidate.end]
        if any(char.isspace() for char in span):
            return Verdict.no
    if guard is None:
        return Verdict.yes
    if not guard.written(text[candidate.start : candidate.end]):
        return Verdict.no
    if guard.not_before is not None and guard.not_before.match(text, candidate.end):
        return Verdict.no
    if guard.not_after is not None:
        before = text[max(0, candidate.start - _LOOK_BEHIND) : candidate.start]
        if guard.not_after.search(before):
            return Verdict.no
    if guard.context is Context.never:
        return Verdict.yes
    if guard.context is Context.always:
        return Verdict.in_context
    initial = _starts_sentence(text, candidate.start)
    if guard.context is Context.at_sentence_start:
        return Verdict.in_context_at_start if initial else Verdict.yes
    if not text[candidate.start].isupper():
        return Verdict.in_context
    return Verdict.in_context_at_start if initial else Verdict.yes


def _starts_sentence(text: str, start: int) -> bool:
    position = start - 1
    while position >= 0 and text[position] in _BULLETS:
        position -= 1
    return position < 0 or text[position] in "\n\r.!?"


def _resolve_context(tokens: Tokens, found: list[tuple[Candidate, Verdict]]) -> list[Candidate]:
    """Keep a mention that needs context when a technology word is next to it, or a listed
    neighbour was kept: "Puppet, Chef, Ansible" keeps Chef through Ansible, then Puppet.

    Acceptance only spreads between neighbours, so one sweep each way reaches every chain
    (a loop until nothing changes would be quadratic on "Chef, Chef, ... Ansible").
    """
    accepted = [
        verdict is Verdict.yes
        or _has_tech_word(tokens, candidate)
        or (verdict is Verdict.in_context_at_start and _reads_as_noun(tokens, candidate))
        for candidate, verdict in found
    ]
    for order in (range(len(found)), range(len(found) - 1, -1, -1)):
        for position in order:
            if not accepted[position] and _has_listed_neighbour(
                tokens.text, found, accepted, position
            ):
                accepted[position] = True
    return [candidate for (candidate, _), keep in zip(found, accepted, strict=True) if keep]


def _reads_as_noun(tokens: Tokens, candidate: Candidate) -> bool:
    """At a sentence start: followed by "is"/"ist"/"und", a comma, a bracket, or nothing."""
    text = tokens.text
    rest = text[candidate.end : candidate.end + 3].lstrip(" \t")
    if rest[:1] in ("", "\n", "\r", ",", "(", "/", ":", ";", "|", "-", "–"):
        return True  # "Hibernate (sehr gut)", "Go: 3 years", a line that is only the name
    following = candidate.last + 1
    return following < len(tokens) and tokens.inner_keys[following] in _NOUN_FOLLOWERS


def _has_tech_word(tokens: Tokens, candidate: Candidate) -> bool:
    following = candidate.last + 1
    if following < len(tokens) and tokens.inner_keys[following] in TECH_FOLLOWERS:
        gap = tokens.text[candidate.end : tokens.starts[following]]
        if len(gap) <= 2 and "\n" not in gap:
            return True
    preceding = candidate.first - 1
    return preceding >= 0 and tokens.inner_keys[preceding] in TECH_LEADERS


def _has_listed_neighbour(
    text: str, found: list[tuple[Candidate, Verdict]], accepted: list[bool], position: int
) -> bool:
    candidate = found[position][0]
    if position > 0 and accepted[position - 1]:
        gap = text[found[position - 1][0].end : candidate.start]
        if len(gap) <= _MAX_LIST_GAP and _LIST_GAP.fullmatch(gap):
            return True
    if position + 1 < len(found) and accepted[position + 1]:
        gap = text[candidate.end : found[position + 1][0].start]
        if len(gap) <= _MAX_LIST_GAP and _LIST_GAP.fullmatch(gap):
            return True
    return False
