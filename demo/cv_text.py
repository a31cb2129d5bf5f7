"""CV prose in English or German, assembled from varied blocks rather than one template.

A CV has some of: a profile paragraph, a skills section (as a list, a table-like block or not at
all), projects with periods, industries and achievements, education, languages, certificates.
Order, wording, headings and spellings vary; every true skill is named somewhere in the text.
"""

from __future__ import annotations

import random

from demo.model import SkillEntry
from demo.places import INDUSTRIES
from demo.rand import between, pick

_LEVEL_WORDS = {
    "en": {1: "basic", 2: "working", 3: "good", 4: "very good", 5: "expert"},
    "de": {1: "Grundkenntnisse", 2: "Kenntnisse", 3: "gut", 4: "sehr gut", 5: "Experte"},
}

_PROFILE = {
    "en": (
        "{title} with {years} years of experience in {industry_a} and {industry_b}. I focus on "
        "{s0} and {s1}, and I like teams that ship small changes often.",
        "Freelance {title} based in {city}. Over the last {years} years I have built and run "
        "systems with {s0}, {s1} and {s2} for clients in {industry_a}.",
        "I am a {seniority_en} {title} ({years} years). Most of my work is {s0}-heavy backend "
        "and platform work; lately a lot of {s1}.",
        "Pragmatic {title}. {years} years in consulting and product teams, mostly {industry_a}. "
        "Strong in {s0}; comfortable with {s1} and {s2}.",
        "Hands-on {seniority_en} {title} who enjoys untangling legacy systems. Toolbox: {s0}, "
        "{s1}, {s2}. Available for projects in {city} or remote.",
    ),
    "de": (
        "{title} mit {years} Jahren Erfahrung in den Branchen {industry_a} und {industry_b}. "
        "Schwerpunkte: {s0} und {s1}.",
        "Freiberuflicher {title} aus {city}. Seit {years} Jahren entwickle und betreibe ich "
        "Systeme mit {s0}, {s1} und {s2}, überwiegend im Umfeld {industry_a}.",
        "Ich bin {seniority_de}{title} ({years} Jahre Berufserfahrung) und arbeite am liebsten "
        "in agilen Teams. Mein Fokus liegt auf {s0}, zuletzt viel {s1}.",
        "Erfahrener {title}. {years} Jahre Projekterfahrung, davon viele im {industry_a}. "
        "Sehr gute Kenntnisse in {s0}, dazu {s1} und {s2}.",
        "Praxisorientierter {title} mit Freude an sauberer Architektur. Werkzeuge: {s0}, {s1}, "
        "{s2}. Verfügbar für Projekte in {city} oder remote.",
    ),
}

_PROJECT = {
    "en": (
        "Built {s0} services for a client in {industry}; introduced {s1} and cut release "
        "time from weeks to days.",
        "Took over a stalled {industry} project: stabilised the {s0} code base, added {s1}, "
        "went live after five months.",
        "Part of a cross-functional team ({n} people); daily work with {s0} and {s1}, code "
        "reviews, pairing with the client's developers.",
        "Migrated a monolith to {s0}, with {s1} for the integration layer. Led a team of {n}.",
        "Developed new features in {s0} and {s1}; wrote the test strategy and coached two juniors.",
        "Responsible for {s0} in a {industry} programme; automated the rollout with {s1}.",
        "Replaced a fragile nightly batch with {s0} and {s1}; on-call for the production system.",
        "Architecture and implementation of a customer portal ({s0}, {s1}); {n} developers.",
        "Performance tuning of {s0} workloads, monitoring with {s1}, documentation for operations.",
    ),
    "de": (
        "Entwicklung von {s0}-Services für ein Unternehmen der {industry}; Einführung von {s1}, "
        "Releasezyklus von Wochen auf Tage verkürzt.",
        "Migration eines Monolithen auf {s0}, Integration über {s1}. Leitung eines Teams von {n}.",
        "Weiterentwicklung einer Fachanwendung mit {s0} und {s1}; Teststrategie und Coaching.",
        "Verantwortlich für {s0} in einem Großprojekt ({industry}); Automatisierung mit {s1}.",
        "Ablösung eines Batch-Systems durch {s0} und {s1}; Rufbereitschaft für den Betrieb.",
        "Übernahme eines ins Stocken geratenen Projekts ({industry}): Stabilisierung der "
        "{s0}-Codebasis, Einführung von {s1}, Go-live nach fünf Monaten.",
        "Mitarbeit in einem crossfunktionalen Team ({n} Personen) mit {s0} und {s1}; Code-Reviews "
        "und Pair Programming mit den Entwicklern des Kunden.",
        "Konzeption und Umsetzung eines Kundenportals ({s0}, {s1}) mit {n} Entwicklern.",
        "Performanceoptimierung von {s0}, Monitoring mit {s1}, Betriebsdokumentation.",
    ),
}

