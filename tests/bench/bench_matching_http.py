"""Matching over HTTP: `POST /v1/requests/{id}/matches` against a uvicorn process.

    python -m tests.bench.bench_matching_http --sizes 100000 --requests 100

For each size the synthetic agency of `bench_matching` (same generator and seeds) is loaded
into a scratch Postgres database by COPY, open staffing requests of 8 skills (2-4 must-have)
are written with the ORM, and the matching service runs in its own uvicorn process (one
worker). After warm-up, each request is ranked in turn (top 50); the figure is the client-side
latency of the whole call: authentication, the freshness poll, ranking, explanations and the
stored match run. The in-process figures of the same rankings are in `bench_matching`.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, date, datetime
from decimal import Decimal

import httpx
import numpy as np
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from shared.auth.keys import issue_key
from shared.cli.database import command_database
from shared.db.migrate import upgrade
from shared.models import Organization, RequestSkill, StaffingRequest
from shared.models.enums import Role
from tests.bench.bench_intake import _server
from tests.bench.bench_matching import (
    TOP_K,
    _copy,
    catalogue_rows,
    synthetic_requests,
    synthetic_source,
)
from tests.support.database import scratch_database

REMOTE = ("onsite", "hybrid", "remote")
LEVELS = ("", "A1", "A2", "B1", "B2", "C1", "C2", "native")
ENGAGEMENT = {1: "{freelance}", 2: "{permanent}", 3: "{freelance,permanent}"}


def load_profiles(session: Session, n: int) -> None:
    """Skills, relations, freelancers, their skills and languages by COPY."""
    source = synthetic_source(n, seed=11)
    catalogue = catalogue_rows(np.random.default_rng(3))
    _copy(
        session,
        "skills",
        "id, slug, name, category",
        (f"{i}\tskill{i}\tskill{i}\tbench\n" for i in catalogue.skill_ids.tolist()),
    )
    _copy(
        session,
        "skill_relations",
        "skill_id, related_skill_id, weight",
        (
            f"{s}\t{t}\t{w:.3f}\n"
            for s, t, w in zip(
                catalogue.relation_source.tolist(),
                catalogue.relation_target.tolist(),
                catalogue.relation_weight.tolist(),
                strict=True,
            )
        ),
    )
    people = source.freelancers
    now = datetime.now(UTC).isoformat()
    null = "\\N"
    _copy(
        session,
        "freelancers",
        "id, name, email, headline, summary, available_from, day_rate, location_city,"
        " location_country, remote, engagement, source_type, consent_given_at, consent_method",
        (
            f"{i}\tP{i}\tp{i}@example.com\t\t{t}\t"
            f"{date.fromordinal(a).isoformat() if a else null}\t{r:.2f}\t{c or null}\t{k}\t"
            f"{REMOTE[m]}\t{ENGAGEMENT[e]}\tother\t{now}\tbench\n"
            for i, t, a, r, c, k, m, e in zip(
                people.ids.tolist(),
                people.texts,
                people.available_from.tolist(),
                people.day_rate.tolist(),
                people.city,
                people.country,
                people.remote.tolist(),
                people.engagement.tolist(),
                strict=True,
            )
        ),
    )
    skills = source.skills
    _copy(
        session,
        "freelancer_skills",
        "freelancer_id, skill_id, level, years, last_used, raw_name",
        (
            f"{f}\t{s}\t{lv}\t{null if y != y else round(y, 1)}\t{u or null}\tx\n"
            for f, s, lv, y, u in zip(
                skills.freelancer_ids.tolist(),
                skills.skill_ids.tolist(),
                skills.level.tolist(),
                skills.years.tolist(),
                skills.last_used.tolist(),
                strict=True,
            )
        ),
    )
    _copy(
        session,
        "freelancer_languages",
        "freelancer_id, code, level",
        (
            f"{f}\t{chr(c >> 8)}{chr(c & 255)}\t{LEVELS[lv]}\n"
            for f, c, lv in zip(
                source.languages.freelancer_ids.tolist(),
                source.languages.codes.tolist(),
                source.languages.level.tolist(),
                strict=True,
            )
        ),
    )


def write_requests(session: Session, count: int) -> list[int]:
    organization = Organization(name="Bench client")
    session.add(organization)
    session.flush()
    ids = []
    for query in synthetic_requests(count):
        request = StaffingRequest(
            organization_id=organization.id,
            title="Bench request",
            description=query.text,
            start_date=date.fromordinal(query.start_ordinal),
            duration_months=6,
            max_day_rate=Decimal(str(query.max_day_rate)),
            location_city=query.city or None,
            location_country=query.country,
            remote=REMOTE[query.remote],
            languages=["en"] if query.languages else [],
            engagement=query.engagement,
        )
        session.add(request)
        session.flush()
        for skill, must, level, weight in zip(
            query.skill_ids.tolist(),
            query.must_have.tolist(),
            query.min_level.tolist(),
            query.weight.tolist(),
            strict=True,
        ):
            session.add(
                RequestSkill(
                    request_id=request.id,
                    skill_id=skill,
                    must_have=must,
                    min_level=level,
                    weight=weight,
                    raw_name=f"skill{skill}",
                )
            )
        ids.append(request.id)
    session.flush()
    return ids


def bench_size(n: int, requests: int, warm_up: int) -> dict[str, float]:
    with command_database() as base, scratch_database(base, prefix="vouch_bench_http") as url:
        upgrade(url)
        engine = create_engine(url)
        started = time.perf_counter()
        with Session(engine) as session, session.begin():
            load_profiles(session, n)
            request_ids = write_requests(session, requests)
            key = issue_key(session, role=Role.account_manager, name="bench").raw_key
            session.execute(text("ANALYZE"))
        loaded = time.perf_counter() - started
        engine.dispose()
        headers = {"Authorization": f"Bearer {key}"}
        with (
            _server(
                "services.matching.main:app", database_url=url, workers=1, factory=False
            ) as server,
            httpx.Client(base_url=server, headers=headers, timeout=600) as client,
        ):
            started = time.perf_counter()
            for request_id in request_ids[:warm_up]:
                client.post(f"/v1/requests/{request_id}/matches", params={"top_k": TOP_K})
            first = time.perf_counter() - started
            latencies, errors = [], 0
            for request_id in request_ids:
                began = time.perf_counter()
                response = client.post(
                    f"/v1/requests/{request_id}/matches", params={"top_k": TOP_K}
                )
                latencies.append((time.perf_counter() - began) * 1000)
                errors += response.status_code != 201
    timings = np.array(latencies)
    return {
        "profiles": n,
        "load_s": loaded,
        "warm_up_s": first,
        "p50_ms": float(np.percentile(timings, 50)),
        "p95_ms": float(np.percentile(timings, 95)),
        "max_ms": float(timings.max()),
        "errors": errors,
        "requests": len(timings),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", default="100000")
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--warm-up", type=int, default=5)
    args = parser.parse_args()
    print(f"Matching over HTTP: POST /v1/requests/{{id}}/matches?top_k={TOP_K}, one uvicorn worker")
    print(
        f"{'profiles':>10} {'load s':>8} {'warm-up s':>10} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'errors':>7}"
    )
    for size in (int(s) for s in args.sizes.split(",") if s):
        row = bench_size(size, args.requests, args.warm_up)
        print(
            f"{row['profiles']:>10,} {row['load_s']:>8.1f} {row['warm_up_s']:>10.1f} "
            f"{row['p50_ms']:>8.1f} {row['p95_ms']:>8.1f} {row['max_ms']:>8.1f} {row['errors']:>7}",
            flush=True,
        )
        print("BENCH-JSON " + json.dumps({"matching_http": row}), flush=True)


if __name__ == "__main__":
    main()
