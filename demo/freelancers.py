"""Freelancer profiles: stack, seniority, skills, rate, place, languages, source, CV text."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

from demo.cv_text import write_cv
from demo.model import FreelancerSpec, SkillEntry, WorldConfig
from demo.places import CITIES, CITY_WEIGHTS, EMAIL_DOMAINS, ascii_slug, person_name
from demo.rand import between, pick, weighted
from demo.stacks import STACK_WEIGHTS, STACKS, Stack, spelling

SENIORITIES = ("junior", "mid", "senior", "lead")
_SENIORITY_WEIGHTS = (0.14, 0.34, 0.38, 0.14)
_YEARS = {"junior": (1, 3), "mid": (3, 7), "senior": (7, 15), "lead": (11, 25)}
_LEVELS = {"junior": (2, 3), "mid": (3, 4), "senior": (3, 5), "lead": (4, 5)}
_RATE_FACTOR = {"junior": 0.62, "mid": 0.82, "senior": 1.0, "lead": 1.15}
# Country rate levels relative to Germany (freelancers price for the market they live in).
_COUNTRY_RATE = {"DE": 1.0, "AT": 1.0, "CH": 1.3, "NL": 1.05, "IE": 1.05, "DK": 1.1, "SE": 1.05}
_LOW_RATE = 0.72  # eastern and southern Europe

# How freelancers reached the agency, in the proportions of a referral-driven agency.
SOURCES = (
    ("referral", 0.34),
    ("former_colleague", 0.12),
    ("event", 0.11),
    ("network_online", 0.15),
    ("job_board", 0.16),
    ("inbound", 0.1),
    ("other", 0.02),
)
_SOURCE_TYPES = tuple(source for source, _ in SOURCES)
_SOURCE_WEIGHTS = tuple(weight for _, weight in SOURCES)
_SOURCE_DETAILS = {
    "referral": ("recommended by {name}", "Empfehlung von {name}", "referred by a client"),
    "former_colleague": ("worked with our AM at {company}", "ehemaliger Kollege"),
    "event": ("JavaLand", "PyCon DE", "DevOpsDays Berlin", "SAP Stammtisch", "code.talks"),
    "network_online": ("LinkedIn", "XING", "GitHub"),
    "job_board": ("freelancermap", "GULP", "Malt", "StepStone"),
    "inbound": ("website contact form", "Initiativbewerbung per E-Mail"),
    "other": (None,),
}
_CONSENT_METHODS = ("signed form", "online form", "e-mail confirmation", "Einwilligung per E-Mail")


def _choose_skills(rng: random.Random, stack: Stack, seniority: str, years: int) -> list[str]:
    core = [s for s in stack.core if rng.random() < 0.92] or [stack.core[0]]
    common_count = {"junior": 2, "mid": 3, "senior": 4, "lead": 5}[seniority] + between(rng, -1, 1)
    common = rng.sample(stack.common, min(max(common_count, 1), len(stack.common)))
    extra = rng.sample(stack.extra, between(rng, 0, 2 if years > 5 else 1))
    skills = list(dict.fromkeys(core + common + extra))
    # A few people also carry a skill of a neighbouring stack (full-stack, data + DevOps ...).
    if rng.random() < 0.2:
        other = pick(rng, STACKS)
        skills.append(pick(rng, other.core))
    return list(dict.fromkeys(skills))


def _skill_entries(
    rng: random.Random, names: list[str], seniority: str, years: int, this_year: int
) -> list[SkillEntry]:
    low, high = _LEVELS[seniority]
    entries = []
    for position, name in enumerate(names):
        level = between(rng, low, high) if position < 4 else between(rng, max(1, low - 1), high)
        skill_years = round(min(years, max(0.5, years * rng.uniform(0.3, 1.0))) * 2) / 2
        last_used = this_year if rng.random() < 0.75 else this_year - between(rng, 1, 4)
        entries.append(SkillEntry(name, spelling(rng, name), level, skill_years, last_used))
    return entries


def _languages(rng: random.Random, home: str) -> list[tuple[str, str]]:
    english = weighted(rng, ("B2", "C1", "C2", "B1"), (0.35, 0.4, 0.15, 0.1))
    if home == "de":
        return [("de", "native"), ("en", english)] + (
            [(pick(rng, ("fr", "es")), pick(rng, ("A2", "B1")))] if rng.random() < 0.15 else []
        )
    if home == "en":
        return [("en", "native")] + (
            [("de", pick(rng, ("A2", "B1", "B2")))] if rng.random() < 0.5 else []
        )
    german = weighted(rng, (None, "A2", "B1", "B2", "C1"), (0.35, 0.15, 0.2, 0.2, 0.1))
    spoken = [(home, "native"), ("en", english)]
    return spoken + ([("de", german)] if german else [])


def _day_rate(rng: random.Random, stack: Stack, seniority: str, country: str) -> int:
    level = _COUNTRY_RATE.get(country, _LOW_RATE)
    rate = stack.senior_rate * _RATE_FACTOR[seniority] * level * rng.lognormvariate(0, 0.1)
    return max(300, round(rate / 10) * 10)


def make_freelancer(
    rng: random.Random, key: int, config: WorldConfig, used_emails: set[str]
) -> FreelancerSpec:
    stack = weighted(rng, STACKS, STACK_WEIGHTS)
    seniority = weighted(rng, SENIORITIES, _SENIORITY_WEIGHTS)
    years = between(rng, *_YEARS[seniority])
    city = weighted(rng, CITIES, CITY_WEIGHTS)
    name = person_name(rng, city.language)
    first, _, last = name.partition(" ")
    local = f"{ascii_slug(first)}.{ascii_slug(last)}"
    email = f"{local}@{pick(rng, EMAIL_DOMAINS)}"
    while email in used_emails:
        email = f"{local}{between(rng, 2, 9999)}@{pick(rng, EMAIL_DOMAINS)}"
    used_emails.add(email)
    this_year = config.today.year
    skills = _skill_entries(
        rng, _choose_skills(rng, stack, seniority, years), seniority, years, this_year
    )
    languages = _languages(rng, city.language)
    # German speakers and German-city residents mostly write German CVs.
    german = dict(languages).get("de") in ("native", "C1", "C2")
    cv_language = "de" if german and rng.random() < 0.6 else "en"
    titles = stack.titles_de if cv_language == "de" else stack.titles_en
    title = pick(rng, titles)
    prefix = {"junior": "Junior ", "mid": "", "senior": "Senior ", "lead": "Lead "}[seniority]
    cv_text = write_cv(
        rng,
        language=cv_language,
        title=title,
        seniority=seniority,
        years=years,
        city=city.name,
        skills=skills,
        languages=languages,
        this_year=this_year,
    )
    source_type = weighted(rng, _SOURCE_TYPES, _SOURCE_WEIGHTS)
    detail = pick(rng, _SOURCE_DETAILS[source_type])
    if detail is not None:
        detail = detail.format(
            name=person_name(rng, "de"), company=pick(rng, ("Allianz", "DB Systel", "SAP", "Otto"))
        )
    available_days = weighted(rng, (None, 0, 30, 60, 120), (0.3, 0.1, 0.3, 0.2, 0.1))
    available_from = (
        None
        if available_days is None
        else config.today + timedelta(days=available_days + between(rng, 0, 29))
    )
    joined = config.today - timedelta(days=between(rng, 1, 365 * config.history_years + 180))
    return FreelancerSpec(
        key=key,
        name=name,
        email=email,
        headline=f"{prefix}{title}".strip()[:300],
        cv_text=cv_text,
        cv_language=cv_language,
        stack=stack.key,
        seniority=seniority,
        years_experience=years,
        skills=skills,
        lists_skills=rng.random() >= 0.25,
        available_from=available_from,
        day_rate=_day_rate(rng, stack, seniority, city.country),
        city=city.name,
        country=city.country,
        remote=weighted(rng, ("remote", "hybrid", "onsite"), (0.35, 0.5, 0.15)),
        languages=languages,
        engagement=weighted(rng, ("freelance", "either", "permanent"), (0.8, 0.15, 0.05)),
        source_type=source_type,
        source_detail=detail,
        joined_at=datetime.combine(joined, time(9, 0), tzinfo=UTC)
        + timedelta(minutes=between(rng, 0, 540)),
        consent_method=pick(rng, _CONSENT_METHODS),
    )


def joined_before(spec: FreelancerSpec, day: date) -> bool:
    return spec.joined_at.date() <= day