_ROLE = {
    "en": ("Senior Developer", "Lead Engineer", "Consultant", "Developer", "Architect"),
    "de": ("Senior-Entwickler", "Lead Engineer", "Berater", "Entwickler", "Architekt"),
}
_HEADINGS = {
    "en": {
        "profile": ("Profile", "About me", "Summary"),
        "skills": ("Skills", "Technical skills", "Core skills", "Technologies"),
        "projects": ("Projects", "Project experience", "Selected projects", "Experience"),
        "education": ("Education",),
        "languages": ("Languages",),
        "certs": ("Certifications", "Certificates"),
    },
    "de": {
        "profile": ("Profil", "Über mich", "Kurzprofil"),
        "skills": ("Kenntnisse", "Fachliche Kenntnisse", "Technologien", "Skills"),
        "projects": ("Projekte", "Projekterfahrung", "Ausgewählte Projekte"),
        "education": ("Ausbildung",),
        "languages": ("Sprachen",),
        "certs": ("Zertifikate", "Zertifizierungen"),
    },
}
_EDUCATION = {
    "en": (
        "M.Sc. Computer Science, {uni}",
        "B.Sc. Business Informatics, {uni}",
        "Diploma in Electrical Engineering, {uni}",
        "Apprenticeship as IT specialist (application development)",
        "Self-taught; B.A. in Philosophy, {uni}",
    ),
    "de": (
        "M.Sc. Informatik, {uni}",
        "B.Sc. Wirtschaftsinformatik, {uni}",
        "Diplom-Ingenieur Elektrotechnik, {uni}",
        "Ausbildung zum Fachinformatiker für Anwendungsentwicklung",
        "Quereinstieg; Magister Germanistik, {uni}",
    ),
}
_UNIS = (
    "TU München",
    "KIT Karlsruhe",
    "RWTH Aachen",
    "TU Berlin",
    "Universität Hamburg",
    "HTW Dresden",
    "Universität Stuttgart",
    "TU Wien",
    "ETH Zürich",
    "Politechnika Warszawska",
    "Universidade do Porto",
    "Universität Leipzig",
    "Hochschule München",
)
_LANGUAGE_NAMES = {
    "en": {"de": "German", "en": "English", "fr": "French", "es": "Spanish", "pl": "Polish"},
    "de": {
        "de": "Deutsch",
        "en": "Englisch",
        "fr": "Französisch",
        "es": "Spanisch",
        "pl": "Polnisch",
    },
}
_SENIORITY = {
    "en": {"junior": "junior", "mid": "mid-level", "senior": "senior", "lead": "lead"},
    "de": {"junior": "Junior-", "mid": "erfahrener ", "senior": "Senior-", "lead": "leitender "},
}


def _skill_line(rng: random.Random, language: str, skills: list[SkillEntry]) -> str:
    style = rng.randrange(4)
    if style == 0:
        return ", ".join(entry.spelling for entry in skills)
    if style == 1:
        return "\n".join(f"- {entry.spelling}" for entry in skills)
    if style == 2:
        words = _LEVEL_WORDS[language]
        return "\n".join(f"{entry.spelling}: {words[entry.level]}" for entry in skills)
    unit = "years" if language == "en" else "Jahre"
    return " | ".join(
        f"{entry.spelling} ({entry.years:g} {unit})" if entry.years else entry.spelling
        for entry in skills
    )


def _project(
    rng: random.Random, language: str, names: list[str], end_year: int, industry: str
) -> tuple[str, int]:
    length = between(rng, 1, 3)
    start = end_year - length
    template = pick(rng, _PROJECT[language])
    text = template.format(
        s0=names[0], s1=names[1 % len(names)], industry=industry, n=between(rng, 3, 12)
    )
    role = pick(rng, _ROLE[language])
    if len(names) > 2:
        label = pick(
            rng,
            ("Technologies", "Stack", "Tools")
            if language == "en"
            else ("Technologien", "Umfeld", "Werkzeuge"),
        )
        text += f" {label}: {', '.join(names[2:])}."
    period = f"{start}–{end_year}" if rng.random() < 0.5 else f"{start} - {end_year}"
    return f"{period}  {role}\n{text}", start


def write_cv(
    rng: random.Random,
    *,
    language: str,
    title: str,
    seniority: str,
    years: int,
    city: str,
    skills: list[SkillEntry],
    languages: list[tuple[str, str]],
    this_year: int,
) -> str:
    """A CV that names every skill in `skills` at least once (by its spelling)."""
    headings = _HEADINGS[language]
    industries = rng.sample(range(len(INDUSTRIES)), 2)
    industry_names = [INDUSTRIES[i][1 if language == "en" else 2] for i in industries]
    names = [entry.spelling for entry in skills]
    padded = names + names[:3]
    profile = pick(rng, _PROFILE[language]).format(
        title=title,
        years=years,
        city=city,
        industry_a=industry_names[0],
        industry_b=industry_names[1],
        s0=padded[0],
        s1=padded[1],
        s2=padded[2],
        seniority_en=_SENIORITY["en"][seniority],
        seniority_de=_SENIORITY["de"][seniority],
    )
    sections: list[str] = [f"{pick(rng, headings['profile'])}\n{profile}"]
    # Projects name the rest of the skills, newest first, a few per project.
    rest = names[2:]
    rng.shuffle(rest)
    project_count = max(1, min(4, (years + 2) // 3))
    chunks = [rest[i::project_count] for i in range(project_count)]
    blocks = []
    end_year = this_year
    for chunk in chunks:
        others = [name for name in rng.sample(names, min(2, len(names))) if name not in chunk]
        mentioned = chunk + others[: max(0, 4 - len(chunk))]
        block, start = _project(rng, language, mentioned, end_year, pick(rng, industry_names))
        blocks.append(block)
        end_year = start
    sections.append(f"{pick(rng, headings['projects'])}\n" + "\n\n".join(blocks))
    if rng.random() < 0.55:
        position = pick(rng, (1, len(sections)))
        sections.insert(
            position, f"{pick(rng, headings['skills'])}\n{_skill_line(rng, language, skills)}"
        )
    if rng.random() < 0.7:
        education = pick(rng, _EDUCATION[language]).format(uni=pick(rng, _UNIS))
        sections.append(f"{pick(rng, headings['education'])}\n{education}")
    if languages and rng.random() < 0.8:
        names_of = _LANGUAGE_NAMES[language]
        spoken = ", ".join(f"{names_of.get(code, code)} ({level})" for code, level in languages)
        sections.append(f"{pick(rng, headings['languages'])}\n{spoken}")
    separator = "\n\n" if rng.random() < 0.8 else "\n"
    return separator.join(sections)
