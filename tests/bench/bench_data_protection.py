"""Cost of the data-protection and workflow checks at agency scale.

    python -m tests.bench.bench_data_protection [--profiles 200000] [--audit 500000]

Creates a scratch database on the server in DATABASE_URL (default
postgresql://postgres@127.0.0.1:5432/test), migrates it, loads `--profiles` freelancers with
distinct summaries, `--audit` audit rows, 50,000 stored Idempotency-Key responses and 20,000
placements, then prints:

1. the duplicate check run at every POST /v1/freelancers (median and p95 over 50 new profiles)
   and whether its plan uses the name and summary-digest indexes;
2. the hard-filter query of unavailable freelancers (placed over the dates, consent withdrawn,
   being erased) for one request (median and p95 over 50 requests);
3. one whole erasure (the three services' steps and the shared scrub) of a freelancer with
   vouches, reviews, match results and a placement (median over 5 people).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from services.intake.data_subjects import jobs as intake_jobs
from services.intake.duplicates.detect import find_duplicates
from services.matching.data_subjects import jobs as matching_jobs
from services.matching.ranking.unavailable import unavailable_by_request
from services.referrals.data_subjects import jobs as referrals_jobs
from shared.data_subjects import start_operation
from shared.db.migrate import upgrade
from shared.models import Freelancer
from shared.skills.sync import sync_catalogue
from tests.support.database import scratch_database

DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/test"
WORDS = [
    "python",
    "java",
    "kotlin",
    "kubernetes",
    "terraform",
    "payments",
    "banking",
    "react",
    "sql",
    "spark",
    "kafka",
]


def timed(work: Callable[[], object], runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def load(session: Session, profiles: int, audit: int) -> None:
    session.execute(
        text(
            "INSERT INTO freelancers (name, email, phone, headline, summary, remote, engagement,"
            " source_type, consent_given_at, consent_method, location_city)"
            " SELECT 'Person ' || i, 'p' || i || '@example.com', '+49 170 ' || (1000000 + i),"
            " 'Engineer', 'Profile ' || i || ': ' || repeat(md5(i::text) || ' ', 8),"
            " 'remote', ARRAY['freelance'], 'referral', now(), 'bench', 'City ' || (i % 500)"
            " FROM generate_series(1, :n) i"
        ),
        {"n": profiles},
    )
    session.execute(
        text(
            "INSERT INTO audit_log (actor_role, action, entity, entity_id, detail)"
            " SELECT 'account_manager', 'read', 'freelancer', (i % :n + 1)::text,"
            " jsonb_build_object('query', jsonb_build_object('q', md5(i::text)))"
            " FROM generate_series(1, :a) i"
        ),
        {"n": profiles, "a": audit},
    )
    session.execute(
        text(
            "INSERT INTO organizations (name) VALUES ('Bench GmbH');"
            "INSERT INTO api_keys (key_hash, prefix, name, role) VALUES (md5('k') || md5('k'), 'x', 'b',"
            " 'admin');"
        )
    )
    session.execute(
        text(
            "INSERT INTO idempotency_records (api_key_id, key, method, path, body_sha256,"
            " status_code, response_body, expires_at)"
            " SELECT (SELECT id FROM api_keys LIMIT 1), 'k' || i, 'POST', '/v1/vouches', '',"
            " 201, jsonb_build_object('freelancer_id', i % :n + 1, 'statement', md5(i::text)),"
            " now() + interval '2 days' FROM generate_series(1, 50000) i"
        ),
        {"n": profiles},
    )
    session.execute(
        text(
            "INSERT INTO staffing_requests (organization_id, title, description, languages,"
            " start_date, duration_months, max_day_rate, remote, engagement, status)"
            " SELECT (SELECT id FROM organizations LIMIT 1), 'Request ' || i, '', '{}',"
            " current_date + (i % 300), 6, 900, 'remote', 'freelance', 'open'"
            " FROM generate_series(1, 20000) i"
        )
    )
    session.execute(
        text(
            "INSERT INTO placements (request_id, freelancer_id, start_date, day_rate, outcome)"
            " SELECT r.id, (r.id * 7919) % :n + 1, r.start_date, 800, 'ongoing'"
            " FROM staffing_requests r"
        ),
        {"n": profiles},
    )
    session.execute(text("ANALYZE"))


def bench(url: str, profiles: int, audit: int) -> None:
    upgrade(url)
    engine = create_engine(url)
    with Session(engine) as session, session.begin():
        sync_catalogue(session)
        started = time.perf_counter()
        load(session, profiles, audit)
        print(
            f"loaded {profiles:,} profiles, {audit:,} audit rows in "
            f"{time.perf_counter() - started:.1f} s"
        )
    with Session(engine) as session:
        probe = Freelancer(
            id=0,
            name="Person 4242",
            email="other@example.com",
            phone="0170 1004242",
            summary="Profile 4242: " + ("x" * 300),
            location_city="City 242",
        )
        found = find_duplicates(session, probe)
        median, p95 = timed(lambda: find_duplicates(session, probe), 50)
        print(
            f"duplicate check: median {median:.2f} ms, p95 {p95:.2f} ms "
            f"(found {[(d.id, d.reasons) for d in found]})"
        )
        plan = (
            session.execute(
                text(
                    "EXPLAIN SELECT id FROM freelancers WHERE lower(name) = 'person 4242' OR"
                    " md5(lower(regexp_replace(left(freelancers.summary, 120), '\\s+', ' ', 'g')))"
                    " = md5('x')"
                )
            )
            .scalars()
            .all()
        )
        print(
            "  plan uses:",
            sorted({w for line in plan for w in line.split() if w.startswith("ix_")}),
        )
        request_ids = list(session.scalars(text("SELECT id FROM staffing_requests LIMIT 50")))
        median, p95 = timed(
            lambda: unavailable_by_request(session, [request_ids[0]], tolerance_days=14), 50
        )
        print(f"unavailable freelancers for one request: median {median:.2f} ms, p95 {p95:.2f} ms")
    durations = []
    for n in range(5):
        with Session(engine) as session, session.begin():
            victim = 1000 + n
            session.execute(
                text(
                    "INSERT INTO reviews (request_id, freelancer_id, decision, reviewer_key_id)"
                    " SELECT id, :f, 'presented', (SELECT id FROM api_keys LIMIT 1)"
                    " FROM staffing_requests LIMIT 3"
                ),
                {"f": victim},
            )
            start = time.perf_counter()
            operation = start_operation(
                session,
                kind="erase",
                subject_type="freelancer",
                subject_id=victim,
                scrub_terms=[f"Person {victim}", f"p{victim}@example.com"],
                principal=None,
            )
            payload = {"operation_id": operation.id}
            for step in (referrals_jobs, matching_jobs, intake_jobs):
                step.run_step(session, payload)
            durations.append((time.perf_counter() - start) * 1000)
    print(
        f"one erasure, all steps: median {statistics.median(durations):.0f} ms "
        f"(max {max(durations):.0f} ms) at {datetime.now(UTC):%Y-%m-%d}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=200_000)
    parser.add_argument("--audit", type=int, default=500_000)
    args = parser.parse_args()
    with scratch_database(os.environ.get("DATABASE_URL", DEFAULT_URL), prefix="vouch_bench") as url:
        bench(url, args.profiles, args.audit)


if __name__ == "__main__":
    main()
