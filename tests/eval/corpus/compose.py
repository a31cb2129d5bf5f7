"""Compose CVs from the hand-written blocks with a seeded generator (output is committed)."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from typing import Any

from tests.eval.corpus import (
    blocks_business,
    blocks_data,
    blocks_dev,
    blocks_enterprise,
    more_business,
    more_data,
    more_dev,
    more_enterprise,
)
from tests.eval.corpus.hard_cases import HAND_CVS, HandCV
from tests.eval.corpus.model import Block, Spec
from tests.eval.corpus.names import NAMES, PAIRS, usual_name
from tests.eval.corpus.people import (
    CITIES,
    EDUCATION_DE,
    EDUCATION_EN,
    ENGAGEMENTS_DE,
    ENGAGEMENTS_EN,
    FIRST_NAMES,
    LANGUAGE_LABELS,
    LAST_NAMES,
    LEVEL_LABELS,
)
from tests.eval.corpus.phrases import (
    CLOSING_DE,
    CLOSING_EN,
    EARLIER_DE,
    EARLIER_EN,
    TASKS_DE,
    TASKS_EN,
)


def _with_extra(spec: Spec) -> Spec:
    extra: dict[str, tuple[Block, ...]] = {}
    for more in (more_dev, more_data, more_enterprise, more_business):
        for field_name, blocks in more.EXTRA.get(spec.key, {}).items():
            extra[field_name] = getattr(spec, field_name) + blocks
    return replace(spec, **extra)


SPECS: dict[str, Spec] = {
    spec.key: _with_extra(spec)
    for spec in (
        *blocks_dev.SPECS,
        *blocks_data.SPECS,
        *blocks_enterprise.SPECS,
        *blocks_business.SPECS,
    )
}
THIS_YEAR = 2026
SENIORITY_YEARS = {"junior": (2, 4), "mid": (5, 8), "senior": (9, 14), "lead": (15, 22)}
CONSENT = {"given_at": "2026-09-15T10:00:00Z", "method": "signed registration form"}


@dataclass
class Composed:
    language: str
    primary: str
    secondary: list[str]
    tags: set[str]
    headline: str
    text: str
    skills: list[dict[str, Any]]
    seniority: str
    prose_only: bool
    spoken: list[dict[str, str]]
    hard_case: str | None = None


def _period(
    rng: random.Random, end: tuple[int, int] | None, months: int
) -> tuple[str, str, tuple[int, int]]:
    end_year, end_month = end or (THIS_YEAR, 10)
    start_index = end_year * 12 + end_month - 1 - months
    start = (start_index // 12, start_index % 12 + 1)
    return (
        f"{start[1]:02d}/{start[0]}",
        ("" if end is None else f"{end_month:02d}/{end_year}"),
        start,
    )


def _projects(
    rng: random.Random, spec: Spec, language: str, count: int, neighbour: Spec | None
) -> list[Block]:
    pool = list(spec.projects_de if language == "de" else spec.projects_en)
    chosen = rng.sample(pool, min(count, len(pool)))
    if neighbour is not None:
        extra = neighbour.projects_de if language == "de" else neighbour.projects_en
        chosen[-1 if len(chosen) > 1 else 0 :] = [rng.choice(extra)]
    return chosen


def _skill_entries(
    rng: random.Random, tags: list[str], seniority: str, experience: int
) -> list[dict[str, Any]]:
    entries = []
    low = {"junior": 2, "mid": 3, "senior": 3, "lead": 4}[seniority]
    for tag in tags:
        names = NAMES.get(tag, (usual_name(tag),))
        name = names[0] if rng.random() < 0.7 or len(names) == 1 else rng.choice(names[1:])
        # Some pairs are listed together so often that half the lists holding one hold both.
        written = list(PAIRS[tag]) if tag in PAIRS and rng.random() < 0.5 else [name]
        for each in written:
            years = rng.choice([None, float(rng.randint(1, max(1, experience)))])
            entries.append(
                {
                    "name": each,
                    "level": rng.randint(low, 5),
                    "years": years,
                    "last_used": rng.choice([None, THIS_YEAR, THIS_YEAR - 1, THIS_YEAR - 3]),
                }
            )
    # Real CVs repeat themselves: the same skill under a second name, sometimes twice.
    repeatable = [t for t in tags if len(NAMES.get(t, ())) > 1]
    for _ in range(rng.choice([0, 0, 1, 1, 2])):
        if not repeatable:
            break
        tag = rng.choice(repeatable)
        used = {e["name"] for e in entries}
        others = [n for n in NAMES[tag] if n not in used]
        if others:
            entries.insert(
                rng.randrange(len(entries) + 1),
                {
                    "name": rng.choice(others),
                    "level": rng.randint(low, 5),
                    "years": None,
                    "last_used": None,
                },
            )
    return entries


def _list_tags(rng: random.Random, spec: Spec, shown: set[str]) -> list[str]:
    ordered = [t for t in spec.stack if t in shown] + sorted(shown - set(spec.stack))
    extras = [t for t in spec.stack if t not in shown]
    ordered += rng.sample(extras, min(len(extras), rng.randint(0, 2)))
    keep = ordered[: rng.randint(6, 14)]
    return [
        t
        for t in keep
        if t not in {"data_engineering", "data_science", "devops", "dba"} or rng.random() < 0.5
    ]


def _languages(rng: random.Random, language: str) -> list[dict[str, str]]:
    if language == "de":
        spoken = [
            {"code": "de", "level": "native"},
            {"code": "en", "level": rng.choice(["C1", "C1", "B2", "C2"])},
        ]
    else:
        german = rng.choice(["native", "native", "C1", "B2", "B1", None])
        spoken = [{"code": "en", "level": rng.choice(["native", "C1", "C2"])}]
        if german:
            spoken.append({"code": "de", "level": german})
    if rng.random() < 0.3:
        spoken.append(
            {
                "code": rng.choice(["fr", "pl", "tr", "es", "it"]),
                "level": rng.choice(["B1", "B2", "native"]),
            }
        )
    return spoken


def _language_line(language: str, spoken: list[dict[str, str]]) -> str:
    labels, levels = LANGUAGE_LABELS[language], LEVEL_LABELS[language]
    return ", ".join(f"{labels[s['code']]} – {levels[s['level']]}" for s in spoken)


HEADINGS = {
    ("en", 0): ("PROFILE", "PROJECT HISTORY", "SKILLS", "EDUCATION", "LANGUAGES"),
    ("en", 1): ("Summary", "Experience", "Technical skills", "Education", "Languages"),
    ("en", 2): (
        "About me",
        "Selected projects",
        "Tools and technologies",
        "Education",
        "Languages",
    ),
    ("de", 0): ("Kurzprofil", "Projekthistorie", "IT-Kenntnisse", "Ausbildung", "Sprachen"),
    ("de", 1): (
        "Profil",
        "Projekterfahrung",
        "Technologien",
        "Aus- und Weiterbildung",
        "Sprachkenntnisse",
    ),
    ("de", 2): (
        "Über mich",
        "Ausgewählte Projekte",
        "Fachliche Schwerpunkte",
        "Ausbildung",
        "Sprachen",
    ),
}
PROSE_LEADS = {
    "en": (
        "From {start} to {end} I worked as {role} ({engagement}).",
        "Between {start} and {end}, as {role}:",
        "{start} to {end}, {role}, {engagement}.",
    ),
    "de": (
        "Von {start} bis {end} war ich als {role} tätig ({engagement}).",
        "Zwischen {start} und {end} als {role}:",
        "{start} bis {end}: {role}, {engagement}.",
    ),
}
PROSE_CURRENT = {
    "en": (
        "Since {start} I have been working as {role} ({engagement}).",
        "My current assignment, since {start}, as {role}:",
    ),
    "de": (
        "Seit {start} arbeite ich als {role} ({engagement}).",
        "Mein aktuelles Projekt seit {start} als {role}:",
    ),
}


LEVEL_WORDS = {
    "en": {1: "basic", 2: "basic", 3: "good", 4: "very good", 5: "expert"},
    "de": {1: "Grundkenntnisse", 2: "Grundkenntnisse", 3: "gut", 4: "sehr gut", 5: "Experte"},
}


def _tech_list(rng: random.Random, skills: list[dict[str, Any]], language: str) -> str:
    """The skill section as CVs write it: a plain list, or each name with a level word."""
    if rng.random() < 0.6:
        return ", ".join(entry["name"] for entry in skills)
    words = LEVEL_WORDS[language]
    return "\n".join(f"{entry['name']} ({words[entry['level']]})" for entry in skills)


def compose(rng: random.Random, spec: Spec, language: str, *, prose_only: bool) -> Composed:
    seniority = rng.choice(["junior", "mid", "mid", "senior", "senior", "lead"])
    experience = rng.randint(*SENIORITY_YEARS[seniority])
    neighbour = (
        SPECS[rng.choice(spec.neighbours)] if spec.neighbours and rng.random() < 0.3 else None
    )
    count = {"junior": 2, "mid": 3, "senior": 4, "lead": 4}[seniority]
    profile = rng.choice(spec.profiles_de if language == "de" else spec.profiles_en)
    projects = _projects(rng, spec, language, count, neighbour)
    roles = spec.roles_de if language == "de" else spec.roles_en
    engagements = ENGAGEMENTS_DE if language == "de" else ENGAGEMENTS_EN
    today = "heute" if language == "de" else "today"
    shown = set(profile.tags).union(*(p.tags for p in projects))
    headline = rng.choice(spec.headlines_de if language == "de" else spec.headlines_en)
    education = rng.choice(EDUCATION_DE if language == "de" else EDUCATION_EN)
    spoken = _languages(rng, language)

    history: list[str] = []
    history_start: list[str] = []
    end = None
    task_pool = rng.sample(TASKS_DE if language == "de" else TASKS_EN, 12)
    for project in projects:
        months = rng.randint(7, 30)
        start, stop, start_tuple = _period(rng, end, months)
        # A project borrowed from the neighbouring field carries that field's job title.
        own_roles = roles
        if neighbour is not None and project not in spec.projects_en + spec.projects_de:
            own_roles = neighbour.roles_de if language == "de" else neighbour.roles_en
        role, engagement = rng.choice(own_roles), rng.choice(engagements)
        tasks = [task_pool.pop() for _ in range(rng.randint(1, 3))]
        history_start.append(start)
        if prose_only:
            leads = PROSE_CURRENT[language] if end is None else PROSE_LEADS[language]
            lead = rng.choice(leads).format(start=start, end=stop, role=role, engagement=engagement)
            history.append(f"{lead} {project.text} {'. '.join(tasks)}.")
        else:
            bullets = "\n".join(f"- {task}" for task in tasks)
            history.append(
                f"{start} – {stop or today} | {role} | {engagement}\n{project.text}\n{bullets}"
            )
        end = (
            (start_tuple[0], start_tuple[1])
            if rng.random() < 0.7
            else (start_tuple[0] - (start_tuple[1] == 1), (start_tuple[1] - 2) % 12 + 1)
        )

    first_year = int(history_start[-1][3:]) if history_start else THIS_YEAR
    if THIS_YEAR - experience < first_year - 1:
        earlier = rng.choice(EARLIER_DE if language == "de" else EARLIER_EN)
        history.append(earlier.format(start=THIS_YEAR - experience, end=first_year))
    # Short CVs (juniors, two projects) get a little more about the person.
    closings = rng.sample(
        CLOSING_DE if language == "de" else CLOSING_EN,
        rng.randint(1, 2) if len(projects) > 2 else 3,
    )
    profile_text = f"{profile.text} {' '.join(closings)}"
    if prose_only:
        closing = (
            f"Ausbildung: {education}. Sprachen: {_language_line(language, spoken)}."
            if language == "de"
            else f"Education: {education}. Languages: {_language_line(language, spoken)}."
        )
        text = "\n\n".join([profile_text, *history, closing])
        skills: list[dict[str, Any]] = []
    else:
        list_tags = _list_tags(rng, spec, shown)
        shown |= set(list_tags)
        skills = _skill_entries(rng, list_tags, seniority, experience)
        headings = HEADINGS[(language, rng.randrange(3))]
        tech = _tech_list(rng, skills, language)
        text = "\n\n".join(
            [
                f"{headings[0]}\n{profile_text}",
                f"{headings[1]}\n" + "\n\n".join(history),
                f"{headings[2]}\n{tech}",
                f"{headings[3]}\n{education}",
                f"{headings[4]}\n{_language_line(language, spoken)}",
            ]
        )
    return Composed(
        language,
        spec.key,
        [neighbour.key] if neighbour else [],
        shown,
        headline,
        text,
        skills,
        seniority,
        prose_only,
        spoken,
    )


def from_hand(cv: HandCV) -> Composed:
    skills = [
        {"name": n, "level": level, "years": years, "last_used": THIS_YEAR}
        for n, level, years in cv.skills
    ]
    return Composed(
        cv.language,
        cv.primary,
        list(cv.secondary),
        set(cv.tags),
        cv.headline,
        cv.text,
        skills,
        "mid",
        not cv.skills,
        [{"code": code, "level": level} for code, level in cv.spoken],
        cv.key,
    )


def _as_extracted(rng: random.Random, cv: Composed, name: str) -> str:
    """About a quarter of CVs read like text pulled from a PDF: a title line, page footers,
    bullet glyphs. The words that show competences are untouched."""
    if cv.hard_case or rng.random() >= 0.25:
        return cv.text
    german = cv.language == "de"
    title = f"Lebenslauf {name}" if german else f"CURRICULUM VITAE – {name.upper()}"
    footer = "Seite {page} von 2" if german else "Page {page} of 2"
    paragraphs = cv.text.replace("\n- ", "\n• ").split("\n\n")
    middle = len(paragraphs) // 2
    paragraphs.insert(middle, footer.format(page=1))
    return "\n\n".join([title, *paragraphs, footer.format(page=2)])


def profile_body(rng: random.Random, cv: Composed, index: int) -> dict[str, Any]:
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    rate = {"junior": (550, 700), "mid": (650, 900), "senior": (800, 1050), "lead": (900, 1150)}[
        cv.seniority
    ]
    return {
        "name": f"{first} {last}",
        "email": f"{first.lower()}.{last.lower()}.{index:03d}@example.org".replace("ö", "oe")
        .replace("ü", "ue")
        .replace("ä", "ae")
        .replace("ó", "o"),
        "headline": cv.headline,
        "summary": _as_extracted(rng, cv, f"{first} {last}"),
        "skills": cv.skills,
        "available_in_days": rng.choice([None, None, 0, 7, 14, 21, 30]),
        "day_rate": None if rng.random() < 0.1 else rng.randrange(*rate, 10),
        "location": {"city": rng.choice(CITIES), "country": "DE"},
        "remote": rng.choice(["hybrid", "hybrid", "remote", "onsite"]),
        "languages": cv.spoken,
        "engagement": rng.choice(["freelance", "freelance", "either"]),
        "source": {
            "type": rng.choice(["referral", "event", "job_board", "inbound", "former_colleague"])
        },
        "consent": CONSENT,
    }


def compose_all(seed: int, per_spec: int = 8, prose_share: float = 0.25) -> list[Composed]:
    """Every CV of the set: `per_spec` per specialisation plus the hand-written hard cases."""
    rng = random.Random(seed)
    plan = [
        (spec, (i + n) % 3 == 0) for n, spec in enumerate(SPECS.values()) for i in range(per_spec)
    ]
    hand = [from_hand(cv) for cv in HAND_CVS]
    prose_needed = round((len(plan) + len(hand)) * prose_share) - sum(c.prose_only for c in hand)
    prose = set(rng.sample(range(len(plan)), prose_needed))
    cvs = [
        compose(rng, spec, "de" if german else "en", prose_only=i in prose)
        for i, (spec, german) in enumerate(plan)
    ]
    return cvs + hand
