"""Trust paths in words: "Anna Berg (agency) met Jan Novak in person 4 times, last in December
2025; Jan Novak worked with Ola Nowak at DB Systel in 2024 and vouches for them (strong)."

Every tie says when it was last active, so a reader can tell a living relationship from an old one.

Pure functions over facts already read from the database. People are named, never gendered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from shared.models.enums import Channel, Recommendation


@dataclass(frozen=True)
class Person:
    name: str
    internal: bool = False

    @property
    def label(self) -> str:
        return f"{self.name} (agency)" if self.internal else self.name


@dataclass(frozen=True)
class ChannelFacts:
    """The interactions of one pair through one channel."""

    channel: str
    count: int
    first: date
    last: date
    context: str | None
    evidence: float  # w(channel) · Σ decay, to pick the channel that carries the tie


@dataclass(frozen=True)
class VouchFacts:
    channel: str
    recommendation: str
    last_met_on: date
    worked_where: str | None = None
    worked_from: date | None = None
    worked_to: date | None = None


# Plain strings: comparing against Enum members' .value in a loop over 10,000 paths adds up.
WORKED_TOGETHER, IN_PERSON = Channel.worked_together.value, Channel.in_person.value
VIDEO, PHONE = Channel.video.value, Channel.phone.value

_RECOMMENDATION_PHRASE = {
    Recommendation.strong.value: "vouches for them (strong)",
    Recommendation.yes.value: "vouches for them",
    Recommendation.reservations.value: "has reservations about them",
    Recommendation.against.value: "advises against them",
}


MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def month(day: date) -> str:
    """'March 2026' (English month names whatever the process locale)."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def _years(first: date | None, last: date | None) -> str:
    if first is None or last is None:
        known = first or last
        return f" in {known.year}" if known is not None else ""
    if first.year == last.year:
        return f" in {first.year}"
    return f" from {min(first.year, last.year)} to {max(first.year, last.year)}"


def hop_clause(source: Person, target: Person, facts: Sequence[ChannelFacts]) -> str:
    """How source knows target, told through the channel that carries most of the tie."""
    if not facts:
        # A hop without meetings is a vouch edge (trust flows voucher -> vouchee).
        return f"{source.label} vouches for {target.label}"
    main = max(facts, key=lambda f: (f.evidence, f.count))
    who, n = target.label, main.count
    last = f"last in {month(main.last)}"
    if main.channel == WORKED_TOGETHER:
        where = f" at {main.context}" if main.context else ""
        action = f"worked with {who}{where}{_years(main.first, main.last)}"
    elif main.channel == IN_PERSON:
        action = (
            f"met {who} in person {n} times, {last}"
            if n > 1
            else f"met {who} in person in {month(main.last)}"
        )
    elif main.channel == VIDEO:
        action = (
            f"had {n} video calls with {who}, {last}"
            if n > 1
            else f"had a video call with {who} in {month(main.last)}"
        )
    elif main.channel == PHONE:
        action = f"spoke with {who} by phone " + (
            f"{n} times, {last}" if n > 1 else f"in {month(main.last)}"
        )
    else:
        action = f"was in touch with {who} online " + (
            f"{n} times, {last}" if n > 1 else f"in {month(main.last)}"
        )
    return f"{source.label} {action}"


def vouch_clause(voucher: Person, freelancer_name: str, vouch: VouchFacts) -> str:
    """How the voucher knows the freelancer and what they say."""
    who = freelancer_name
    if vouch.channel == WORKED_TOGETHER or vouch.worked_where:
        where = f" at {vouch.worked_where}" if vouch.worked_where else ""
        period = _years(vouch.worked_from, vouch.worked_to) or f" until {vouch.last_met_on.year}"
        knows = f"worked with {who}{where}{period}"
    elif vouch.channel == IN_PERSON:
        knows = f"met {who} in person (last in {month(vouch.last_met_on)})"
    elif vouch.channel == VIDEO:
        knows = f"knows {who} from video calls (last in {month(vouch.last_met_on)})"
    elif vouch.channel == PHONE:
        knows = f"knows {who} from phone calls (last in {month(vouch.last_met_on)})"
    else:
        knows = f"knows {who} only online (last in {month(vouch.last_met_on)})"
    return f"{voucher.label} {knows} and {_RECOMMENDATION_PHRASE[vouch.recommendation]}"


def sentence(
    chain: Sequence[Person],
    hops: Sequence[Sequence[ChannelFacts]],
    *,
    vouch: VouchFacts | None,
    freelancer_name: str,
) -> str:
    """chain runs from the agency's side to the voucher (or to the freelancer's own contact)."""
    clauses = [hop_clause(chain[i], chain[i + 1], hops[i]) for i in range(len(chain) - 1)]
    if vouch is not None:
        voucher = chain[-1]
        if len(chain) == 1 and not voucher.internal:
            voucher = Person(f"{voucher.name} (no known tie to the agency's people)")
        clauses.append(vouch_clause(voucher, freelancer_name, vouch))
    return "; ".join(clauses) + "."
