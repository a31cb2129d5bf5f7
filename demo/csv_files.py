"""The world as the CSV files the public import endpoints take."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from demo.model import ContactSpec, FreelancerSpec, InteractionSpec

FREELANCER_COLUMNS = (
    "name",
    "email",
    "headline",
    "summary",
    "skills",
    "available_from",
    "day_rate",
    "city",
    "country",
    "remote",
    "languages",
    "engagement",
    "source_type",
    "source_detail",
    "consent_given_at",
    "consent_method",
)


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def freelancers_csv(specs: Sequence[FreelancerSpec]) -> bytes:
    def row(spec: FreelancerSpec) -> list[object]:
        skills = (
            "; ".join(f"{s.spelling}:{s.level}:{s.years:g}:{s.last_used}" for s in spec.skills)
            if spec.lists_skills
            else ""
        )
        return [
            spec.name,
            spec.email,
            spec.headline,
            spec.cv_text,
            skills,
            spec.available_from.isoformat() if spec.available_from else "",
            spec.day_rate,
            spec.city,
            spec.country,
            spec.remote,
            "; ".join(f"{code}:{level}" for code, level in spec.languages),
            spec.engagement,
            spec.source_type,
            spec.source_detail or "",
            spec.joined_at.isoformat(),
            spec.consent_method,
        ]

    return _csv(FREELANCER_COLUMNS, (row(spec) for spec in specs))


def contact_ref(seed: int, key: int) -> str:
    return f"demo-{seed}-{key}"


def contacts_csv(
    seed: int,
    specs: Sequence[ContactSpec],
    *,
    freelancer_ids: Sequence[int],
    organization_ids: Sequence[int],
) -> bytes:
    header = (
        "name",
        "external_ref",
        "email",
        "company",
        "internal",
        "freelancer_id",
        "organization_id",
    )
    return _csv(
        header,
        (
            [
                spec.name,
                contact_ref(seed, spec.key),
                spec.email or "",
                spec.company or "",
                "true" if spec.internal else "false",
                "" if spec.freelancer_key is None else freelancer_ids[spec.freelancer_key],
                "" if spec.client_key is None else organization_ids[spec.client_key],
            ]
            for spec in specs
        ),
    )


def interactions_csv(seed: int, specs: Sequence[InteractionSpec]) -> bytes:
    return _csv(
        ("contact_a", "contact_b", "channel", "occurred_on", "context"),
        (
            [
                contact_ref(seed, s.a),
                contact_ref(seed, s.b),
                s.channel,
                s.occurred_on.isoformat(),
                s.context,
            ]
            for s in specs
        ),
    )
