"""Clients and their staffing requests over three years, from the same stacks as the people."""

from __future__ import annotations

import random
from datetime import UTC, datetime, time, timedelta

from demo.model import ClientSpec, RequestSkillEntry, RequestSpec, WorldConfig
from demo.places import GERMAN_CITIES, INDUSTRIES, company_name
from demo.rand import between, pick, weighted
from demo.stacks import STACK_BY_KEY, STACK_WEIGHTS, STACKS, Stack, spelling

_INTRO = {
    "en": (
        "We are a {industry} company in {city} and need support for {months} months.",
        "For our {industry} platform team in {city} we are looking for a freelancer, starting "
        "as soon as possible, for about {months} months.",
        "Our client, a large {industry} group, is modernising its core systems ({months} months, "
        "extension likely).",
    ),
    "de": (
        "Für unser Team in {city} ({industry}) suchen wir Unterstützung für {months} Monate.",
        "Wir sind ein Unternehmen der Branche {industry} und suchen für ein Projekt in {city} einen "
        "Freelancer für zunächst {months} Monate.",
        "Unser Kunde aus der Branche {industry} modernisiert seine Kernsysteme; Laufzeit {months} Monate, "
        "Verlängerung möglich.",
    ),
}
_MUST = {
    "en": ("You bring solid {skills}.", "Must have: {skills}.", "Required: {skills}."),
    "de": (
        "Sie bringen fundierte Kenntnisse in {skills} mit.",
        "Voraussetzung: {skills}.",
        "Zwingend erforderlich: {skills}.",
    ),
}
_NICE = {
    "en": ("{skills} would be a plus.", "Nice to have: {skills}."),
    "de": ("Wünschenswert sind {skills}.", "Von Vorteil: {skills}."),
}
_REMOTE = {
    "en": {"remote": "Fully remote.", "hybrid": "Two days a week on site.", "onsite": "On site."},
    "de": {"remote": "100 % remote.", "hybrid": "2 Tage pro Woche vor Ort.", "onsite": "Vor Ort."},
}
_SENIORITY_LEVEL = {"junior": 2, "mid": 3, "senior": 4, "lead": 4}


def make_clients(rng: random.Random, count: int) -> list[ClientSpec]:
    clients: list[ClientSpec] = []
    names: set[str] = set()
    while len(clients) < count:
        industry = rng.randrange(len(INDUSTRIES))
        name = company_name(rng, industry)
        if name in names:
            name = f"{name} {pick(rng, ('Nord', 'Süd', 'West', 'Ost', 'Digital', 'IT'))}"
            if name in names:
                continue
        names.add(name)
        city = pick(rng, GERMAN_CITIES)
        clients.append(ClientSpec(len(clients), name, industry, city.name, city.country))
    return clients


def _join(names: list[str], language: str) -> str:
    if len(names) < 2:
        return "".join(names)
    word = " and " if language == "en" else " und "
    return ", ".join(names[:-1]) + word + names[-1]


def _skills(rng: random.Random, stack: Stack, level: int) -> list[RequestSkillEntry]:
    core = rng.sample(stack.core, between(rng, min(2, len(stack.core)), len(stack.core)))
    nice = rng.sample(stack.common, between(rng, 1, 3))
    entries = [
        RequestSkillEntry(name, spelling(rng, name), position < 3, level if position < 2 else 3)
        for position, name in enumerate(core)
    ]
    entries += [RequestSkillEntry(n, spelling(rng, n), False, 2) for n in nice if n not in core]
    return entries


def make_request(
    rng: random.Random,
    key: int,
    *,
    client: ClientSpec,
    created_at: datetime,
    status: str,
    config: WorldConfig,
) -> RequestSpec:
    stack = weighted(rng, STACKS, STACK_WEIGHTS)
    seniority = weighted(rng, ("junior", "mid", "senior", "lead"), (0.08, 0.32, 0.45, 0.15))
    language = "de" if rng.random() < 0.55 else "en"
    skills = _skills(rng, stack, _SENIORITY_LEVEL[seniority])
    months = pick(rng, (3, 6, 6, 6, 9, 12, 12, 18, 24))
    # Open requests lean remote: the demo's rankings should be full at a glance.
    remote_weights = (0.45, 0.5, 0.05) if status == "open" else (0.3, 0.55, 0.15)
    remote = weighted(rng, ("remote", "hybrid", "onsite"), remote_weights)
    titles = stack.titles_de if language == "de" else stack.titles_en
    prefix = {"junior": "Junior ", "mid": "", "senior": "Senior ", "lead": "Lead "}[seniority]
    title = f"{prefix}{pick(rng, titles)}" + (" (m/w/d)" if language == "de" else "")
    industry = INDUSTRIES[client.industry][1 if language == "en" else 2]
    must = [entry.spelling for entry in skills if entry.must_have]
    nice = [entry.spelling for entry in skills if not entry.must_have]
    parts = [
        pick(rng, _INTRO[language]).format(industry=industry, city=client.city, months=months),
        pick(rng, _MUST[language]).format(skills=_join(must, language)),
    ]
    if nice:
        parts.append(pick(rng, _NICE[language]).format(skills=_join(nice, language)))
    parts.append(_REMOTE[language][remote])
    description = " ".join(parts)
    # Some clients only send a paragraph: the skills live in the description alone.
    paragraph_only = rng.random() < 0.25
    rate = (
        STACK_BY_KEY[stack.key].senior_rate
        * {"junior": 0.7, "mid": 0.9, "senior": 1.05, "lead": 1.2}[seniority]
    )
    start = created_at.date() + timedelta(days=between(rng, 7, 45))
    if status == "open":
        start = max(start, config.today + timedelta(days=between(rng, 7, 40)))
    return RequestSpec(
        key=key,
        client_key=client.key,
        stack=stack.key,
        title=title,
        description=description,
        skills=skills,
        paragraph_only=paragraph_only,
        start_date=start,
        duration_months=months,
        max_day_rate=round(rate * rng.uniform(0.9, 1.15) / 10) * 10,
        city=client.city,
        country=client.country,
        remote=remote,
        languages=["de"] if language == "de" or rng.random() < 0.5 else ["en"],
        engagement=weighted(rng, ("freelance", "either", "permanent"), (0.85, 0.1, 0.05)),
        created_at=created_at,
        status=status,
    )


def request_times(
    rng: random.Random, config: WorldConfig, past: int, open_: int
) -> list[tuple[datetime, str]]:
    """Creation times: past requests over the history window, open ones in the last weeks."""
    span = 365 * config.history_years
    times = []
    for _ in range(past):
        day = config.today - timedelta(days=between(rng, 60, span))
        times.append((day, "past"))
    for _ in range(open_):
        times.append((config.today - timedelta(days=between(rng, 0, 20)), "open"))
    times.sort()
    return [
        (
            datetime.combine(day, time(8, 0), tzinfo=UTC) + timedelta(minutes=between(rng, 0, 600)),
            kind,
        )
        for day, kind in times
    ]
