"""Skill extraction throughput: CVs of about 3,000 characters per minute on one core.

    taskset -c 0 python -m tests.bench.bench_extract [--cvs 2000] [--seed 7]

Generates realistic English and German CVs (profile prose, a project history with periods, a
skill list with aliases, versions and misspellings, everyday words that collide with skill
names), extracts skills from each with the packaged catalogue and prints CVs/minute, the
median and p99 time per CV, and the mean number of skills found; then the same for the
hand-written CVs of the text evaluation set (tests/eval). Target: ≥ 10,000 CVs/minute.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import date

from shared.skills.extract import extract_skills
from shared.skills.taxonomy import Taxonomy, get_catalogue_taxonomy

TARGET_LENGTH = 3_000

PROSE_EN = [
    "I am a senior engineer who enjoys turning vague requirements into reliable software.",
    "In my last role I led a team of five developers and reported to the CTO.",
    "We moved the platform to the cloud and cut release times from weeks to hours.",
    "I care about clean code, automated tests and a calm on-call rotation.",
    "Before that I worked in R&D for an automotive supplier and trained junior staff.",
    "The go-live went smoothly; the client's C-level management signed off in spring.",
    "Responsible for architecture decisions, code reviews and mentoring.",
    "Built data pipelines that process several terabytes per day with low latency.",
]
PROSE_DE = [
    "Ich bin ein erfahrener Entwickler mit Schwerpunkt auf verteilten Systemen.",
    "Mein Chef lobte die schnelle Umsetzung; der Rest des Teams übernahm die Wartung.",
    "Verantwortlich für Architektur, Code-Reviews und die Einarbeitung neuer Kollegen.",
    "Im Projekt wurde die Anwendung in die Cloud migriert und der Go-Live begleitet.",
    "Seit mehreren Jahren berate ich Kunden aus Banken, Versicherungen und Industrie.",
    "Aufbau einer Datenplattform für die Auswertung von Produktionsdaten.",
    "Die Zusammenarbeit mit dem Fachbereich erfolgte agil in zweiwöchigen Sprints.",
]
ROLES = ["Backend Developer", "Data Engineer", "DevOps Engineer", "SAP Berater", "Tester"]


def _spelling(rng: random.Random, names: list[str]) -> str:
    spelling = rng.choice(names)
    roll = rng.random()
    if roll < 0.1:
        return spelling.upper()
    if roll < 0.2:
        return f"{spelling} {rng.randint(2, 17)}"
    return spelling


def make_cv(rng: random.Random, spellings: list[list[str]]) -> str:
    """One CV of about TARGET_LENGTH characters, English or German."""
    german = rng.random() < 0.5
    prose = PROSE_DE if german else PROSE_EN
    parts = ["Profil" if german else "Profile", " ".join(rng.sample(prose, 4)), ""]
    while sum(len(part) + 1 for part in parts) < TARGET_LENGTH - 400:
        start = rng.randint(2005, 2022)
        skills = ", ".join(_spelling(rng, rng.choice(spellings)) for _ in range(rng.randint(3, 7)))
        years = rng.randint(2, 9)
        parts.append(f"{rng.randint(1, 12):02d}/{start} – {rng.randint(1, 12):02d}/{start + 1}")
        parts.append(f"{rng.choice(ROLES)} – {rng.choice(prose)}")
        if german:
            parts.append(f"Technologien: {skills}. {years} Jahre Erfahrung mit {skills[:20]}")
        else:
            parts.append(f"Technologies: {skills}. {years} years of {skills[:20]} in production")
        parts.append("")
    listed = ", ".join(_spelling(rng, rng.choice(spellings)) for _ in range(15))
    parts.append(("Kenntnisse: " if german else "Skills: ") + listed)
    return "\n".join(parts)[: TARGET_LENGTH + 200]


def measure(label: str, cvs: list[str], taxonomy: Taxonomy) -> None:
    """Extract from every CV once and print throughput and latency."""
    today = date(2026, 6, 1)
    timings: list[float] = []
    found = 0
    began, began_cpu = time.perf_counter(), time.process_time()
    for cv in cvs:
        started = time.perf_counter()
        found += len(extract_skills(cv, taxonomy, today=today))
        timings.append(time.perf_counter() - started)
    elapsed, cpu = time.perf_counter() - began, time.process_time() - began_cpu

    timings.sort()
    mean_length = statistics.fmean(len(cv) for cv in cvs)
    print(f"extraction, {label}: {len(cvs)} CVs, mean {mean_length:.0f} characters, one thread")
    print(f"  CVs/minute {len(cvs) / elapsed * 60:,.0f} (target >= 10,000 of 3,000 characters)")
    # On a shared machine the wall clock includes time the process waited for the core.
    print(f"  CVs per CPU-minute {len(cvs) / cpu * 60:,.0f}")
    print(f"  characters per CPU-second {sum(map(len, cvs)) / cpu:,.0f}")
    print(
        f"  per CV p50 {timings[len(timings) // 2] * 1000:.2f} ms, "
        f"p99 {timings[int(len(timings) * 0.99)] * 1000:.2f} ms"
    )
    print(f"  skills per CV {found / len(cvs):.1f}")


# Texts built to hit every loop that could go quadratic (cues, context chains, periods).
ADVERSARIAL = {
    "cue per mention": "Java (required), Kotlin (a plus), Go is a must. ",
    "heading lines": "Required: Java, Spring; nice to have: Kafka\n",
    "context chain": "Chef, ",
    "periods": "2018 – 2020: Java, Kafka\n",
    "durations": "5 years of Java, ",
}


def measure_adversarial(taxonomy: Taxonomy) -> None:
    """CPU time for 100,000-character texts that repeat one pattern (the profile limit)."""
    print("extraction, adversarial 100,000-character texts (CPU ms):")
    for label, pattern in ADVERSARIAL.items():
        text = (pattern * (100_000 // len(pattern) + 1))[:99_990] + " Ansible"
        began = time.process_time()
        extract_skills(text, taxonomy)
        print(f"  {label}: {(time.process_time() - began) * 1000:.0f}")


def labelled_cvs(count: int) -> list[str]:
    """The hand-written CVs of the text evaluation set (tests/eval), repeated to `count`."""
    try:
        from evaluation.dataset import load_eval_set
    except ImportError:  # an installed package without the evaluation set
        return []
    texts = [cv.text for cv in load_eval_set().cvs]
    return [texts[number % len(texts)] for number in range(count)] if texts else []


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cvs", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()

    taxonomy = get_catalogue_taxonomy()
    spellings = [[entry.name, *entry.aliases] for entry in taxonomy]
    rng = random.Random(args.seed)
    cvs = [make_cv(rng, spellings) for _ in range(args.cvs)]
    extract_skills(cvs[0], taxonomy)  # builds the matcher once, as a service would
    measure("generated EN/DE", cvs, taxonomy)
    labelled = labelled_cvs(args.cvs)
    if labelled:
        measure("tests/eval CVs", labelled, taxonomy)
    measure_adversarial(taxonomy)


if __name__ == "__main__":
    main()
